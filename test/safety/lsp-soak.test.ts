import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, DocumentSymbolRequest, ErrorCodes, HoverRequest, InitializedNotification, InitializeRequest,
    InlayHintRequest, ReferencesRequest, RenameRequest, ResponseError, SemanticTokensRequest,
    type Diagnostic, type Position, type Range, type TextDocumentContentChangeEvent
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportRequest, previewModelRequest } from '../../packages/language/src/protocol.js';
import { StdioClient, uriOf } from '../lsp/lsp-client.js';
import { repoRoot, requireBuilt } from './safety-helpers.js';

/** The soak's budget: a couple of thousand edits, within about a minute. */
const editCount = 3_000;
const requestEvery = 8;

const codeOf = (d: Diagnostic): unknown => (d.data as { code?: unknown } | undefined)?.code ?? d.code;
const summary = (diagnostics: readonly Diagnostic[]): string[] =>
    diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${String(codeOf(d))} ${String(d.message)}`).sort();

/** A reproducible sequence of numbers in [0, 1) (mulberry32). */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

describe('language server soak over stdio', () => {
    let client: StdioClient;
    let folder: string;
    let exportFolder: string;
    let stderr = '';
    const internalErrors: string[] = [];
    let file: string;
    let uri: string;
    let original: string;

    beforeAll(async () => {
        requireBuilt();
        folder = mkdtempSync(path.join(tmpdir(), 'pra-soak-'));
        exportFolder = mkdtempSync(path.join(tmpdir(), 'pra-soak-export-'));
        cpSync(path.join(repoRoot, 'examples/clinique-vet'), folder, { recursive: true });
        file = path.join(folder, 'plan.pra');
        uri = uriOf(file);
        original = readFileSync(file, 'utf8');
        client = new StdioClient();
        client.process.stderr!.on('data', chunk => { stderr += String(chunk); });
        await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: uriOf(folder), workspaceFolders: [{ uri: uriOf(folder), name: 'soak' }], capabilities: {}
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'pra', version: 1, text: original }
        });
    });

    afterAll(async () => {
        await client?.stop();
        rmSync(folder, { recursive: true, force: true });
        rmSync(exportFolder, { recursive: true, force: true });
    });

    test('thousands of edits interleaved with every request: no internal error, same diagnostics once restored', async () => {
        const before = summary(await client.diagnosticsFor(uri, d => d.length > 0, 30_000));
        let document = TextDocument.create(uri, 'pra', 1, original);
        let version = 1;
        let requests = 0;
        let refused = 0;
        const random = seededRandom(20_261_130);
        const int = (max: number): number => Math.floor(random() * (max + 1));
        const pick = <T>(items: readonly T[]): T => items[int(items.length - 1)];

        /** A position anywhere, sometimes far out of the text (the server must clamp, not fail). */
        const anyPosition = (): Position => int(9) === 0
            ? { line: int(100_000), character: int(100_000) }
            : document.positionAt(int(document.getText().length));
        const anyRange = (): Range => {
            const a = anyPosition(), b = anyPosition();
            return document.offsetAt(a) <= document.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
        };
        const insertions = ['{', '}', '"', 'asset ', 'depends on ', 'import ', 'import "x.txt"\n', 'exception\n', '200000', '4h',
            '99999999999999999999d', 'e\u0301', '\n', ' ', 'risk R { likelihood 9 impact 9 }\n', 'scale impact {}\n', '😀', 'plan "P" {'];
        const megabyte = 'asset Filler { kind server }\n'.repeat(Math.ceil(1_048_576 / 29));

        const change = async (changes: TextDocumentContentChangeEvent[]): Promise<void> => {
            version++;
            document = TextDocument.update(document, changes, version);
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version }, contentChanges: changes
            });
        };
        const request = async (send: () => Promise<unknown>): Promise<void> => {
            requests++;
            try {
                await send();
            } catch (error) {
                // Cancelled or outdated requests are normal while typing; an internal error is a bug.
                const internal = !(error instanceof ResponseError)
                    || error.code === ErrorCodes.InternalError || error.code === ErrorCodes.UnknownErrorCode;
                if (internal) {
                    internalErrors.push(String((error as Error).message).split('\n')[0]);
                } else {
                    refused++;
                }
            }
        };
        const everyRequest = (): Array<Promise<void>> => {
            const textDocument = { uri };
            const position = anyPosition();
            const c = client.connection;
            return [
                request(() => c.sendRequest(CompletionRequest.type, { textDocument, position })),
                request(() => c.sendRequest(HoverRequest.type, { textDocument, position })),
                request(() => c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } })),
                request(() => c.sendRequest(DocumentSymbolRequest.type, { textDocument })),
                request(() => c.sendRequest(SemanticTokensRequest.type, { textDocument })),
                request(() => c.sendRequest(CodeActionRequest.type, { textDocument, range: anyRange(), context: { diagnostics: [] } })),
                request(() => c.sendRequest(InlayHintRequest.type, { textDocument, range: anyRange() })),
                request(() => c.sendRequest(RenameRequest.type, { textDocument, position, newName: pick(['Renamed', 'x y', '']) })),
                request(() => c.sendRequest(DefinitionRequest.type, { textDocument, position })),
                request(() => c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })),
                request(() => c.sendRequest(previewModelRequest.method, { uri })),
                request(() => c.sendRequest(exportRequest.method, {
                    uri, format: pick(['docx', 'html', 'md', 'json']), force: true,
                    target: pick([...['plan.md', 'plan.html', 'plan.pra', 'p.docx'].map(n => path.join(exportFolder, n)), file])
                }))
            ];
        };

        const started = Date.now();
        let maxRss = 0;
        for (let edit = 1; edit <= editCount; edit++) {
            const kind = int(99);
            if (edit === editCount / 3) await change([{ range: anyRange(), text: megabyte }]);
            else if (edit === editCount / 3 + 1) await change([{ text: '' }]);
            else if (kind < 45) await change([{ range: anyRange(), text: pick(insertions) }]);
            else if (kind < 85) {
                const start = anyPosition();
                await change([{ range: { start, end: document.positionAt(document.offsetAt(start) + int(30)) }, text: '' }]);
            }
            else if (kind < 97) await change([{ range: { start: anyPosition(), end: anyPosition() }, text: pick(insertions) }]);
            else await change([{ text: original }]);
            if (edit % requestEvery === 0) await Promise.all(everyRequest());
            if (edit % 200 === 0) maxRss = Math.max(maxRss, rssMb(client.process.pid!));
        }
        await change([{ text: original }]);
        await Promise.all(everyRequest());
        const after = summary(await client.diagnosticsFor(uri, d => summary(d).join('\n') === before.join('\n'), 60_000));
        maxRss = Math.max(maxRss, rssMb(client.process.pid!));
        console.log(`lsp soak: ${editCount + 3} edits, ${requests} requests (${refused} cancelled or refused) `
            + `in ${Math.round((Date.now() - started) / 1000)} s; `
            + `server RSS ${rssMb(client.process.pid!)} MB at the end, ${maxRss} MB at most; ${internalErrors.length} internal errors`);
        expect(after).toEqual(before);
        expect(internalErrors.slice(0, 5)).toEqual([]);
        expect(stderr).not.toMatch(/^\s+at /m);
        expect(readdirSync(exportFolder).filter(n => n.endsWith('.pra') || n.endsWith('.pra-tmp'))).toEqual([]);
        expect(readFileSync(file, 'utf8')).toBe(original);
    }, 180_000);
});
