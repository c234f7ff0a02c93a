/**
 * Issue 13, for the document's "Scenarios" chapter: each risk in the tolerable or unacceptable zone
 * that targets assets, simulated (timeline and recovery order), riskiest first.
 */
import { describe, expect, it } from 'vitest';
import { riskScenarios, type TimelineView } from '../../packages/language/src/index.js';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { timelineMaxCharts, timelineMaxRows } from '../../packages/language/src/export/pra-document-continuity.js';
import { exportText, loadPlan } from '../export/export-helpers.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { analysisOf, hours } from './simulation-helpers.js';

describe('risk scenarios', () => {
    it('tolerable and unacceptable risks with targets, riskiest first, from 09:00 on the plan date', async () => {
        const analysis = await analysisOf(`
plan "S" { date 2026-11-30 }
activity Paie { rto 8h uses App }
asset App { kind application }
asset Nas { kind data }
fallback AppRestore { covers App rto 6h }
fallback NasRestore { covers Nas rto 2h }
risk Mineur { likelihood 1 impact 2 targets App }
risk Moyen { likelihood 2 impact 3 targets Nas }
risk Grave { likelihood 3 impact 4 targets App }
risk SansCible { likelihood 4 impact 4 }`);
        const scenarios = riskScenarios(analysis);
        expect(scenarios.map(s => [s.risk, s.score, s.zone])).toEqual([['Grave', 12, 'unacceptable'], ['Moyen', 6, 'tolerable']]);
        const grave = scenarios[0].simulation;
        expect(grave.start).toBe('2026-11-30T09:00');
        expect(grave.down).toEqual([{ name: 'Grave', kind: 'risk', assets: ['App'] }]);
        expect(grave.activities.map(a => [a.name, a.back.backMinutes])).toEqual([['Paie', hours(6)]]);
        expect(grave.order.waves).toEqual([{ wave: 1, assets: ['App'], cycle: false }]);
        // Nas is used by no activity: the scenario stops nothing, and says so by an empty timeline.
        expect(scenarios[1].simulation.activities).toEqual([]);
    });
});

interface JsonBlock {
    type: string; id?: string; title?: string; text?: string; items?: string[]; blocks?: JsonBlock[]; rows?: Array<Record<string, unknown>>;
    view?: TimelineView; legend?: string[];
}

describe('the document\'s strategy per scenario', () => {
    it('the strategy section ends with a sub-section per tolerable or unacceptable risk: what stops, when back, the order', async () => {
        const plan = await loadPlan('examples/atelier-bois/plan.pra', 'en');
        const json = JSON.parse(await exportText(plan, 'json', 'en')) as { sections: Array<{ id: string; blocks: JsonBlock[] }> };
        // The body of the client document names elements by their titles (issue 12).
        const recovery = json.sections.find(s => s.id === 'strategy')!;
        const scenarios = recovery.blocks[recovery.blocks.length - 1];
        expect(scenarios).toMatchObject({ type: 'subsection', id: 'scenarios', title: 'Strategy per scenario' });
        const subsections = scenarios.blocks!.filter(b => b.type === 'subsection');
        expect(subsections.map(s => s.id)).toEqual(riskScenarios(await analysisOfExample()).map(s => `scenario-${s.risk}`));
        const serveur = subsections.find(s => s.id === 'scenario-Panne-Serveur-ERP')!;
        expect(serveur.title).toBe('Scenario: Panne du serveur de l\'ERP (score 12, tolerable)');
        const table = serveur.blocks!.find(b => b.type === 'table')!;
        const back = 'back at T+12 h (Tue 2026-06-30 21:00) by its assets (slowest restore: Sauvegarde nocturne de l\'ERP sur le NAS)';
        expect(table.rows!.map(r => [r.activity, r.back])).toEqual([
            ['Assemblage, finition et contrôle qualité', back],
            ['Devis, prise de commandes, relation clients', back],
            ['Préparation et expédition des commandes', back],
            ['Achats de bois, quincaillerie et consommables', back]
        ]);
        const server = 'Serveur physique de l\'ERP (salle serveur)';
        const erp = 'ERP de gestion de production (installé sur site)';
        expect(serveur.blocks!.find(b => b.type === 'list')!.items).toEqual([
            `Wave 1: ${server}`,
            `Wave 2: ${erp}`,
            `Best case (each restore as soon as what it needs is back): all restored at T+24 h; critical path ${server} → ${erp}.`,
            'Worst case (one restore after the other): T+24 h.'
        ]);
        // The scenario's Gantt chart, as the preview draws it, between the summary and the table; no places in the source.
        expect(serveur.blocks!.map(b => b.type)).toEqual(['paragraph', 'timeline', 'table', 'list']);
        const timeline = serveur.blocks![1];
        expect(timeline.id).toBe('timeline-Panne-Serveur-ERP');
        expect(timeline.view!.rows.map(r => r.back.label)).toEqual(Array(4).fill('back T+12 h'));
        expect(timeline.view!.horizonMinutes).toBeLessThanOrEqual(hours(48));
        expect(JSON.stringify(timeline.view)).not.toContain('"source"');
        expect(timeline.legend![0]).toContain('dashed line: its RTO');
    });

    it('HTML and Word draw it with the preview\'s renderer, "›" for the arrows the documents\' font lacks', async () => {
        const plan = await loadPlan('examples/atelier-bois/plan.pra', 'fr');
        const html = await exportText(plan, 'html', 'fr');
        const figure = /<figure class="timeline" id="diagram-timeline-Panne-Serveur-ERP">([\s\S]*?)<\/figure>/.exec(html)![1];
        expect(figure).toContain('rétablie T+12 h');
        // The body speaks in titles: the rows are named by them (escaped in the SVG), not by identifiers.
        expect(figure).toContain('Devis, prise de commandes, relation clients');
        expect(figure).not.toMatch(/>Prise-Commandes</);
        expect(figure).toContain('>Remise en service de l');
        expect(figure).not.toContain('Redémarrage-ERP (');
        expect(figure).toContain('<figcaption>Chaque activité : rouge tant qu');
        expect(figure).not.toContain('→');
        expect(figure).toContain('›');
        // Word shows each drawing as a PNG: the dependency diagram and one chart per scenario.
        const docx = await exportDocument(plan.services, plan.document, { format: 'docx', lang: 'fr', force: true });
        const { unzipSync } = await import('fflate');
        const media = Object.keys(unzipSync(docx.content, { filter: file => file.name.startsWith('word/media/') }));
        const analysis = plan.services.analysis.PraAnalysisService.forDocument(plan.document).analysis;
        expect(media.filter(name => name.endsWith('.png'))).toHaveLength(1 + riskScenarios(analysis).length);
    });
});

