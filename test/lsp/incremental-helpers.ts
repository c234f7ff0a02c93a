import {
    AstUtils, Cancellation, CstUtils, isCompositeCstNode, isOperationCancelled, isReference, setInterruptionPeriod, URI,
    type AstNode, type LangiumDocument, type ReferenceDescription
} from 'langium';
import { PraDocumentFactory } from '../../packages/language/src/pra-document-factory.js';
import { expect } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PraServices } from '../../packages/language/src/pra-module.js';
import { createTestServices } from '../helpers.js';
// @ts-expect-error the bench generator is plain JavaScript
import { random as benchRandom } from '../../bench/generate-plan.mjs';

/**
 * Issue 16: what the language server shows after any sequence of edits, built incrementally (only
 * the touched blocks of the changed file re-parsed, only the affected files re-linked and
 * re-validated, cached parts of the plan model), equals what a build from scratch of the same texts
 * shows: every token's position, the diagnostics of every file, what each reference links to (and
 * the order of `document.references`), the names exported to the index, the reference index, the plan analysis giving each file its
 * context, and in the edited file the hovers, the document symbols and the formatting edits. Seeded random edits; a fresh build is compared
 * every few edits and at the end (incremental-*.test.ts, one file per layout so that they run side by side).
 */
export const EDITS = 2000;
export const COMPARE_EVERY = 20;
const TODAY = '2026-12-01';

/** mulberry32, the bench generator's (the same seed gives the same edits), typed for the tests. */
export const random: (seed: number) => () => number = benchRandom;

export interface Files { [name: string]: string }

interface Edit { start: number; end: number; insert: string }

/**
 * One random edit of a text: characters, words, digits, lines, comments, whole blocks pasted or
 * removed, as a user (or a paste) makes them; a third of the time the file goes back to its last
 * text without a syntax error (the typo fixed), so that the path that parses only the touched
 * blocks (after a clean parse) is exercised as much as the full parse.
 */
function randomEdit(text: string, next: () => number, original: string, clean: string | undefined): Edit {
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
    const at = Math.floor(next() * (text.length + 1));
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
    const blockEnd = text.indexOf('\n}\n', at);
    const kind = next();
    if (kind < 0.02) return { start: 0, end: text.length, insert: original };
    if (kind < 0.32 && clean !== undefined) return { start: 0, end: text.length, insert: clean };
    if (kind < 0.42) return { start: at, end: at, insert: pick(['a', 'Z', '3', ' ', '\n', '{', '}', '"', ',', '/', '*', '-', '%', 'é']) };
    if (kind < 0.5) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 12)), insert: '' };
    if (kind < 0.62) {
        const word = /[\p{L}_][\p{L}\d_-]*/u.exec(text.slice(at, at + 60));
        const start = word ? at + word.index : at;
        return { start, end: start + (word?.[0].length ?? 0), insert: pick(text.match(/[\p{L}_][\p{L}\d_-]*/gu) ?? ['x']) };
    }
    if (kind < 0.7) {
        const digit = /\d/.exec(text.slice(at, at + 200));
        const start = digit ? at + digit.index : at;
        return { start, end: digit ? start + 1 : start, insert: String(Math.floor(next() * 10)) };
    }
    if (kind < 0.76) return { start: lineStart, end: lineEnd, insert: '' };
    if (kind < 0.82) {
        const from = Math.floor(next() * text.length);
        const fromStart = text.lastIndexOf('\n', from - 1) + 1;
        const fromEnd = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from) + 1;
        return { start: lineStart, end: lineStart, insert: text.slice(fromStart, fromEnd) };
    }
    if (kind < 0.88) return { start: lineStart, end: lineStart, insert: pick(['// note\n', '/* a comment */\n', '\n', '    // inside\n']) };
    // A whole top-level block of the original pasted after a block, or the block around `at` removed.
    const blocks = [...original.matchAll(/^[a-z]+ [^\n]*\{\n(?:.*\n)*?\}\n/gm)].map(m => m[0]);
    if (kind < 0.94 && blocks.length > 0 && blockEnd >= 0) return { start: blockEnd + 3, end: blockEnd + 3, insert: `\n${pick(blocks)}` };
    const blockStart = text.lastIndexOf('\n}\n', at);
    return blockStart >= 0 && blockEnd >= 0 ? { start: blockStart + 3, end: blockEnd + 3, insert: '' } : { start: at, end: at, insert: '' };
}

