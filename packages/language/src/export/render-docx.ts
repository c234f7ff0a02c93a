import {
    AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, PageOrientation, Paragraph,
    ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, VerticalAlign, WidthType,
    type ISectionOptions
} from 'docx';
import type { RenderExtras } from './diagram-svg.js';
import { cardXml, dataTableXml, type DataTableLook } from './docx-table-xml.js';
import { columnWidths, tableAsCardList } from './table-widths.js';
import { spliceTables, tablePlaceholder } from './docx-table-splice.js';
import {
    cellText, frontSections, sectionHeading, zoneOf, type Block, type CallNode, type CellValue, type GridBlock, type MatrixBlock, type PlanDocument
} from './pra-document-types.js';
import { exportText } from './pra-export-texts.js';
import { accent, headerFill, levelFill, zoneFill, zoneInk } from './pra-export-theme.js';

type Child = Paragraph | Table | TableOfContents;

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const tableFontSize = 16; // half-points: 8 pt
const border = { style: BorderStyle.SINGLE, size: 4, color: '9AA7B5' };
const tableBorders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const tableMargins = { top: 40, bottom: 40, left: 80, right: 80 };
const tableStyle = 'TableText';
// The library's default page: A4 with 1-inch margins, in twips.
const pageWidth = { portrait: 11906, landscape: 16838 };
const pageMargin = 1440;

/** The data tables of the document, written as XML once the library has written the rest. */
interface DataTables { look: DataTableLook; xml: string[]; extras: RenderExtras }

/**
 * The plan as a Word document: a cover page, a table of contents field, real Heading 1–3 styles,
 * tables whose header row repeats on each page, the risk matrix as a table shaded by zone, and
 * "Page n of N" in the footer.
 */
export async function renderDocx(document: PlanDocument, extras: RenderExtras = { diagrams: {} }): Promise<Uint8Array> {
    const lang = document.lang;
    const footer = new Footer({ children: [pageNumberParagraph(exportText('document.page', lang))] });
    const draftMark = exportText('document.draftMark', lang);
    const headerText = document.draft ? `${draftMark} — ${document.cover.title}` : document.cover.title;
    const header = new Header({
        children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: headerText, size: 16, color: document.draft ? zoneInk.unacceptable : '666666', bold: document.draft })] })]
    });
    // A draft says so on every page, the cover included.
    const firstHeader = new Header({ children: document.draft ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: draftMark, size: 20, bold: true, color: zoneInk.unacceptable })] })] : [] });
    const tables: string[] = [];
    const portraitWidth = pageWidth.portrait - 2 * pageMargin;
    const look = (textWidth: number): DataTables => ({ xml: tables, extras, look: { textWidth, paragraphStyle: tableStyle, border, margins: tableMargins } });
    const front: Child[] = [];
    for (const section of document.sections.filter(s => frontSections.includes(s.id))) {
        front.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: sectionHeading(section), pageBreakBefore: true }));
        blocks(section.blocks, 1, front, look(portraitWidth));
    }
    const sections: ISectionOptions[] = [{
        properties: { titlePage: true, page: { size: { orientation: PageOrientation.PORTRAIT } } },
        headers: { default: header, first: firstHeader },
        footers: { default: footer, first: new Footer({ children: [] }) },
        children: [
            ...cover(document),
            ...front,
            new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: exportText('document.toc', lang), bold: true, size: 32, color: accent })] }),
            new TableOfContents(exportText('document.toc', lang), { hyperlink: true, headingStyleRange: '1-2' }),
            new Paragraph({ children: [new TextRun({ text: exportText('document.tocUpdate', lang), italics: true, size: 16, color: '555555' })] })
        ]
    }];
    for (const section of document.sections.filter(s => !frontSections.includes(s.id))) {
        const children: Child[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: sectionHeading(section) })];
        const landscape = section.page === 'landscape';
        blocks(section.blocks, 1, children, look((landscape ? pageWidth.landscape : pageWidth.portrait) - 2 * pageMargin));
        sections.push({
            properties: { page: { size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
            headers: { default: header }, footers: { default: footer }, children
        });
    }
    const doc = new Document({
        creator: 'pra export',
        title: document.cover.title,
        description: document.cover.kind,
        features: { updateFields: true },
        styles: {
            default: {
                document: { run: { font: 'Calibri', size: 20 }, paragraph: { spacing: { after: 80 } } },
                heading1: { run: { font: 'Calibri', size: 32, bold: true, color: accent }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
                heading2: { run: { font: 'Calibri', size: 26, bold: true, color: accent }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
                heading3: { run: { font: 'Calibri', size: 22, bold: true, color: accent }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
                heading4: { run: { font: 'Calibri', size: 20, bold: true, color: accent }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } }
            },
            paragraphStyles: [{
                id: tableStyle, name: 'Table Text', basedOn: 'Normal', quickFormat: true,
                run: { size: tableFontSize }, paragraph: { spacing: { after: 0 } }
            }]
        },
        sections
    });
    return spliceTables(new Uint8Array(await Packer.toArrayBuffer(doc)), tables);
}


function pageNumberParagraph(template: string): Paragraph {
    const children: Array<string | typeof PageNumber[keyof typeof PageNumber]> = [];
    for (const part of template.split(/(\{page\}|\{pages\})/)) {
        if (part === '{page}') children.push(PageNumber.CURRENT);
        else if (part === '{pages}') children.push(PageNumber.TOTAL_PAGES);
        else if (part) children.push(part);
    }
    return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children, size: 16 })] });
}

