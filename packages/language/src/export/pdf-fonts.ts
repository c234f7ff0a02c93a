import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vfsModule from 'pdfmake/build/vfs_fonts.js';

/**
 * The documents' font: Roboto as the pdfmake package ships it (its virtual file system, a
 * JavaScript module, so that it travels inside the language server's bundle). Nothing is
 * downloaded; the files come with the npm package.
 */
export const fontFiles = {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf'
} as const;

let vfs: Record<string, string> | undefined;

/** The font files, base64-encoded, by name. */
export function fontVfs(): Record<string, string> {
    // A CommonJS module of pdfmake's own (imported statically, so the language server's bundle carries it).
    vfs ??= ((vfsModule as unknown as { default?: Record<string, string> }).default ?? vfsModule);
    return vfs!;
}

/** One font file's bytes. */
export function fontBytes(file: string): Uint8Array {
    return Buffer.from(fontVfs()[file], 'base64');
}

let paths: Record<keyof typeof fontFiles, string> | undefined;

/**
 * The font files written once to the temporary folder, by style: PDFKit opens an SVG's fonts by
 * file path (pdfmake's virtual files are not seen there), and resvg loads fonts from files.
 */
export function fontPaths(): Record<keyof typeof fontFiles, string> {
    if (!paths) {
        const folder = join(tmpdir(), 'pra-export-fonts');
        mkdirSync(folder, { recursive: true });
        const written = {} as Record<keyof typeof fontFiles, string>;
        for (const [style, file] of Object.entries(fontFiles) as Array<[keyof typeof fontFiles, string]>) {
            const path = join(folder, file);
            const bytes = fontBytes(file);
            if (!existsSync(path) || statSync(path).size !== bytes.length) writeFileSync(path, bytes);
            written[style] = path;
        }
        paths = written;
    }
    return paths;
}
