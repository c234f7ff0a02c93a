import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DocumentFormattingRequest,
    ExitNotification, HoverRequest, InitializedNotification, RenameRequest, SemanticTokensRequest, InlayHintRequest, DocumentSymbolRequest,
    InitializeRequest, ShutdownRequest, type CodeAction, type CompletionItem, type CompletionList
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { acceptFindingRequest, gapsRequest, type AcceptFindingResult, type GapsResult } from '../../packages/language/src/protocol.js';
import { repoRoot, requireBuiltServer, StdioClient, uriOf } from './lsp-client.js';

const folder = join(repoRoot, 'examples/clinique-vet');
const file = join(folder, 'plan.pra');
const text = readFileSync(file, 'utf8');
const uri = uriOf(file);
const document = TextDocument.create(uri, 'pra', 1, text);
const positionOf = (needle: string, shift = 0) => document.positionAt(text.indexOf(needle) + shift);
const codeOf = (d: { code?: string | number; data?: unknown }) => (d.data as { code?: string } | undefined)?.code ?? d.code;

describe('standalone server over stdio', () => {
    let client: StdioClient;

    beforeAll(async () => {
        requireBuiltServer();
        client = new StdioClient();
        const result = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: uriOf(folder), workspaceFolders: [{ uri: uriOf(folder), name: 'clinique-vet' }],
            capabilities: {
                textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } }
            }
        });
        expect(result.capabilities.completionProvider).toBeDefined();
        expect(result.capabilities.documentFormattingProvider).toBeTruthy();
        expect(result.capabilities.codeActionProvider).toBeTruthy();
        expect(result.capabilities.renameProvider).toBeTruthy();
        expect(result.capabilities.inlayHintProvider).toBeTruthy();
        await client.connection.sendNotification(InitializedNotification.type, {});
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type,
            { textDocument: { uri, languageId: 'pra', version: 1, text } });
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('diagnostics arrive with their codes', async () => {
        const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
        expect(diagnostics.map(codeOf))
            .toEqual(expect.arrayContaining(['unmitigated-risk', 'no-deputy', 'rto-gap', 'manual-without-catchup']));
    });

    test('completion', async () => {
        const result = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri }, position: positionOf('criticality critical', 'criticality '.length)
        }) as CompletionList | CompletionItem[];
        const items = Array.isArray(result) ? result : result.items;
        expect(items.map(i => i.label)).toEqual(['critical', 'high', 'medium', 'low']);
    });

    test('hover', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type,
            { textDocument: { uri }, position: positionOf('risk Meadow-Flood', 6) });
        expect((hover!.contents as { value: string }).value).toContain('= **9** · unacceptable');
    });

    test('formatting changes only whitespace', async () => {
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type,
            { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document, edits ?? []);
        expect(formatted.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    });

    test('code action on a diagnostic', async () => {
        const diagnostics = await client.diagnosticsFor(uri);
        const unmitigated = diagnostics.filter(d => codeOf(d) === 'unmitigated-risk');
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: unmitigated[0].range, context: { diagnostics: unmitigated }
        });
        expect(actions?.map(a => a.title)).toContain('Mitigate Meadow-Flood by a new fallback');
    });

    test('semantic tokens, inlay hints and the outline', async () => {
        const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        expect(tokens?.data.length).toBeGreaterThan(100);
        const hints = await client.connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }
        });
        expect(hints?.map(h => h.label)).toContain('= 12 · unacceptable');
        const symbols = await client.connection
            .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Array<{ name: string }>;
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['Roles', 'Assets', 'Activities', 'Risks', 'Fallbacks']));
    });

    test('rename refuses a clashing name with a clear message', async () => {
        await expect(client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri }, position: positionOf('role Head-Nurse', 6), newName: 'Reception-Lead'
        })).rejects.toThrow('Cannot rename Head-Nurse to Reception-Lead: another role is already named Reception-Lead (plan.pra).');
    });

    test('Accept this finding…: the edit, applied, turns the finding into an accepted one', async () => {
        const acceptUri = uriOf(join(tmpdir(), 'pra-accept-test', 'freight.pra'));
        const before = [
            'plan "Freight" {', '    date  2026-06-01', '    owner DG', '}',
            'role DG { phone "1" deputy DG }',
            'asset TMS { kind saas }',
            'fallback Restore { type restore covers TMS rto 2d rpo 1h tested 2026-05-01 }',
            'activity Planning {', '    owner DG', '    rto   4h', '    uses  TMS', '}', ''
        ].join('\n');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type,
            { textDocument: { uri: acceptUri, languageId: 'pra', version: 1, text: before } });
        const diagnostics = await client.diagnosticsFor(acceptUri, d => d.some(x => codeOf(x) === 'rto-gap'));
        const gap = diagnostics.filter(d => codeOf(d) === 'rto-gap');
        expect(gap[0].severity).toBe(2);
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: acceptUri }, range: gap[0].range, context: { diagnostics: gap }
        }) as CodeAction[];
        const accept = actions.find(a => a.title === 'Accept this finding…');
        expect(accept, actions.map(a => a.title).join(', ')).toBeDefined();
        const after = TextDocument.applyEdits(TextDocument.create(acceptUri, 'pra', 1, before), accept!.edit!.changes![acceptUri]);
        expect(after).toMatch(/ {4}uses {2}TMS\n {4}accept rto-gap "Reason to write" by DG until \d{4}-\d{2}-\d{2}\n\}/);
        client.forget(acceptUri);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: acceptUri, version: 2 }, contentChanges: [{ text: after }]
        });
        const accepted = (await client.diagnosticsFor(acceptUri)).filter(d => codeOf(d) === 'rto-gap');
        expect(accepted).toHaveLength(1);
        expect(accepted[0].severity).toBe(3);
        expect(accepted[0].message).toMatch(/^Accepted by DG until \d{4}-\d{2}-\d{2}: Reason to write — Planning requires RTO 4 h/);
    });

    test('pra/gaps lists the plan\'s findings; pra/acceptFinding gives the accept line with the answers given', async () => {
        await client.diagnosticsFor(uri, d => d.length > 0);
        const gaps = await client.connection.sendRequest(gapsRequest.method, { uri }) as GapsResult;
        expect(gaps.rootUri).toBe(uri);
        expect(gaps.roles).toContain('Managing-Vet');
        const deputy = gaps.items.find(i => i.code === 'no-deputy')!;
        expect(deputy).toMatchObject({ element: 'Practice-Manager', kind: 'role', group: 'role Practice-Manager', acceptable: true });
        const refused = await client.connection.sendRequest(acceptFindingRequest.method,
            { uri, code: deputy.code, range: deputy.range, reason: '', by: 'Managing-Vet' }) as AcceptFindingResult;
        expect(refused.refused).toBeDefined();
        const result = await client.connection.sendRequest(acceptFindingRequest.method,
            { uri, code: deputy.code, range: deputy.range, reason: 'Small "practice"', by: 'Managing-Vet' }) as AcceptFindingResult;
        const edits = result.edit!.changes[uri];
        const after = TextDocument.applyEdits(document, edits);
        expect(after).toContain('accept no-deputy "Small \\"practice\\"" by Managing-Vet until ');
        expect(after.indexOf('accept no-deputy')).toBeGreaterThan(text.indexOf('role Practice-Manager'));
        expect(after.indexOf('accept no-deputy')).toBeLessThan(after.indexOf('role Head-Nurse'));
    });

    test('shutdown and exit', async () => {
        await client.connection.sendRequest(ShutdownRequest.type);
        const exited = new Promise<number | null>(resolve => client.process.once('exit', code => resolve(code)));
        await client.connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });
});