function cover(document: PlanDocument): Paragraph[] {
    const lang = document.lang;
    const c = document.cover;
    const paragraphs = [
        new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: c.kind.toUpperCase(), size: 24, color: '555555' })] }),
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 480 }, children: [new TextRun({ text: c.title, size: 52, bold: true, color: accent })] })
    ];
    const facts: Array<[string, string]> = [
        [exportText('field.organisation', lang), c.organisation], [exportText('field.version', lang), c.version],
        [exportText('field.date', lang), cellText(c.date)], [exportText('field.owner', lang), c.owner],
        [exportText('field.status', lang), c.statusText]];
    for (const [label, value] of facts) {
        if (value) paragraphs.push(new Paragraph({ children: [new TextRun({ text: `${label}${lang === 'fr' ? ' : ' : ': '}`, bold: true, size: 24 }), new TextRun({ text: value, size: 24 })] }));
    }
    if (document.draft) {
        paragraphs.push(new Paragraph({
            spacing: { before: 480 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: zoneFill.unacceptable },
            children: [new TextRun({ text: exportText('document.draft', lang, { count: document.errorCount }), bold: true, color: zoneInk.unacceptable, size: 24 })]
        }));
    }
    return paragraphs;
}

function blocks(list: readonly Block[], depth: number, out: Child[], tables: DataTables): void {
    for (const block of list) {
        switch (block.type) {
            case 'paragraph':
                out.push(new Paragraph({
                    shading: block.role === 'draft' ? { type: ShadingType.CLEAR, color: 'auto', fill: zoneFill.unacceptable } : undefined,
                    children: [new TextRun({
                        text: block.text, italics: block.role === 'empty' || block.role === 'note', bold: block.role === 'draft',
                        color: block.role === 'draft' ? zoneInk.unacceptable : block.role ? '555555' : undefined
                    })]
                }));
                break;
            case 'list':
                for (const item of block.items) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
                break;
            case 'facts':
                out.push(factsTable(block.items), spacer());
                break;
            case 'cards':
                for (const card of block.cards) placeXml(cardXml(card, tables.look, accent), out, tables);
                break;
            case 'grid':
                out.push(gridTable(block), gridLegend(block), spacer());
                break;
            case 'calltree':
                for (const paragraph of callTree(block.root, 0)) out.push(paragraph);
                break;
            case 'diagram': case 'timeline': {
                const drawing = tables.extras.diagrams[block.id];
                if (drawing?.png) {
                    const scale = Math.min(1, (tables.look.textWidth / 20) / drawing.width, 620 / drawing.height);
                    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({
                        type: 'png', data: drawing.png, altText: { name: block.title, title: block.title, description: block.legend.join(' ') },
                        transformation: { width: Math.round(drawing.width * scale * 96 / 72), height: Math.round(drawing.height * scale * 96 / 72) }
                    })] }));
                }
                out.push(new Paragraph({ children: [new TextRun({ text: block.legend.join(' '), italics: true, size: 16, color: '555555' })] }));
                break;
            }
            case 'table': {
                // 8 pt Calibri (Carlito in LibreOffice), bold headers: about 100 twips a character; 160 of cell margins and the rules.
                const widths = columnWidths(block, tables.look.textWidth, 100, 190);
                // A table too wide for its page, words kept whole, is written as one card per row.
                if (!widths) {
                    for (const card of tableAsCardList(block)) placeXml(cardXml(card, tables.look, accent), out, tables);
                    break;
                }
                // Written as XML: the library's object tree per cell is what made large plans slow.
                out.push(tablePlaceholder(tables.xml.length), spacer());
                tables.xml.push(dataTableXml(block, tables.look, widths));
                break;
            }
            case 'matrix':
                out.push(matrixTable(block), legend(block), spacer());
                break;
            case 'subsection':
                // A matrix or the crisis card keeps a page of its own: it starts one and the next heading starts another.
                out.push(new Paragraph({ heading: headingLevels[Math.min(depth, headingLevels.length - 1)], text: block.title, pageBreakBefore: block.layout === 'page' }));
                blocks(block.blocks, depth + 1, out, tables);
                if (block.layout === 'page') out.push(new Paragraph({ children: [new PageBreak()] }));
                break;
        }
    }
}

/** A table written as XML: a placeholder now, the XML spliced in once the library has written the document. */
function placeXml(xml: string, out: Child[], tables: DataTables): void {
    out.push(tablePlaceholder(tables.xml.length), spacer());
    tables.xml.push(xml);
}

function spacer(): Paragraph {
    return new Paragraph({ spacing: { after: 120 }, children: [] });
}

