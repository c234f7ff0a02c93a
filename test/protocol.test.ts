import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { parseWebviewMessage } from '../packages/extension/src/preview/preview-messages.js';
import {
    exportRequest, previewModelRequest, simulateRequest, type ExportOutcome, type ExportParams, type FromWebviewMessage, type PraRequest,
    type PreviewModelParams, type PreviewModelResult, type SimulateParams, type SimulationAnswer
} from '../packages/language/src/protocol.js';

const root = join(__dirname, '..');

function sources(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (['node_modules', 'out', 'dist', 'generated'].includes(name)) return [];
        return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
    });
}

describe('the PRA protocol', () => {
    test('types each request by its parameters and result', () => {
        expectTypeOf(previewModelRequest).toEqualTypeOf<PraRequest<PreviewModelParams, PreviewModelResult | null>>();
        expectTypeOf(exportRequest).toEqualTypeOf<PraRequest<ExportParams, ExportOutcome>>();
        expectTypeOf(simulateRequest).toEqualTypeOf<PraRequest<SimulateParams, SimulationAnswer | null>>();
        expect([previewModelRequest.method, exportRequest.method, simulateRequest.method])
            .toEqual(['pra/previewModel', 'pra/export', 'pra/simulate']);
    });

    test('is the only place a request is named: no request is sent or answered by a literal method', () => {
        const literal = /\b(onRequest|sendRequest|sendNotification|onNotification)\s*(<[^>]*>)?\(\s*['"`]pra\//;
        const offenders = [...sources(join(root, 'packages')), ...sources(join(root, 'test'))]
            .filter(file => literal.test(readFileSync(file, 'utf8'))).map(file => relative(root, file));
        expect(offenders).toEqual([]);
    });

    test('every message the webview may send passes the extension\'s check, as sent', () => {
        const uri = 'file:///plan.pra';
        // A Record over the union's `type`: a new message kind without a sample here fails to compile.
        const samples: { [K in FromWebviewMessage['type']]: Extract<FromWebviewMessage, { type: K }> } = {
            ready: { type: 'ready' },
            reveal: { type: 'reveal', uri, line: 3, character: 4 },
            saveSvg: { type: 'saveSvg' },
            mode: { type: 'mode', mode: 'residual' },
            rendered: { type: 'rendered', mode: 'inherent', stale: false, cells: { '1x2': ['Fire'] }, tray: [] },
            view: { type: 'view', view: 'timeline' },
            scenario: { type: 'scenario', down: ['Server', 'Fire'] },
            openMarkdown: { type: 'openMarkdown' },
            timelineRendered: { type: 'timelineRendered', state: 'view', down: ['Fire'], rows: ['Billing'] }
        };
        for (const message of Object.values(samples)) expect(parseWebviewMessage(message, new Set([uri]))).toEqual(message);
        expect(parseWebviewMessage({ type: 'reveal', uri: 'file:///elsewhere.pra', line: 0, character: 0 }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'mode', mode: 'sideways' }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'view', view: 'gantt' }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'scenario', down: [] }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'scenario', down: [' '] }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'scenario', down: [{ name: 'Fire' }] }, new Set([uri]))).toBeUndefined();
        expect(parseWebviewMessage({ type: 'timelineRendered', state: 'drawn', down: [], rows: [] }, new Set([uri]))).toBeUndefined();
    });
});
