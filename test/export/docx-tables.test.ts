import { describe, expect, test } from 'vitest';
import { dataTableXml, xmlEscape, type DataTableLook } from '../../packages/language/src/export/docx-table-xml.js';
import { columnWidths } from '../../packages/language/src/export/table-widths.js';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import type { TableBlock } from '../../packages/language/src/export/pra-document-model.js';
import { headerFill, zoneFill, zoneInk } from '../../packages/language/src/export/pra-export-theme.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { docxText, xmlText } from './export-helpers.js';

const look: DataTableLook = { textWidth: 9026, paragraphStyle: 'TableText', border: { size: 4, color: '9AA7B5' },
    margins: { top: 40, bottom: 40, left: 80, right: 80 } };

const register: TableBlock = {
    type: 'table', id: 'risks',
    columns: [{ key: 'name', label: 'Risk' }, { key: 'score', label: 'Score' }, { key: 'notes', label: 'Notes & <remarks>' }],
    rows: [
        { name: 'Fire', score: { value: 12, text: '12', zone: 'unacceptable' }, notes: 'first line\nsecond line' },
        { name: 'Flood', score: { value: 2, text: '2', zone: 'acceptable' } }
    ]
};

/** The `<w:tr>` elements of a table, in order. */
const rowsOf = (xml: string): string[] => xml.split('<w:tr>').slice(1);

