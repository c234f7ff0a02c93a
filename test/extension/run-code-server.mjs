#!/usr/bin/env node
// Runs the extension inside a real VS Code: code-server 4.100.3 (scripts/install-code-server.sh)
// driven by Debian Chromium through playwright-core, as ../shared/REAL-CLIENTS.md describes.
//  1. the mocha integration suite (test/extension/suite, bundled to out/index.cjs) runs in code-server's
//     extension host, loaded with the `payload` extensionDevelopmentPath/extensionTestsPath technique;
//  2. a UI pass with the packaged .vsix installed: open an example, open the preview from the command
//     palette, click a risk in the webview, type a likelihood and time the redraw, save
//     test-results/preview.png; then PRA: Show Gaps, Accept… on a finding through its inline button
//     (test-results/gaps-view.png, gaps-panel.png) and the walkthrough (test-results/walkthrough.png); the timeline
//     and the export passes (ui/), the export's refusal dialog in an English window and in a French one (the
//     fixture language pack test/fixtures/fr-language-pack, see frenchLanguagePack).
// Exits non-zero on any failure. Every wait is bounded; code-server (own process group) and Chromium
// are stopped whatever happens.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { timelinePass } from './ui/timeline-pass.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.PRA_CODE_SERVER_BIN ?? join(ROOT, '.real-clients/code-server/node_modules/.bin/code-server');
const EXTENSION = join(ROOT, 'packages/extension');
const TESTS = join(ROOT, 'test/extension/out/index.cjs');
const RESULTS = join(ROOT, 'test-results');
const TOTAL_LIMIT_MS = 9 * 60_000;
const { version } = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
const VSIX = join(ROOT, `pra-${version}.vsix`);
const FR_PACK = join(ROOT, 'test/fixtures/fr-language-pack');

const log = (...a) => console.log('[vscode-test]', ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const median = values => {
  const s = [...values].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().once('error', rej).listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

function withTimeout(promise, ms, what) {
  let t;
  const timeout = new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}

async function waitForHealthz(url, child, limitMs) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try { const r = await fetch(url, { signal: AbortSignal.timeout(2000) }); if (r.ok) return; } catch { /* not yet */ }
    await sleep(100);
  }
  throw new Error(`no answer from ${url} within ${limitMs} ms`);
}

async function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  if (await withTimeout(exited, 5000, 'code-server exit').then(() => true, () => false)) return;
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}

