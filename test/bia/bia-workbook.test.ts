/**
 * BIA spreadsheets (issue 14): `pra export --format xlsx` writes a business impact analysis
 * workbook with in-cell lists on the closed vocabularies; `pra import` reads it back into the
 * plan by name, never dropping what the sheet does not hold, never overwriting without --force,
 * and reports every cell it could not read with its sheet and cell. Round trip on every example;
 * a sheet edited by hand (a changed RTO, a new activity, bad cells).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'packages/cli/bin/pra.js');
const examples = readdirSync(path.join(root, 'examples'));

interface Run { status: number | null; stdout: string; stderr: string }
function pra(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Diff {
    added: Array<{ kind: string; name: string }>; removed: Array<{ kind: string; name: string }>; renamed: unknown[];
    changed: Array<{ kind: string; name: string; property: string; old?: string; new?: string }>;
}
const diffOf = (cwd: string, before: string, after: string): Diff =>
    JSON.parse(pra(cwd, 'diff', before, after, '--format', 'json', '--today', '2026-12-01').stdout) as Diff;

interface CheckJson { summary: { errors: number }; files: Array<{ diagnostics: Array<{ code: string; severity: string }> }> }
const checkJson = (cwd: string, file: string): CheckJson =>
    JSON.parse(pra(cwd, 'check', file, '--format', 'json', '--today', '2026-12-01').stdout) as CheckJson;

let scratch: string;

beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-bia-'));
    cpSync(path.join(root, 'examples'), scratch, { recursive: true });
    for (const example of examples) {
        const run = pra(scratch, 'export', `${example}/plan.pra`, '--format', 'xlsx', '--force', '-o', `${example}.xlsx`);
        expect(run.status, run.stderr).toBe(0);
    }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the workbook holds, as `pra diff` names the properties. */
const held: Readonly<Record<string, ReadonlySet<string>>> = {
    activity: new Set(['title', 'owner', 'criticality', 'rto', 'rpo', 'mtpd', 'loss', 'uses', 'needs', 'impacts']),
    asset: new Set(['title', 'kind', 'owner', 'provider', 'sla', 'stateless']),
    fallback: new Set(['title', 'type', 'status', 'covers', 'rto', 'rpo', 'cost', 'due', 'owner'])
};

describe.each(examples)('round trip on examples/%s', example => {
    it('export then import into the plan (--force) changes nothing: every file byte for byte', () => {
        const copy = path.join(scratch, `${example}-merge`);
        cpSync(path.join(scratch, example), copy, { recursive: true });
        const run = pra(scratch, 'import', `${example}.xlsx`, '-o', `${example}-merge/plan.pra`, '--force');
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
        for (const file of readdirSync(copy)) {
            const original = readFileSync(path.join(root, 'examples', example, file), 'utf8');
            expect(readFileSync(path.join(copy, file), 'utf8'), file).toBe(original);
        }
    });

    it('import into a new plan: every activity, asset and fallback with every property the workbook holds, error-free', () => {
        const run = pra(scratch, 'import', `${example}.xlsx`, '-o', `${example}-new.pra`);
        expect(run.status, run.stderr).toBe(0);
        // The same errors as the plan at most: the workbook does not hold the plan's scales, so a
        // level above the default impact scale (1 to 4) may also be out of scale.
        const errorCodes = (file: string): string[] => checkJson(scratch, file).files.flatMap(f => f.diagnostics)
            .filter(d => d.severity === 'error').map(d => d.code);
        const original = errorCodes(`${example}/plan.pra`);
        expect(errorCodes(`${example}-new.pra`).filter(code => !original.includes(code) && code !== 'level-out-of-scale')).toEqual([]);
        const diff = diffOf(scratch, `${example}/plan.pra`, `${example}-new.pra`);
        const kinds = new Set(Object.keys(held));
        expect(diff.removed.filter(e => kinds.has(e.kind))).toEqual([]);
        expect(diff.added.filter(e => kinds.has(e.kind))).toEqual([]);
        expect(diff.changed.filter(c => held[c.kind]?.has(c.property))).toEqual([]);
    });
});

describe('the workbook', () => {
    it('has the four sheets, the values as the plan writes them, and in-cell lists on the closed vocabularies', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(scratch, 'cabinet-martin.xlsx'));
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Activités', 'Impacts', 'Ressources', 'Secours']);
        const activities = workbook.getWorksheet('Activités')!;
        expect((activities.getRow(1).values as unknown[]).slice(1, 8))
            .toEqual(['Activité', 'Intitulé', 'Responsable (rôle)', 'Criticité', 'DMIA (RTO)', 'PDMA (RPO)', 'DMIT (MTPD)']);
        expect((activities.getRow(2).values as unknown[]).slice(1, 6))
            .toEqual(['Paie', 'Production de la paie des clients', 'Resp-Pôle-Social', 'critical', '1d']);
        expect(activities.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"critical,high,medium,low"'] });
        expect(activities.getCell('D50').dataValidation?.type).toBe('list');
        const impacts = workbook.getWorksheet('Impacts')!;
        expect(impacts.getCell('C2').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 4] });
        expect(impacts.getCell('B2').dataValidation?.formulae?.[0]).toContain('financial');
        const fallbacks = workbook.getWorksheet('Secours')!;
        const statusColumn = (fallbacks.getRow(1).values as unknown[]).indexOf('Statut');
        expect(fallbacks.getCell(2, statusColumn).dataValidation)
            .toMatchObject({ type: 'list', formulae: ['"active,planned,option,rejected"'] });
    });
});

