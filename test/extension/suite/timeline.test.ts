import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PraExtensionApi } from '../../../packages/extension/src/extension.js';
import type { PreviewPanel } from '../../../packages/extension/src/preview/preview-panel.js';
import { waitFor } from './wait.js';

// Issue 13 in a real VS Code: the "Simulate outage" lens opens the preview on its Timeline view, the
// server's chart is drawn (one row per activity hit), redrawn as the plan is edited, says so when
// the element simulated leaves the plan, and a click on a bar reveals the element in the editor.

suite('PRA Timeline view in a real VS Code', () => {
    let api: PraExtensionApi;
    let document: vscode.TextDocument;
    let original: string;

    const rendered = (preview: PreviewPanel, what: string, ok: (rows: string[], state: string) => boolean) =>
        waitFor(what, () => {
            const last = preview.lastTimelineRendered;
            return last && ok(last.rows, last.state) && last;
        });

    async function replaceFirst(text: string, by: string): Promise<void> {
        const offset = document.getText().indexOf(text);
        assert.ok(offset >= 0, `"${text}" not found`);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length)), by);
        assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was refused');
    }

    suiteSetup(async () => {
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert.ok(folder, 'the tests need the examples folder open as the workspace');
        document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'clinique-vet/plan.pra'));
        // As on disk: the text the teardown saves back (the suites before may leave the editor's copy edited).
        original = readFileSync(document.uri.fsPath, 'utf8');
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const extension = vscode.extensions.getExtension<PraExtensionApi>('pra-team.pra');
        assert.ok(extension, 'pra-team.pra is not installed');
        api = await waitFor('the extension to activate', () => extension.isActive && extension.exports, 60_000);
    });

    suiteTeardown(async () => {
        if (document.getText() !== original) {
            const edit = new vscode.WorkspaceEdit();
            edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
            await vscode.workspace.applyEdit(edit);
        }
        // Saved as it was: no backup of an edited copy for the UI pass that opens the same workspace next.
        if (document.isDirty) await document.save();
        await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('the lens above an asset opens the preview on its Timeline view, a row per activity hit', async () => {
        const lenses = await waitFor('code lenses of clinique-vet', async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
            return found && found.length > 0 && found;
        });
        const line = document.positionAt(document.getText().indexOf('asset PMS ')).line;
        const lens = lenses.find(l => l.range.start.line === line && l.command?.title === 'Simulate outage');
        assert.ok(lens?.command, `no Simulate outage lens on line ${line + 1}`);
        assert.deepEqual(lens.command.arguments, [document.uri.toString(), 'PMS']);
        await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments!);
        const preview = await waitFor('the preview', () => api.previews.preview);
        const drawn = await rendered(preview, 'the timeline of PMS', (rows, state) => state === 'view' && rows.length > 0);
        assert.equal(preview.view, 'timeline');
        assert.deepEqual(drawn.down, ['PMS']);
        assert.deepEqual(drawn.rows, ['Emergency-Care', 'Consultations', 'Billing']);
        const content = preview.timelineContent;
        assert.ok(content.state === 'view');
        assert.deepEqual(content.view.rows.map(r => r.activity), drawn.rows, 'the page draws the server\'s rows');
    });

    test('clicking a bar reveals its activity in the editor', async () => {
        const preview = api.previews.preview!;
        assert.ok(await preview.activate('bar', 'Billing'));
        const line = document.positionAt(document.getText().indexOf('activity Billing ')).line;
        const editor = await waitFor('the cursor on activity Billing', () => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === document.uri.toString() && active.selection.active.line === line && active;
        });
        assert.equal(editor.document.getText(editor.selection), 'Billing');
    });

    test('is redrawn as the plan is edited, with the same scenario', async () => {
        const preview = api.previews.preview!;
        await replaceFirst('uses    PMS, Phone-System, Workstations', 'uses    Phone-System, Workstations');
        await rendered(preview, 'Emergency-Care no longer hit', rows => rows.join() === 'Consultations,Billing');
        assert.deepEqual(preview.lastTimelineRendered!.down, ['PMS']);
        await replaceFirst('uses    Phone-System, Workstations', 'uses    PMS, Phone-System, Workstations');
        await rendered(preview, 'Emergency-Care hit again', rows => rows.join() === 'Emergency-Care,Consultations,Billing');
    });

    test('says so when the element simulated leaves the plan, and draws it again when it is back', async () => {
        const preview = api.previews.preview!;
        await replaceFirst('asset PMS ', 'asset PMX ');
        await rendered(preview, 'PMS gone', (rows, state) => state === 'vanished' && rows.length === 0);
        const content = preview.timelineContent;
        assert.ok(content.state === 'vanished');
        assert.deepEqual(content.down, ['PMS'], 'the scenario stays picked');
        assert.equal(content.unknown[0].name, 'PMS');
        await replaceFirst('asset PMX ', 'asset PMS ');
        await rendered(preview, 'PMS back', (rows, state) => state === 'view' && rows.length === 3);
    });
});
