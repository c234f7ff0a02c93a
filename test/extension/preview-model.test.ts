import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { buildFiles, createTestServices } from '../helpers.js';

async function previewOf(example: string, lang?: 'fr' | 'en') {
    const services = createTestServices(lang);
    const text = readFileSync(join(__dirname, '../../examples', example, 'plan.pra'), 'utf8');
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': text });
    const { analysis, lang: planLang } = services.analysis.PraAnalysisService.forDocument(document);
    const findings = documentFindings(document).map(f => ({ ...f, uri: document.uri.toString() }));
    return buildPreviewModel(analysis, findings, planLang);
}

describe('preview model', () => {
    test('places each risk at its inherent and residual position on the plan\'s grid', async () => {
        const model = await previewOf('clinique-vet');
        expect(model.lang).toBe('en');
        expect(model.matrix.rows).toHaveLength(4);
        expect(model.matrix.rows[0][0].likelihood).toBe(4);
        const ransomware = model.risks.find(r => r.name === 'Ransomware')!;
        expect(ransomware.inherent).toMatchObject({ likelihood: 3, impact: 4, score: 12, zone: 'unacceptable' });
        expect(ransomware.residual).toMatchObject({ likelihood: 2, impact: 3, score: 6, zone: 'tolerable' });
        expect(ransomware.moved).toBe(true);
        const cell = model.matrix.rows.flat().find(c => c.likelihood === 3 && c.impact === 4)!;
        expect(cell.inherent).toContain('Ransomware');
        expect(model.risks.find(r => r.name === 'PMS-Outage')!.moved).toBe(false);
    });

    test('lists coverage bars and the open gaps of each activity, summarised by code', async () => {
        const model = await previewOf('clinique-vet');
        const emergency = model.activities.find(a => a.name === 'Emergency-Care')!;
        expect(emergency.criticalityLabel).toBe('critical');
        expect(emergency.rto.requiredText).toBe('1 h');
        expect(emergency.rto.requiredPercent).toBeGreaterThan(0);
        expect(model.openGaps).toBe(model.gaps.length);
        expect(model.openGaps).toBeGreaterThan(0);
        expect(model.gapSummary.reduce((n, s) => n + s.count, 0)).toBe(model.openGaps);
        expect(model.gaps.every(g => g.severity === 'error' || g.severity === 'warning')).toBe(true);
    });

    test('speaks the plan\'s language', async () => {
        const model = await previewOf('atelier-bois');
        expect(model.lang).toBe('fr');
        expect(model.labels.matrix).toBe('Matrice des risques');
        expect(model.matrix.zones.map(z => z.label)).toEqual(['élevé', 'moyen', 'faible']);
    });
});
