/**
 * `pra diff <old> <new>` and `pra diff --git <rev> <plan>` (issue 14): the CLI face of diffPlans,
 * the older version read with `git show`, imports included; text, Markdown and JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn } from './cli-helpers.js';


const pra = praIn;

const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd, encoding: 'utf8' });

const plan = `import "inventaire.pra"
plan "P" { date 2026-11-01 review 2027-06-01 owner DG language fr }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Appel" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
activity Facturation { criticality medium rto 4h owner DG uses App }
`;
const inventory = 'asset App { kind application }\nfallback AppRestore { covers App rto 1d }\n';

let repo: string;

beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'pra-diff-'));
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, 'plan.pra'), plan);
    writeFileSync(path.join(repo, 'inventaire.pra'), inventory);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    // The working copy: the restore is now 8 h (in the imported file), the requirement 8 h too.
    writeFileSync(path.join(repo, 'inventaire.pra'), inventory.replace('rto 1d', 'rto 8h'));
    writeFileSync(path.join(repo, 'plan.pra'), plan.replace('rto 4h', 'rto 8h'));
    writeFileSync(path.join(repo, 'old.pra'), plan.replace('import "inventaire.pra"\n', '') + inventory);
    writeFileSync(path.join(repo, 'new.pra'), plan.replace('import "inventaire.pra"\n', '').replace('uses App', 'uses Application') + inventory.replace(/\bApp\b/g, 'Application'));
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('pra diff --git', () => {
    it('reads the older version and its imports from git: the change in the imported file, the resolved gap, in French', () => {
        const run = pra(repo, 'diff', '--git', 'HEAD', 'plan.pra', '--today', '2026-12-01');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.split('\n')).toEqual([
            'Changements de HEAD:plan.pra à plan.pra', '',
            'Modifications (2) :',
            '  activité Facturation : rto 4 h → 8 h',
            '  moyen de secours AppRestore : rto 24 h → 8 h', '',
            'Constats résolus (1) :',
            expect.stringMatching(/^ {2}- avertissement rto-gap Facturation : Facturation exige une DMIA \(RTO\) de 4 h/),
            ''
        ]);
    });

    it('JSON: the same changes as data', () => {
        const run = pra(repo, 'diff', '--git', 'HEAD', 'plan.pra', '--format', 'json', '--today', '2026-12-01');
        const diff = JSON.parse(run.stdout);
        expect(diff).toMatchObject({ from: 'HEAD:plan.pra', to: 'plan.pra', version: 1, added: [], removed: [], renamed: [] });
        expect(diff.changed).toEqual([
            { kind: 'activity', name: 'Facturation', property: 'rto', old: '4 h', new: '8 h' },
            { kind: 'fallback', name: 'AppRestore', property: 'rto', old: '24 h', new: '8 h' }
        ]);
        expect(diff.findings.resolved).toHaveLength(1);
        expect(diff.findings.resolved[0]).toMatchObject({ code: 'rto-gap', element: 'Facturation', severity: 'warning', file: 'plan.pra' });
    });

    it('an unknown revision is one line naming it, exit 2', () => {
        const run = pra(repo, 'diff', '--git', 'no-such-rev', 'plan.pra');
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/^pra: no-such-rev:plan\.pra: cannot be read from git/);
    });
});

describe('pra diff <old> <new>', () => {
    it('Markdown, with the rename', () => {
        const run = pra(repo, 'diff', 'old.pra', 'new.pra', '--format', 'md', '--lang', 'en');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toContain('## Changes from old.pra to new.pra');
        expect(run.stdout).toContain('### Renamed (1)\n\n| Kind | Old name | New name |\n'
            + '| --- | --- | --- |\n| asset | App | Application |');
        expect(run.stdout).not.toContain('### Changed');
    });

    it('usage: two files, or --git and one', () => {
        expect(pra(repo, 'diff', 'old.pra').status).toBe(2);
        expect(pra(repo, 'diff', '--git', 'HEAD', 'old.pra', 'new.pra').status).toBe(2);
    });
});
