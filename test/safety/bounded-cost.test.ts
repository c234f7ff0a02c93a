import { describe, expect, test } from 'vitest';
import { exportDocument, exportFormats } from '../../packages/language/src/export/pra-export.js';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { buildFiles, createTestServices } from '../helpers.js';

async function build(text: string) {
    const services = createTestServices('en');
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    return { services, document, codes: (document.diagnostics ?? []).map(codeOf) };
}

/** Every export format and the preview model, as text: what a reader would see. */
async function everyView(text: string): Promise<string[]> {
    const { services, document } = await build(text);
    const views: string[] = [];
    for (const format of exportFormats) {
        const { content } = await exportDocument(services, document, { format, force: true });
        views.push(format === 'docx' ? `${content.length} bytes` : new TextDecoder().decode(content));
    }
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
    views.push(JSON.stringify(buildPreviewModel(analysis, [], lang)));
    return views;
}

const header = 'plan "P" { date 2026-01-01 }\n';

describe('value-too-large', () => {
    const cases: Array<[string, string, string]> = [
        ['a duration over 100 years', 'asset A { sla 99999999999999999999d }',
            '99999999999999999999d is too large for a duration: the most is 100 years.'],
        ['a duration too long for a double', `asset A { sla 1${'0'.repeat(400)}h }`, 'is too large for a duration'],
        ['an amount over 10^12', 'fallback F { cost 2000000000000 EUR per year }',
            '2000000000000 is too large for an amount: the most is 10^12.'],
        ['a scale level over 100', 'scale impact { 1 "a" 2 "b" 200000 "c" }', '200000 is too large for level: the most is 100.'],
        ['a likelihood over 100', 'risk R { likelihood 101 impact 1 }', '101 is too large for likelihood'],
        ['a residual level over 100', 'risk R { likelihood 1 impact 1 residual likelihood 1 impact 5000 }', '5000 is too large for impact'],
        ['an impact line over 100', 'activity X { impact { financial 1000 } }', '1000 is too large for level'],
        ['a count over 100', 'asset A { count 1000 }', '1000 is too large for a count']
    ];

    test.each(cases)('%s: a clear error, and no Infinity or NaN in any export or the preview', async (_name, element, words) => {
        const { document, codes } = await build(header + element + '\n');
        expect(codes).toContain('value-too-large');
        const finding = (document.diagnostics ?? []).find(d => codeOf(d) === 'value-too-large')!;
        expect(finding.severity).toBe(1);
        expect(finding.message).toContain(words);
        expect(String(finding.message).length).toBeLessThan(200);
        for (const view of await everyView(header + element + '\n')) expect(view).not.toMatch(/Infinity|NaN|∞/);
    });

    test('values at the limits are accepted', async () => {
        const { codes } = await build(header + 'asset A { sla 5200w count 100 }\nfallback F { cost 1000000000000 EUR once }\n');
        expect(codes).not.toContain('value-too-large');
    });
});

/** Runs `work` and checks it ended within `ms`. */
async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    expect(performance.now() - started).toBeLessThan(ms);
    return result;
}

describe('no check or export worse than linear', () => {
    test('10,000 repeated properties', async () => {
        const text = header + 'asset A {\n' + '    kind server\n'.repeat(10_000) + '}\n';
        const { codes } = await within(15_000, () => build(text));
        expect(codes.filter(c => c === 'duplicate-property')).toHaveLength(9_999);
        await within(20_000, () => everyView(text));
    }, 60_000);

    const chain = (n: number, shape: 'chain' | 'cycle'): string => header + 'activity X { criticality critical uses A0 rto 1h }\n'
        + Array.from({ length: n }, (_, i) => `asset A${i} { depends on A${shape === 'cycle' ? (i + 1) % n : i + 1} }\n`).join('');

    const sizes = [[3_000, 'chain'], [6_000, 'chain'], [3_000, 'cycle'], [6_000, 'cycle']] as const;
    test.each(sizes)('%i assets in a depends-on %s', async (n, shape) => {
        const heapBefore = process.memoryUsage().heapUsed;
        const { document, codes } = await within(15_000, () => build(chain(n, shape)));
        expect(codes.filter(c => c === 'dependency-cycle')).toHaveLength(shape === 'cycle' ? n : 0);
        // Linear output: a cycle's findings do not each spell out the whole cycle.
        const characters = (document.diagnostics ?? []).reduce((sum, d) => sum + String(d.message).length, 0);
        expect(characters).toBeLessThan(300 * n);
        // The checks and the analysis stay linear in memory (version 1 took 0.85–2.1 GB here).
        expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(600 * 1024 * 1024);
        // Every view in bounded time; the PDF of a 6,000-asset register is a large document in its own right
        // (pdfmake lays out every page in memory), so memory is bounded above for the checks only.
        await within(25_000, () => everyView(chain(n, shape)));
    }, 60_000);

    test('a scale level of 200000 is never laid out', async () => {
        const text = header + 'scale impact { 1 "a" 2 "b" 200000 "c" }\nrisk R { likelihood 1 impact 2 }\n';
        const views = await within(10_000, () => everyView(text));
        for (const view of views) expect(view.length).toBeLessThan(2_000_000);
    });
});
