import pdfmakeModule from 'pdfmake';
import type { RenderExtras } from './diagram-svg.js';
import { matrixSvg } from './matrix-svg.js';
import { abridgedNotice, pdfBudget, pdfEdition } from './pdf-budget.js';
import { fontPaths } from './pdf-fonts.js';
import {
    cellText, frontSections, sectionHeading, zoneOf, type Block, type CallNode, type Card, type CellValue, type Fact, type GridBlock,
    type MatrixBlock, type PlanDocument, type PlanSection, type TableBlock
} from './pra-document-types.js';
import { exportText, type ExportTextKey } from './pra-export-texts.js';
import { accent, headerFill, levelFill, zoneFill, zoneInk } from './pra-export-theme.js';
import { columnWidths, largest, tableAsCardList } from './table-widths.js';

/** pdfmake's document definition is plain data; its nodes are typed loosely here (the package ships no types). */
type Node = Record<string, unknown> | string;

interface PdfMake {
    setFonts(fonts: object): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

let pdfmake: PdfMake | undefined;

function engine(): PdfMake {
    if (!pdfmake) {
        const loaded = ((pdfmakeModule as { default?: unknown }).default ?? pdfmakeModule) as PdfMake;
        const fonts = fontPaths();
        loaded.setFonts({ Roboto: fonts });
        // It reads the font files and nothing else from the disk.
        const allowed = new Set<string>(Object.values(fonts));
        const local = loaded as unknown as { setLocalAccessPolicy(policy: (path: string) => boolean): void };
        local.setLocalAccessPolicy(path => allowed.has(path));
        // A plan's text never makes the PDF fetch anything.
        loaded.setUrlAccessPolicy(() => false);
        pdfmake = loaded;
    }
    return pdfmake;
}

const pageWidth = { portrait: 595.28, landscape: 841.89 };
const margin = 48;
const hex = (colour: string): string => `#${colour}`;

/**
 * The plan as a PDF (pdfmake): a cover, the front matter, a table of contents whose page numbers
 * pdfmake fills in from where each heading lands, "n / N" in every footer, DRAFT across every page
 * of a forced export, the matrices and the crisis card each on a page of their own, the annexes in
 * landscape, and tables whose columns are at least as wide as their longest word.
 */
export async function renderPdf(whole: PlanDocument, extras: RenderExtras = { diagrams: {} }, budget = pdfBudget): Promise<Uint8Array> {
    // A plan too large for one PDF is abridged, and says so on its cover and where each section is cut.
    const { document, abridged } = pdfEdition(whole, budget);
    const lang = document.lang;
    const content: Node[] = [...cover(document)];
    if (abridged) content.push({ ...abridgedBox(abridgedNotice(abridged, lang)), margin: [0, 16, 0, 0] });
    const front = document.sections.filter(s => frontSections.includes(s.id));
    const body = document.sections.filter(s => !frontSections.includes(s.id));
    for (const section of front) for (const node of sectionNodes(section, extras)) content.push(node);
    content.push({
        toc: { title: { text: exportText('document.toc', lang), style: 'h1' }, numberStyle: { bold: true } },
        pageBreak: 'before'
    });
    for (const section of body) for (const node of sectionNodes(section, extras)) content.push(node);
    const draftMark = exportText('document.draftMark', lang);
    const definition = {
        pageSize: 'A4', pageMargins: [margin, 56, margin, 48],
        info: { title: document.cover.title, subject: document.cover.kind, creator: 'pra export' },
        defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
        styles: {
            title: { fontSize: 24, bold: true, color: hex(accent) },
            kind: { fontSize: 11, color: '#555555' },
            h1: { fontSize: 16, bold: true, color: hex(accent), margin: [0, 0, 0, 10] },
            h2: { fontSize: 12.5, bold: true, color: hex(accent), margin: [0, 12, 0, 6] },
            h3: { fontSize: 11, bold: true, color: hex(accent), margin: [0, 10, 0, 4] },
            h4: { fontSize: 10, bold: true, color: hex(accent), margin: [0, 8, 0, 3] },
            note: { italics: true, color: '#555555' },
            cell: { fontSize: 8 },
            head: { fontSize: 8, bold: true }
        },
        watermark: document.draft ? { text: draftMark, color: hex(zoneInk.unacceptable), opacity: 0.08, bold: true } : undefined,
        header: (page: number) => document.draft || page > 1 ? {
            margin: [margin, 20, margin, 0], columns: [
                { text: document.draft ? draftMark : '', bold: true, color: hex(zoneInk.unacceptable), fontSize: 9 },
                { text: page > 1 ? document.cover.title : '', alignment: 'right', fontSize: 8, color: '#666666' }
            ]
        } : undefined,
        footer: (page: number, pages: number) => page === 1 ? undefined
            : { text: exportText('document.page', lang, { page, pages }), alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] },
        content
    };
    return engine().createPdf({ ...definition, content: pdfSafe(content) }).getBuffer();
}

