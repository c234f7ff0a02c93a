import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportRequest } from '../../packages/language/src/protocol.js';
import { DidOpenTextDocumentNotification, HoverRequest, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol';
import { exportDocument, ExportImpossibleError } from '../../packages/language/src/export/pra-export.js';
import type { PraAstType } from '../../packages/language/src/generated/ast.js';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { StdioClient, uriOf } from '../lsp/lsp-client.js';
import { expectOneLineFailure, fixtures, repoRoot, requireBuilt, run } from './safety-helpers.js';

const plan = 'plan "Forced" { date 2026-01-01 language fr }\nasset Server { kind server }\n';
const example = 'examples/clinique-vet/plan.pra';

beforeAll(requireBuilt);

describe('a check that throws', () => {
    test('gives one internal-error at the start of the file, worded in the plan\'s language, and no false green', async () => {
        const services = createTestServices();
        // A check of the registry that fails, as a bug would.
        services.validation.ValidationRegistry.register<PraAstType>({ Asset: () => { throw new RangeError('forced in a check'); } });
        const document = (await buildFiles(services, { 'plan.pra': plan }))['plan.pra'];
        const failures = (document.diagnostics ?? []).filter(d => codeOf(d) === 'internal-error');
        expect(failures).toHaveLength(1);
        expect(failures[0].severity).toBe(1);
        expect(failures[0].range.start).toEqual({ line: 0, character: 0 });
        expect(failures[0].message).toBe('Les contrôles n\'ont pas pu aller au bout sur ce fichier : RangeError: forced in a check. '
            + 'Merci de le signaler avec ce fichier.');
    });

    test('makes the export refuse, even forced', async () => {
        const services = createTestServices('en');
        services.validation.ValidationRegistry.register<PraAstType>({ Asset: () => { throw new TypeError('forced'); } });
        const document = (await buildFiles(services, { 'plan.pra': plan }))['plan.pra'];
        for (const force of [false, true]) {
            const failure = await exportDocument(services, document, { format: 'md', force }).catch(e => e);
            expect(failure).toBeInstanceOf(ExportImpossibleError);
            expect(failure.message).toContain('The checks could not run to the end on this file: TypeError: forced.');
        }
    });

    // 150,000 findings: spreading them into `push` overflows the stack (from about 130,000 on Node 20).
    test('a huge number of findings is reported, not swallowed (no spread into push)', async () => {
        const services = createTestServices('en');
        const text = 'plan "P" { date 2026-01-01 }\nasset A {\n' + '    kind server\n'.repeat(150_000) + '}\n';
        const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
        const codes = (document.diagnostics ?? []).map(codeOf);
        expect(codes.filter(c => c === 'duplicate-property')).toHaveLength(149_999);
        expect(codes).not.toContain('internal-error');
        const { content, draft } = await exportDocument(services, document, { format: 'md', force: true });
        expect(draft).toBe(true);
        expect(new TextDecoder().decode(content).split('\n').filter(l => l.includes('duplicate-property')).length).toBeGreaterThan(1_000);
    }, 120_000);
});

describe('with the analysis failing in the real programs', () => {
    const faultyCli = path.join(fixtures, 'faulty-cli.mjs');

    test('pra check exits 2 with one line naming the file', () => {
        const result = run(['check', example], { script: faultyCli });
        expectOneLineFailure(result,
            `pra: ${example}: The checks could not run to the end on this file: TypeError: forced failure for the test.`);
    });

    test('pra export refuses with exit 2 and writes nothing, even with --force', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pra-forced-'));
        try {
            const result = run(['export', example, '--format', 'md', '-o', path.join(folder, 'plan.md'), '--force'], { script: faultyCli });
            expectOneLineFailure(result, 'Nothing was exported.');
            expect(readdirSync(folder)).toEqual([]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    describe('the language server', () => {
        let client: StdioClient;
        const file = path.join(repoRoot, example);
        const uri = uriOf(file);
        let stderr = '';

        beforeAll(async () => {
            client = new StdioClient(path.join(fixtures, 'faulty-server.mjs'));
            client.process.stderr!.on('data', chunk => { stderr += String(chunk); });
            await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
            await client.connection.sendNotification(InitializedNotification.type, {});
            await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri, languageId: 'pra', version: 1, text: plan }
            });
        });

        afterAll(async () => { await client?.stop(); });

        test('publishes internal-error on the plan, answers hovers and refuses the export', async () => {
            const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
            const failures = diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'internal-error');
            expect(failures).toHaveLength(1);
            expect(failures[0].message).toContain('TypeError: forced failure for the test');
            const hover = await client.connection.sendRequest(HoverRequest.type, {
                textDocument: { uri }, position: { line: 1, character: 8 }
            });
            expect(hover).toBeNull();
            const folder = mkdtempSync(path.join(tmpdir(), 'pra-forced-lsp-'));
            try {
                const response = await client.connection.sendRequest(exportRequest.method, {
                    uri, format: 'md', target: path.join(folder, 'plan.md'), force: true
                });
                expect(response).toMatchObject({ canForce: false });
                expect((response as { refused: string }).refused).toContain('Nothing was exported.');
                expect(readdirSync(folder)).toEqual([]);
            } finally {
                rmSync(folder, { recursive: true, force: true });
            }
            expect(stderr).not.toMatch(/^\s+at /m);
        });
    });
});
