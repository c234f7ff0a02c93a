// UI pass of PRA: Export Plan… in code-server (a browser-hosted editor), called by run-code-server.mjs:
// Word and PDF of a clean French plan through the palette, the format pick and the save dialog, nothing opened
// by itself, the page still answering; then a French plan with errors: the refusal dialog offering
// "Export a draft", whose Word file is marked BROUILLON. Screenshots in test-results/export-*.png.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const notice = page => page.locator('.notifications-toasts .notification-toast');

/** Export Plan… as a user does it: the palette, the format, the save dialog's proposed path (beside the plan). */
async function exportFrom(page, { runCommand }, formatLabel, fileName) {
  await runCommand(page, 'PRA: Export Plan…');
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
    if (extension === 'pdf') await page.screenshot({ path: join(results, 'export-written.png'), timeout: 15_000 });
    const close = toast.locator('.codicon-notifications-clear, .action-label.codicon-close').first();
    await close.click({ timeout: 5_000 }).catch(() => undefined);
  }
  // The page still answers input: Quick Open opens another plan.
  await openFile(page, 'clinique-vet/plan.pra');
  log('UI: after the exports the page still answers (Quick Open opened clinique-vet/plan.pra)');

  // A French plan with errors: the refusal, with "Export a draft". This workbench runs with the smoke-test driver (set
  // for the suite's payload), whose dialog service refuses every modal dialog ("refused to show dialog in tests"):
  // the refusal is shown in a window of its own, opened without it.
  const plain = await page.context().newPage();
  try {
    await refusal(plain, page.url(), helpers);
  } finally {
    await plain.close();
  }
}

async function refusal(page, url, helpers) {
  const { ws, results, log, openFile } = helpers;
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(url, { timeout: 30_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const draftFile = join(ws, 'atelier-bois', 'plan.docx');
  rmSync(draftFile, { force: true });
  await openFile(page, 'atelier-bois/plan.pra');
  await page.locator('.statusbar-item', { hasText: /open gap/ }).first().waitFor({ timeout: 60_000 });
  await exportFrom(page, helpers, 'Word (.docx)', 'plan.docx');
  const dialog = page.locator('.monaco-dialog-box');
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: join(results, 'export-refusal-3s.png'), timeout: 15_000 });
  const shown = await dialog.waitFor({ timeout: 60_000 }).then(() => true, () => false);
  if (!shown) {
    // Say what the page shows instead: the save dialog still open (and its message), or the notices, toasts having gone.
    const quickInput = page.locator('.quick-input-widget');
    const open = await quickInput.isVisible();
    const state = open ? `save dialog still open: "${await quickInput.innerText()}"` : 'no save dialog';
    await helpers.runCommand(page, 'Notifications: Show Notifications');
    await page.waitForTimeout(1_000);
    const center = await page.locator('.notifications-center').innerText().catch(() => 'no notification center');
    await page.screenshot({ path: join(results, 'export-refusal-failure.png'), timeout: 15_000 });
    throw new Error(`no refusal dialog for atelier-bois (${state}; notifications: ${center.replace(/\s+/g, ' ')})`);
  }
  const question = await dialog.innerText();
  if (!/2 errors|2 erreurs/.test(question)) throw new Error(`the refusal does not count the errors: ${question}`);
  const draftButton = dialog.locator('.monaco-button', { hasText: /Export a draft|Exporter un brouillon/ }).first();
  await draftButton.waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(results, 'export-dialog-fr.png'), timeout: 15_000 });
  log(`UI: a French plan with errors is refused: "${question.replace(/\s+/g, ' ').trim()}"`);
  await draftButton.click();
  const toast = notice(page).filter({ hasText: /plan\.docx written, marked as a draft|plan\.docx écrit/ }).first();
  await toast.waitFor({ timeout: 90_000 });
  const body = strFromU8(unzipSync(readFileSync(draftFile), { filter: f => f.name === 'word/document.xml' })['word/document.xml']);
  if (!body.includes('BROUILLON')) throw new Error('the draft is not marked BROUILLON');
  await page.screenshot({ path: join(results, 'export-draft-written.png'), timeout: 15_000 });
  log('UI: "Export a draft" wrote atelier-bois/plan.docx, marked BROUILLON; screenshots test-results/export-*.png');
  rmSync(draftFile, { force: true });
}
