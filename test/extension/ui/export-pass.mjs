// UI pass of PRA: Export Plan… in code-server (a browser-hosted editor), called by run-code-server.mjs:
// Word and PDF of a clean French plan through the palette, the format pick and the save dialog, nothing opened
// by itself, the page still answering; then a French plan with errors, in an English window and in a French one: the
// refusal dialog offering "Export a draft" / "Exporter un brouillon", whose Word file is marked BROUILLON.
// Screenshots in test-results/export-*.png.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const notice = page => page.locator('.notifications-toasts .notification-toast');

/** Export Plan… as a user does it: the palette, the format, the save dialog's proposed path (beside the plan). */
async function exportFrom(page, { runCommand }, formatLabel, fileName, command = 'PRA: Export Plan…') {
  await runCommand(page, command);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: formatLabel }).first().click({ timeout: 10_000 });
  // In a browser the save dialog is VS Code's own: a path in the quick input, accepted with Enter.
  const input = page.locator('.quick-input-widget input');
  for (let i = 0; i < 50 && !(await input.inputValue().catch(() => '')).endsWith(fileName); i++) await page.waitForTimeout(200);
  const proposed = await input.inputValue();
  if (!proposed.endsWith(fileName)) throw new Error(`the save dialog proposed ${proposed}, not ${fileName}`);
  await page.keyboard.press('Enter');
  // The save dialog closes once it has taken the path (a second Enter if the first only settled its list).
  const closed = await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).then(() => true, () => false);
  if (!closed) await page.keyboard.press('Enter');
}

export async function exportPass(page, helpers) {
  const { ws, results, log, openFile } = helpers;
  await openFile(page, 'cabinet-martin/plan.pra');
  const editorTabs = () => page.locator('.tabs-container .tab').allInnerTexts();
  for (const [label, extension, magic] of [['Word (.docx)', 'docx', 'PK'], ['PDF (.pdf)', 'pdf', '%PDF']]) {
    const file = join(ws, 'cabinet-martin', `plan.${extension}`);
    rmSync(file, { force: true });
    const before = await editorTabs();
    await exportFrom(page, helpers, label, `plan.${extension}`);
    const toast = notice(page).filter({ hasText: `plan.${extension} written.` }).first();
    await toast.waitFor({ timeout: 90_000 });
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    if (buttons.join('|') !== 'Reveal') {
      throw new Error(`the notice offers ${buttons.join(', ')}: a browser-hosted editor can only reveal`);
    }
    if (!existsSync(file) || readFileSync(file).subarray(0, magic.length).toString('latin1') !== magic) {
      throw new Error(`${file} was not written as ${label}`);
    }
    // Nothing opened by itself: the same editors, no webview.
    await page.waitForTimeout(1500);
    const after = await editorTabs();
    if (after.join('|') !== before.join('|')) throw new Error(`editors changed after the export: ${before} → ${after}`);
    if (await page.locator('iframe.webview').count() > 0 && after.some(t => t.includes(`plan.${extension}`))) {
      throw new Error(`plan.${extension} was opened`);
    }
    const size = readFileSync(file).length;
    log(`UI: Export Plan… wrote cabinet-martin/plan.${extension} (${size} bytes); the notice offers Reveal only`);
    if (extension === 'docx') {
      // The installed extension has no node_modules, so no native resvg: its pictures come from dist/resvg.wasm.
      const pictures = Object.keys(unzipSync(readFileSync(file), { filter: f => /^word\/media\/.*\.png$/.test(f.name) }));
      if (pictures.length < 2) throw new Error(`Word from the editor has ${pictures.length} picture(s): diagram and charts missing`);
      log(`UI: the Word file has ${pictures.length} pictures (the dependency diagram and the scenario charts)`);
    }
    if (extension === 'pdf') await page.screenshot({ path: join(results, 'export-written.png'), timeout: 15_000 });
    const close = toast.locator('.codicon-notifications-clear, .action-label.codicon-close').first();
    await close.click({ timeout: 5_000 }).catch(() => undefined);
  }
  // The page still answers input: Quick Open opens another plan.
  await openFile(page, 'clinique-vet/plan.pra');
  log('UI: after the exports the page still answers (Quick Open opened clinique-vet/plan.pra)');

  // A French plan with errors: the refusal, with "Export a draft". This workbench runs with the smoke-test driver (set
  // for the suite's payload), whose dialog service refuses every modal dialog ("refused to show dialog in tests"):
  // the refusal is shown in windows of their own, opened without it: one in English, then one with French as the
  // display language (the test's language pack, see run-code-server.mjs), where the extension speaks French.
  for (const texts of [ENGLISH, FRENCH]) {
    helpers.displayLanguage(texts.locale);
    const plain = await page.context().newPage();
    try {
      await refusal(plain, page.url(), helpers, texts);
    } finally {
      helpers.displayLanguage('en');
      await plain.close();
    }
  }
}

