import type { Lang } from '../pra-messages.js';
import { plainSpaces } from './pra-document-format.js';
import type { Block, ParagraphBlock, PlanDocument, PlanSection } from './pra-document-types.js';
import { exportText, localeOf } from './pra-export-texts.js';

/**
 * How much a PDF holds, in table cells and card lines (`sizeOf`): pdfmake lays out every page in memory before it
 * writes one, about 0.2 to 0.3 ms of processor and 8 kB a cell. A 1,000-activity plan (about 150,000) took 30 s of
 * processor and 1.3 GB whole; a 5,000-activity plan (1.3 million) would take many minutes and more memory than Node
 * has. Beyond this budget (a plan of some 400 activities) the PDF is abridged; it then takes about 20 s and 1 GB.
 */
export const pdfBudget = 60_000;

/** What an abridged PDF leaves out of a section, counted so the note can say it. */
export interface LeftOut { rows: number; cards: number; subsections: number }

export interface PdfEdition {
    document: PlanDocument;
    /** Set when the PDF is abridged: the plan's size and the budget, for the notice on the cover. */
    abridged?: { size: number; budget: number };
}

/**
 * The document a PDF can hold. Within `budget`, the document itself. Beyond it, each section gets an equal share
 * of the budget (a section smaller than its share keeps all of it, and leaves the rest to the others): the crisis
 * organisation, the procedures or the suppliers stay whole while the registers, the cards per activity and the
 * scenarios are cut. Where a section is cut, a note says how much is left out and where it is; nothing is dropped
 * without one.
 */
export function pdfEdition(document: PlanDocument, budget = pdfBudget): PdfEdition {
    const sizes = document.sections.map(section => blocksSize(section.blocks));
    const size = sizes.reduce((a, b) => a + b, 0);
    if (size <= budget) return { document };
    const share = fairShare(sizes, budget);
    const sections: PlanSection[] = document.sections.map((section, i) => {
        if (sizes[i] <= share) return section;
        const left: LeftOut = { rows: 0, cards: 0, subsections: 0 };
        const blocks = cut(section.blocks, { remaining: share }, left);
        return { ...section, blocks: [...blocks, cutNote(left, document.lang)] };
    });
    return { document: { ...document, sections }, abridged: { size, budget } };
}

/** The size of a block: its table cells, card facts, list items; one for a paragraph or a heading. */
export function sizeOf(block: Block): number {
    switch (block.type) {
        case 'paragraph': case 'diagram': return 1;
        case 'list': return block.items.length;
        case 'facts': return 2 * block.items.length;
        case 'table': return (block.rows.length + 1) * block.columns.length;
        case 'cards': return block.cards.reduce((sum, card) => sum + 1 + 2 * card.facts.length, 0);
        case 'grid': return (block.rows.length + 1) * (block.columns.length + 1);
        case 'matrix': return block.rows.length * (block.impact.length + 1);
        case 'calltree': return callNodes(block.root);
        // A chart is laid out as one drawing, but its rows weigh like the lines of a table.
        case 'timeline': return block.view.rows.length + block.view.restores.length + block.view.alerts.length
            + block.view.procedures.length;
        case 'subsection': return 1 + blocksSize(block.blocks);
    }
}

function blocksSize(blocks: readonly Block[]): number {
    let size = 0;
    for (const block of blocks) size += sizeOf(block);
    return size;
}

function callNodes(node: { children: ReadonlyArray<{ children: unknown[] }> }): number {
    return 1 + node.children.reduce((sum, child) => sum + callNodes(child as typeof node), 0);
}

/** The largest share such that the sections, each given the smaller of its size and the share, fill the budget. */
function fairShare(sizes: readonly number[], budget: number): number {
    const sorted = [...sizes].sort((a, b) => a - b);
    let left = budget;
    for (let i = 0; i < sorted.length; i++) {
        const share = left / (sorted.length - i);
        if (sorted[i] > share) return Math.floor(share);
        left -= sorted[i];
    }
    return budget;
}

/**
 * The blocks that fit in `budget.remaining`, in order; a table, a grid or a list of cards across the limit keeps its
 * first rows or cards, a subsection across it is cut inside. Everything after the limit is counted in `left`.
 */
function cut(blocks: readonly Block[], budget: { remaining: number }, left: LeftOut): Block[] {
    const kept: Block[] = [];
    for (const block of blocks) {
        const size = sizeOf(block);
        if (size <= budget.remaining) {
            kept.push(block);
            budget.remaining -= size;
            continue;
        }
        // `partOf` counts what it leaves out of the block; past the limit, the whole block is.
        const part = budget.remaining > 0 ? partOf(block, budget, left) : count(block, left);
        budget.remaining = 0;
        if (part) kept.push(part);
    }
    return kept;
}

/** The first part of `block` that fits, the rest counted in `left`; undefined when no part fits. */
function partOf(block: Block, budget: { remaining: number }, left: LeftOut): Block | undefined {
    switch (block.type) {
        case 'table': {
            const rows = Math.max(0, Math.floor(budget.remaining / block.columns.length) - 1);
            left.rows += block.rows.length - rows;
            return rows > 0 ? { ...block, rows: block.rows.slice(0, rows) } : undefined;
        }
        case 'grid': {
            const rows = Math.max(0, Math.floor(budget.remaining / (block.columns.length + 1)) - 1);
            left.rows += block.rows.length - rows;
            return rows > 0 ? { ...block, rows: block.rows.slice(0, rows) } : undefined;
        }
        case 'cards': {
            let room = budget.remaining;
            let cards = 0;
            while (cards < block.cards.length
                && 1 + 2 * block.cards[cards].facts.length <= room) room -= 1 + 2 * block.cards[cards++].facts.length;
            left.cards += block.cards.length - cards;
            return cards > 0 ? { ...block, cards: block.cards.slice(0, cards) } : undefined;
        }
        case 'subsection': {
            const inner = cut(block.blocks, { remaining: budget.remaining - 1 }, left);
            if (inner.length > 0) return { ...block, blocks: inner };
            left.subsections++;
            return undefined;
        }
        default:
            return count(block, left);
    }
}

/** Counts everything `block` holds as left out. */
function count(block: Block, left: LeftOut): undefined {
    switch (block.type) {
        case 'table': case 'grid': left.rows += block.rows.length; break;
        case 'cards': left.cards += block.cards.length; break;
        case 'subsection':
            left.subsections++;
            for (const inner of block.blocks) count(inner, left);
            break;
        default: break;
    }
    return undefined;
}

function cutNote(left: LeftOut, lang: Lang): ParagraphBlock {
    const number = (n: number): string => plainSpaces(n.toLocaleString(localeOf(lang)));
    const keys = { rows: 'pdf.cutRows', cards: 'pdf.cutCards', subsections: 'pdf.cutSubsections' } as const;
    const parts = (['rows', 'cards', 'subsections'] as const).filter(kind => left[kind] > 0).map(kind =>
        exportText(keys[kind], lang, { count: left[kind], text: number(left[kind]) }));
    return { type: 'paragraph', role: 'abridged', text: exportText('pdf.cut', lang, { parts: parts.join(', ') }) };
}

/** The notice on the cover of an abridged PDF. */
export function abridgedNotice(abridged: { size: number; budget: number }, lang: Lang): string {
    const number = (n: number): string => plainSpaces(n.toLocaleString(localeOf(lang)));
    return exportText('pdf.abridged', lang, { size: number(abridged.size), budget: number(abridged.budget) });
}
