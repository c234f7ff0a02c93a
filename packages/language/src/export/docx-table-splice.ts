import { Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { zipFiles } from './docx-zip.js';

/** A paragraph style no real paragraph has: it marks where a table written as XML goes. */
const placeholderStyle = 'PraTablePlaceholder';
const documentPart = 'word/document.xml';
const placeholderXml = new RegExp(
    `<w:p><w:pPr><w:pStyle w:val="${placeholderStyle}"/></w:pPr>`
    + '<w:r><w:t xml:space="preserve">(\\d+)</w:t></w:r></w:p>', 'g');

/** The paragraph the library writes where the `index`th table of `spliceTables` goes. */
export function tablePlaceholder(index: number): Paragraph {
    return new Paragraph({ style: placeholderStyle, children: [new TextRun(String(index))] });
}

/**
 * The Word package with each placeholder paragraph of its body replaced by its table's XML.
 * Fails rather than write a document that lost a table, should the library write placeholders differently.
 */
export function spliceTables(docx: Uint8Array, tables: readonly string[]): Uint8Array {
    if (tables.length === 0) return docx;
    const files = unzipSync(docx);
    const body = new TextDecoder().decode(files[documentPart]);
    let spliced = 0;
    const xml = body.replace(placeholderXml, (_, index: string) => {
        spliced++;
        return tables[Number(index)];
    });
    if (spliced !== tables.length) throw new Error(`Word export: ${spliced} of ${tables.length} tables placed in ${documentPart}.`);
    files[documentPart] = new TextEncoder().encode(xml);
    return zipFiles(files);
}
