import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the real CLI the tests run. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(root, 'packages/cli/bin/pra.js');

export interface Run { status: number | null; stdout: string; stderr: string }

/** The real CLI as a child process in `cwd` (stdout is a pipe: not a terminal, so no colour). */
export function praIn(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
