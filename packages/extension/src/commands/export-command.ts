import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportRequest, type ExportFormat, type ExportOutcome, type ExportParams } from 'pra-language/protocol';
import { sendRequest } from '../send-request.js';
import { activePraDocument } from './active-document.js';

interface FormatItem extends vscode.QuickPickItem { format: ExportFormat; extension: string }

function formatItems(): FormatItem[] {
    return [
        { label: 'Word (.docx)', description: vscode.l10n.t('document to print and sign'), format: 'docx', extension: 'docx' },
        { label: 'HTML (.html)', description: vscode.l10n.t('page for the intranet'), format: 'html', extension: 'html' },
        { label: 'Markdown (.md)', description: vscode.l10n.t('text for a wiki'), format: 'md', extension: 'md' },
        { label: 'JSON (.json)', description: vscode.l10n.t('data for other tools'), format: 'json', extension: 'json' }
    ];
}

/** PRA: Export Plan… — format, then where to save (beside the plan), then the language server writes it. */
export async function exportPlan(client: LanguageClient, resource?: vscode.Uri): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : activePraDocument()?.uri;
    if (!uri || uri.scheme !== 'file') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a saved .pra plan to export it.'));
        return;
    }
    const item = await vscode.window.showQuickPick(formatItems(), { placeHolder: vscode.l10n.t('Export the plan as…') });
    if (!item) return;
    const proposed = vscode.Uri.file(uri.fsPath.replace(/\.pra$/i, '') + '.' + item.extension);
    const target = await vscode.window.showSaveDialog({ defaultUri: proposed, filters: { [item.label]: [item.extension] } });
    if (!target) return;
    await vscode.workspace.saveAll(false);
    const lang = vscode.workspace.getConfiguration('pra').get<string>('language');
    const params: ExportParams = {
        uri: uri.toString(), format: item.format, target: target.fsPath,
        ...(lang === 'fr' || lang === 'en' ? { lang } : {})
    };
    let result: ExportOutcome;
    try {
        result = await sendRequest(client, exportRequest, params);
        if ('refused' in result && !result.canForce) {
            void vscode.window.showErrorMessage(result.refused);
            return;
        }
        if ('refused' in result) {
            const anyway = vscode.l10n.t('Export anyway');
            if (await vscode.window.showWarningMessage(result.refused, { modal: true }, anyway) !== anyway) return;
            result = await sendRequest(client, exportRequest, { ...params, force: true });
        }
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', reason));
        return;
    }
    if ('refused' in result) return;
    const written = vscode.Uri.file(result.written);
    const name = path.basename(result.written);
    if (item.format === 'docx') {
        await vscode.env.openExternal(written);
    } else {
        await vscode.window.showTextDocument(written, { viewColumn: vscode.ViewColumn.Beside });
    }
    void vscode.window.showInformationMessage(result.draft
        ? vscode.l10n.t('{0} written, marked as a draft: the plan still has errors.', name)
        : vscode.l10n.t('{0} written.', name));
}