const folder = (layout: string) => `/mem/incremental-${layout}`;
const uriOf = (layout: string, name: string) => URI.file(`${folder(layout)}/${name}`);

/** A build from scratch of the texts, in a fresh set of services. */
async function fresh(layout: string, files: Files): Promise<{ services: PraServices; documents: Record<string, LangiumDocument> }> {
    const services = createTestServices({ today: TODAY });
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = services.shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(layout, name));
        services.shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { services, documents };
}

/** What a user sees of a file: its diagnostics, and for the edited file its hovers, symbols and formatting. */
async function seen(services: PraServices, document: LangiumDocument, hovers: readonly number[]): Promise<unknown> {
    const textDocument = { uri: document.uri.toString() };
    const hover = [];
    for (const offset of hovers) {
        const position = document.textDocument.positionAt(Math.min(offset, document.textDocument.getText().length));
        hover.push(await services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
    }
    return {
        hover,
        symbols: await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }),
        formatting: await services.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } })
    };
}

/** Every token of the syntax tree (comments included) with its position and the element it belongs to. */
function tokensOf(document: LangiumDocument): unknown[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).filter(node => !isCompositeCstNode(node)).map(node => [
        node.offset, node.end, node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character,
        node.text, node.hidden, node.astNode.$type, node.astNode.$containerIndex
    ]).toArray();
}

function diagnosticsOf(document: LangiumDocument): unknown {
    return (document.diagnostics ?? []).map(({ range, severity, code, message, data, relatedInformation }) =>
        ({ range, severity, code, message, data, relatedInformation }));
}

/** Every reference of the file: what it names, where, and what it resolves to (the target's place, not its identity). */
function linksOf(document: LangiumDocument): unknown {
    const links = AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).map(info => {
        const reference = info.reference;
        // The grammar has no multi-references.
        const target = isReference(reference) ? reference.ref : undefined;
        return [info.container.$type, info.property, info.index, reference.$refText, reference.$refNode?.offset,
            target?.$type, target?.$cstNode?.offset, target && AstUtils.getDocument(target).uri.toString(), target && isAttached(target),
            isReference(reference) ? reference.$nodeDescription?.path : 'multi', reference.error?.message];
    }).toArray();
    // Linking errors become diagnostics in this order.
    const order = document.references.map(reference => [reference.$refText, reference.$refNode?.offset]);
    return { links, order };
}

/** Whether a node is in its document's syntax tree now (not a node of a block parsed again since). */
function isAttached(node: AstNode): boolean {
    for (let current = node; current.$container; current = current.$container) {
        const value = (current.$container as unknown as Record<string, unknown>)[current.$containerProperty!];
        const held = Array.isArray(value) ? value[current.$containerIndex!] : value;
        if (held !== current) return false;
    }
    return AstUtils.getDocument(node).parseResult.value === AstUtils.findRootNode(node);
}

/** The names the file exports to the index, with their paths and places. */
function exportsOf(services: PraServices, document: LangiumDocument): unknown {
    return services.shared.workspace.IndexManager.allElements(undefined, new Set([document.uri.toString()]))
        .map(d => [d.name, d.type, d.path, d.documentUri.toString(), d.nameSegment, d.selectionSegment]).toArray();
}

/** The file's entries in the reference index (what find-references and rename read). */
function referenceIndexOf(services: PraServices, document: LangiumDocument): unknown {
    const index = (services.shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> })
        .referenceIndex.get(document.uri.toString()) ?? [];
    return index.map(r => [r.sourcePath, r.targetPath, r.targetUri.toString(), r.local, r.segment.offset, r.segment.end, r.segment.range]);
}

/** The analysis of the plan giving the file its context: its model (sources included) and every figure. */
function analysisOf(services: PraServices, document: LangiumDocument): unknown {
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
    const { model, referenceDate, data, assets, activities, risks, fallbacks, procedures, roles, plan, tests } = analysis;
    const maps = [data, assets, activities, risks, fallbacks, procedures, roles, tests]
        .map(map => map instanceof Map ? [...map] : Object.entries(map).map(([k, v]) => [k, v instanceof Map ? [...v] : v]));
    return JSON.parse(JSON.stringify({ lang, model, referenceDate, plan, maps }));
}

interface Replayed { compared: number; blocks: number; full: number }