let server, context, tmp, cleaning, displayLanguage;
function cleanup() {
  cleaning ??= (async () => {
    if (context) await withTimeout(context.close(), 10_000, 'closing Chromium').catch(e => log(e.message));
    await killGroup(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}

/** The remote authority the workbench page was served with (needed in vscode-remote:// URIs). */
async function remoteAuthority(base, folder) {
  const html = await (await fetch(`${base}/?folder=${encodeURIComponent(folder)}`, { signal: AbortSignal.timeout(10_000) })).text();
  const match = /id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/.exec(html);
  if (!match) throw new Error('no workbench configuration in the served page');
  const settings = JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  if (!settings.remoteAuthority) throw new Error('no remoteAuthority in the workbench configuration');
  return settings.remoteAuthority;
}

async function newPage() {
  const page = await context.newPage();
  page.on('pageerror', e => log('page error:', e.message));
  // VS Code 1.139 reads `payload` only with the smoke-test driver enabled (harmless on 1.100).
  /* global document, MutationObserver -- the browser's names: this init script runs in the page, not in Node */
  await page.addInitScript(() => {
    const enable = element => {
      try {
        const settings = JSON.parse(element.getAttribute('data-settings'));
        settings.developmentOptions = { ...(settings.developmentOptions || {}), enableSmokeTestDriver: true };
        element.setAttribute('data-settings', JSON.stringify(settings));
      } catch { /* not the element yet */ }
    };
    new MutationObserver((_, observer) => {
      const element = document.getElementById('vscode-workbench-web-configuration');
      if (element) { enable(element); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

/** Pass 1: the mocha suite in the extension host. Resolves with its exit code and its log. */
async function runSuite(base, ws) {
  const authority = await remoteAuthority(base, ws);
  const page = await newPage();
  const lines = [];
  let exit;
  const exited = new Promise(r => { exit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The extension host forwards console calls with their format strings unformatted: format here.
    const list = Array.isArray(args) ? args : [args];
    const text = typeof list[0] === 'string' ? format(...list) : list.map(a => JSON.stringify(a)).join(' ');
    for (const line of text.split('\n')) { lines.push(line); console.log('  ' + line); }
  });
  await page.exposeFunction('codeAutomationExit', code => exit(code));
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${authority}${EXTENSION}`],
    ['extensionTestsPath', `vscode-remote://${authority}${TESTS}`]
  ]);
  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`, { timeout: 30_000 });
  const code = await withTimeout(exited, 5 * 60_000, 'the extension test suite');
  await page.close();
  return { code, lines };
}

async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  // F1 reaches the workbench only when the keyboard is not in a webview or a view's own input: give the
  // keyboard back first, and try again while the palette does not open.
  for (let attempt = 1; ; attempt++) {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    const opened = await input.waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (opened) break;
    if (attempt === 3) throw new Error(`the command palette did not open for ${title}`);
  }
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Gives the keyboard back to the workbench (a click in a webview keeps it in the webview's frame). */
async function focusWorkbench(page) {
  await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 }, timeout: 10_000 });
}

async function openFile(page, relative) {
  const [folder] = relative.split('/');
  for (let attempt = 1; ; attempt++) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(relative);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: folder }).first().waitFor({ timeout: 15_000 });
    await sleep(200); // the list settles its focused row
    await page.keyboard.press('Enter');
    const opened = await page.locator('.breadcrumbs-control', { hasText: folder }).first()
      .waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (opened) return;
    if (attempt === 3) throw new Error(`could not open ${relative} from Quick Open`);
    await page.keyboard.press('Escape');
  }
}

async function goToLine(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** The first risk of a file with its likelihood line: where the UI pass types. */
function firstRisk(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex(l => /^risk\s+\S+/.test(l));
  const name = /^risk\s+(\S+)/.exec(lines[start])[1];
  let likelihood, impact;
  for (let i = start; i < lines.length && !/^}/.test(lines[i]); i++) {
    const l = /^\s*likelihood\s+(\d)/.exec(lines[i]);
    if (l) likelihood = { line: i + 1, column: lines[i].indexOf(l[1]) + 1, value: Number(l[1]) };
    const m = /^\s*impact\s+(\d)/.exec(lines[i]);
    if (m) impact = Number(m[1]);
  }
  return { name, line: start + 1, likelihood, impact };
}

/** Pass 2: what a user does, with the packaged extension installed. */
async function runUi(base, ws) {
  const page = await newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`, { timeout: 30_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'clinique-vet' }).first().waitFor({ timeout: 30_000 });
  await openFile(page, 'clinique-vet/plan.pra');
  await page.locator('.statusbar-item', { hasText: /open gap/ }).first().waitFor({ timeout: 60_000 });
  log('UI: clinique-vet open, gap count in the status bar');
  await runCommand(page, 'PRA: Open Risk Matrix Preview to the Side');
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await webview.locator('[data-cell="3x4"] [data-risk="Ransomware"]').waitFor({ timeout: 60_000 });
  log('UI: the preview shows Ransomware in cell 3×4');
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, 'preview.png'), timeout: 15_000 });
  log('UI: screenshot test-results/preview.png');

  const flood = firstRiskNamed(join(ws, 'clinique-vet/plan.pra'), 'Meadow-Flood');
  await webview.locator('[data-risk="Meadow-Flood"]').click({ timeout: 10_000 });
  const position = new RegExp(`Ln ${flood.line}, Col ${flood.column + 'Meadow-Flood'.length}\\b`);
  await page.locator('.statusbar-item', { hasText: position }).first().waitFor({ timeout: 15_000 });
  log(`UI: clicking Meadow-Flood put the cursor on line ${flood.line}`);

  await openFile(page, 'cabinet-martin/plan.pra');
  const risk = firstRisk(join(ws, 'cabinet-martin/plan.pra'));
  await webview.locator(`[data-cell="${risk.likelihood.value}x${risk.impact}"] [data-risk="${risk.name}"]`).waitFor({ timeout: 60_000 });
  const samples = [];
  for (let i = 0; i < 9; i++) {
    const value = i % 2 === 0 ? (risk.likelihood.value === 1 ? 2 : 1) : risk.likelihood.value;
    await goToLine(page, risk.likelihood.line, risk.likelihood.column);
    await page.keyboard.press('Shift+ArrowRight');
    await sleep(300);
    const target = webview.locator(`[data-cell="${value}x${risk.impact}"] [data-risk="${risk.name}"]`);
    const start = Date.now();
    await page.keyboard.type(String(value));
    await target.waitFor({ timeout: 15_000 });
    samples.push(Date.now() - start);
  }
  log('PRA-MEASURE keystroke-to-redrawn-preview on cabinet-martin/plan.pra (largest example): '
    + `median ${median(samples)} ms over ${samples.length} keystrokes (${samples.join(', ')})`);
  await page.screenshot({ path: join(RESULTS, 'preview-cabinet-martin.png'), timeout: 15_000 });

  // The Gaps view of the active plan, from the command palette, as a consultant opens it.
  await openFile(page, 'clinique-vet/plan.pra');
  await runCommand(page, 'PRA: Show Gaps');
  const gapRow = page.locator('.part.panel .monaco-list-row', { hasText: 'Practice-Manager' }).first();
  await gapRow.waitFor({ timeout: 60_000 });
  await page.locator('.part.panel .pane-header, .part.panel .composite.title', { hasText: /Gaps \(\d+\)/ }).first().waitFor({ timeout: 15_000 });
  const rows = await page.locator('.part.panel .monaco-list-row').count();
  log(`UI: the Gaps view shows ${rows} rows for clinique-vet`);
  // Accept… as a user does it: the finding's inline button, the reason typed, the role picked.
  const deputy = page.locator('.part.panel .monaco-list-row', { hasText: 'no-deputy' }).first();
  const question = page.locator('.quick-input-widget input');
  // The list redraws when the findings arrive: a click on a row being redrawn is lost, so try again.
  for (let attempt = 1; ; attempt++) {
    await deputy.hover();
    await deputy.locator('.action-label[aria-label^="Accept"]').click({ timeout: 10_000 });
    const asked = await question.waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (asked) break;
    if (attempt === 3) throw new Error('Accept… asked for no reason after three clicks');
  }
  await question.fill('Small practice: the partner clinic stands in');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Managing-Vet' }).first().waitFor({ timeout: 10_000 });
  await question.fill('Managing-Vet');
  await sleep(200);
  await page.keyboard.press('Enter');
  // The Accepted group comes last, below the rows the list renders: collapse every group, then open it.
  await page.locator('.part.panel .monaco-list-row', { hasText: 'role Practice-Manager' }).first()
    .waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.part.panel .action-label[aria-label^="Collapse All"]').first().click({ timeout: 10_000 });
  const acceptedGroup = page.locator('.part.panel .monaco-list-row', { hasText: /^Accepted/ }).first();
  await acceptedGroup.waitFor({ timeout: 30_000 });
  await acceptedGroup.click();
  await page.locator('.part.panel .monaco-list-row', { hasText: 'accepted by Managing-Vet' }).first().waitFor({ timeout: 10_000 });
  log('UI: Accept… wrote the line; no-deputy is in the Accepted group');
  await page.mouse.move(5, 500);
  await page.screenshot({ path: join(RESULTS, 'gaps-view.png'), timeout: 15_000 });
  await page.locator('.part.panel').screenshot({ path: join(RESULTS, 'gaps-panel.png'), timeout: 15_000 });
  log('UI: screenshots test-results/gaps-view.png, gaps-panel.png');

  // The walkthrough, from Welcome: Open Walkthrough…
  await focusWorkbench(page);
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'disaster-recovery plan with PRA' }).first();
  await pick.waitFor({ timeout: 15_000 });
  await pick.click();
  await page.locator('.getting-started-step', { hasText: 'See the gaps' }).first().waitFor({ timeout: 30_000 });
  await page.locator('.getting-started-step', { hasText: 'See the gaps' }).first().click();
  await sleep(1500); // the step's markdown renders in its own frame
  await page.screenshot({ path: join(RESULTS, 'walkthrough.png'), timeout: 15_000 });
  log('UI: screenshot test-results/walkthrough.png');
  await timelinePass(page, { ws, results: RESULTS, log, sleep, openFile, goToLine });
  await (await import('./ui/export-pass.mjs')).exportPass(page, { ws, results: RESULTS, log, runCommand, openFile, displayLanguage });
  await page.close();
}

/**
 * The French display language, without the marketplace: the fixture language pack (test/fixtures/fr-language-pack,
 * nearly no core translation) packaged and installed like any extension, then recorded in the user-data folder's
 * languagepacks.json as VS Code's language pack service records an install it runs itself (code-server's CLI
 * install does not: that service is not started by the CLI). The server reads that file when a page asks for a
 * locale other than English. Returns the .vsix to install.
 */
function frenchLanguagePack(tmp, ext, ud) {
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const pack = JSON.parse(readFileSync(join(FR_PACK, 'package.json'), 'utf8'));
  const vsix = join(tmp, 'fr-language-pack.vsix');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: FR_PACK, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, VSCE_TELEMETRY: 'false' }, timeout: 60_000 });
  const id = `${pack.publisher}.${pack.name}`;
  const { localizations: [fr] } = pack.contributes;
  const translations = join(ext, `${id}-${pack.version}`, fr.translations.find(t => t.id === 'vscode').path);
  writeFileSync(join(ud, 'languagepacks.json'), JSON.stringify({
    [fr.languageId]: {
      hash: createHash('md5').update(id).update(pack.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: pack.version }],
      translations: { vscode: translations }, label: fr.localizedLanguageName
    }
  }));
  return { vsix, translations };
}

