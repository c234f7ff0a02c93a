/**
 * `pra diff` (issue 14): the semantic changelog between two versions of a plan — elements added,
 * removed and renamed, changed properties old → new in the plan's units, findings that appeared
 * and that were resolved — built by diffPlans (packages/language/src/diff) from two snapshots.
 */
import { describe, expect, it } from 'vitest';
import { diffMarkdown, diffPlans, diffText, planSnapshot, type PlanDiff } from '../../packages/language/src/diff/index.js';
import { buildFiles, createTestServices } from '../helpers.js';

const today = '2026-12-01';

/** Builds a version (files by name, the plan in plan.pra) and takes its snapshot. */
async function version(files: Record<string, string>, lang?: 'fr' | 'en') {
    const services = createTestServices({ today, lang });
    const built = await buildFiles(services, files);
    return planSnapshot(services, built['plan.pra'], Object.values(built), document => document.uri.path.split('/').pop()!);
}

async function diff(before: Record<string, string>, after: Record<string, string>, lang: 'fr' | 'en' = 'en'): Promise<PlanDiff> {
    return diffPlans(await version(before, lang), await version(after, lang), lang);
}

const common = `plan "P" { date 2026-11-01 review 2027-06-01 owner DG language en }
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Call" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
`;

const oldPlan = `${common}activity Facturation "Invoicing" { criticality medium rto 4h owner DG uses App loss 1000 EUR per day }
asset App "Accounting application" { kind application }
fallback AppRestore { covers App rto 1d }
asset Old { kind server }
`;

/** Facturation's rto 4h → 8h; App renamed Application (and its references); Old removed; Paie added. */
const newPlan = `${common}activity Facturation "Invoicing" { criticality medium rto 8h owner DG uses Application loss 1000 EUR per day }
asset Application "Accounting application" { kind application }
fallback AppRestore { covers Application rto 1d }
activity Paie "Payroll" { criticality critical rto 2d owner DSI }
`;

