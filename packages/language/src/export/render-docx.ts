import {
    AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph,
    ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, VerticalAlign, WidthType,
    type ISectionOptions
} from 'docx';
import { dataTableXml, type DataTableLook } from './docx-table-xml.js';
import { spliceTables, tablePlaceholder } from './docx-table-splice.js';
import { cellText, type Block, type CellValue, type MatrixBlock, type PlanDocument } from './pra-document-model.js';
import { exportText } from './pra-export-texts.js';
import { accent, headerFill, zoneFill, zoneInk } from './pra-export-theme.js';

type Child = Paragraph | Table | TableOfContents;

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const tableFontSize = 16; // half-points: 8 pt
const border = { style: BorderStyle.SINGLE, size: 4, color: '9AA7B5' };
const tableBorders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const tableMargins = { top: 40, bottom: 40, left: 80, right: 80 };
const tableStyle = 'TableText';
/** Tables wider than this get a landscape page. */
const portraitColumns = 8;
// The library's default page: A4 with 1-inch margins, in twips.
const pageWidth = { portrait: 11906, landscape: 16838 };
const pageMargin = 1440;

/** The data tables of the document, written as XML once the library has written the rest. */
interface DataTables { look: DataTableLook; xml: string[] }

/**
 * The plan as a Word document: a cover page, a table of contents field, real Heading 1–3 styles,
 * tables whose header row repeats on each page, the risk matrix as a table shaded by zone, and
 * "Page n of N" in the footer.
 */
export async function renderDocx(document: PlanDocument): Promise<Uint8Array> {
    const lang = document.lang;
    const footer = new Footer({ children: [pageNumberParagraph(exportText('document.page', lang))] });
    const headerText = document.draft ? `${document.cover.title} — ${exportText('document.draftShort', lang).toUpperCase()}` : document.cover.title;
    const header = new Header({
        children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: headerText, size: 16, color: '666666' })] })]
    });
    const sections: ISectionOptions[] = [{
        properties: { titlePage: true, page: { size: { orientation: PageOrientation.PORTRAIT } } },
        headers: { default: header, first: new Header({ children: [] }) },
        footers: { default: footer, first: new Footer({ children: [] }) },
        children: [
            ...cover(document),
            new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: exportText('document.toc', lang), bold: true, size: 32, color: accent })] }),
            new TableOfContents(exportText('document.toc', lang), { hyperlink: true, headingStyleRange: '1-2' })
        ]
    }];
    const tables: string[] = [];
    for (const section of document.sections) {
        const children: Child[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${section.number}. ${section.title}` })];
        const landscape = widestTable(section.blocks) > portraitColumns;
        const textWidth = (landscape ? pageWidth.landscape : pageWidth.portrait) - 2 * pageMargin;
        blocks(section.blocks, 1, children, { xml: tables, look: { textWidth, paragraphStyle: tableStyle, border, margins: tableMargins } });
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

function widestTable(list: readonly Block[]): number {
    let widest = 0;
    for (const block of list) {
        if (block.type === 'table') widest = Math.max(widest, block.columns.length);
        else if (block.type === 'subsection') widest = Math.max(widest, widestTable(block.blocks));
    }
    return widest;
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
        [exportText('field.date', lang), cellText(c.date)], [exportText('field.owner', lang), c.owner]];
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
            case 'table':
                // Written as XML: the library's object tree per cell is what made large plans slow.
                out.push(tablePlaceholder(tables.xml.length), spacer());
                tables.xml.push(dataTableXml(block, tables.look));
                break;
            case 'matrix':
                out.push(matrixTable(block), legend(block), spacer());
                break;
            case 'subsection':
                // The two matrices share a page of their own: the page a reader looks for.
                out.push(new Paragraph({ heading: headingLevels[Math.min(depth, headingLevels.length - 1)], text: block.title, pageBreakBefore: block.id === 'inherent-matrix' }));
                blocks(block.blocks, depth + 1, out, tables);
                break;
        }
    }
}

function spacer(): Paragraph {
    return new Paragraph({ spacing: { after: 120 }, children: [] });
}

function cell(text: string, options: { header?: boolean; fill?: string; size?: number }): TableCell {
    // Borders, margins and the 8 pt font come from the table and the TableText style.
    return new TableCell({
        shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
        children: text.split('\n').map(line => new Paragraph({
            style: tableStyle,
            children: [new TextRun({ text: line, bold: options.header, size: options.size })]
        }))
    });
}

function factsTable(items: ReadonlyArray<{ label: string; value: CellValue }>): Table {
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE }, borders: tableBorders, margins: tableMargins,
        columnWidths: [2800, 6200],
        rows: items.map(item => new TableRow({
            cantSplit: true,
            children: [cell(item.label, { header: true, fill: headerFill, size: 18 }), cell(cellText(item.value), { size: 18 })]
        }))
    });
}

function matrixTable(block: MatrixBlock): Table {
    const head = new TableRow({
        tableHeader: true, cantSplit: true,
        children: [
            cell(`${block.likelihoodAxis} ↓ / ${block.impactAxis} →`, { header: true, fill: headerFill }),
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
                    ...c.risks.map(name => new Paragraph({ keepNext: true, spacing: { after: 0 }, children: [new TextRun({ text: name, bold: true, size: tableFontSize, color: zoneInk[c.zone] })] }))
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
