import * as vscode from 'vscode';
import type { PreviewManager } from '../preview/preview-manager.js';
import { activePraDocument } from './active-document.js';

/**
 * PRA: Simulate Outage… — run by the code lens above an asset, site or risk (with the document and
 * the name), or from the palette (the names are asked). The preview opens beside on its Timeline
 * view, which the language server computes (`pra/simulate`) and redraws as the plan is edited; the
 * view also opens the timeline as Markdown.
 */
export async function simulateOutage(previews: PreviewManager, uri?: unknown, name?: unknown): Promise<void> {
    const documentUri = typeof uri === 'string' ? vscode.Uri.parse(uri) : activePraDocument()?.uri;
    if (!documentUri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a .pra plan to simulate an outage.'));
        return;
    }
    const names = typeof name === 'string' ? name : await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Assets, sites or risks that fail, separated by commas')
    });
    const down = (names ?? '').split(',').map(n => n.trim()).filter(n => n !== '');
    if (down.length === 0) return;
    await previews.open(documentUri, true).showTimeline(down);
}
