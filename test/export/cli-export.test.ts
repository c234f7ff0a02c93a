import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { examplePlans, repoRoot } from './export-helpers.js';

interface Run { code: number; stdout: string; stderr: string }
const bin = path.join(repoRoot, 'packages/cli/bin/pra.js');

function pra(...args: string[]): Promise<Run> {
    return new Promise(resolve => {
        execFile(process.execPath, [bin, ...args], { cwd: repoRoot, timeout: 120_000 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
        });
    });
}

let folder: string;
beforeAll(async () => { folder = await mkdtemp(path.join(tmpdir(), 'pra-cli-export-')); });
afterAll(async () => { await rm(folder, { recursive: true, force: true }); });

describe.each(examplePlans)('pra export %s', file => {
    test.each(['docx', 'pdf', 'html', 'md', 'json'])('--format %s writes a complete document', async format => {
        const target = path.join(folder, `${file.split('/')[1]}.${format}`);
        const run = await pra('export', file, '--format', format, '-o', target, '--force');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout.trim()).toMatch(new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        const content = await readFile(target);
        expect(content.length).toBeGreaterThan(10_000);
        const head = content.subarray(0, 16).toString('latin1');
        if (format === 'docx') expect(head.startsWith('PK')).toBe(true);
        if (format === 'pdf') expect(head.startsWith('%PDF-')).toBe(true);
        if (format === 'html') expect(head).toBe('<!DOCTYPE html>\n');
        if (format === 'md') expect(head.startsWith('# ')).toBe(true);
        if (format === 'json') expect(JSON.parse(content.toString('utf8')).schemaVersion).toBe(2);
    }, 120_000);
});

describe('pra export, paths and refusals', () => {
    test('writes beside the input by default, in the plan\'s format and language', async () => {
        const copy = path.join(folder, 'cabinet');
        await cp(path.join(repoRoot, 'examples/cabinet-martin'), copy, { recursive: true });
        const run = await pra('export', path.join(copy, 'plan.pra'));
        expect(run.code).toBe(0);
        expect((await stat(path.join(copy, 'plan.docx'))).size).toBeGreaterThan(10_000);
        const md = await pra('export', path.join(copy, 'plan.pra'), '--format', 'md', '--lang', 'en');
        expect(md.code).toBe(0);
        expect(await readFile(path.join(copy, 'plan.md'), 'utf8')).toContain('## 1\\. Executive summary');
        expect((await readdir(copy)).sort()).toEqual(['inventaire.pra', 'plan.docx', 'plan.md', 'plan.pra']);
    }, 120_000);

    test('refuses a plan with errors unless --force, and writes nothing', async () => {
        const copy = path.join(folder, 'atelier');
        await cp(path.join(repoRoot, 'examples/atelier-bois'), copy, { recursive: true });
        const input = path.join(copy, 'plan.pra');
        const run = await pra('export', input);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr)
            .toBe(`pra: ${input}: the plan has 2 errors; run pra check ${input} and fix them, or use --force to export a draft\n`);
        expect(await readdir(copy)).toEqual(['plan.pra']);
        const forced = await pra('export', input, '--force', '--format', 'html');
        expect(forced.code).toBe(0);
        expect(forced.stdout).toContain('draft');
        expect(await readFile(path.join(copy, 'plan.html'), 'utf8')).toContain('class="draft"');
    }, 120_000);

    test('a missing file, a bad option or the plan itself as output: exit 2 with one line', async () => {
        const missing = await pra('export', 'examples/nowhere.pra');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('pra: examples/nowhere.pra: no such file\n');
        const format = await pra('export', examplePlans[1], '--format', 'odt');
        expect(format.code).toBe(2);
        expect(format.stderr.split('\n')[0])
            .toBe('pra: --format must be one of docx, pdf, html, md, json, xlsx (run pra --help for usage)');
        const itself = await pra('export', examplePlans[1], '-o', examplePlans[1]);
        expect(itself.code).toBe(2);
        expect(itself.stderr.split('\n')[0]).toContain('would overwrite the plan itself');
        const none = await pra('export');
        expect(none.code).toBe(2);
    }, 120_000);

    // Run as root, chmod does not stop a write; a path whose parent is a regular file stops everyone.
    test('an unwritable folder fails cleanly with exit 2 and leaves no partial file', async () => {
        const dir = path.join(folder, 'unwritable');
        await cp(path.join(repoRoot, 'examples/cabinet-martin'), dir, { recursive: true });
        await writeFile(path.join(dir, 'blocker'), 'a file, not a folder');
        const before = (await readdir(dir)).sort();
        const target = path.join(dir, 'blocker', 'plan.docx');
        const run = await pra('export', path.join(dir, 'plan.pra'), '-o', target);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`pra: ${target}: cannot write: a part of the path is a file, not a folder\n`);
        expect((await readdir(dir)).sort()).toEqual(before);
        const folderTarget = path.join(dir, 'out');
        await cp(path.join(dir, 'plan.pra'), path.join(folderTarget, 'kept.pra'), { recursive: true });
        const onFolder = await pra('export', path.join(dir, 'plan.pra'), '-o', folderTarget);
        expect(onFolder.code).toBe(2);
        expect(onFolder.stderr.trim().split('\n')).toHaveLength(1);
        expect((await readdir(dir)).sort()).toEqual([...before, 'out'].sort());
        expect(await readdir(folderTarget)).toEqual(['kept.pra']);
    }, 120_000);
});