/**
 * `cancelling`: four builds in five between two comparisons are cancelled after a random number of
 * yields (every `interruptAndCheck` yields), as the language server cancels a build when the next
 * keystroke arrives; the next build completes what is left.
 */
export async function replay(layout: string, original: Files, seed: number, chooseFile: (next: () => number) => string,
    edits = EDITS, scripted?: (text: string, edit: number) => Edit, cancelling = false): Promise<Replayed & { cancelled: number }> {
    if (cancelling) setInterruptionPeriod(0);
    try {
        return await replayEdits(layout, original, seed, chooseFile, edits, scripted, cancelling);
    } finally {
        setInterruptionPeriod(10);
    }
}

async function replayEdits(layout: string, original: Files, seed: number, chooseFile: (next: () => number) => string,
    edits: number, scripted: ((text: string, edit: number) => Edit) | undefined, cancelling: boolean
): Promise<Replayed & { cancelled: number }> {
    const next = random(seed);
    const texts: Files = { ...original };
    const clean: Partial<Files> = {};
    const { services, documents } = await fresh(layout, texts);
    const builder = services.shared.workspace.DocumentBuilder;
    const textDocuments = services.shared.workspace.TextDocuments!;
    let version = 0;
    let compared = 0;
    let cancelled = 0;
    for (let edit = 1; edit <= edits; edit++) {
        const name = chooseFile(next);
        const { start, end, insert } = scripted?.(texts[name], edit) ?? randomEdit(texts[name], next, original[name], clean[name]);
        texts[name] = texts[name].slice(0, start) + insert + texts[name].slice(end);
        const uri = uriOf(layout, name);
        textDocuments.set(TextDocument.create(uri.toString(), 'pra', ++version, texts[name]));
        if (cancelling && edit % COMPARE_EVERY !== 0 && edit !== edits && next() < 0.8) {
            const source = new Cancellation.CancellationTokenSource();
            const ticks = Math.floor(next() * 250);
            const build = builder.update([uri], [], source.token);
            void (async () => {
                for (let tick = 0; tick < ticks; tick++) await new Promise(resolve => setImmediate(resolve));
                source.cancel();
            })();
            try {
                await build;
            } catch (error) {
                if (!isOperationCancelled(error)) throw error;
                cancelled++;
            }
        } else {
            await builder.update([uri], []);
        }
        const { lexerErrors, parserErrors } = documents[name].parseResult;
        if (lexerErrors.length === 0 && parserErrors.length === 0) clean[name] = texts[name];
        if (edit % COMPARE_EVERY !== 0 && edit !== edits) continue;
        const scratch = await fresh(layout, texts);
        const hovers = Array.from({ length: 2 }, () => Math.floor(next() * (texts[name].length + 1)));
        for (const file of Object.keys(texts)) {
            expect(documents[file].textDocument.getText(), `${layout} ${file} after edit ${edit}`).toBe(texts[file]);
            expect(tokensOf(documents[file]), `tokens of ${file} after edit ${edit} (seed ${seed})`)
                .toEqual(tokensOf(scratch.documents[file]));
            expect(diagnosticsOf(documents[file]), `diagnostics of ${file} after edit ${edit} (seed ${seed})`)
                .toEqual(diagnosticsOf(scratch.documents[file]));
            expect(linksOf(documents[file]), `links of ${file} after edit ${edit} (seed ${seed})`)
                .toEqual(linksOf(scratch.documents[file]));
            expect(exportsOf(services, documents[file]), `exports of ${file} after edit ${edit} (seed ${seed})`)
                .toEqual(exportsOf(scratch.services, scratch.documents[file]));
            expect(referenceIndexOf(services, documents[file]), `reference index of ${file} after edit ${edit} (seed ${seed})`)
                .toEqual(referenceIndexOf(scratch.services, scratch.documents[file]));
            expect(analysisOf(services, documents[file]), `analysis of ${file}'s plan after edit ${edit} (seed ${seed})`)
                .toEqual(analysisOf(scratch.services, scratch.documents[file]));
        }
        expect(await seen(services, documents[name], hovers), `${name} after edit ${edit} (seed ${seed})`)
            .toEqual(await seen(scratch.services, scratch.documents[name], hovers));
        compared++;
    }
    const factory = services.shared.workspace.LangiumDocumentFactory;
    expect(factory).toBeInstanceOf(PraDocumentFactory);
    return { compared, cancelled, ...(factory as PraDocumentFactory).updates };
}