/** Characters the font lacks, written with one it has (a plan's messages chain elements with arrows). */
const substitutes: Readonly<Record<string, string>> = { '→': '›', '←': '‹', '\u202F': '\u00A0' };
const missing = /[→←\u202F]/g;

/** Every text of the content with `substitutes` applied; SVG markup is left as it is. */
function pdfSafe<T>(node: T): T {
    if (typeof node === 'string') return node.replace(missing, ch => substitutes[ch] ?? ch) as T;
    if (Array.isArray(node)) return node.map(pdfSafe) as T;
    if (node && typeof node === 'object') {
        const safe = ([key, value]: [string, unknown]): [string, unknown] =>
            [key, key === 'svg' || typeof value === 'function' ? value : pdfSafe(value)];
        return Object.fromEntries(Object.entries(node).map(safe)) as T;
    }
    return node;
}

function cover(document: PlanDocument): Node[] {
    const lang = document.lang;
    const c = document.cover;
    const colon = lang === 'fr' ? ' : ' : ': ';
    const facts: Array<[ExportTextKey, string]> = [
        ['field.organisation', c.organisation], ['field.version', c.version], ['field.date', cellText(c.date)], ['field.owner', c.owner]];
    const nodes: Node[] = [
        { text: c.kind.toUpperCase(), style: 'kind', margin: [0, 180, 0, 8] },
        { text: c.title, style: 'title', margin: [0, 0, 0, 32] },
        ...facts.filter(([, v]) => v).map(([key, value]) => ({ text: [{ text: `${exportText(key, lang)}${colon}`, bold: true }, value],
            fontSize: 12, margin: [0, 0, 0, 4] })),
        {
            text: [{ text: `${exportText('field.status', lang)}${colon}`, bold: true },
                { text: c.statusText, bold: true, color: hex(c.status === 'final' ? zoneInk.acceptable : zoneInk.unacceptable) }],
            fontSize: 12, margin: [0, 0, 0, 4]
        }
    ];
    if (document.draft) {
        nodes.push({
            table: { widths: ['*'],
                body: [[{ text: exportText('document.draft', lang, { count: document.errorCount }), bold: true,
                    color: hex(zoneInk.unacceptable), fillColor: hex(zoneFill.unacceptable), margin: [6, 6, 6, 6] }]] },
            layout: 'noBorders', margin: [0, 32, 0, 0]
        });
    }
    return nodes;
}

/** A note of an abridged PDF: boxed, in the tolerable zone's colours, so it is not mistaken for the plan's text. */
function abridgedBox(text: string): Record<string, unknown> {
    return {
        table: { widths: ['*'],
            body: [[{ text, bold: true, color: hex(zoneInk.tolerable), fillColor: hex(zoneFill.tolerable), margin: [6, 6, 6, 6] }]] },
        layout: 'noBorders', margin: [0, 4, 0, 8]
    };
}

function sectionNodes(section: PlanSection, extras: RenderExtras): Node[] {
    const landscape = section.page === 'landscape';
    const width = (landscape ? pageWidth.landscape : pageWidth.portrait) - 2 * margin;
    const heading: Node = {
        text: sectionHeading(section), style: 'h1', tocItem: true, pageBreak: 'before',
        ...(landscape ? { pageOrientation: 'landscape' } : {}), id: `section-${section.id}`
    };
    return [heading, ...blocks(section.blocks, 2, width, extras)];
}

