import { describe, expect, test } from 'vitest';
import { pdfEdition, sizeOf } from '../../packages/language/src/export/pdf-budget.js';
import { buildPlanDocument } from '../../packages/language/src/export/pra-document-model.js';
import type { Block, PlanDocument } from '../../packages/language/src/export/pra-document-types.js';
import { renderPdf } from '../../packages/language/src/export/render-pdf.js';
import { loadPlan, pdfText } from './export-helpers.js';

async function planDocument(lang: 'en' | 'fr'): Promise<PlanDocument> {
    const plan = await loadPlan('examples/cabinet-martin/plan.pra', lang);
    const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
    return buildPlanDocument(analysis, [], lang, { sourceFiles: ['plan.pra'] });
}

const sizeOfAll = (blocks: readonly Block[]): number => blocks.reduce((sum, block) => sum + sizeOf(block), 0);

/** Table and grid rows, cards and subsections, counted through the subsections. */
function contents(blocks: readonly Block[], into = { rows: 0, cards: 0, subsections: 0 }): typeof into {
    for (const block of blocks) {
        if (block.type === 'table' || block.type === 'grid') into.rows += block.rows.length;
        else if (block.type === 'cards') into.cards += block.cards.length;
        else if (block.type === 'subsection') {
            into.subsections++;
            contents(block.blocks, into);
        }
    }
    return into;
}

describe('a PDF too large to lay out is abridged, and says so', () => {
    test('within the budget the document is the same; beyond it each cut section says how much it leaves out', async () => {
        const document = await planDocument('en');
        expect(pdfEdition(document).document).toBe(document);
        const total = sizeOfAll(document.sections.flatMap(s => s.blocks));
        const budget = Math.floor(total / 4);
        const { document: edition, abridged } = pdfEdition(document, budget);
        expect(abridged).toEqual({ size: total, budget });
        // Within the budget, give or take a note per cut section and the headings of cut subsections.
        expect(sizeOfAll(edition.sections.flatMap(s => s.blocks))).toBeLessThanOrEqual(budget + 2 * edition.sections.length);
        let cut = 0;
        edition.sections.forEach((section, i) => {
            const whole = document.sections[i];
            const last = section.blocks.at(-1);
            if (last?.type !== 'paragraph' || last.role !== 'abridged') {
                // A section within its share is kept whole.
                expect(section).toBe(whole);
                return;
            }
            cut++;
            // Nothing silently lost: what is kept and what the note counts make up the section.
            const before = contents(whole.blocks);
            const after = contents(section.blocks);
            const said = (pattern: RegExp): number => Number(pattern.exec(last.text)?.[1]?.replace(/\D/g, '') ?? 0);
            expect(after.rows + said(/([\d,]+) more table rows?/)).toBe(before.rows);
            expect(after.cards + said(/([\d,]+) more cards?/)).toBe(before.cards);
            // A subsection cut inside is kept with what fits: it is counted on both sides.
            expect(after.subsections + said(/([\d,]+) more subsections?/)).toBeGreaterThanOrEqual(before.subsections);
            expect(last.text).toContain('Word, HTML and JSON exports');
        });
        expect(cut).toBeGreaterThan(0);
        // The crisis organisation is small: it stays whole.
        expect(edition.sections.find(s => s.id === 'crisis')).toBe(document.sections.find(s => s.id === 'crisis'));
    });

    test('the abridged PDF says so on its cover and where a section is cut, in the plan\'s language', async () => {
        const document = await planDocument('fr');
        const budget = Math.floor(sizeOfAll(document.sections.flatMap(s => s.blocks)) / 4);
        const text = (await pdfText(await renderPdf(document, { diagrams: {} }, budget))).replace(/\s+/g, ' ');
        expect(text).toContain('PDF abrégé');
        expect(text).toContain('exports Word, HTML et JSON');
        expect(text).toContain('La suite de cette section n\'est pas dans ce PDF');
        expect(text).not.toMatch(/\{\w+\}/);
    }, 60_000);
});