describe('a scenario too large for a legible chart', () => {
    it('gets a note instead of its chart, the table keeps every activity', async () => {
        const activities = Array.from({ length: 70 }, (_, i) => `activity A${i} { rto 4h uses App }`).join('\n');
        const services = createTestServices({ today: '2026-12-01' });
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': `plan "Big" { language en date 2026-11-30 }
${activities}
asset App { kind application }
fallback AppRestore { covers App rto 6h }
risk Grave { likelihood 3 impact 4 targets App }` });
        const exported = await exportDocument(services, document, { format: 'json', force: true });
        const json = JSON.parse(new TextDecoder().decode(exported.content)) as { sections: Array<{ id: string; blocks: JsonBlock[] }> };
        const strategy = json.sections.find(s => s.id === 'strategy')!;
        const scenario = strategy.blocks.at(-1)!.blocks!.find(b => b.id === 'scenario-Grave')!;
        expect(scenario.blocks!.map(b => b.type)).toEqual(['paragraph', 'paragraph', 'table', 'list']);
        // 70 activities and the restore of App.
        expect(scenario.blocks![1].text).toBe('The chart of this scenario would have 71 rows: '
            + `more than the ${timelineMaxRows} a page can show legibly. The table below gives every activity's figures.`);
        expect(scenario.blocks![2].rows).toHaveLength(70);
    });
});

describe('a plan with more scenarios than the document draws', () => {
    it('charts the riskiest ones, says so, and keeps every scenario\'s table', async () => {
        const count = timelineMaxCharts + 2;
        const lines = Array.from({ length: count }, (_, i) => `asset S${i} { kind server }
fallback R${i} { covers S${i} rto ${i + 1}h }
activity A${i} { rto 4h uses S${i} }
risk K${i} { likelihood 3 impact ${i < 2 ? 4 : 3} targets S${i} }`).join('\n');
        const services = createTestServices({ today: '2026-12-01' });
        const text = `plan "Many" { language en date 2026-11-30 }\n${lines}`;
        const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': text });
        const exported = await exportDocument(services, document, { format: 'json', force: true });
        const json = JSON.parse(new TextDecoder().decode(exported.content)) as { sections: Array<{ id: string; blocks: JsonBlock[] }> };
        const chapter = json.sections.find(s => s.id === 'strategy')!.blocks.at(-1)!.blocks!;
        const scenarios = chapter.filter(b => b.id?.startsWith('scenario-'));
        expect(scenarios).toHaveLength(count);
        const charted = scenarios.filter(s => s.blocks!.some(b => b.type === 'timeline'));
        expect(charted).toHaveLength(timelineMaxCharts);
        // Riskiest first: the two scored 12 are among the charted ones, and the charted ones come first.
        expect(charted.map(s => s.id)).toEqual(scenarios.slice(0, timelineMaxCharts).map(s => s.id));
        expect(charted.map(s => s.id)).toEqual(expect.arrayContaining(['scenario-K0', 'scenario-K1']));
        expect(scenarios.every(s => s.blocks!.some(b => b.type === 'table'))).toBe(true);
        expect(chapter[1].text).toBe(`Charts are drawn for the ${timelineMaxCharts} riskiest scenarios; `
            + 'the 2 others are given by their table and restore order.');
    });

    it('draws every chart and says nothing of it when the scenarios are few', async () => {
        const plan = await loadPlan('examples/atelier-bois/plan.pra', 'en');
        const json = JSON.parse(await exportText(plan, 'json', 'en')) as { sections: Array<{ id: string; blocks: JsonBlock[] }> };
        const chapter = json.sections.find(s => s.id === 'strategy')!.blocks.at(-1)!.blocks!;
        const scenarios = chapter.filter(b => b.id?.startsWith('scenario-'));
        expect(scenarios.length).toBeLessThanOrEqual(timelineMaxCharts);
        expect(scenarios.every(s => s.blocks!.some(b => b.type === 'timeline'))).toBe(true);
        expect(chapter.some(b => b.text?.startsWith('Charts are drawn for'))).toBe(false);
    });
});

async function analysisOfExample() {
    const plan = await loadPlan('examples/atelier-bois/plan.pra', 'en');
    return plan.services.analysis.PraAnalysisService.forDocument(plan.document).analysis;
}
