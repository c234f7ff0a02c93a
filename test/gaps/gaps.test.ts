import { describe, expect, test } from 'vitest';
import { fill, message } from '../../packages/language/src/pra-messages.js';
import { planGaps } from '../../packages/language/src/pra-gaps.js';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { exportText } from '../../packages/language/src/export/pra-export-texts.js';
import type { PraCodeActionProvider } from '../../packages/language/src/lsp/pra-code-action-provider.js';
import { riskMatrix } from '../../packages/language/src/pra-risk-matrix.js';
import { buildPreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { fitName, riskMatrixSvg } from '../../packages/language/src/render/risk-matrix-svg.js';
import { svgMarkup } from '../../packages/language/src/render/svg-tree.js';
import { buildFiles, createTestServices, withCode } from '../helpers.js';
import { applyEdits } from '../lsp/lsp-helpers.js';

/** A small plan: one active backup neither offline nor offsite, a risk outside the scale, one without impact. */
const plan = (backups: string, lang: 'fr' | 'en' = 'fr', accept = ''): string => `plan "Clinique" {
    organisation "Clinique"
    owner DG
    date 2026-06-01
    language ${lang}
${accept}}

role DG "Direction" {
    phone "+33 1 00 00 00 00"
}

role DSI "Informatique" {
    phone "+33 1 00 00 00 01"
}

asset Serveur "Serveur" {
    kind server
}

activity Soins "Soins" {
    criticality medium
    uses Serveur
}
${backups}
risk Incendie-Salle-Serveurs-Principale "Incendie" {
    likelihood 2
    impact 7
}

risk Panne "Panne" {
    likelihood 2
}
`;

const backup = (name: string) => `
fallback ${name} "Sauvegarde" {
    type backup
    covers Serveur
    rpo 1d
}
`;

describe('plurals through Intl.PluralRules', () => {
    test('one backup is singular in French and English, two are plural', () => {
        expect(message('no-offline-backup', 'fr', { count: 1, backups: 'S1' })).toMatch(/^La seule sauvegarde active \(S1\) n'est ni offline ni offsite/);
        expect(message('no-offline-backup', 'fr', { count: 2, backups: 'S1 et S2' })).toMatch(/^Aucune des 2 sauvegardes actives \(S1 et S2\)/);
        expect(message('no-offline-backup', 'en', { count: 1, backups: 'S1' })).toMatch(/^The only active backup \(S1\) is not offline/);
        expect(message('no-offline-backup', 'en', { count: 3, backups: 'A, B and C' })).toMatch(/^None of the 3 active backups/);
        expect(message('no-offline-backup', 'fr', { count: 1, backups: 'S1' })).not.toContain('Aucune des 1');
    });

    test('French counts 0 and 1 as singular, English only 1', () => {
        expect(fill('{n} {n|niveau|niveaux}', { n: 0 }, 'fr')).toBe('0 niveau');
        expect(fill('{n} {n|niveau|niveaux}', { n: 1 }, 'fr')).toBe('1 niveau');
        expect(fill('{n} {n|niveau|niveaux}', { n: 2 }, 'fr')).toBe('2 niveaux');
        expect(fill('{n} {n|level|levels}', { n: 0 }, 'en')).toBe('0 levels');
        expect(message('invalid-scale.count', 'en', { axis: 'impact', count: 1 })).toContain('has 1 level;');
    });

    test('the exported document\'s counts too: no more "(s)"', () => {
        expect(exportText('document.draft', 'fr', { count: 1 })).toContain('encore 1 erreur ;');
        expect(exportText('document.draft', 'en', { count: 2 })).toContain('still has 2 errors;');
        expect(exportText('text.count.error', 'fr', { count: 1 })).toBe('1 erreur');
        expect(exportText('text.count.warning', 'en', { count: 2 })).toBe('2 warnings');
    });

    test('a choice on a missing number stays visible', () => {
        expect(fill('{n|a|b}', {}, 'en')).toBe('{n|a|b}');
    });
});

describe('plan-wide findings on the most specific range', () => {
    test('no-offline-backup is on the first backup concerned, the others as related information, with no element', async () => {
        const services = createTestServices({ today: '2026-06-02' });
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A') + backup('Sauvegarde-B')) });
        const [finding] = withCode(document, 'no-offline-backup');
        expect(finding).toBeDefined();
        const text = document.textDocument.getText();
        // On the value of `type backup` of the first backup.
        const typeOfA = text.indexOf('type backup', text.indexOf('fallback Sauvegarde-A')) + 'type '.length;
        expect(document.textDocument.offsetAt(finding.range.start)).toBe(typeOfA);
        expect(document.textDocument.getText(finding.range)).toBe('backup');
        expect(finding.relatedInformation?.map(r => r.message)).toEqual(['Sauvegarde-B']);
        expect((finding.data as { element?: string }).element).toBeUndefined();
    });

    test('accepting it in the plan block still works, and the quick fix writes there', async () => {
        const services = createTestServices({ today: '2026-06-02' });
        const { 'plan.pra': open } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A')) });
        const [finding] = withCode(open, 'no-offline-backup');
        const provider = services.lsp.CodeActionProvider as PraCodeActionProvider;
        const edit = provider.acceptEdit(open, finding, 'Copie hors site prévue en juillet', 'DSI');
        const changes = edit?.changes?.[open.uri.toString()];
        expect(changes).toBeDefined();
        const written = applyEdits(open, changes!);
        const planBlock = written.slice(0, written.indexOf('}'));
        expect(planBlock).toContain('accept no-offline-backup "Copie hors site prévue en juillet" by DSI until 2027-06-');
        const { 'plan.pra': accepted } = await buildFiles(createTestServices({ today: '2026-06-02' }), { 'plan.pra': written });
        const [again] = withCode(accepted, 'no-offline-backup');
        expect((again.data as { accepted?: { by: string } }).accepted?.by).toBe('DSI');
        expect(withCode(accepted, 'unused-acceptance')).toEqual([]);
    });
});

describe('pra/gaps', () => {
    test('lists every finding of the plan with its group, title and acceptability, accepted ones marked', async () => {
        const services = createTestServices({ today: '2026-06-02' });
        const accept = '    accept no-offline-backup "Copie hors site en juillet" by DSI until 2026-12-31\n';
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A'), 'fr', accept) });
        const result = planGaps(services.analysis.PraAnalysisService, document.uri.toString());
        expect(result.title).toBe('Clinique');
        expect(result.roles).toEqual(['DG', 'DSI']);
        expect(result.items.length).toBe(document.diagnostics!.length);
        const offline = result.items.find(i => i.code === 'no-offline-backup')!;
        expect(offline.accepted).toEqual({ by: 'DSI', until: '2026-12-31', reason: 'Copie hors site en juillet' });
        expect(offline.acceptable).toBe(false);
        expect(offline.group).toBe('Clinique');
        expect(offline.message).not.toMatch(/^Accept/);
        const scale = result.items.find(i => i.code === 'level-out-of-scale')!;
        expect(scale.acceptable).toBe(false);
        const risk = result.items.find(i => i.element === 'Panne' || i.kind === 'risk');
        if (risk) expect(risk.group).toMatch(/^risque /);
        const unused = result.items.find(i => i.code === 'unused-asset');
        if (unused) expect(unused).toMatchObject({ group: 'ressource Serveur', title: expect.any(String), acceptable: true });
    });

    test('a file of the plan brings the findings of all its files', async () => {
        const services = createTestServices({ today: '2026-06-02' });
        const files = await buildFiles(services, {
            'plan.pra': plan('', 'en').replace('plan "Clinique" {', 'import "inventory.pra"\n\nplan "Clinique" {'),
            'inventory.pra': 'asset Spare "Spare server" {\n    kind server\n}\n'
        });
        const result = planGaps(services.analysis.PraAnalysisService, files['plan.pra'].uri.toString());
        const uris = new Set(result.items.map(i => i.uri));
        expect(uris.has(files['inventory.pra'].uri.toString())).toBe(true);
        expect(result.items.find(i => i.code === 'unused-asset' && i.element === 'Spare')?.group).toBe('asset Spare');
    });
});

describe('the matrix never hides a risk', () => {
    test('out-of-scale and incomplete risks go to the tray with why; the legend counts what is drawn', async () => {
        const services = createTestServices({ today: '2026-06-02', lang: 'en' });
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A'), 'en') });
        const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
        const matrix = riskMatrix(analysis, lang);
        expect(matrix.tray.inherent).toEqual([
            { name: 'Incendie-Salle-Serveurs-Principale', reason: 'impact 7 is outside the scale (1 to 4)' },
            { name: 'Panne', reason: 'no impact' }
        ]);
        expect(matrix.rows.flat().flatMap(c => c.inherent)).toEqual([]);
        const model = buildPreviewModel(analysis, [], lang);
        expect(model.matrix.zones.reduce((n, z) => n + z.inherent, 0)).toBe(0);
        expect(model.matrix.tray.residual.map(r => r.name)).toEqual(['Incendie-Salle-Serveurs-Principale', 'Panne']);
        const svg = svgMarkup(riskMatrixSvg(matrix, { view: 'inherent', likelihoodAxis: 'Likelihood', impactAxis: 'Impact' }));
        expect(svg).toContain('data-tray-risk="Panne"');
        expect(svg).toContain('Not in the grid (2)');
        expect(svg).toContain('impact 7 is outside the scale (1 to 4)');
    });

    test('the exported HTML draws the same tray below its matrices', async () => {
        const services = createTestServices({ today: '2026-06-02' });
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A')) });
        const { content } = await exportDocument(services, document, { format: 'html', force: true });
        const html = typeof content === 'string' ? content : new TextDecoder().decode(content);
        expect(html.match(/data-tray-risk="Panne"/g)?.length).toBe(2);
        expect(html).toContain('Hors de la grille (2)');
        expect(html).toMatch(/gravité 7 hors de l(&#39;|&#x27;|')échelle \(1 à 4\)/);
    });

    test('names break where words meet, or are cut with the full name as a tooltip', () => {
        expect(fitName('Ransomware')).toEqual(['Ransomware']);
        expect(fitName('IncendieSalleServeurs')).toEqual(['IncendieSalle', 'Serveurs']);
        expect(fitName('Incendie-Salle-Serveurs')).toEqual(['Incendie-Salle-', 'Serveurs']);
        const cut = fitName('Incendie-Salle-Serveurs-Principale-Du-Batiment-Nord');
        expect(cut.length).toBe(2);
        expect(cut[1].endsWith('…')).toBe(true);
        for (const line of fitName('Rancongiciel-Sur-Postes')) expect(line.length).toBeLessThanOrEqual(17);
        const layout = {
            likelihood: [{ value: 1, label: 'Low' }], impact: [{ value: 1, label: 'Low' }],
            rows: [[{
                likelihood: 1, impact: 1, score: 1, zone: 'acceptable' as const, inherent: ['IncendieSalleServeursPrincipale'], residual: []
            }]]
        };
        const svg = svgMarkup(riskMatrixSvg(layout, { view: 'inherent', likelihoodAxis: 'L', impactAxis: 'I' }));
        expect(svg).toContain('<title>IncendieSalleServeursPrincipale</title>');
    });

    test('coverage bars: a missing requirement is "not stated", never judged', async () => {
        const services = createTestServices({ today: '2026-06-02', lang: 'fr' });
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan(backup('Sauvegarde-A')) });
        const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
        const soins = buildPreviewModel(analysis, [], lang).activities.find(a => a.name === 'Soins')!;
        expect(soins.rpo.stated).toBe(false);
        expect(soins.rpo.requiredText).toBeUndefined();
        expect(buildPreviewModel(analysis, [], lang).labels.notStated).toBe('non indiqué');
    });
});
