import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportDocument, exportFormats, type ExportFormat } from '../../packages/language/src/export/pra-export.js';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import type { PraServices } from '../../packages/language/src/pra-module.js';
import { previewOf } from '../../packages/language/src/pra-requests.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { exampleFolders } from '../lsp/lsp-helpers.js';

/** Each example file to mutate, with the files of its folder left intact beside it. */
const examples = Object.values(exampleFolders()).flatMap(files => Object.keys(files).map(mutated => ({ mutated, files })));

/** Tokens as a user sees them; joined back they give the text unchanged. */
const tokenPattern = /"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|[0-9]+(?:\.[0-9]+)?[\p{L}]*|[\p{L}_][\p{L}\p{N}_-]*|./gsu;

const keywords = ['plan', 'scale', 'acceptance', 'role', 'asset', 'activity', 'risk', 'fallback', 'crisis', 'procedure', 'exercise',
    'exception', 'import', 'depends on', 'mitigated by', 'uses', 'covers', 'rto', 'rpo', 'mtpd', 'impact', 'likelihood', 'residual',
    'cost', 'per year', 'step', 'within', 'tested', 'result', 'tests', 'for', 'phase', 'deputy', 'owner', 'kind', 'count'];
const noise = fc.oneof(
    { arbitrary: fc.constantFrom(...keywords), weight: 3 },
    {
        arbitrary: fc.constantFrom('{', '}', '"', '"x"', ',', '/*', '//', '\n', ' ', '-', '.', '4', '4h', '0', '200000',
            '99999999999999999999d', `1${'0'.repeat(400)}h`, '1.5w', '2026-02-30', '2026-01-01', '€', 'e\u0301', 'É', '\u0000', '\u202E',
            '😀', '\uFEFF', 'import "notes.txt"', 'import "x.pra"', 'import ', 'exception', 'scale likelihood {}',
            'scale impact { 1 "a" 200000 "b" }'),
        weight: 3
    },
    { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 4, unit: 'binary' }), weight: 1 });

type Mutation =
    | { kind: 'drop' | 'duplicate' | 'truncate'; at: number; size: number }
    | { kind: 'deleteChars'; at: number; size: number }
    | { kind: 'swap'; at: number; with: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'insertChars'; at: number; text: string };

const at = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
        kind: fc.constantFrom('drop', 'duplicate', 'truncate') as fc.Arbitrary<'drop' | 'duplicate' | 'truncate'>, at,
        size: fc.integer({ min: 1, max: 40 })
    }),
    fc.record({ kind: fc.constant('deleteChars' as const), at, size: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('swap' as const), at, with: at }),
    fc.record({ kind: fc.constant('insert' as const), at, text: noise }),
    fc.record({ kind: fc.constant('insertChars' as const), at, text: noise }));

function mutate(text: string, mutations: readonly Mutation[]): string {
    let tokens: string[] = text.match(tokenPattern) ?? [];
    for (const m of mutations) {
        if (m.kind === 'deleteChars' || m.kind === 'insertChars') {
            // Character level: may split a token, a string or a surrogate pair.
            const joined = tokens.join('');
            const offset = joined.length === 0 ? 0 : m.at % joined.length;
            const changed = m.kind === 'deleteChars' ? joined.slice(0, offset) + joined.slice(offset + m.size)
                : joined.slice(0, offset) + m.text + joined.slice(offset);
            tokens = changed.match(tokenPattern) ?? [];
            continue;
        }
        if (tokens.length === 0) { if (m.kind === 'insert') tokens.push(m.text); continue; }
        const index = m.at % tokens.length;
        switch (m.kind) {
            case 'drop': tokens.splice(index, m.size); break;
            case 'duplicate': tokens.splice(index, 0, ...tokens.slice(index, index + m.size)); break;
            case 'swap': { const other = m.with % tokens.length; [tokens[index], tokens[other]] = [tokens[other], tokens[index]]; break; }
            case 'insert': tokens.splice(index, 0, m.text); break;
            case 'truncate': tokens.length = index; break;
        }
    }
    return tokens.join('');
}

/** Every editor feature that can be driven in process (rename, definition and references too), at a few places of the text. */
async function driveEditorFeatures(services: PraServices, document: LangiumDocument, offsets: readonly number[]): Promise<void> {
    const textDocument = { uri: document.uri.toString() };
    const length = document.textDocument.getText().length;
    const positions = offsets.map(o => document.textDocument.positionAt(length === 0 ? 0 : o % (length + 1)));
    const lsp = services.lsp;
    for (const position of positions) {
        await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
        await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
        await lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
        try {
            await lsp.RenameProvider!.rename(document, { textDocument, position, newName: 'Renamed' });
        } catch (error) {
            // Refusing a rename (nothing to rename, a clash) is an answer, not a crash.
            if (!(error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed)) throw error;
        }
    }
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    const diagnostics = (document.diagnostics ?? []).slice(0, 30) as Diagnostic[];
    for (const diagnostic of diagnostics) {
        await lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
    }
    await lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument, range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(length) }
    });
}