describe('a data table written as WordprocessingML', () => {
    const xml = dataTableXml(register, look, columnWidths(register, look.textWidth, 100, 190)!);

    test('fills the width with one grid column per column, each as wide as its longest word at least, '
        + 'single borders and the cell margins', () => {
        expect(xml).toMatch(/^<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"\/><w:tblLayout w:type="fixed"\/>/);
        const widths = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map(m => Number(m[1]));
        expect(widths).toHaveLength(3);
        expect(Math.abs(widths.reduce((a, b) => a + b, 0) - look.textWidth)).toBeLessThanOrEqual(3);
        // "<remarks>" and "second line" hold the most text: the notes column is the widest; every cell states its column's width.
        expect(widths[2]).toBeGreaterThan(widths[0]);
        for (const [i, width] of widths.entries()) {
            expect(rowsOf(xml)[1].split('<w:tc>')[i + 1]).toContain(`<w:tcW w:type="dxa" w:w="${width}"/>`);
        }
        for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
            expect(xml).toContain(`<w:${side} w:val="single" w:color="9AA7B5" w:sz="4"/>`);
        }
        expect(xml).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/>');
        expect(xml.endsWith('</w:tbl>')).toBe(true);
    });

    test('repeats its shaded, bold header row on each page and never splits a row', () => {
        const [header, ...body] = rowsOf(xml);
        expect(header).toMatch(/^<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
        expect(header.match(new RegExp(`<w:shd w:fill="${headerFill}" w:color="auto" w:val="clear"/>`, 'g'))).toHaveLength(3);
        expect(header.match(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr>/g)).toHaveLength(3);
        expect(xmlText(header)).toBe('Risk\nScore\nNotes & <remarks>\n');
        expect(body).toHaveLength(2);
        for (const row of body) expect(row).toMatch(/^<w:trPr><w:cantSplit\/><\/w:trPr><w:tc>/);
    });

    test('shades zone cells in their zone colours, in bold, and leaves the others plain', () => {
        const [, fire, flood] = rowsOf(xml);
        expect(fire).toMatch(/<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/>/);
        expect(fire).toContain(`<w:shd w:fill="${zoneFill.unacceptable}" w:color="auto" w:val="clear"/></w:tcPr>`
            + '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>'
            + `<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="${zoneInk.unacceptable}"/></w:rPr>`
            + '<w:t xml:space="preserve">12</w:t>');
        expect(flood).toContain(`<w:shd w:fill="${zoneFill.acceptable}"`);
        expect(flood).toMatch(/<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"\/><\/w:pPr><w:r><w:t xml:space="preserve">Flood<\/w:t>/);
    });

    test('writes each line of a cell as a paragraph and an empty cell as an empty paragraph', () => {
        const [, fire, flood] = rowsOf(xml);
        const notes = fire.split('<w:tc>')[3];
        expect(notes.match(/<w:p>/g)).toHaveLength(2);
        expect(xmlText(notes)).toBe('first line\nsecond line\n');
        expect(flood.split('<w:tc>')[3].replace(/^<w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><\/w:tcPr>/, '')).toBe('<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
    });

    test('escapes the XML characters and drops the characters XML 1.0 forbids', () => {
        expect(xmlEscape('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
        expect(xmlEscape('bell\u0007 vt\u000B ff\u000C nul\u0000 \uFFFE\uFFFF lone\uD800 end')).toBe('bell vt ff nul  lone end');
        expect(xmlEscape('tab\tnewline\ncr\r é — 😀 \uE000')).toBe('tab\tnewline\ncr\r é — 😀 \uE000');
    });
});

const awkward = `
plan "Plan <A&B> \\"quoted\\" 'single'" {
    organisation "Org"
    owner Chef
    date 2026-01-10
    language en
    distribution Chef
}
role Chef "Head <of> IT & ops" {
    holder "Zoé \u0001 O'Brien \u000B <b>bold</b>"
    email "zoe@example.org"
}
asset Serveur "Server \\"main\\"" { kind server owner Chef }
activity Vente "Sales & <orders>" { criticality high rto 4h uses Serveur owner Chef }
risk Feu "Fire ]]> <![CDATA[" { category fire likelihood 4 impact 4 targets Serveur owner Chef }
`;

/** The tables of the document model, by kind, from the JSON export. */
function countTables(value: unknown, counts = { table: 0, facts: 0, matrix: 0, grid: 0, cards: 0 }): typeof counts {
    if (Array.isArray(value)) value.forEach(v => countTables(v, counts));
    else if (value && typeof value === 'object') {
        const type = (value as { type?: string }).type;
        if (type === 'table' || type === 'facts' || type === 'matrix' || type === 'grid') counts[type]++;
        if (type === 'cards') counts.cards += (value as { cards: unknown[] }).cards.length;
        Object.values(value).forEach(v => countTables(v, counts));
    }
    return counts;
}

/** Whether every element opened in the XML is closed in order. */
function balanced(xml: string): boolean {
    const open: string[] = [];
    for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([\w:]+)(?:\s[^<>]*?)?(\/?)>/g)) {
        if (selfClosing) continue;
        if (!closing) open.push(name);
        else if (open.pop() !== name) return false;
    }
    return open.length === 0;
}

describe('the Word export of a plan with awkward strings', () => {
    test('places every table, keeps every string and writes well-formed XML', async () => {
        const services = createTestServices();
        const document = (await buildFiles(services, { 'plan.pra': awkward }))['plan.pra'];
        const result = await exportDocument(services, document, { format: 'docx', force: true });
        const { text, xml } = await docxText(result.content);
        const json = JSON.parse(new TextDecoder().decode((await exportDocument(services, document,
            { format: 'json', force: true })).content));
        const counts = countTables(json.sections);
        expect(counts.table).toBeGreaterThan(5);
        // Every table, fact list, matrix, grid and card is a Word table (a table too wide for its page becomes one card per row).
        expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(counts.table + counts.facts + counts.matrix + counts.grid + counts.cards);
        expect(xml).not.toContain('PraTablePlaceholder');
        expect(balanced(xml.replace(/^<\?xml[^>]*\?>/, ''))).toBe(true);
        // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what it looks for
        expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
        for (const expected of ['Head <of> IT & ops', 'Zoé  O\'Brien  <b>bold</b>', 'Server "main"', 'Sales & <orders>',
            'Fire ]]> <![CDATA[', 'zoe@example.org']) {
            expect(text).toContain(expected);
        }
        // Every table but the facts ones repeats its header row; the matrix keeps its zone colours.
        const tables = xml.split('<w:tbl>').slice(1);
        const headed = tables.filter(t => t.split('<w:tr>')[1].startsWith('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'));
        expect(headed.length).toBeGreaterThanOrEqual(counts.matrix + counts.grid);
        for (const zone of ['acceptable', 'tolerable', 'unacceptable'] as const) {
            expect(xml).toContain(`<w:shd w:fill="${zoneFill[zone]}" w:color="auto" w:val="clear"/><w:vAlign w:val="top"/>`);
        }
    }, 60_000);
});
