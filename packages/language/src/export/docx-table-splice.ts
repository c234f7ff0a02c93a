import { Packer, Paragraph, TextRun, type Document } from 'docx';
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
     * The Word package of `doc` with each placeholder paragraph of its body replaced by its table's XML.
     * Fails rather than write a document that lost a table, should the library write placeholders differently.
     */
    async pack(doc: Document): Promise<Uint8Array> {
        const files = await packageFiles(doc);
        const body = files[documentPart];
        const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
        const parts: Uint8Array[] = [];
        let spliced = 0;
        let last = 0;
        for (const match of text.matchAll(placeholderXml)) {
            parts.push(this.encoder.encode(text.slice(last, match.index)), this.tables[Number(match[1])]);
            last = match.index + match[0].length;
            spliced++;
        }
        parts.push(this.encoder.encode(text.slice(last)));
        if (spliced !== this.tables.length) {
            throw new Error(`Word export: ${spliced} of ${this.tables.length} tables placed in ${documentPart}.`);
        }
        const xml = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
        let at = 0;
        for (const part of parts) {
            xml.set(part, at);
            at += part.length;
        }
        const bytes: Record<string, Uint8Array> = {};
        for (const [path, data] of Object.entries(files)) bytes[path] = typeof data === 'string' ? this.encoder.encode(data) : data;
        bytes[documentPart] = xml;
        return zipFiles(bytes);
    }
}

/** What the library's compiler gives: each file of the package by its path, in the order it zips them. */
type CompiledFiles = Map<string, string | ArrayBufferView | ArrayBuffer>;
interface Compiler { compile(file: Document): CompiledFiles }

/**
 * The files of the library's package for `doc`, XML parts as text. They come from the library's compiler, before it
 * zips them (sparing a 4 MB body a compression and a decompression); from its zipped package should a later version
 * of the library not have that compiler where this one has it.
 */
async function packageFiles(doc: Document): Promise<Record<string, string | Uint8Array>> {
    const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
    if (typeof compiler?.compile !== 'function') return unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
    const files: Record<string, string | Uint8Array> = {};
    for (const [path, data] of compiler.compile(doc)) {
        files[path] = typeof data === 'string' ? data
            : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    }
    return files;
}