/** Build, checks, editor features, preview model and every export format of one input; its failure, if any. */
async function runEverything(services: PraServices, files: Record<string, string>, mutated: string, offsets: readonly number[],
    formats: readonly ExportFormat[] = exportFormats): Promise<string | undefined> {
    try {
        const built = await buildFiles(services, files);
        const document = built[mutated];
        for (const d of Object.values(built)) {
            const internal = documentFindings(d).filter(f => f.code === 'internal-error');
            if (internal.length > 0) return internal[0].message;
        }
        await driveEditorFeatures(services, document, offsets);
        previewOf(services, document.uri.toString());
        for (const format of formats) await exportDocument(services, document, { format, force: true });
        return undefined;
    } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `\ncaused by ${error.cause.stack ?? ''}` : '';
        return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}${cause}` : String(error);
    }
}

/** Inputs that crashed before: each must go through every feature. */
const knownCrashes = [
    'plan "P" { date 2026-01-01 }\nexception\n',
    'plan "P" { date 2026-01-01 }\nscale likelihood {}\n',
    'plan "P" { date 2026-01-01 }\nscale impact {}\nrisk R { likelihood 1 impact 1 }\n',
    'import \nplan "P" { date 2026-01-01 }\n',
    'import',
    'plan "P" { date 2026-01-01 }\nscale impact { 1 "a" 2 "b" 200000 "c" }\nrisk R { likelihood 1 impact 200000 }\n',
    'plan "P" { date 2026-01-01 }\nasset A { sla 99999999999999999999d count 99999999999999999999 }\n',
    'import "notes.txt"\nimport "PLAN.PRA"\nplan "P" {}\n',
    'role Pe\u0301pin { phone "1" }\nplan "P" { owner P\u00e9pin }\n'
];

/**
 * Fuzzing budget: 256 inputs, about two minutes alone on two quiet cores (the client document now draws a
 * timeline chart per scenario, and Word a PNG of each), twice that beside the other test files.
 */
const runs = 256;
const perInputLimitMs = 5_000;
/**
 * The PDF (pdfmake lays out and subsets a font: a few seconds per plan on a loaded machine) runs on
 * the known crashes and one input in eight, with its own allowance; every other format runs on every input.
 */
const pdfEvery = 8;
const pdfAllowanceMs = 10_000;

describe('fuzzing every example through every feature', () => {
    let consoleError: ReturnType<typeof vi.spyOn>;
    beforeEach(() => { consoleError = vi.spyOn(console, 'error'); });
    afterEach(() => consoleError.mockRestore());

    test('no exception, no console.error, no input slower than 5 s', async () => {
        const services = createTestServices();
        const failures: string[] = [];
        let inputs = 0;
        const check = async (files: Record<string, string>, mutated: string, offsets: readonly number[], pdf: boolean): Promise<void> => {
            inputs++;
            const started = performance.now();
            const formats = pdf ? exportFormats : exportFormats.filter(f => f !== 'pdf');
            const failure = await runEverything(services, files, mutated, offsets, formats);
            const ms = performance.now() - started;
            if (failure) failures.push(`${failure}\n--- input ---\n${files[mutated].slice(0, 2_000)}`);
            else if (ms > perInputLimitMs + (pdf ? pdfAllowanceMs : 0)) {
                failures.push(`slow input (${Math.round(ms)} ms):\n${files[mutated].slice(0, 2_000)}`);
            }
        };
        for (const text of knownCrashes) await check({ 'plan.pra': text, 'x.pra': 'role X {}\n' }, 'plan.pra', [0, 7, 30, 1000], true);
        await fc.assert(fc.asyncProperty(
            fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.array(at, { minLength: 3, maxLength: 3 }),
            async (example, mutations, offsets) => {
                const files = { ...example.files, [example.mutated]: mutate(example.files[example.mutated], mutations) };
                await check(files, example.mutated, offsets, inputs % pdfEvery === 0);
            }), { numRuns: runs, seed: 20_261_130 });
        const consoleErrors = consoleError.mock.calls.length;
        console.log(`fuzz: ${inputs} inputs, ${failures.length} exceptions or slow inputs, ${consoleErrors} console.error calls`);
        expect(failures.slice(0, 3).join('\n\n')).toBe('');
        expect(consoleErrors).toBe(0);
    }, 480_000);
});
