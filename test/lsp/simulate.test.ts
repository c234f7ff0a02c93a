/**
 * Issue 13, in the editor: a "Simulate outage" code lens above each asset, site and risk, and the
 * typed request `pra/simulate` (protocol.ts) answered by the server from the simulation, on the plan
 * as edited.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    ShutdownRequest
} from 'vscode-languageserver-protocol';
import { simulateOutageCommand, simulateRequest, type SimulationAnswer } from '../../packages/language/src/protocol.js';
import { createTestServices } from '../helpers.js';
import { one } from './lsp-helpers.js';
import { requireBuiltServer, StdioClient, uriOf } from './lsp-client.js';

const planText = (rto: string): string => `plan "Lens" { language en }
asset Siege { kind site }
asset Serveur { kind server depends on Siege }
fallback Restauration { covers Serveur rto ${rto} }
fallback Bascule { type site covers Siege rto 1d }
activity Paie { rto 8h uses Serveur }
risk Panne { likelihood 2 impact 2 targets Serveur }
role DSI { }
`;

describe('the Simulate outage code lens', () => {
    test('one lens on the name of each asset, site and risk, running the client command with the document and the name', async () => {
        const services = createTestServices();
        const document = await one(services, planText('4h'));
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const shown = lenses!.map(l => [document.textDocument.getText(l.range), l.command?.title, l.command?.command,
            l.command?.arguments]);
        expect(shown).toEqual([
            ['Siege', 'Simulate the loss of this site', simulateOutageCommand, [document.uri.toString(), 'Siege']],
            ['Serveur', 'Simulate outage', simulateOutageCommand, [document.uri.toString(), 'Serveur']],
            ['Panne', 'Simulate this risk', simulateOutageCommand, [document.uri.toString(), 'Panne']]
        ]);
    });

    test('in the plan\'s language', async () => {
        const services = createTestServices();
        const document = await one(services, planText('4h').replace('language en', 'language fr'));
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        expect(lenses!.map(l => l.command?.title)).toEqual(['Simuler la perte de ce site', 'Simuler une panne', 'Simuler ce risque']);
    });
});

describe('pra/simulate over stdio', () => {
    let client: StdioClient;
    const uri = uriOf(join(tmpdir(), 'pra-simulate-lens', 'plan.pra'));

    beforeAll(async () => {
        requireBuiltServer();
        client = new StdioClient();
        const result = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}
        });
        expect(result.capabilities.codeLensProvider).toBeTruthy();
        await client.connection.sendNotification(InitializedNotification.type, {});
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'pra', version: 1, text: planText('4h') }
        });
        await client.diagnosticsFor(uri);
    });

    afterAll(async () => {
        await client.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await client.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        await client?.stop();
    });

    const ask = (down: string[], at = '2026-12-07T09:00'): Promise<SimulationAnswer | null> =>
        client.connection.sendRequest(simulateRequest.method, { uri, down, at });

    test('answers with the timeline and its Markdown, in the plan\'s language', async () => {
        const answer = await ask(['Serveur']);
        if (!answer || !('result' in answer)) throw new Error(JSON.stringify(answer));
        expect(answer.lang).toBe('en');
        expect(answer.result.start).toBe('2026-12-07T09:00');
        expect(answer.result.activities.map(a => [a.name, a.back.backMinutes])).toEqual([['Paie', 240]]);
        expect(answer.markdown.startsWith('## Outage simulation — Lens\n')).toBe(true);
    });

    test('answers on the plan as edited (an edit sent just before is built first)', async () => {
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 }, contentChanges: [{ text: planText('10h') }]
        });
        const answer = await ask(['Serveur']);
        if (!answer || !('result' in answer)) throw new Error(JSON.stringify(answer));
        expect(answer.result.activities[0].back.backMinutes).toBe(600);
        expect(answer.result.activities[0].rto).toEqual({ minutes: 480, crossed: 'yes' });
    });

    test('names the plan lacks come back with close names; a wrong time is refused; an unknown document is null', async () => {
        expect(await ask(['Serveru'])).toEqual({ unknown: [{ name: 'Serveru', close: ['Serveur'] }] });
        expect(await ask(['Serveur'], 'tomorrow')).toEqual({ refused: 'tomorrow is not a date-time written YYYY-MM-DDTHH:MM' });
        const elsewhere = { uri: uriOf('/nowhere/plan.pra'), down: ['Serveur'] };
        expect(await client.connection.sendRequest(simulateRequest.method, elsewhere)).toBeNull();
    });
});
