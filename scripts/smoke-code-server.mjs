#!/usr/bin/env node
// Smoke test of the real-client setup: code-server (installed by scripts/install-code-server.sh)
// serves a folder holding a.txt; headless Debian Chromium opens the workbench; a screenshot is
// written to test-results/code-server-smoke.png. Every wait has a time limit, and code-server
// (own process group) and Chromium are stopped whatever happens.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.PRA_CODE_SERVER_BIN
  ?? join(ROOT, '.real-clients/code-server/node_modules/.bin/code-server');
const SCREENSHOT = join(ROOT, 'test-results/code-server-smoke.png');
const TOTAL_LIMIT_MS = 120_000;

const log = (...a) => console.log('[smoke]', ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().once('error', rej).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitForHealthz(url, child, limitMs) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return r.json();
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`no answer from ${url} within ${limitMs} ms`);
}

function withTimeout(promise, ms, what) {
  let t;
  const timeout = new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}

// SIGTERM to the group, up to 5 s for code-server to exit, then SIGKILL to the group in every
// case: the extension host ignores SIGTERM (it waits for a reconnection) and would outlive it.
async function killGroup(child) {
  if (!child?.pid) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve() : new Promise(r => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* group already gone */ }
  await withTimeout(exited, 5000, 'code-server exit').catch(() => {});
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
}

let server, context, tmp, cleaning;
function cleanup() { // runs once, whoever calls it first (signal, watchdog or normal end)
  cleaning ??= (async () => {
    if (context) await withTimeout(context.close(), 10_000, 'closing Chromium').catch(e => log(e.message));
    await killGroup(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main() {
  if (!existsSync(BIN)) throw new Error(`${BIN} missing: run scripts/install-code-server.sh`);
  tmp = mkdtempSync(join(tmpdir(), 'pra-smoke-'));
  const ws = join(tmp, 'ws'), ud = join(tmp, 'user-data'), ext = join(tmp, 'extensions');
  for (const d of [ws, join(ud, 'User'), ext, join(tmp, 'profile')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(ws, 'a.txt'), 'hello from the PRA smoke test\n');
  writeFileSync(join(ud, 'User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }));

  const port = await freePort();
  const logFile = join(tmp, 'code-server.log');
  const out = openSync(logFile, 'w');
  server = spawn(BIN, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', ud, '--extensions-dir', ext, ws,
  ], {
    detached: true, // own process group, killed as a whole
    stdio: ['ignore', out, out],
    env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data') },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const t0 = Date.now();
    const health = await waitForHealthz(`${base}/healthz`, server, 30_000);
    log(`code-server healthy in ${Date.now() - t0} ms:`, JSON.stringify(health));
  } catch (e) {
    console.error(readFileSync(logFile, 'utf8'));
    throw e;
  }

  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // our handlers clean up
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', e => log('page error:', e.message));
  const t1 = Date.now();
  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`, { timeout: 30_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log(`workbench shown in ${Date.now() - t1} ms`);
  // The folder is open when the Explorer lists a.txt.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'a.txt' })
    .first().waitFor({ timeout: 30_000 });
  log('Explorer lists a.txt');
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, timeout: 15_000 });
  log('screenshot:', SCREENSHOT);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { log(`got ${sig}`); cleanup().finally(() => process.exit(1)); });
}
const watchdog = setTimeout(() => {
  log(`overall limit of ${TOTAL_LIMIT_MS} ms reached`);
  cleanup().finally(() => process.exit(1));
}, TOTAL_LIMIT_MS);

let code = 0;
try {
  await main();
  log('OK');
} catch (e) {
  console.error('[smoke] FAILED:', e?.stack ?? e);
  code = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(code);