function blocks(list: readonly Block[], depth: number, width: number, extras: RenderExtras): Node[] {
    const out: Node[] = [];
    let breakBefore = false;
    for (const block of list) {
        // After a block that keeps a page of its own, the next one starts a new page (no empty page between).
        const start = out.length;
        const pageBreak = breakBefore;
        breakBefore = false;
        switch (block.type) {
            case 'paragraph':
                out.push(block.role === 'draft'
                    ? { text: block.text, bold: true, color: hex(zoneInk.unacceptable), background: hex(zoneFill.unacceptable),
                        margin: [0, 0, 0, 6] }
                    : block.role === 'abridged' ? abridgedBox(block.text)
                    : { text: block.text, ...(block.role === 'empty' || block.role === 'note' ? { style: 'note' } : {}),
                        ...(block.role === 'lead' ? { fontSize: 11 } : {}), margin: [0, 0, 0, 6] });
                break;
            case 'list':
                out.push({ ul: block.items, margin: [0, 0, 0, 6] });
                break;
            case 'facts':
                out.push(factsTable(block.items, undefined));
                break;
            case 'table': {
                // 8 pt Roboto, bold headers: at most about 5 pt a character; 8 pt of padding and the rules per column.
                const widths = columnWidths(block, width, 5, 9.5);
                // One by one: a register of 150,000 rows would overflow a spread into push.
                for (const node of widths ? [dataTable(block, widths)] : tableAsCards(block)) out.push(node);
                break;
            }
            case 'cards':
                for (const card of block.cards) out.push(factsTable(card.facts, card));
                break;
            case 'matrix':
                out.push(matrix(block, width));
                break;
            case 'grid':
                out.push(grid(block, width));
                break;
            case 'calltree':
                out.push({ stack: callTree(block.root, 0), margin: [0, 0, 0, 8] });
                break;
            case 'diagram': case 'timeline': {
                const drawing = extras.diagrams[block.id];
                if (drawing) {
                    const scale = Math.min(1.2, width / drawing.width, 600 / drawing.height);
                    out.push({ svg: drawing.svg, width: drawing.width * scale, alignment: 'center', margin: [0, 4, 0, 4] });
                }
                out.push({ text: block.legend.join(' '), style: 'note', fontSize: 8 });
                break;
            }
            case 'subsection': {
                const style = `h${Math.min(depth, 4)}`;
                const heading: Node = {
                    text: block.title, style, ...(depth === 2 ? { tocItem: true, tocMargin: [14, 0, 0, 0] } : {}), headlineLevel: depth
                };
                const inner = blocks(block.blocks, depth + 1, width, extras);
                // The heading stays with what follows it; a page-of-its-own block ends its page.
                out.push({
                    stack: [heading, ...inner.slice(0, 1)], unbreakable: block.layout !== 'page' && inner.length > 0 && isSmall(inner[0]),
                    ...(block.layout === 'page' ? { pageBreak: 'before' } : {})
                });
                for (const node of inner.slice(1)) out.push(node);
                breakBefore = block.layout === 'page';
                break;
            }
        }
        const first = out[start];
        if (pageBreak && first !== undefined && typeof first === 'object' && first.pageBreak === undefined) first.pageBreak = 'before';
    }
    return out;
}

/** A node small enough to keep with its heading (a paragraph, a short table or a card). */
function isSmall(node: Node): boolean {
    if (typeof node === 'string') return true;
    const table = node.table as { body?: unknown[] } | undefined;
    return table === undefined ? node.svg === undefined && node.stack === undefined : (table.body?.length ?? 0) <= 12;
}

function cellNode(value: CellValue | undefined, style: 'cell' | 'head' = 'cell'): Node {
    const zone = zoneOf(value);
    return zone
        ? { text: cellText(value), style, bold: true, color: hex(zoneInk[zone]), fillColor: hex(zoneFill[zone]) }
        : { text: cellText(value), style };
}

const lines = {
    hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#9AA7B5', vLineColor: () => '#9AA7B5',
    paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 2
};

function dataTable(block: TableBlock, columnWidths: number[]): Node {
    // pdfmake's widths are the text's: the padding and the rules come on top.
    const widths = columnWidths.map(w => w - 9.5);
    const head = block.columns.map(c => ({ text: c.label, style: 'head', fillColor: hex(headerFill) }));
    const body = block.rows.map(row => block.columns.map(c => cellNode(row[c.key])));
    return { table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...body] }, layout: lines, margin: [0, 0, 0, 8] };
}

function tableAsCards(block: TableBlock): Node[] {
    return tableAsCardList(block).map(card => factsTable(card.facts, card));
}

