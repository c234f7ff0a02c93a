import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { exportRequest, type ExportOutcome, type ExportParams } from 'pra-language/protocol';
import type { PraExtensionApi } from '../../../packages/extension/src/extension.js';
import { median, waitFor } from './wait.js';

const extensionId = 'pra-team.pra';

function exampleUri(relative: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the examples folder open as the workspace');
    return vscode.Uri.joinPath(folder.uri, relative);
}

/** Line and column of the first `text` in the document, at or after `from`. */
function find(document: vscode.TextDocument, text: string, from = 0): vscode.Position {
    const offset = document.getText().indexOf(text, document.offsetAt(document.positionAt(from)));
    assert.ok(offset >= 0, `"${text}" not found in ${document.uri.path}`);
    return document.positionAt(offset);
}

async function replace(document: vscode.TextDocument, start: vscode.Position, length: number, text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was refused');
}

suite('PRA extension in a real VS Code', () => {
    let api: PraExtensionApi;
    let document: vscode.TextDocument;
    const planUri = () => exampleUri('clinique-vet/plan.pra');

    suiteSetup(async () => {
        document = await vscode.workspace.openTextDocument(planUri());
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const extension = vscode.extensions.getExtension<PraExtensionApi>(extensionId);
        assert.ok(extension, `${extensionId} is not installed`);
        api = await waitFor('the extension to activate', () => extension.isActive && extension.exports, 60_000);
    });

    suiteTeardown(async () => {
        await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('activates on an example and gives it the pra language', () => {
        assert.equal(document.languageId, 'pra');
        assert.equal(api.client.isRunning(), true);
    });

    test('the diagnostics of the example arrive from the language server', async () => {
        const diagnostics = await waitFor('diagnostics of clinique-vet', () => {
            const found = vscode.languages.getDiagnostics(document.uri);
            return found.length > 0 && found;
        });
        const codes = diagnostics.map(d => typeof d.code === 'object' ? String(d.code.value) : String(d.code));
        assert.ok(codes.includes('unmitigated-risk'), `unmitigated-risk expected among ${codes.join(', ')}`);
        assert.ok(codes.includes('no-deputy'), `no-deputy expected among ${codes.join(', ')}`);
    });

    test('the preview opens and its webview shows the matrix with the example\'s risks', async () => {
        await vscode.commands.executeCommand('pra.preview.openToSide');
        const preview = await waitFor('the preview panel', () => api.previews.preview);
        const rendered = await waitFor('the webview to draw the matrix', () =>
            preview.lastRendered?.cells['3x4']?.includes('Ransomware') && preview.lastRendered);
        assert.equal(rendered.mode, 'inherent');
        assert.ok(rendered.cells['3x3'].includes('Meadow-Flood'));
        assert.ok(rendered.cells['2x4'].includes('PMS-Outage'));
        const drawn = Object.values(rendered.cells).flat();
        for (const risk of preview.model!.model.risks) assert.ok(drawn.includes(risk.name), `${risk.name} is not drawn`);
        assert.equal(Object.keys(rendered.cells).length, 16, 'the default 4×4 grid');
    });

    test('the residual switch moves mitigated risks to their residual cell', async () => {
        const preview = api.previews.preview!;
        await preview.setMode('residual');
        await waitFor('the residual picture', () => preview.lastRendered?.mode === 'residual'
            && preview.lastRendered.cells['2x3']?.includes('Ransomware'));
        await preview.setMode('inherent');
        await waitFor('the inherent picture again', () => preview.lastRendered?.mode === 'inherent');
    });

    test('clicking a risk in the preview reveals it in the editor', async () => {
        const preview = api.previews.preview!;
        const declaration = find(document, 'risk Meadow-Flood').translate(0, 'risk '.length);
        await preview.activate('risk', 'Meadow-Flood');
        const editor = await waitFor('the editor to select Meadow-Flood', () => {
            const active = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === document.uri.toString());
            return active?.selection.start.isEqual(declaration) && active;
        });
        assert.equal(editor.document.getText(editor.selection), 'Meadow-Flood');
    });

    test('an edit that changes a likelihood moves the risk in the matrix', async () => {
        const preview = api.previews.preview!;
        const risk = find(document, 'risk Meadow-Flood');
        const level = find(document, 'likelihood 3', document.offsetAt(risk)).translate(0, 'likelihood '.length);
        await replace(document, level, 1, '1');
        await waitFor('Meadow-Flood in cell 1x3', () => preview.lastRendered?.cells['1x3']?.includes('Meadow-Flood')
            && !preview.lastRendered.cells['3x3'].includes('Meadow-Flood'));
        await replace(document, level, 1, '3');
        await waitFor('Meadow-Flood back in cell 3x3', () => preview.lastRendered?.cells['3x3']?.includes('Meadow-Flood'));
    });

    test('while the plan has a syntax error the last picture stays, marked stale', async () => {
        const preview = api.previews.preview!;
        const risk = find(document, 'risk Meadow-Flood');
        await replace(document, risk, 0, '}}} ');
        await waitFor('the stale mark', () => preview.lastRendered?.stale === true);
        assert.ok(preview.lastRendered!.cells['3x3'].includes('Meadow-Flood'), 'the last good picture stays');
        await replace(document, risk, 4, '');
        await waitFor('a fresh picture', () => preview.lastRendered?.stale === false);
    });

    test('the commands are contributed, export included', async () => {
        const commands = await vscode.commands.getCommands(true);
        for (const command of ['pra.export', 'pra.preview.open', 'pra.preview.openToSide', 'pra.newPlan', 'pra.showGaps']) {
            assert.ok(commands.includes(command), `${command} missing`);
        }
    });

    test('the export request writes the plan beside where it is asked', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'pra-export-'));
        try {
            const target = join(folder, 'plan.md');
            const params: ExportParams = { uri: exampleUri('cabinet-martin/plan.pra').toString(), format: 'md', target };
            const result = await api.client.sendRequest<ExportOutcome>(exportRequest.method, params);
            assert.ok('written' in result, 'refused' in result ? result.refused : 'no answer');
            assert.equal(result.written, target);
            assert.ok(existsSync(target) && readFileSync(target, 'utf8').includes('Cabinet Martin'));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    test('the status bar counts the open gaps of the active plan', async () => {
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const count = await waitFor('the open-gap count', () => api.statusBar.openGaps);
        assert.equal(count, api.previews.preview?.model?.model.openGaps);
    });

    test('redraw time after an edit on the largest example (reported, not asserted)', async () => {
        const largest = await vscode.workspace.openTextDocument(exampleUri('cabinet-martin/plan.pra'));
        await vscode.window.showTextDocument(largest, vscode.ViewColumn.One);
        const preview = api.previews.preview!;
        await waitFor('the cabinet-martin picture', () => preview.uri.toString() === largest.uri.toString()
            && preview.model?.model.rootUri === largest.uri.toString() && preview.lastRendered);
        const risk = preview.model!.model.risks.find(r => r.inherent && r.inherent.likelihood > 1)!;
        const at = find(largest, `risk ${risk.name}`);
        const level = find(largest, 'likelihood', largest.offsetAt(at));
        const digit = find(largest, String(risk.inherent!.likelihood), largest.offsetAt(level));
        const samples: number[] = [];
        for (let i = 0; i < 9; i++) {
            const value = i % 2 === 0 ? 1 : risk.inherent!.likelihood;
            const key = `${value}x${risk.inherent!.impact}`;
            await new Promise(resolve => setTimeout(resolve, 250));
            const start = Date.now();
            await replace(largest, digit, 1, String(value));
            await waitFor(`${risk.name} in ${key}`, () => preview.lastRendered?.cells[key]?.includes(risk.name));
            samples.push(Date.now() - start);
        }
        const measured = `median ${median(samples)} ms over ${samples.length} edits (${samples.join(', ')})`;
        console.log(`PRA-MEASURE edit-to-redraw on cabinet-martin/plan.pra: ${measured}`);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });
});
