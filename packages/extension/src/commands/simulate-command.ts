import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { simulateRequest, type SimulationAnswer } from 'pra-language/protocol';
import { sendRequest } from '../send-request.js';
import { activePraDocument } from './active-document.js';

/**
 * PRA: Simulate Outage… — run by the code lens above an asset, site or risk (with the document and
 * the name), or from the palette (the names are asked). The language server simulates; the timeline
 * opens beside as Markdown, in the plan's language.
 */
export async function simulateOutage(client: LanguageClient, uri?: unknown, name?: unknown): Promise<void> {
    const documentUri = typeof uri === 'string' ? uri : activePraDocument()?.uri.toString();
    if (!documentUri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pra plan to simulate an outage.'));
        return;
    }
    const names = typeof name === 'string' ? name : await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Assets, sites or risks that fail, separated by commas')
    });
    const down = (names ?? '').split(',').map(n => n.trim()).filter(n => n !== '');
    if (down.length === 0) return;
    let answer: SimulationAnswer | null;
    try {
        answer = await sendRequest(client, simulateRequest, { uri: documentUri, down });
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The simulation failed: {0}', reason));
        return;
    }
    if (!answer) return;
    if ('refused' in answer) {
        void vscode.window.showErrorMessage(answer.refused);
        return;
    }
    if ('unknown' in answer) {
        const list = answer.unknown.map(u => u.close.length > 0 ? `${u.name} (${u.close.join(', ')})` : u.name).join('; ');
        void vscode.window.showWarningMessage(vscode.l10n.t('No asset, site or risk of the plan is named {0}', list));
        return;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: answer.markdown });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