describe('diffPlans on a pair with known changes', () => {
    it('finds the addition, the removal, the rename (its references are not changes), the changed rto in the plan\'s units', async () => {
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': newPlan });
        expect(result.added).toEqual([{ kind: 'activity', name: 'Paie', title: 'Payroll' }]);
        expect(result.removed).toEqual([{ kind: 'asset', name: 'Old' }]);
        expect(result.renamed).toEqual([{ kind: 'asset', from: 'App', to: 'Application' }]);
        expect(result.changed).toEqual([{ kind: 'activity', name: 'Facturation', property: 'rto', old: '4 h', new: '8 h' }]);
    });

    it('findings that appeared and that were resolved; a finding that stays (rto-gap, new figures) is neither', async () => {
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': newPlan });
        expect(result.findings.appeared.map(f => `${f.code} ${f.element}`))
            .toEqual(['critical-without-fallback Paie', 'missing-requirement Paie']);
        expect(result.findings.resolved.map(f => `${f.code} ${f.element}`)).toEqual(['unused-asset Old']);
        expect(result.findings.resolved[0]).toMatchObject({ severity: 'info', file: 'plan.pra' });
    });

    it('the same plan twice: nothing', async () => {
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': oldPlan });
        expect(result).toEqual({ version: 1, added: [], removed: [], renamed: [], changed: [], findings: { appeared: [], resolved: [] } });
        expect(diffText(result, 'a', 'b', 'en')).toBe('Changes from a to b\nNo change.\n');
    });

    it('a renamed role carried into every reference (owner, deputy, alert to, team) is one rename and no change', async () => {
        const renamed = oldPlan.replace(/\bDSI\b/g, 'IT-Manager');
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': renamed });
        expect(result.renamed).toEqual([{ kind: 'role', from: 'DSI', to: 'IT-Manager' }]);
        expect(result.changed).toEqual([]);
        expect(result.added).toEqual([]);
        expect(result.removed).toEqual([]);
    });

    it('a renamed element whose properties also changed is a removal and an addition, not a rename', async () => {
        const changed = oldPlan.replace('asset Old { kind server }', 'asset Older { kind nas }');
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': changed });
        expect(result.renamed).toEqual([]);
        expect(result.removed).toEqual([{ kind: 'asset', name: 'Old' }]);
        expect(result.added).toEqual([{ kind: 'asset', name: 'Older' }]);
    });

    it('changes in an imported file count; values read in the plan\'s units and language (fr: j, par jour, oui)', async () => {
        const plan = 'import "inventaire.pra"\n' + common.replace('language en', 'language fr')
            + 'activity A { criticality medium rto 4h owner DG uses S loss 1000 EUR per day }\n';
        const before = { 'plan.pra': plan, 'inventaire.pra': 'asset S { kind server }\nfallback R { covers S rto 5d }\n' };
        const after = {
            'plan.pra': plan.replace('1000 EUR per day', '1500 EUR per hour'),
            'inventaire.pra': 'asset S { kind server stateless }\nfallback R { covers S rto 4h }\n'
        };
        const result = await diff(before, after, 'fr');
        expect(result.changed).toEqual([
            { kind: 'asset', name: 'S', property: 'stateless', new: 'oui' },
            { kind: 'activity', name: 'A', property: 'loss', old: '1000 EUR par jour', new: '1500 EUR par heure' },
            { kind: 'fallback', name: 'R', property: 'rto', old: '5 j', new: '4 h' }
        ]);
        expect(result.findings.resolved.map(f => f.code)).toContain('rto-gap');
    });

    it('plan header changes: version, review, a new revision line', async () => {
        const before = { 'plan.pra': oldPlan };
        const after = {
            'plan.pra': oldPlan.replace('review 2027-06-01',
                'review 2027-12-01 version "2.0" revision "2.0" 2026-12-01 "Revue annuelle" by DG')
        };
        const result = await diff(before, after);
        expect(result.changed).toEqual([
            { kind: 'plan', name: 'plan', property: 'version', new: '2.0' },
            { kind: 'plan', name: 'plan', property: 'review', old: '2027-06-01', new: '2027-12-01' },
            { kind: 'plan', name: 'plan', property: 'revision', new: '"2.0" 2026-12-01 "Revue annuelle" by DG' }
        ]);
    });
});

describe('text and Markdown', () => {
    it('text: one line per change, grouped, with old → new', async () => {
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': newPlan });
        const text = diffText(result, 'old.pra', 'new.pra', 'en');
        expect(text.split('\n').slice(0, 14)).toEqual([
            'Changes from old.pra to new.pra', '',
            'Added (1):', '  + activity Paie "Payroll"', '',
            'Removed (1):', '  - asset Old', '',
            'Renamed (1):', '  asset App → Application', '',
            'Changed (1):', '  activity Facturation: rto 4 h → 8 h', ''
        ]);
        expect(text).toContain('Findings that appeared (2):\n  + error critical-without-fallback Paie: ');
        expect(text).toContain('Findings resolved (1):\n  - info unused-asset Old: ');
    });

    it('Markdown in French: a table per group, pipes escaped', async () => {
        const result = await diff({ 'plan.pra': oldPlan }, { 'plan.pra': newPlan.replace('"Payroll"', '"Paie | salaires"') }, 'fr');
        const markdown = diffMarkdown(result, 'v1', 'v2', 'fr');
        expect(markdown).toContain('## Changements de v1 à v2');
        expect(markdown).toContain('### Renommages (1)\n\n| Type | Ancien nom | Nouveau nom |\n'
            + '| --- | --- | --- |\n| ressource | App | Application |');
        expect(markdown).toContain('| activité Facturation | rto | 4 h | 8 h |');
        expect(markdown).toContain('| activité | Paie | Paie \\| salaires |');
        expect(markdown).toContain('### Constats résolus (1)');
    });
});