function factsTable(items: readonly Fact[], card: Card | undefined): Node {
    const body: Node[][] = items.map(item => [{ text: item.label, style: 'head', fillColor: hex(headerFill) }, cellNode(item.value)]);
    if (card) {
        const fill = card.zone ? zoneFill[card.zone] : headerFill;
        const ink = card.zone ? zoneInk[card.zone] : accent;
        body.unshift([{
            colSpan: 2, fillColor: hex(fill),
            text: [{ text: card.title, bold: true, fontSize: 10.5, color: hex(ink) },
                ...(card.subtitle ? [{ text: `   ${card.subtitle}`, fontSize: 8.5, color: hex(ink) }] : [])]
        }, '']);
    }
    return { table: { widths: [130, '*'], dontBreakRows: true, body }, layout: lines, unbreakable: body.length <= 16,
        margin: [0, 0, 0, 8] };
}

function matrix(block: MatrixBlock, width: number): Node {
    // The drawing's axis arrows are not in the PDF's font: "Likelihood / Impact" instead.
    const svg = matrixSvg(block).replace(/\s*↓\s*/, ' / ').replace(/\s*→/, '');
    const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const w = Number(size?.[1] ?? width), h = Number(size?.[2] ?? 400);
    const scale = Math.min(width / w, 620 / h);
    return {
        stack: [
            { svg, width: w * scale },
            { text: block.legend.flatMap(l => [{ text: ` ${l.label} `, color: hex(zoneInk[l.zone]), background: hex(zoneFill[l.zone]) },
                '   ']), fontSize: 8, margin: [0, 6, 0, 0] }
        ],
        unbreakable: true
    };
}

function grid(block: GridBlock, width: number): Node {
    // Each horizon's column as wide as its header's longest word (bold 8 pt), the activities' column takes the rest.
    const need = largest(block.columns.map(c => largest(c.split(/\s+/).map(w => w.length)) * 5 + 4), 28);
    const rest = Math.min(need, (width - 110) / Math.max(1, block.columns.length) - 8.5);
    const first = width - block.columns.length * (rest + 8.5) - 8.5;
    const head = [{ text: block.corner, style: 'head', fillColor: hex(headerFill) },
        ...block.columns.map(c => ({ text: c, style: 'head', fillColor: hex(headerFill), alignment: 'center' }))];
    const body = block.rows.map(r => [
        { text: r.label, style: 'head', fillColor: hex(headerFill) },
        ...r.cells.map(c => c.shade
            // The level's number only: its label is in the legend, the categories in the activity's card (narrow columns).
            ? { text: String(c.level ?? ''), bold: true, fontSize: 10, alignment: 'center',
                fillColor: hex(levelFill(c.shade, block.levels)) }
            : { text: '', style: 'cell' })
    ]);
    return {
        stack: [
            { table: { headerRows: 1, dontBreakRows: true, widths: [first, ...block.columns.map(() => rest)], body: [head, ...body] },
                layout: lines },
            { text: block.legend.flatMap(l => [{ text: ` ${l.label} `, background: hex(levelFill(l.shade, block.levels)) }, '   ']),
                fontSize: 8, margin: [0, 4, 0, 8] }
        ]
    };
}

function callTree(node: CallNode, depth: number): Node[] {
    const who = [node.holder, node.phone, node.within].filter(Boolean).join('  ·  ');
    const box: Node = {
        margin: [depth * 18, 3, 0, 0],
        table: {
            widths: ['*'], body: [[{
                stack: [
                    { text: [{ text: node.role, bold: true, color: hex(accent) }, ...(who ? [{ text: `   ${who}` }] : [])] },
                    ...(node.deputy ? [{ text: `${node.deputy}${node.deputyPhone ? `  ·  ${node.deputyPhone}` : ''}`, fontSize: 8.5,
                        color: '#444444' }] : []),
                    ...(node.how ? [{ text: node.how, fontSize: 8.5, italics: true, color: '#444444' }] : [])
                ],
                fillColor: depth === 0 ? '#F3F5F8' : undefined
            }]]
        },
        layout: { ...lines, vLineWidth: (i: number) => i === 0 ? 2.5 : 0, vLineColor: () => hex(accent), hLineWidth: () => 0 },
        unbreakable: true
    };
    return [box, ...node.children.flatMap(child => callTree(child, depth + 1))];
}
