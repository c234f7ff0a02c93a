import { describe, expect, it } from 'vitest';
import { buildFiles, codes, createTestServices, withCode } from '../helpers.js';
import { rangeText, single } from './check-helpers.js';

const build = (files: Record<string, string>) => buildFiles(createTestServices(), files);

describe('scoping through imports', () => {
    it('sees the names of imported files, transitively', async () => {
        const files = await build({
            'plan.pra': 'import "inventaire.pra"\nactivity Paie { uses ERP owner DSI }',
            'inventaire.pra': 'import "roles.pra"\nasset ERP { owner DSI }',
            'roles.pra': 'role DSI { phone "1" }'
        });
        for (const document of Object.values(files)) expect(codes(document)).not.toContain('linking-error');
    });

    it('does not see names of an unrelated file of the same folder, nor of a file that imports it', async () => {
        const files = await build({
            'one.pra': 'import "two.pra"\nasset Serveur { }',
            'two.pra': 'activity Paie { uses Serveur }',
            'three.pra': 'activity Compta { uses Serveur }'
        });
        const [inTwo] = withCode(files['two.pra'], 'linking-error');
        expect(inTwo.message).toContain('Serveur');
        expect(rangeText(files['two.pra'], inTwo)).toBe('Serveur');
        expect(withCode(files['three.pra'], 'linking-error')).toHaveLength(1);
    });

    it('enforces the kinds a reference accepts', async () => {
        const { 'plan.pra': document } = await build({
            'plan.pra': `
asset ERP { }
role DSI { }
activity Paie { owner ERP uses DSI }
fallback F { covers Paie, ERP, DSI }
procedure P { for Paie, ERP, F }
exercise E { tests F, P, ERP }`
        });
        const unresolved = withCode(document, 'linking-error').map(d => rangeText(document, d));
        expect(unresolved).toEqual(['ERP', 'DSI', 'DSI', 'ERP']);
        expect(withCode(document, 'linking-error')[0].message).toContain('ERP');
    });

    it('survives import cycles', async () => {
        const files = await build({
            'a.pra': 'import "b.pra"\nasset A { depends on B }',
            'b.pra': 'import "a.pra"\nasset B { depends on A }'
        });
        expect(codes(files['a.pra'])).not.toContain('linking-error');
        expect(codes(files['a.pra'])).toContain('dependency-cycle');
    });

    it('import-not-found names the path, on the path', async () => {
        const { 'plan.pra': document } = await build({ 'plan.pra': 'import "absent.pra"\nplan "P" { }' });
        const diagnostic = single(document, 'import-not-found');
        expect(rangeText(document, diagnostic)).toBe('"absent.pra"');
        expect(diagnostic.message).toContain('absent.pra');
    });
});

describe('a file imported by a plan is checked in that plan\'s context', () => {
    const files = {
        'plan.pra': `import "inventaire.pra"
plan "P" { date 2026-05-12 language fr }
activity Paie { criticality critical rto 4h rpo 1h owner DSI uses ERP }`,
        'inventaire.pra': `role DSI { phone "1" }
asset ERP { }
asset Fax { }
fallback Sauvegarde { covers ERP rto 8h tested 2024-01-01 offsite }`
    };

    it('uses the plan\'s activities, date and language', async () => {
        const { 'inventaire.pra': inventory, 'plan.pra': plan } = await build(files);
        expect(withCode(inventory, 'unused-asset').map(d => rangeText(inventory, d))).toEqual(['Fax']);
        const stale = single(inventory, 'untested-fallback');
        expect(stale.message)
            .toBe('Sauvegarde a été testé pour la dernière fois le 2024-01-01, plus de 12 mois avant la date du plan (2026-05-12).');
        expect(single(plan, 'rto-gap').message).toContain('8 h (Sauvegarde)');
    });

    it('alone, the same inventory has no plan date, no critical activity, and no unused-asset (never judged alone)', async () => {
        const { 'inventaire.pra': inventory } = await build({ 'inventaire.pra': files['inventaire.pra'] });
        expect(withCode(inventory, 'untested-fallback')).toHaveLength(0);
        expect(withCode(inventory, 'unused-asset')).toHaveLength(0);
    });
});

describe('duplicate names across files', () => {
    it('an element of an imported file', async () => {
        const { 'plan.pra': document } = await build({
            'plan.pra': 'import "inventaire.pra"\nasset ERP { }',
            'inventaire.pra': 'asset ERP { }'
        });
        const diagnostic = single(document, 'duplicate-name');
        expect(diagnostic.message).toBe('Another asset is already named ERP (in inventaire.pra).');
        expect(rangeText(document, diagnostic)).toBe('ERP');
    });

    it('a plan and its inventory: reported once, on the plan, which comes after what it imports (contract v2)', async () => {
        const files = await build({
            'plan.pra': 'import "inventaire.pra"\nplan "P" { }\nasset ERP { }',
            'inventaire.pra': 'asset ERP { }'
        });
        expect(withCode(files['inventaire.pra'], 'duplicate-name')).toHaveLength(0);
        expect(single(files['plan.pra'], 'duplicate-name').message).toBe('Another asset is already named ERP (in inventaire.pra).');
    });

    it('two files a plan imports, that do not import each other', async () => {
        const files = await build({
            'plan.pra': 'import "a.pra"\nimport "b.pra"\nplan "P" { }\nactivity Paie { uses ERP }',
            'a.pra': 'asset ERP { }',
            'b.pra': 'asset ERP { }'
        });
        expect(withCode(files['a.pra'], 'duplicate-name')).toHaveLength(0);
        expect(single(files['b.pra'], 'duplicate-name').message).toBe('Another asset is already named ERP (in a.pra).');
    });

    it('the same name in two unrelated plans is fine', async () => {
        const files = await build({
            'un.pra': 'plan "Un" { }\nasset ERP { }',
            'deux.pra': 'plan "Deux" { }\nasset ERP { }'
        });
        expect(withCode(files['un.pra'], 'duplicate-name')).toHaveLength(0);
        expect(withCode(files['deux.pra'], 'duplicate-name')).toHaveLength(0);
    });
});
