import { describe, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { zoneFill } from '../../packages/language/src/export/pra-export-theme.js';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel, type PreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { previewMatrixSvg, riskMatrixSvg } from '../../packages/language/src/render/risk-matrix-svg.js';
import { svgMarkup, type SvgElement, type SvgNode } from '../../packages/language/src/render/svg-tree.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { wrapLabel } from '../../packages/language/src/export/diagram-svg.js';

// One risk in each zone (tolerable from 4, unacceptable from 9), and one that moves after mitigation.
const plan = `
plan "Matrix" { language en date 2026-01-01 }
scale likelihood { 1 "Rare" 2 "Possible" 3 "Likely" 4 "<script>alert('level')</script> & \\"quoted\\"" }
acceptance { tolerable from 4 unacceptable from 9 }
asset Server "Server" { kind server }
fallback Backup "Backup" { type backup covers Server rto 1d rpo 1d offsite }
risk Quiet "Quiet" { likelihood 1 impact 1 }
risk Middling "Middling" { likelihood 2 impact 3 }
risk Severe "<img src=x onerror=alert(1)>" { likelihood 4 impact 4 mitigated by Backup residual likelihood 1 impact 2 }
`;

async function planOf(text: string): Promise<{ model: PreviewModel; html: string }> {
    const services = createTestServices();
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': text });
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
    const model = buildPreviewModel(analysis, documentFindings(document).map(f => ({ ...f, uri: document.uri.toString() })), lang);
    const html = new TextDecoder().decode((await exportDocument(services, document, { format: 'html', force: true })).content);
    return { model, html };
}

function elements(node: SvgNode): SvgElement[] {
    return typeof node === 'string' ? [] : [node, ...node.children.flatMap(elements)];
}

const cellOf = (svg: SvgElement, name: string): SvgElement | undefined => elements(svg)
    .find(e => e.attributes.class === 'cell' && elements(e).some(child => child.attributes['data-risk'] === name));

describe('the risk matrix drawing', () => {
    test('is the same drawing in the preview (and Save as SVG) and in the HTML export, which writes risks\' titles', async () => {
        const { model, html } = await planOf(plan);
        const exported = (view: string) => new RegExp(`<figure class="matrix" id="matrix-${view}">(<svg.*?</svg>)`).exec(html)?.[1];
        // The client document speaks in titles, each a bullet wrapped to the cell: the preview's layout with the titles.
        const titles: Record<string, string> = { Quiet: 'Quiet', Middling: 'Middling', Severe: '<img src=x onerror=alert(1)>' };
        const titled = { ...model.matrix, rows: model.matrix.rows.map(row => row.map(cell => ({
            ...cell, inherent: cell.inherent.map(n => titles[n]), residual: cell.residual.map(n => titles[n]) }))) };
        const options = {
            likelihoodAxis: model.labels.likelihood, impactAxis: model.labels.impact, nameLines: (t: string) => wrapLabel(`• ${t}`, 20)
        };
        expect(exported('inherent')).toBe(svgMarkup(riskMatrixSvg(titled, { view: 'inherent', ...options })));
        // The residual view of the preview also shows where moved risks came from; without that, it is the export's.
        expect(exported('residual')).toBe(svgMarkup(riskMatrixSvg(titled, { view: 'residual', ...options })));
        // Without titles to wrap, the export's drawing is the preview's.
        const names = { likelihoodAxis: model.labels.likelihood, impactAxis: model.labels.impact } as const;
        expect(svgMarkup(riskMatrixSvg(model.matrix, { view: 'inherent', ...names }))).toBe(svgMarkup(previewMatrixSvg(model, 'inherent')));
    });

    test('puts a risk of each zone in a cell of that zone, filled with the zone\'s colour', async () => {
        const { model } = await planOf(plan);
        const svg = previewMatrixSvg(model, 'inherent');
        for (const [name, zone] of [['Quiet', 'acceptable'], ['Middling', 'tolerable'], ['Severe', 'unacceptable']] as const) {
            const cell = cellOf(svg, name);
            expect(cell?.attributes['data-zone'], name).toBe(zone);
            const rect = cell!.children.find((c): c is SvgElement => typeof c !== 'string' && c.tag === 'rect')!;
            expect(rect.attributes.fill).toBe(`#${zoneFill[zone]}`);
            expect(rect.attributes.style).toContain(`var(--pra-matrix-${zone}-fill, #${zoneFill[zone]})`);
        }
        expect(elements(svg).filter(e => e.attributes.class === 'cell')).toHaveLength(4 * 4);
    });

    test('draws a moved risk where it was, with an arrow to where it is, in the residual view only', async () => {
        const { model } = await planOf(plan);
        const residual = previewMatrixSvg(model, 'residual');
        expect(cellOf(residual, 'Severe')?.attributes['data-cell']).toBe('1x2');
        const ghost = elements(residual).find(e => e.attributes['data-ghost'] === 'Severe');
        const ghostCell = elements(residual).find(e => e.attributes.class === 'cell' && elements(e).includes(ghost!));
        expect(ghostCell?.attributes['data-cell']).toBe('4x4');
        expect(elements(residual).filter(e => e.attributes['data-move'] === 'Severe')).toHaveLength(1);
        const inherent = previewMatrixSvg(model, 'inherent');
        expect(elements(inherent).some(e => 'data-ghost' in e.attributes || 'data-move' in e.attributes)).toBe(false);
    });

    test('escapes hostile labels and tooltips: only the drawing\'s own tags, no handler, no script', async () => {
        const { model } = await planOf(plan);
        const hostile = '"><script>alert(\'tip\')</script><a href="javascript:alert(2)">';
        const markup = svgMarkup(previewMatrixSvg(model, 'inherent', { interactive: true, riskTooltip: () => hostile }));
        const tags = new Set([...markup.matchAll(/<\/?([a-zA-Z]+)/g)].map(m => m[1]));
        expect([...tags].sort()).toEqual(['defs', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title', 'tspan'].filter(t => tags.has(t)));
        expect(tags.has('script') || tags.has('a') || tags.has('img')).toBe(false);
        expect(markup).not.toMatch(/\son\w+=/i);
        expect(markup).toContain('&lt;script&gt;alert(&#39;level&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;');
        expect(markup).toContain(`aria-label="&quot;&gt;&lt;script&gt;alert(&#39;tip&#39;)&lt;/script&gt;`);
    });
});
