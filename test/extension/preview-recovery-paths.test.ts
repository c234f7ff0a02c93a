import { describe, expect, test } from 'vitest';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { buildFiles, createTestServices } from '../helpers.js';

/** The preview shows the achieved figures of the recovery paths and never one from a path that cannot recover. */
async function previewOf(text: string) {
    const services = createTestServices({ lang: 'en', today: '2026-12-01' });
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': text });
    const { analysis } = services.analysis.PraAnalysisService.forDocument(document);
    const findings = documentFindings(document).map(f => ({ ...f, uri: document.uri.toString() }));
    return buildPreviewModel(analysis, findings, 'en');
}

describe('preview coverage bars and recovery paths', () => {
    test('a broken asset path shows no figure, even when another asset has a fast fallback', async () => {
        const model = await previewOf(`
activity Billing { rto 4h rpo 1h uses Internet, Saas }
asset Internet { kind internet }
asset Saas { kind saas }
fallback Router4G { covers Internet rto 30min }`);
        const billing = model.activities.find(a => a.name === 'Billing')!;
        expect(billing.rto.achieved).toBeUndefined();
        expect(billing.rto.achievedText).toBeUndefined();
        expect(billing.rpo.achieved).toBeUndefined();
    });

    test('near miss: once every asset is covered, the slowest gives the figure', async () => {
        const model = await previewOf(`
activity Billing { rto 4h rpo 1h uses Internet, Saas }
asset Internet { kind internet }
asset Saas { kind saas }
fallback Router4G { covers Internet rto 30min }
fallback Export { covers Saas rto 2h rpo 1h }`);
        const billing = model.activities.find(a => a.name === 'Billing')!;
        expect(billing.rto).toMatchObject({ achieved: 120, achievedText: '2 h', via: 'Export', gap: false });
        expect(billing.rpo).toMatchObject({ achieved: 60, via: 'Export' });
    });

    test('the direct path wins when it is faster, and a partly unstated asset path reads "at least"', async () => {
        const direct = await previewOf(`
activity Planning { rto 4h uses Tms manual "paper" within 1h }
asset Tms { kind saas }`);
        expect(direct.activities[0].rto).toMatchObject({ achieved: 60, via: 'manual' });
        const atLeast = await previewOf(`
activity Planning { rto 4h uses Tms, Erp }
asset Tms { kind saas }
asset Erp { }
fallback Slow { covers Tms rto 8h }
fallback Vague { covers Erp }`);
        expect(atLeast.activities[0].rto).toMatchObject({ achieved: 480, achievedText: '≥ 8 h', gap: true });
    });

    test('an option changes no figure, and an accepted gap is not an open gap', async () => {
        const model = await previewOf(`
role DG { }
activity Billing { rto 4h uses Saas accept rto-gap "Paper mode agreed" by DG }
asset Saas { kind saas }
fallback Slow { covers Saas rto 8h }
fallback Mirror { status option covers Saas rto 1h }`);
        const billing = model.activities[0];
        expect(billing.rto).toMatchObject({ achieved: 480, via: 'Slow' });
        expect(model.gaps.some(g => g.code === 'rto-gap')).toBe(false);
    });
});
