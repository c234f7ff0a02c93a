import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PraServices } from '../../packages/language/src/pra-module.js';
import { buildFiles } from '../helpers.js';

export const examplesFolder = join(import.meta.dirname, '../../examples');

/** Every example, grouped by folder: folder → (file name → text). */
export function exampleFolders(): Record<string, Record<string, string>> {
    const result: Record<string, Record<string, string>> = {};
    for (const folder of readdirSync(examplesFolder)) {
        const files: Record<string, string> = {};
        for (const name of readdirSync(join(examplesFolder, folder)).filter(n => n.endsWith('.pra'))) {
            files[name] = readFileSync(join(examplesFolder, folder, name), 'utf8');
        }
        result[relative(examplesFolder, join(examplesFolder, folder))] = files;
    }
    return result;
}

export function applyEdits(document: LangiumDocument, edits: TextEdit[]): string {
    return TextDocument.applyEdits(document.textDocument, edits);
}

export async function format(services: PraServices, document: LangiumDocument): Promise<string> {
    const edits = await services.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    });
    return applyEdits(document, edits);
}

/** Builds one text as `plan.pra` and returns its document. */
export async function one(services: PraServices, text: string, name = 'plan.pra'): Promise<LangiumDocument> {
    return (await buildFiles(services, { [name]: text }))[name];
}

/** The offset of `<|>` in a text, and the text without it. */
export function cursor(marked: string): { text: string; offset: number } {
    const offset = marked.indexOf('<|>');
    if (offset < 0) throw new Error('no <|> in the text');
    return { text: marked.slice(0, offset) + marked.slice(offset + 3), offset };
}
