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
 * The tables written as XML, each kept as UTF-8 bytes as soon as it is written: a large plan's tables
 * are 40 MB of XML, and one string of them all (then its bytes) is what made the export slow and heavy.
 */
export class XmlTables {
    private readonly encoder = new TextEncoder();
    private readonly tables: Uint8Array[] = [];

    /** Keeps `xml` and returns the placeholder paragraph of its place in the body. */
    add(xml: string): Paragraph {
        this.tables.push(this.encoder.encode(xml));
        return tablePlaceholder(this.tables.length - 1);
    }

    /**
     * The Word package with each placeholder paragraph of its body replaced by its table's XML.
     * Fails rather than write a document that lost a table, should the library write placeholders differently.
     */
    splice(docx: Uint8Array): Uint8Array {
        if (this.tables.length === 0) return docx;
        const files = unzipSync(docx);
        const body = new TextDecoder().decode(files[documentPart]);
        const parts: Uint8Array[] = [];
        let spliced = 0;
        let last = 0;
        for (const match of body.matchAll(placeholderXml)) {
            parts.push(this.encoder.encode(body.slice(last, match.index)), this.tables[Number(match[1])]);
            last = match.index + match[0].length;
            spliced++;
        }
        parts.push(this.encoder.encode(body.slice(last)));
        if (spliced !== this.tables.length) throw new Error(`Word export: ${spliced} of ${this.tables.length} tables placed in ${documentPart}.`);
        const xml = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
        let at = 0;
        for (const part of parts) {
            xml.set(part, at);
            at += part.length;
        }
        files[documentPart] = xml;
        return zipFiles(files);
    }
}
