import { describe, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { exportText as fixedText } from '../../packages/language/src/export/pra-export-texts.js';
import { loadPlan, pdfPages } from './export-helpers.js';

/**
 * Each example, the language its PDF is checked in, and the most pages it may take: 70 since the Scenarios
 * chapter draws each scenario's timeline (about two thirds of a page each; 54 to 56 pages before, 62 with them).
 */
const plans = [
    { file: 'examples/cabinet-martin/plan.pra', lang: 'fr' as const, maxPages: 70 },
    { file: 'examples/atelier-bois/plan.pra', lang: 'fr' as const, maxPages: 70 },
    { file: 'examples/clinique-vet/plan.pra', lang: 'en' as const, maxPages: 70 }
];

/** Every word of at least three letters of the plan's titles: a table cell that broke one would lose it. */
function titleWords(titles: readonly string[]): string[] {
    return [...new Set(titles.flatMap(t => t.split(/[^\p{L}\p{N}'’-]+/u)).filter(w => /^\p{L}{3,}$/u.test(w)))];
}

describe.each(plans)('the PDF of $file ($lang)', ({ file, lang, maxPages }) => {
    test('has a TOC whose page numbers point at the headings, matrices whole on one page, no word broken, n / N footers', async () => {
        const plan = await loadPlan(file, lang);
        const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
        const result = await exportDocument(plan.services, plan.document, { format: 'pdf', lang, force: true });
        const pages = await pdfPages(result.content);
        const laidOut = await pdfPages(result.content, 'layout');
        const count = pages.length;
        expect(count).toBeGreaterThan(15);
        expect(count).toBeLessThanOrEqual(maxPages);
        // The footer of every page but the cover: "n / N".
        pages.slice(1).forEach((page, i) => expect(page, `page ${i + 2}`).toContain(`${i + 2} / ${count}`));
        // The table of contents: each entry ends with a page number, and that page holds the heading.
        const tocTitle = fixedText('document.toc', lang);
        const tocStart = pages.findIndex(p => p.trimStart().split('\n').some(l => l.trim() === tocTitle));
        expect(tocStart).toBeGreaterThan(0);
        const entries: Array<{ title: string; page: number }> = [];
        let tocEnd = tocStart;
        for (let i = tocStart; i < count && (i === tocStart || pages[i].includes('..') || laidOut[i].split('\n').filter(l => /\s{2,}\d+$/.test(l.trim())).length > 5); i++) {
            for (const line of laidOut[i].split('\n')) {
                const match = /^(.+?)\s{2,}(\d+)$/.exec(line.trim());
                if (match && !line.includes(' / ')) entries.push({ title: match[1].trim(), page: Number(match[2]) });
            }
            tocEnd = i + 1;
        }
        expect(entries.length).toBeGreaterThan(20);
        for (const { title, page } of entries) {
            expect(page, title).toBeLessThanOrEqual(count);
            expect(pages[page - 1].replace(/\s+/g, ' '), `${title} → page ${page}`).toContain(title.replace(/\s+/g, ' '));
        }
        expect(entries.map(e => e.title)).toContain(`1. ${fixedText('section.summary', lang)}`);
        // Each matrix: its heading, its highest and lowest likelihood rows and its legend on one page.
        for (const key of ['sub.inherentMatrix', 'sub.residualMatrix'] as const) {
            const heading = fixedText(key, lang);
            const at = pages.slice(tocEnd).filter(p => p.split('\n').some(l => l.trim() === heading));
            expect(at, heading).toHaveLength(1);
            const legend = fixedText('matrix.scoreFrom', lang, { zone: '', from: String(analysis.model.scales.unacceptableFrom) }).replace(/^\s*:?\s*/, '');
            expect(at[0].replace(/\s+/g, ' '), heading).toContain(legend.replace(/^[^\p{L}]+/u, ''));
        }
        // No word of a title broken across lines of a cell.
        const words = new Set(pages.join('\n').split(/[^\p{L}\p{N}'’-]+/u));
        const titles = [analysis.model.roles, analysis.model.assets, analysis.model.activities, analysis.model.risks,
            analysis.model.fallbacks, analysis.model.procedures].flatMap(list => list.flatMap(e => e.title ? [e.title] : []));
        expect(titleWords(titles).filter(w => !words.has(w))).toEqual([]);
        if (result.draft) pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(fixedText('document.draftMark', lang)));
    }, 120_000);
});
