import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportRequest, type ExportFormat, type ExportOutcome, type ExportParams } from 'pra-language/protocol';
import { sendRequest } from '../send-request.js';
import { activePraDocument } from './active-document.js';

interface FormatItem extends vscode.QuickPickItem { format: ExportFormat; extension: string }

/**
 * What Export Plan… asks and tells: VS Code's own boxes, dialogs and notifications, or a script in the integration
 * tests, which answers them as a user would and keeps what was asked and offered.
 */
export interface ExportPrompts {
    pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
    save(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
    /** A modal question (the refusal of a plan with errors). */
    ask(message: string, ...choices: string[]): Thenable<string | undefined>;
    /** The notice once the file is written, with what the reader may do next. */
    tell(message: string, ...choices: string[]): Thenable<string | undefined>;
}

export const windowExportPrompts: ExportPrompts = {
    pick: (items, options) => vscode.window.showQuickPick(items, options),
    save: options => vscode.window.showSaveDialog(options),
    ask: (message, ...choices) => vscode.window.showWarningMessage(message, { modal: true }, ...choices),
    tell: (message, ...choices) => vscode.window.showInformationMessage(message, ...choices)
};

function formatItems(): FormatItem[] {
    return [
        { label: 'Word (.docx)', description: vscode.l10n.t('document to print and sign'), format: 'docx', extension: 'docx' },
        { label: 'PDF (.pdf)', description: vscode.l10n.t('document to send as it is'), format: 'pdf', extension: 'pdf' },
        { label: 'HTML (.html)', description: vscode.l10n.t('page for the intranet'), format: 'html', extension: 'html' },
        { label: 'Markdown (.md)', description: vscode.l10n.t('text for a wiki'), format: 'md', extension: 'md' },
        { label: 'JSON (.json)', description: vscode.l10n.t('data for other tools'), format: 'json', extension: 'json' }
    ];
}

/** The editor runs in a browser (code-server, vscode.dev): a file of the remote machine cannot be handed to the system. */
const inBrowser = (): boolean => vscode.env.uiKind === vscode.UIKind.Web;

/**
 * Asks the server to write the document; a refusal for errors in the plan is worded here, in the
 * editor's language, and offers a draft; an existing file (already confirmed in the save dialog) is replaced.
 */
async function write(client: LanguageClient, params: ExportParams, prompts: ExportPrompts): Promise<ExportOutcome | undefined> {
    let result = await sendRequest(client, exportRequest, params);
    if (!('refused' in result)) return result;
    if (!result.canForce) {
        void vscode.window.showErrorMessage(result.refused);
        return undefined;
    }
    if (result.errorCount !== undefined) {
        const draft = vscode.l10n.t('Export a draft');
        const question = result.errorCount === 1
            ? vscode.l10n.t(
                'The plan still has 1 error. Correct it (see the Problems panel), or export a draft marked DRAFT on every page.'
            )
            : vscode.l10n.t(
                'The plan still has {0} errors. Correct them (see the Problems panel), or export a draft marked DRAFT on every page.',
                result.errorCount
            );
        if (await prompts.ask(question, draft) !== draft) return undefined;
    }
    // With no error in the plan, the only refusal left that force lifts is an existing file, which the save dialog confirmed.
    result = await sendRequest(client, exportRequest, { ...params, force: true });
    if ('refused' in result) {
        void vscode.window.showErrorMessage(result.refused);
        return undefined;
    }
    return result;
}

/** Opens a written document the way its format is read: rendered, never as source, never a remote link handed to the browser. */
async function openDocument(written: vscode.Uri, format: ExportFormat): Promise<void> {
    if (format === 'md') {
        await vscode.commands.executeCommand('markdown.showPreview', written);
    } else if (format === 'json') {
        await vscode.window.showTextDocument(written, { viewColumn: vscode.ViewColumn.Beside });
    } else if (format === 'html' && inBrowser()) {
        // The exported page has no script and no outside resource: shown as it is in a webview.
        const panel = vscode.window.createWebviewPanel('pra.exportedHtml', path.basename(written.fsPath), vscode.ViewColumn.Beside,
            { enableScripts: false, localResourceRoots: [] });
        panel.webview.html = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
    } else {
        // Word, PDF and HTML on the desktop: the system's application (the browser for HTML).
        await vscode.env.openExternal(written);
    }
}

async function revealDocument(written: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand(inBrowser() ? 'revealInExplorer' : 'revealFileInOS', written);
}

/**
 * PRA: Export Plan… — format, then where to save (beside the plan), then the language server writes it.
 * Resolves once the notice is shown (not when it is answered), with the path written, if any.
 */
export async function exportPlan(
    client: LanguageClient, resource?: vscode.Uri, prompts = windowExportPrompts
): Promise<string | undefined> {
    const uri = resource instanceof vscode.Uri ? resource : activePraDocument()?.uri;
    if (!uri || uri.scheme !== 'file') {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a saved .pra plan to export it.'));
        return undefined;
    }
    const item = await prompts.pick(formatItems(), { placeHolder: vscode.l10n.t('Export the plan as…') });
    if (!item) return undefined;
    const proposed = vscode.Uri.file(uri.fsPath.replace(/\.pra$/i, '') + '.' + item.extension);
    const target = await prompts.save({ defaultUri: proposed, filters: { [item.label]: [item.extension] } });
    if (!target) return undefined;
    await vscode.workspace.saveAll(false);
    const lang = vscode.workspace.getConfiguration('pra').get<string>('language');
    const params: ExportParams = {
        uri: uri.toString(), format: item.format, target: target.fsPath,
        ...(lang === 'fr' || lang === 'en' ? { lang } : {})
    };
    let result: ExportOutcome | undefined;
    try {
        result = await write(client, params, prompts);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The export failed: {0}', reason));
        return undefined;
    }
    if (!result || 'refused' in result) return undefined;
    const written = vscode.Uri.file(result.written);
    const name = path.basename(result.written);
    // Nothing opens by itself: the reader chooses (in a browser-hosted editor a Word or PDF file can only be revealed).
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal');
    const choices = inBrowser() && (item.format === 'docx' || item.format === 'pdf' || item.format === 'xlsx') ? [reveal] : [open, reveal];
    const message = result.draft
        ? vscode.l10n.t('{0} written, marked as a draft: the plan still has errors.', name)
        : vscode.l10n.t('{0} written.', name);
    void Promise.resolve(prompts.tell(message, ...choices)).then(async choice => {
        if (choice === open) await openDocument(written, item.format);
        else if (choice === reveal) await revealDocument(written);
    });
    return result.written;
}
