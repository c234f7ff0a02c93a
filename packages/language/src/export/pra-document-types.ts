import type { Lang } from '../pra-messages.js';
import type { CostData } from '../pra-model.js';
import type { Zone } from '../pra-vocabulary.js';
import type { TimelineView } from '../simulation/timeline-view.js';

/** The plan document as plain data: what every renderer (Word, PDF, HTML, Markdown, JSON) writes. */
export const planDocumentSchemaVersion = 2;

export interface DurationValue { minutes: number; text: string; zone?: Zone }
export interface DateValue { date: string; text: string }
export interface NumberValue { value: number; text: string; zone?: Zone }
export interface ZoneValue { zone: Zone; text: string }
export interface MoneyValue { amount: number; currency?: string; period?: CostData['period']; text: string }
export interface ListValue { items: string[]; text: string }
/** A table cell or fact: plain text, or a typed value that also carries the text to show. */
export type CellValue = string | DurationValue | DateValue | NumberValue | ZoneValue | MoneyValue | ListValue;

export interface Column { key: string; label: string }
export type Row = Record<string, CellValue>;
export interface Fact { key: string; label: string; value: CellValue }

export interface ParagraphBlock { type: 'paragraph'; text: string; role?: 'empty' | 'draft' | 'note' | 'lead' }
export interface ListBlock { type: 'list'; items: string[] }
export interface FactsBlock { type: 'facts'; items: Fact[] }
export interface TableBlock { type: 'table'; id: string; columns: Column[]; rows: Row[] }
/** Records too wide for a table: one card each, a title and its facts. */
export interface Card { id: string; title: string; subtitle?: string; zone?: Zone; facts: Fact[] }
export interface CardsBlock { type: 'cards'; id: string; cards: Card[] }
export interface MatrixLevelData { value: number; label: string }
export interface MatrixCellData { likelihood: number; impact: number; score: number; zone: Zone; risks: string[] }
export interface MatrixBlock {
    type: 'matrix';
    id: 'inherent' | 'residual';
    likelihoodAxis: string;
    impactAxis: string;
    impact: MatrixLevelData[];
    /** From the highest likelihood down; cells from the lowest impact up. */
    rows: Array<{ likelihood: MatrixLevelData; cells: MatrixCellData[] }>;
    legend: Array<{ zone: Zone; label: string }>;
    /** The risks of this view the grid cannot place, with why (drawn below it). */
    tray: { title: string; risks: Array<{ name: string; reason: string }> };
}
/** The impact-over-time grid: activities × time horizons, each cell the level the impact has reached. */
export interface GridCell { level?: number; text: string; detail?: string; shade?: number }
export interface GridBlock {
    type: 'grid'; id: string; corner: string; columns: string[];
    rows: Array<{ label: string; cells: GridCell[] }>;
    /** Shade n (1…levels) of the level scale, for the legend. */
    legend: Array<{ shade: number; label: string }>;
    levels: number;
}
/** The alert chain as a call tree: each node calls its children. */
export interface CallNode { role: string; holder?: string; phone?: string; deputy?: string; deputyPhone?: string; within?: string; how?: string; children: CallNode[] }
export interface CallTreeBlock { type: 'calltree'; root: CallNode }
/** The dependency graph of activities and IT elements; renderers lay it out (elkjs) and draw it. */
export interface DiagramNode { id: string; label: string; kind: 'activity' | 'asset'; zone?: Zone }
export interface DiagramBlock { type: 'diagram'; id: string; title: string; nodes: DiagramNode[]; edges: Array<{ from: string; to: string }>; legend: string[] }
/** A simulated outage as a Gantt chart (the preview's Timeline drawing, render/timeline-svg.ts); sources left out. */
export interface TimelineBlock { type: 'timeline'; id: string; title: string; view: TimelineView; legend: string[] }
export interface SubsectionBlock {
    type: 'subsection'; id: string; title: string; blocks: Block[];
    /** `page`: starts a page and keeps to it (matrices, the crisis card). */
    layout?: 'page';
}
export type Block = ParagraphBlock | ListBlock | FactsBlock | TableBlock | CardsBlock | MatrixBlock | GridBlock | CallTreeBlock
    | DiagramBlock | TimelineBlock | SubsectionBlock;

export const sectionIds = ['history', 'distribution', 'summary', 'context', 'glossary', 'bia', 'it', 'risks', 'strategy', 'options',
    'crisis', 'procedures', 'suppliers', 'exercises', 'actions', 'accepted', 'annexes'] as const;
export type SectionId = typeof sectionIds[number];
/** Sections before the table of contents (version history, sign-off, distribution): not numbered. */
export const frontSections: readonly SectionId[] = ['history', 'distribution'];

export interface PlanSection {
    id: SectionId;
    /** Body sections are numbered from 1; front sections and the annexes are not. */
    number?: number;
    title: string;
    blocks: Block[];
    /** Starts on a new page (every body section); `landscape` for the annexes' wide registers. */
    page: 'portrait' | 'landscape';
}

export interface PlanCover {
    kind: string;
    title: string;
    organisation: string;
    version: string;
    date: CellValue;
    owner: string;
    /** Draft (errors, or no sign-off yet) or final. */
    status: 'draft' | 'final';
    statusText: string;
}

export interface PlanDocument {
    schemaVersion: number;
    lang: Lang;
    /** Exported although the plan has errors (`--force`): every page says so. */
    draft: boolean;
    errorCount: number;
    cover: PlanCover;
    sections: PlanSection[];
}

/** The text a cell shows. */
export function cellText(value: CellValue | undefined): string {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : value.text;
}

export function zoneOf(value: CellValue | undefined): Zone | undefined {
    return typeof value === 'object' && 'zone' in value ? value.zone : undefined;
}

/** The heading of a section as every renderer writes it. */
export function sectionHeading(section: PlanSection): string {
    return section.number === undefined ? section.title : `${section.number}. ${section.title}`;
}