/** What the refusal window shows, by display language (the French texts are packages/extension/l10n/bundle.l10n.fr.json's). */
const ENGLISH = {
  locale: 'en', gaps: /PRA: (no|\d+) open gaps?/, command: 'PRA: Export Plan…', question: /The plan still has 2 errors\. /,
  draft: 'Export a draft', written: 'plan.docx written, marked as a draft', screenshot: 'export-dialog-en.png'
};
const FRENCH = {
  locale: 'fr', gaps: /PRA : (aucun|\d+) écarts? ouverts?/, command: 'PRA: Exporter le plan…', question: /Le plan comporte encore 2 erreurs\. /,
  draft: 'Exporter un brouillon', written: 'plan.docx écrit, marqué comme brouillon',
  screenshot: 'export-dialog-fr.png'
};

async function refusal(page, url, helpers, texts) {
  const { ws, results, log, openFile } = helpers;
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(url, { timeout: 30_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE ?? 'en');
  if (language !== texts.locale) throw new Error(`the window's display language is ${language}, not ${texts.locale}`);
  const draftFile = join(ws, 'atelier-bois', 'plan.docx');
  rmSync(draftFile, { force: true });
  await openFile(page, 'atelier-bois/plan.pra');
  // The extension's status bar item, in the display language: the extension host runs in it (vscode.env.language).
  await page.locator('.statusbar-item', { hasText: texts.gaps }).first().waitFor({ timeout: 60_000 });
  await exportFrom(page, helpers, 'Word (.docx)', 'plan.docx', texts.command);
  const dialog = page.locator('.monaco-dialog-box');
  const shown = await dialog.waitFor({ timeout: 60_000 }).then(() => true, () => false);
  if (!shown) {
    // Say what the page shows instead: the save dialog still open (and its message), or the notices, toasts having gone.
    const quickInput = page.locator('.quick-input-widget');
    const open = await quickInput.isVisible();
    const state = open ? `save dialog still open: "${await quickInput.innerText()}"` : 'no save dialog';
    await page.screenshot({ path: join(results, 'export-refusal-failure.png'), timeout: 15_000 });
    throw new Error(`no refusal dialog for atelier-bois in ${texts.locale} (${state})`);
  }
  const question = (await dialog.locator('.dialog-message-text, .dialog-message-detail').allInnerTexts()).join(' ').trim();
  if (!texts.question.test(question)) throw new Error(`the ${texts.locale} refusal says: ${question}`);
  const buttons = (await dialog.locator('.monaco-button').allInnerTexts()).map(b => b.trim()).filter(Boolean);
  if (!buttons.includes(texts.draft)) throw new Error(`the ${texts.locale} refusal offers ${buttons.join(', ')}, not ${texts.draft}`);
  await page.screenshot({ path: join(results, texts.screenshot), timeout: 15_000 });
  log(`UI: in ${texts.locale}, a French plan with errors is refused: "${question}" [${buttons.join(' | ')}]`);
  await dialog.locator('.monaco-button', { hasText: texts.draft }).first().click({ timeout: 5_000 });
  await notice(page).filter({ hasText: texts.written }).first().waitFor({ timeout: 90_000 });
  const body = strFromU8(unzipSync(readFileSync(draftFile), { filter: f => f.name === 'word/document.xml' })['word/document.xml']);
  if (!body.includes('BROUILLON')) throw new Error('the draft is not marked BROUILLON');
  await page.screenshot({ path: join(results, `export-draft-written-${texts.locale}.png`), timeout: 15_000 });
  log(`UI: "${texts.draft}" wrote atelier-bois/plan.docx, marked BROUILLON; screenshots test-results/${texts.screenshot}`);
  rmSync(draftFile, { force: true });
}
