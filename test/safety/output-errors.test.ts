import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliScript, repoRoot, requireBuilt } from './safety-helpers.js';

beforeAll(requireBuilt);

/** The CLI through a shell, to close or fill its standard output; the CLI's own exit status is printed last. */
function throughShell(redirection: string): { status: number; stderr: string } {
    const check = `"${process.execPath}" "${cliScript}" check examples/clinique-vet/plan.pra --format json ${redirection}`;
    const command = `${check}; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', command], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    const status = Number(/status=(\d+)\s*$/.exec(result.stderr)?.[1]);
    return { status, stderr: result.stderr.replace(/status=\d+\s*$/, '') };
}

describe('standard output closed or full', () => {
    test('| head -0 (EPIPE): exit 2, one line on stderr, no stack trace', () => {
        const { status, stderr } = throughShell('| head -c 0');
        expect(status).toBe(2);
        expect(stderr).toBe('pra: the output was closed before everything was written; the result is incomplete.\n');
    });

    test('> /dev/full (ENOSPC): exit 2, one line on stderr, no stack trace', () => {
        const { status, stderr } = throughShell('> /dev/full');
        expect(status).toBe(2);
        expect(stderr).toBe('pra: no space left on the device of the output; the result is incomplete.\n');
    });
});