function firstRiskNamed(file, name) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex(l => l.startsWith(`risk ${name}`));
  return { line: index + 1, column: 'risk '.length + 1 };
}

async function main() {
  const needed = [
    [BIN, 'run scripts/install-code-server.sh'], [TESTS, 'run npm run build'], [join(EXTENSION, 'dist/extension.cjs'), 'run npm run build']
  ];
  for (const [file, what] of needed) {
    if (!existsSync(file)) throw new Error(`${file} missing: ${what}`);
  }
  log('packaging the extension');
  execFileSync(process.execPath, [join(EXTENSION, 'scripts/package.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  tmp = mkdtempSync(join(tmpdir(), 'pra-vscode-'));
  const ws = join(tmp, 'examples'), ud = join(tmp, 'user-data'), ext = join(tmp, 'extensions');
  for (const d of [join(ud, 'User'), ext, join(tmp, 'profile')]) mkdirSync(d, { recursive: true });
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  writeFileSync(join(ud, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false, 'telemetry.telemetryLevel': 'off'
  }));
  const env = { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data') };
  const french = frenchLanguagePack(tmp, ext, ud);
  log(`installing ${VSIX} and the test's French language pack`);
  execFileSync(BIN, ['--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', VSIX, '--install-extension', french.vsix],
    { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  if (!existsSync(french.translations)) throw new Error(`the French language pack is not where expected: ${french.translations}`);
  // The display language of the pages loaded next, as Configure Display Language sets it: `locale` in argv.json, read by
  // the server at each page load (without that file it takes "en" and never looks at the locale cookie or the browser's).
  displayLanguage = locale => writeFileSync(join(ud, 'User/argv.json'), JSON.stringify({ locale }));

  const port = await freePort();
  const logFile = join(tmp, 'code-server.log');
  const out = openSync(logFile, 'w');
  server = spawn(BIN, ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', ud, '--extensions-dir', ext, ws], { detached: true, stdio: ['ignore', out, out], env });
  const base = `http://127.0.0.1:${port}`;
  try { await waitForHealthz(`${base}/healthz`, server, 30_000); } catch (e) { console.error(readFileSync(logFile, 'utf8')); throw e; }
  log('code-server ready on', base);
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, viewport: { width: 1600, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  });

  let failed = false;
  const suite = await runSuite(base, ws);
  log(`extension test suite exit code: ${suite.code}`);
  if (suite.code !== 0) failed = true;
  try {
    await withTimeout(runUi(base, ws), 4 * 60_000, 'the UI pass');
    log('UI pass: OK');
  } catch (e) {
    failed = true;
    log('UI pass FAILED:', e?.message ?? e);
    const page = context.pages().at(-1);
    if (page) await page.screenshot({ path: join(RESULTS, 'vscode-failure.png'), timeout: 10_000 }).catch(() => undefined);
  }
  return failed ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { log(`got ${sig}`); cleanup().finally(() => process.exit(1)); });
}
const watchdog = setTimeout(() => {
  log(`overall limit of ${TOTAL_LIMIT_MS} ms reached`);
  cleanup().finally(() => process.exit(1));
}, TOTAL_LIMIT_MS);
let code = 1;
try {
  code = await main();
} catch (e) {
  console.error('[vscode-test] FAILED:', e?.stack ?? e);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
log(code === 0 ? 'OK' : 'FAILED');
process.exit(code);