describe('a workbook edited by hand', () => {
    let copy: string;
    let run: Run;

    beforeAll(async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(scratch, 'cabinet-martin.xlsx'));
        const activities = workbook.getWorksheet('Activités')!;
        activities.getCell('E2').value = '8h';                 // Paie: rto 1d → 8h
        activities.getCell('F3').value = 'quatre heures';      // Relation-Clients: a bad RPO
        activities.getCell('D4').value = 'urgent';             // Déclarations-Fiscales: a criticality not in the list
        const added = activities.getRow(7);                    // a new activity, below the five
        added.getCell(1).value = 'Archivage';
        added.getCell(2).value = 'Archivage des dossiers';
        added.getCell(3).value = 'Associée-Gérante';
        added.getCell(4).value = 'low';
        added.getCell(5).value = '1w';
        added.getCell(8).value = 200;
        added.getCell(10).value = 'day';
        const impacts = workbook.getWorksheet('Impacts')!;
        impacts.getCell('C2').value = 'beaucoup';              // a bad level
        impacts.getCell('E2').value = 3;                       // Paie, financial after 1d: 2 → 3
        impacts.getCell('D3').value = 1;                       // Paie, legal after 4h: a new level
        await workbook.xlsx.writeFile(path.join(scratch, 'edited.xlsx'));
        copy = path.join(scratch, 'edited');
        cpSync(path.join(scratch, 'cabinet-martin'), copy, { recursive: true });
        run = pra(scratch, 'import', 'edited.xlsx', '-o', 'edited/plan.pra', '--force');
    });

    it('reports every cell it could not read with its sheet and cell, and exits 1', () => {
        expect(run.status).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toEqual([
            expect.stringMatching(/^pra: edited\.xlsx: Activités!F3: 'quatre heures' n'est pas une durée/),
            expect.stringMatching(/^pra: edited\.xlsx: Activités!D4: 'urgent' n'est pas l'une des valeurs critical, high, medium, low/),
            expect.stringMatching(/^pra: edited\.xlsx: Impacts!C2: 'beaucoup' n'est pas un niveau/)
        ]);
    });

    it('applies the changed RTO, the impact levels and the new activity, nothing else; a bad cell leaves its property', () => {
        const diff = diffOf(scratch, 'cabinet-martin/plan.pra', 'edited/plan.pra');
        expect(diff.changed.map(c => `${c.name} ${c.property}`)).toEqual(['Paie rto', 'Paie impacts']);
        expect(diff.changed[0]).toEqual({ kind: 'activity', name: 'Paie', property: 'rto', old: '24 h', new: '8 h' });
        expect(diff.added).toEqual([{ kind: 'activity', name: 'Archivage', title: 'Archivage des dossiers' }]);
        expect(diff.removed).toEqual([]);
        const text = readFileSync(path.join(copy, 'plan.pra'), 'utf8');
        expect(text).toContain('    rto         8h                  // les bulletins doivent partir avant le 28 du mois');
        // Impact lines edited in place, their comments kept; the new level a new line of the block.
        expect(text).toContain('        financial   3 after 1d      // pénalités contractuelles\n');
        expect(text).toContain('        data        3               // perte de variables de paie = ressaisie longue\n'
            + '        legal 1 after 4h\n    }\n');
        expect(text).toMatch(/activity Archivage "Archivage des dossiers" \{\n {4}owner Associée-Gérante\n {4}criticality low\n {4}rto 1w\n {4}loss 200 per day\n\}\n$/);
        expect(run.stdout).toContain('1 élément mis à jour (activity Paie), 1 élément ajouté (activity Archivage)');
    });

    it('the plan it wrote still checks without error', () => {
        expect(checkJson(scratch, 'edited/plan.pra').summary.errors).toBe(0);
    });
});

describe('never overwriting without asking', () => {
    it('an existing -o plan without --force: one line, exit 2, the plan untouched', () => {
        const before = readFileSync(path.join(scratch, 'clinique-vet', 'plan.pra'), 'utf8');
        const run = pra(scratch, 'import', 'clinique-vet.xlsx', '-o', 'clinique-vet/plan.pra');
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pra: clinique-vet\/plan\.pra: exists; pra import merges the workbook into it only with --force/)]);
        expect(readFileSync(path.join(scratch, 'clinique-vet', 'plan.pra'), 'utf8')).toBe(before);
    });

    it('without -o the new plan is printed; a file that is not a workbook is one line, exit 2', () => {
        const printed = pra(scratch, 'import', 'clinique-vet.xlsx', '--lang', 'en');
        expect(printed.status).toBe(0);
        expect(printed.stdout).toMatch(/^\/\/ Plan created by pra import/);
        const bad = pra(scratch, 'import', 'clinique-vet/plan.pra');
        expect(bad.status).toBe(2);
        expect(bad.stderr).toBe('pra: clinique-vet/plan.pra: is not an .xlsx workbook\n');
    });
});