function cell(text: string, options: { header?: boolean; fill?: string; size?: number; color?: string; bold?: boolean }): TableCell {
    // Borders, margins and the 8 pt font come from the table and the TableText style.
    return new TableCell({
        shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
        children: text.split('\n').map(line => new Paragraph({
            style: tableStyle,
            children: [new TextRun({ text: line, bold: options.header || options.bold, size: options.size, color: options.color })]
        }))
    });
}

function factRow(item: { label: string; value: CellValue }): TableRow {
    const zone = zoneOf(item.value);
    return new TableRow({
        cantSplit: true,
        children: [cell(item.label, { header: true, fill: headerFill, size: 18 }),
            cell(cellText(item.value), { size: 18, fill: zone ? zoneFill[zone] : undefined, color: zone ? zoneInk[zone] : undefined, bold: zone !== undefined })]
    });
}

function factsTable(items: ReadonlyArray<{ label: string; value: CellValue }>): Table {
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE }, borders: tableBorders, margins: tableMargins,
        columnWidths: [2800, 6200], rows: items.map(factRow)
    });
}

function gridTable(block: GridBlock): Table {
    const head = new TableRow({
        tableHeader: true, cantSplit: true,
        children: [cell(block.corner, { header: true, fill: headerFill }), ...block.columns.map(c => cell(c, { header: true, fill: headerFill }))]
    });
    const rows = block.rows.map(r => new TableRow({
        cantSplit: true,
        children: [cell(r.label, { header: true, fill: headerFill }), ...r.cells.map(c => c.shade
            // The level's number only: its label is in the legend, the categories in the activity's card (narrow columns).
            ? cell(String(c.level ?? ''), { fill: levelFill(c.shade, block.levels), bold: true, size: 20 })
            : cell('', {}))]
    }));
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: tableBorders, margins: tableMargins, rows: [head, ...rows] });
}

function gridLegend(block: GridBlock): Paragraph {
    return new Paragraph({ spacing: { before: 80 }, children: block.legend.flatMap(l => [
        new TextRun({ text: ` ${l.label} `, size: 16, shading: { type: ShadingType.CLEAR, color: 'auto', fill: levelFill(l.shade, block.levels) } }),
        new TextRun({ text: '  ', size: 16 })]) });
}

/** The call tree as indented paragraphs: who, phone, deputy, then what they do. */
function callTree(node: CallNode, depth: number): Paragraph[] {
    const indent = { left: 360 * depth };
    const who = [node.holder, node.phone, node.within].filter(Boolean).join(' · ');
    const paragraphs = [new Paragraph({
        indent, keepNext: true, spacing: { before: 80, after: 0 },
        border: depth > 0 ? { left: { style: BorderStyle.SINGLE, size: 12, color: accent, space: 6 } } : undefined,
        children: [new TextRun({ text: node.role, bold: true, color: accent }), ...(who ? [new TextRun({ text: `  ${who}` })] : [])]
    })];
    if (node.deputy) paragraphs.push(new Paragraph({ indent, keepNext: true, spacing: { after: 0 }, children: [new TextRun({ text: `${node.deputy}${node.deputyPhone ? ` · ${node.deputyPhone}` : ''}`, size: 18, color: '444444' })] }));
    if (node.how) paragraphs.push(new Paragraph({ indent, spacing: { after: 0 }, children: [new TextRun({ text: node.how, size: 18, italics: true, color: '444444' })] }));
    return [...paragraphs, ...node.children.flatMap(child => callTree(child, depth + 1))];
}

function matrixTable(block: MatrixBlock): Table {
    const head = new TableRow({
        tableHeader: true, cantSplit: true,
        children: [
            cell(`${block.likelihoodAxis} / ${block.impactAxis}`, { header: true, fill: headerFill }),
            ...block.impact.map(level => cell(`${level.value}\n${level.label}`, { header: true, fill: headerFill }))
        ]
    });
    const rows = block.rows.map(row => new TableRow({
        cantSplit: true,
        children: [
            cell(`${row.likelihood.value}\n${row.likelihood.label}`, { header: true, fill: headerFill }),
            ...row.cells.map(c => new TableCell({
                verticalAlign: VerticalAlign.TOP,
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: zoneFill[c.zone] },
                children: [
                    new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, spacing: { after: 0 }, children: [new TextRun({ text: String(c.score), size: 14, color: zoneInk[c.zone] })] }),
                    ...c.risks.map(name => new Paragraph({ keepNext: true, spacing: { after: 0 }, children: [new TextRun({ text: `• ${name}`, bold: true, size: tableFontSize, color: zoneInk[c.zone] })] }))
                ]
            }))
        ]
    }));
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: tableBorders, margins: tableMargins, rows: [head, ...rows] });
}

function legend(block: MatrixBlock): Paragraph {
    const runs: TextRun[] = [];
    for (const item of block.legend) {
        runs.push(new TextRun({ text: ` ${item.label} `, size: 16, color: zoneInk[item.zone], shading: { type: ShadingType.CLEAR, color: 'auto', fill: zoneFill[item.zone] } }), new TextRun({ text: '  ', size: 16 }));
    }
    return new Paragraph({ spacing: { before: 80 }, children: runs });
}
