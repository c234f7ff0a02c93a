import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Issue 14: the export's version history gains a "changes since <rev>" table, from `pra diff --git`. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'packages/cli/bin/pra.js');
let folder: string;

const git = (...args: string[]): void => {
    const run = spawnSync('git', args, { cwd: folder, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
};
const pra = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8' });

interface Block { type: string; id?: string; title?: string; text?: string; rows?: Array<Record<string, string>>; blocks?: Block[] }
interface ExportedDocument { sections: Array<{ id: string; blocks: Block[] }> }

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'pra-since-'));
    git('init', '-q');
    git('config', 'user.email', 'consultant@example.org');
    git('config', 'user.name', 'Consultant');
    writeFileSync(path.join(folder, 'plan.pra'), 'plan "P" { date 2026-11-01 language en owner DG }\n'
        + 'role DG "Director" { phone "1" deputy DG }\n'
        + 'activity Billing "Customer billing" { criticality high owner DG rto 4h rpo 1d }\n');
    git('add', 'plan.pra');
    git('commit', '-q', '-m', 'first version');
    const text = readFileSync(path.join(folder, 'plan.pra'), 'utf8').replace('rto 4h', 'rto 8h');
    writeFileSync(path.join(folder, 'plan.pra'), text + 'activity Payroll "Payroll" { criticality low }\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('pra export --since <rev>', () => {
    it('puts what changed since that version in the version history, with titles and units', () => {
        const run = pra('export', 'plan.pra', '--format', 'json', '--since', 'HEAD', '-o', 'plan.json');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const document = JSON.parse(readFileSync(path.join(folder, 'plan.json'), 'utf8')) as ExportedDocument;
        const changes = document.sections.find(s => s.id === 'history')!.blocks.find(b => b.id === 'changes')!;
        expect(changes.title).toBe('Changes since HEAD');
        const table = changes.blocks!.find(b => b.type === 'table')!;
        expect(table.rows).toEqual([
            { change: 'added', element: 'activity Payroll', detail: '' },
            { change: 'changed', element: 'activity Customer billing', detail: 'rto: 4 h → 8 h' }
        ]);
    });

    it('near miss: without --since the history has no such table', () => {
        const run = pra('export', 'plan.pra', '--format', 'json', '-o', 'plain.json');
        expect(run.status).toBe(0);
        const document = JSON.parse(readFileSync(path.join(folder, 'plain.json'), 'utf8')) as ExportedDocument;
        expect(document.sections.find(s => s.id === 'history')!.blocks.some(b => b.id === 'changes')).toBe(false);
    });

    it('an unknown revision is one line on stderr and exit 2, and nothing is written', () => {
        const run = pra('export', 'plan.pra', '--format', 'md', '--since', 'no-such-rev', '-o', 'never.md');
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain('no-such-rev');
        expect(() => readFileSync(path.join(folder, 'never.md'))).toThrow();
    });
});
