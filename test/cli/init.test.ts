/**
 * `pra init [folder] [--lang fr|en] [--org "…"]` (issue 14): the one skeleton (pra-plan-skeleton.ts,
 * shared with the editor's New Plan and the pra-plan snippet), error-free, walking the six points
 * of the template, never overwriting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSkeleton } from '../../packages/language/src/pra-plan-skeleton.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'packages/cli/bin/pra.js');

interface Run { status: number | null; stdout: string; stderr: string }
function pra(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', LANG: 'C' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string;
beforeAll(() => { scratch = mkdtempSync(path.join(tmpdir(), 'pra-init-')); });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(['fr', 'en'] as const)('pra init --lang %s', lang => {
    it('writes folder/plan.pra, the shared skeleton, which pra check passes with no error and which walks the six points', () => {
        const folder = path.join(scratch, `new-${lang}`);
        const run = pra(scratch, 'init', `new-${lang}`, '--lang', lang, '--org', 'Transports "Durand"', '--today', '2026-12-01');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain(path.join(`new-${lang}`, 'plan.pra'));
        const file = path.join(folder, 'plan.pra');
        const text = readFileSync(file, 'utf8');
        expect(text).toBe(planSkeleton({ organisation: 'Transports "Durand"', lang, date: '2026-12-01', review: '2027-12-01' }));
        expect(statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
        for (const point of [1, 2, 3, 4, 5, 6]) expect(text).toMatch(new RegExp(`^// Points? [^\\n—]*\\b${point}\\b`, 'm'));
        expect(text).toContain(`language     ${lang}`);

        const check = pra(folder, 'check', 'plan.pra', '--format', 'json', '--today', '2026-12-01');
        expect(check.status, check.stdout).toBe(0);
        const report = JSON.parse(check.stdout) as { summary: { errors: number } };
        expect(report.summary.errors).toBe(0);
    });
});

describe('pra init refusals and defaults', () => {
    it('never overwrites: an existing plan.pra is kept as it was, one line, exit 2', () => {
        const folder = path.join(scratch, 'existing');
        expect(pra(scratch, 'init', 'existing', '--lang', 'en').status).toBe(0);
        writeFileSync(path.join(folder, 'plan.pra'), 'role Mine { }\n');
        const again = pra(scratch, 'init', 'existing', '--lang', 'fr');
        expect(again.status).toBe(2);
        expect(again.stderr.trim().split('\n')).toEqual([
            `pra: ${path.join('existing', 'plan.pra')}: existe déjà ; pra init n'écrase jamais un plan `
            + '(choisissez un autre dossier, ou supprimez le fichier)']);
        expect(readFileSync(path.join(folder, 'plan.pra'), 'utf8')).toBe('role Mine { }\n');
    });

    it('without a folder, writes plan.pra in the working directory; without --org, a placeholder organisation', () => {
        const folder = mkdtempSync(path.join(scratch, 'cwd-'));
        const run = pra(folder, 'init', '--lang', 'en');
        expect(run.status, run.stderr).toBe(0);
        expect(readFileSync(path.join(folder, 'plan.pra'), 'utf8')).toContain('organisation "My organisation"');
    });

    it('an empty --org and two folders are usage errors', () => {
        expect(pra(scratch, 'init', 'x', '--org', '').status).toBe(2);
        expect(pra(scratch, 'init', 'a', 'b').stderr).toContain('at most one folder');
    });
});
