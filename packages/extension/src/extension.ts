import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { simulateOutageCommand } from 'pra-language/protocol';
import { activePraDocument } from './commands/active-document.js';
import { exportPlan } from './commands/export-command.js';
import { newPlan } from './commands/new-plan-command.js';
import { showGaps } from './commands/show-gaps-command.js';
import { simulateOutage } from './commands/simulate-command.js';
import { GapStatusBar } from './gap-status-bar.js';
import { GapsActions } from './gaps/gaps-actions.js';
import { GapsView, type GapNode } from './gaps/gaps-view.js';
import type { Prompts } from './prompts.js';
import { startPraClient } from './pra-client.js';
import { PreviewManager } from './preview/preview-manager.js';

/** What the extension returns from `activate`: used by the integration tests. */
export interface PraExtensionApi {
    client: LanguageClient;
    previews: PreviewManager;
    statusBar: GapStatusBar;
    gaps: GapsView;
    gapActions: GapsActions;
    /** PRA: New Plan… with its questions answered by `prompts` (the tests' script). */
    newPlan: (prompts?: Prompts) => Promise<vscode.Uri | undefined>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PraExtensionApi> {
    client = await startPraClient(context);
    const previews = new PreviewManager(context, client);
    const statusBar = new GapStatusBar(client);
    const gaps = new GapsView(client);
    const gapActions = new GapsActions(client, gaps);
    const openPreview = (toSide: boolean) => (resource?: vscode.Uri) => {
        const uri = resource instanceof vscode.Uri ? resource : activePraDocument()?.uri;
        if (!uri) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pra plan to preview it.'));
            return;
        }
        previews.open(uri, toSide).showPlan();
    };
    const praClient = client;
    context.subscriptions.push(
        previews, statusBar, gaps,
        vscode.commands.registerCommand('pra.preview.openToSide', openPreview(true)),
        vscode.commands.registerCommand('pra.preview.open', openPreview(false)),
        vscode.commands.registerCommand('pra.export', (resource?: vscode.Uri) => exportPlan(praClient, resource)),
        vscode.commands.registerCommand('pra.newPlan', () => newPlan()),
        vscode.commands.registerCommand('pra.showGaps', () => showGaps(gaps)),
        vscode.commands.registerCommand('pra.gaps.reveal', (node?: GapNode) => gapActions.reveal(node)),
        vscode.commands.registerCommand('pra.gaps.fix', (node?: GapNode) => gapActions.fix(node)),
        vscode.commands.registerCommand('pra.gaps.accept', (node?: GapNode) => gapActions.accept(node)),
        vscode.commands.registerCommand('pra.gaps.groupByCheck', () => gaps.setGrouping('check')),
        vscode.commands.registerCommand('pra.gaps.groupByElement', () => gaps.setGrouping('element')),
        vscode.commands.registerCommand(simulateOutageCommand, (uri?: unknown, name?: unknown) => simulateOutage(previews, uri, name)),
        vscode.workspace.onDidOpenTextDocument(document => {
            if (document.languageId === 'pra' && !previews.preview
                && vscode.workspace.getConfiguration('pra.preview').get<boolean>('openToTheSideAutomatically', false)) {
                previews.open(document.uri, true);
            }
        })
    );
    return { client, previews, statusBar, gaps, gapActions, newPlan };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
