import { cellText, zoneOf, type Card, type GridBlock, type TableBlock } from './pra-document-types.js';
import { headerFill, levelFill, zoneFill, zoneInk } from './pra-export-theme.js';

/** The look every data table shares, as the `docx` library would write it for the same options. */
export interface DataTableLook {
    /** Width of the page's text area in twips: the grid columns share it. */
    textWidth: number;
    /** The paragraph style of the cells' text. */
    paragraphStyle: string;
    border: { size: number; color: string };
    /** Cell margins in twips. */
    margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * A data table as WordprocessingML (`<w:tbl>`): 100% wide, single borders, a header row that
 * repeats on each page, rows that don't split across pages, header cells shaded, zone cells shaded
 * in their zone's fill and ink, and a paragraph per line of a cell's text. Written as a string
 * because the library's object tree per cell is what made large plans slow to export.
 */
export function dataTableXml(block: TableBlock, look: DataTableLook, columnWidths: readonly number[]): string {
    // Each column as wide as its longest word at least: a fixed layout keeps Word and LibreOffice from re-spreading them.
    const widths = columnWidths.map(w => Math.round(w));
    const pStyle = `<w:pPr><w:pStyle w:val="${xmlEscape(look.paragraphStyle)}"/></w:pPr>`;
    const out: string[] = ['<w:tbl>', tableProperties(look), '<w:tblGrid>'];
    for (const width of widths) out.push(`<w:gridCol w:w="${width}"/>`);
    out.push('</w:tblGrid>', '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    block.columns.forEach((column, i) => out.push(cellXml(column.label, pStyle, widths[i], headerFill, '<w:b/><w:bCs/>')));
    out.push('</w:tr>');
    for (const row of block.rows) {
        out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
        block.columns.forEach((column, i) => {
            const value = row[column.key];
            const zone = zoneOf(value);
            out.push(zone
                ? cellXml(cellText(value), pStyle, widths[i], zoneFill[zone], `<w:b/><w:bCs/><w:color w:val="${zoneInk[zone]}"/>`)
                : cellXml(cellText(value), pStyle, widths[i]));
        });
        out.push('</w:tr>');
    }
    out.push('</w:tbl>');
    return out.join('');
}

/**
 * The BIA grid (an activity per row, its impact level at each moment, shaded by level) as WordprocessingML, written
 * as the library wrote the same table (columns sharing the page, no fixed layout) but without its object tree per cell:
 * a 1,000-activity plan's grid has 8,000 cells.
 */
export function gridXml(block: GridBlock, look: DataTableLook): string {
    const pStyle = `<w:pPr><w:pStyle w:val="${xmlEscape(look.paragraphStyle)}"/></w:pPr>`;
    const header = (text: string): string => libraryCellXml(text, pStyle, headerFill, '<w:b/><w:bCs/>');
    const column = `<w:gridCol w:w="${Math.round(look.textWidth / (block.columns.length + 1))}"/>`;
    const out: string[] = ['<w:tbl>', tableProperties(look, false), '<w:tblGrid>', column.repeat(block.columns.length + 1), '</w:tblGrid>'];
    out.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>', header(block.corner), ...block.columns.map(header), '</w:tr>');
    for (const row of block.rows) {
        out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>', header(row.label));
        for (const c of row.cells) {
            // The level's number only: its label is in the legend, the categories in the activity's card (narrow columns).
            out.push(c.shade
                ? libraryCellXml(String(c.level ?? ''), pStyle, levelFill(c.shade, block.levels),
                    '<w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/>')
                : libraryCellXml('', pStyle));
        }
        out.push('</w:tr>');
    }
    out.push('</w:tbl>');
    return out.join('');
}

/** A cell as the library writes it: no width of its own, properties only for a fill. */
function libraryCellXml(text: string, pStyle: string, fill?: string, runProperties?: string): string {
    const tcPr = fill ? `<w:tcPr><w:shd w:fill="${fill}" w:color="auto" w:val="clear"/></w:tcPr>` : '';
    const rPr = runProperties ? `<w:rPr>${runProperties}</w:rPr>` : '';
    let paragraphs = '';
    for (const line of text.split('\n')) paragraphs += paragraphXml(pStyle, rPr, line);
    return `<w:tc>${tcPr}${paragraphs}</w:tc>`;
}

function tableProperties(look: DataTableLook, fixed = true): string {
    const line = `w:val="single" w:color="${xmlEscape(look.border.color)}" w:sz="${look.border.size}"`;
    const { top, left, bottom, right } = look.margins;
    return `<w:tblPr><w:tblW w:type="pct" w:w="5000"/>${fixed ? '<w:tblLayout w:type="fixed"/>' : ''}<w:tblBorders>`
        + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(side => `<w:${side} ${line}/>`).join('')
        + `</w:tblBorders><w:tblCellMar><w:top w:type="dxa" w:w="${top}"/><w:left w:type="dxa" w:w="${left}"/>`
        + `<w:bottom w:type="dxa" w:w="${bottom}"/><w:right w:type="dxa" w:w="${right}"/></w:tblCellMar></w:tblPr>`;
}

/** A paragraph of a cell: its style, its run's properties, one line of text. */
function paragraphXml(pStyle: string, rPr: string, line: string): string {
    return `<w:p>${pStyle}<w:r>${rPr}<w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`;
}

function cellXml(text: string, pStyle: string, width: number, fill?: string, runProperties?: string): string {
    const shading = fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : '';
    const tcPr = `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shading}</w:tcPr>`;
    const rPr = runProperties ? `<w:rPr>${runProperties}</w:rPr>` : '';
    let paragraphs = '';
    for (const line of text.split('\n')) paragraphs += paragraphXml(pStyle, rPr, line);
    return `<w:tc>${tcPr}${paragraphs}</w:tc>`;
}


const xmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' };
// Everything XML 1.0 forbids: control characters but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates.
const notXmlCharacters = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// A special character, a control character, a surrogate (paired or not) or U+FFFE, U+FFFF.
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what it looks for
const mayNeedEscape = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text or an attribute value made safe for XML: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function xmlEscape(text: string): string {
    // Most cells need nothing: one quick test spares them the two replacements (a large plan has 150,000 cells).
    if (!mayNeedEscape.test(text)) return text;
    return text.replace(notXmlCharacters, '').replace(/[&<>"']/g, char => xmlEntities[char]);
}

/**
 * A card (a record too wide for a table row) as WordprocessingML: a title row across both columns
 * in its zone's colours (or the header's), then one row per fact, label shaded; rows never split and
 * each keeps with the next, so a short card stays on one page. Written as a string for the same
 * reason as the data tables: a 1,000-activity plan has thousands of cards.
 */
export function cardXml(card: Card, look: DataTableLook, accentInk: string): string {
    const label = Math.round(look.textWidth * 0.31);
    const value = look.textWidth - label;
    const pStyle = `<w:pPr><w:pStyle w:val="${xmlEscape(look.paragraphStyle)}"/><w:keepNext/></w:pPr>`;
    const fill = card.zone ? zoneFill[card.zone] : headerFill;
    const ink = card.zone ? zoneInk[card.zone] : accentInk;
    const out: string[] = ['<w:tbl>', tableProperties(look),
        `<w:tblGrid><w:gridCol w:w="${label}"/><w:gridCol w:w="${value}"/></w:tblGrid>`];
    out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>',
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${look.textWidth}"/><w:gridSpan w:val="2"/><w:shd w:fill="${fill}" w:color="auto" w:val="clear"/></w:tcPr>`,
        `<w:p>${pStyle}<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="${ink}"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">${xmlEscape(card.title)}</w:t></w:r>`,
        card.subtitle
            ? `<w:r><w:rPr><w:color w:val="${ink}"/><w:sz w:val="18"/></w:rPr>`
                + `<w:t xml:space="preserve">  ${xmlEscape(card.subtitle)}</w:t></w:r>`
            : '',
        '</w:p></w:tc></w:tr>');
    card.facts.forEach((fact, i) => {
        const zone = zoneOf(fact.value);
        const last = i === card.facts.length - 1;
        const style = last ? `<w:pPr><w:pStyle w:val="${xmlEscape(look.paragraphStyle)}"/></w:pPr>` : pStyle;
        out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>', cellXml(fact.label, style, label, headerFill, '<w:b/><w:bCs/>'),
            zone ? cellXml(cellText(fact.value), style, value, zoneFill[zone], `<w:b/><w:bCs/><w:color w:val="${zoneInk[zone]}"/>`)
                : cellXml(cellText(fact.value), style, value), '</w:tr>');
    });
    out.push('</w:tbl>');
    return out.join('');
}
