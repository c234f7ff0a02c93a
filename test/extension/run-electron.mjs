#!/usr/bin/env node
// Runs the extension integration suite in desktop VS Code through @vscode/test-electron, on machines
// that can download VS Code (not this one: see docs/extension.md). Same suite as run-code-server.mjs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = mkdtempSync(join(tmpdir(), 'pra-electron-'));
cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
let code = 0;
const watchdog = setTimeout(() => { console.error('[vscode-electron] no result within 15 minutes'); process.exit(1); }, 15 * 60_000);
watchdog.unref();
try {
    await runTests({
        version: process.env.PRA_VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: join(ROOT, 'packages/extension'),
        extensionTestsPath: join(ROOT, 'test/extension/out/index.cjs'),
        launchArgs: [
            join(workspace, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'
        ]
    });
} catch (error) {
    console.error('[vscode-electron] FAILED:', error instanceof Error ? error.message : error);
    code = 1;
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
