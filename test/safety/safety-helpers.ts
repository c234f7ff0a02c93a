import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const cliScript = path.join(repoRoot, 'packages/cli/bin/pra.js');
export const fixtures = path.join(import.meta.dirname, 'fixtures');

export interface Run { status: number | null; stdout: string; stderr: string; ms: number }

export function requireBuilt(): void {
    if (!existsSync(path.join(repoRoot, 'packages/cli/out/main.js')) || !existsSync(path.join(repoRoot, 'packages/language/out/main.js'))) {
        throw new Error('The CLI or the language server is not built: run `npm run build` first.');
    }
}

/** A node script (the CLI by default) as a child process, with a time limit. */
export function run(args: readonly string[], options: { script?: string; cwd?: string; timeoutMs?: number } = {}): Run {
    const started = Date.now();
    const result = spawnSync(process.execPath, [options.script ?? cliScript, ...args], {
        cwd: options.cwd ?? repoRoot, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, env: { ...process.env, NO_COLOR: '1' }
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** Exit 2, nothing on stdout, one line on stderr mentioning `mention`, no stack trace. */
export function expectOneLineFailure(result: Run, mention: string): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(mention);
    expect(result.stderr).not.toMatch(/^\s+at /m);
}
