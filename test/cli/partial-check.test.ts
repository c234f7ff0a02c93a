/**
 * Checking part of a plan (issue 14): `pra check inventaire.pra` loads the plans of the file's
 * folder tree that import it (the nearest folder with a `.git`, else the working directory) and
 * reports the file's findings in their context, saying which plan was used.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { praIn, root } from './cli-helpers.js';


const pra = praIn;

interface JsonFinding { code: string; element?: string; message: string }
interface JsonReport { files: Array<{ file: string; context?: string; diagnostics: JsonFinding[] }> }

const plan = `import "inventaire/inventaire.pra"
plan "P" { date 2026-11-01 review 2027-06-01 owner DG language fr }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Appel" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
activity Paie { criticality medium rto 4h owner DG uses App }
`;

/** App is used by the plan; Inutile by nothing: an unused asset only in the plan's context. */
const inventory = `asset App { kind application }
asset Inutile { kind application }
fallback AppRestore { covers App rto 1d tested 2026-10-01 }
`;

let scratch: string;

function tree(folder: string, withGit: boolean): void {
    mkdirSync(path.join(folder, 'inventaire'), { recursive: true });
    if (withGit) mkdirSync(path.join(folder, '.git'));
    writeFileSync(path.join(folder, 'plan.pra'), plan);
    writeFileSync(path.join(folder, 'inventaire', 'inventaire.pra'), inventory);
}

beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-partial-'));
    tree(path.join(scratch, 'plain'), false);
    tree(path.join(scratch, 'repo'), true);
    mkdirSync(path.join(scratch, 'alone'));
    writeFileSync(path.join(scratch, 'alone', 'inventaire.pra'), inventory);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pra check <an imported file>', () => {
    it('judges the inventory in the context of the plan that imports it, in the plan\'s language, and says so', () => {
        const run = pra(path.join(scratch, 'plain'), 'check', 'inventaire/inventaire.pra', '--today', '2026-12-01');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.trimEnd().split('\n')).toEqual([
            'inventaire/inventaire.pra : vérifié dans le contexte de plan.pra, le plan qui l\'importe.',
            'inventaire/inventaire.pra:2:7 info unused-asset Inutile n\'est utilisé par aucune activité, aucun moyen de secours ni aucun risque.',
            '1 fichier vérifié : 0 erreur, 0 avertissement, 1 info.'
        ]);
    });

    it('JSON names the plan used in `context`, and lists only the file asked for', () => {
        const run = pra(path.join(scratch, 'plain'), 'check', 'inventaire/inventaire.pra', '--format', 'json', '--today', '2026-12-01');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files).toHaveLength(1);
        expect(report.files[0].file).toBe('inventaire/inventaire.pra');
        expect(report.files[0].context).toBe('plan.pra');
        expect(report.files[0].diagnostics.map(d => `${d.code} ${d.element}`)).toEqual(['unused-asset Inutile']);
    });

    it('the plan itself has no `context` field', () => {
        const run = pra(path.join(scratch, 'plain'), 'check', 'plan.pra', '--format', 'json', '--today', '2026-12-01');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files.map(f => f.context)).toEqual([undefined, undefined]);
    });

    it('inside a repository, the plan is found from a sub-folder (the search starts at the folder with .git)', () => {
        const run = pra(path.join(scratch, 'repo', 'inventaire'), 'check', 'inventaire.pra', '--format', 'json', '--today', '2026-12-01');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files[0].context).toBe(path.join('..', 'plan.pra'));
        expect(report.files[0].diagnostics.map(d => d.code)).toEqual(['unused-asset']);
    });

    it('outside a repository the search stops at the working directory: from the sub-folder, no plan, checked alone', () => {
        const run = pra(path.join(scratch, 'plain', 'inventaire'), 'check', 'inventaire.pra', '--today', '2026-12-01');
        expect(run.status).toBe(0);
        expect(run.stdout.trimEnd().split('\n')).toEqual([
            'inventaire.pra: no plan under . imports this file; checked on its own.',
            '1 file checked: 0 errors, 0 warnings, 0 info.'
        ]);
    });

    it('a file no plan imports is checked alone: no unused-asset out of context', () => {
        const run = pra(path.join(scratch, 'alone'), 'check', 'inventaire.pra', '--format', 'json');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files[0].context).toBeUndefined();
        expect(report.files[0].diagnostics.map(d => d.code)).not.toContain('unused-asset');
    });

    it('two plans import the inventory: the first by name gives the context, and the other is mentioned', () => {
        const folder = path.join(scratch, 'two');
        tree(folder, false);
        writeFileSync(path.join(folder, 'autre.pra'), plan.replace('language fr', 'language en'));
        const run = pra(folder, 'check', 'inventaire/inventaire.pra', '--today', '2026-12-01');
        expect(run.stdout.split('\n')[0])
            .toBe('inventaire/inventaire.pra: 1 other plan imports it too; checked in the context of autre.pra (the first by name).');
    });

    it('the example cabinet-martin: its inventory is checked in the context of plan.pra', () => {
        const run = pra(root, 'check', 'examples/cabinet-martin/inventaire.pra', '--format', 'json');
        const report = JSON.parse(run.stdout) as JsonReport;
        expect(report.files.map(f => [f.file, f.context]))
            .toEqual([['examples/cabinet-martin/inventaire.pra', 'examples/cabinet-martin/plan.pra']]);
    });
});
