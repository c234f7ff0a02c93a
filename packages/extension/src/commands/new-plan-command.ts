import * as vscode from 'vscode';
import { planSkeleton } from 'pra-language/skeleton';

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

function fileNameOf(organisation: string): string {
    const slug = organisation.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return `${slug || 'plan'}.pra`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** PRA: New Plan… — organisation and language, then a skeleton walking the template's six points. */
export async function newPlan(): Promise<void> {
    const organisation = (await vscode.window.showInputBox({
        title: vscode.l10n.t('New PRA plan'), prompt: vscode.l10n.t('Name of the organisation'),
        validateInput: value => value.trim() ? undefined : vscode.l10n.t('The organisation is needed for the plan title.')
    }))?.trim();
    if (!organisation) return;
    const language = await vscode.window.showQuickPick([
        { label: 'Français', lang: 'fr' as const }, { label: 'English', lang: 'en' as const }
    ], { title: vscode.l10n.t('New PRA plan'), placeHolder: vscode.l10n.t('Language of the plan') });
    if (!language) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target: vscode.Uri | undefined = folder ? vscode.Uri.joinPath(folder, fileNameOf(organisation)) : undefined;
    if (!target || await exists(target)) {
        target = await vscode.window.showSaveDialog({
            defaultUri: target, filters: { PRA: ['pra'] }, title: vscode.l10n.t('Where to write the new plan')
        });
        if (!target) return;
        if (await exists(target)) {
            const overwrite = vscode.l10n.t('Overwrite');
            const answer = await vscode.window.showWarningMessage(
                vscode.l10n.t('{0} already exists. Overwrite it?', vscode.workspace.asRelativePath(target)), { modal: true }, overwrite);
            if (answer !== overwrite) return;
        }
    }
    const today = new Date();
    const nextYear = new Date(today);
    nextYear.setFullYear(today.getFullYear() + 1);
    const text = planSkeleton({ organisation, lang: language.lang, date: isoDate(today), review: isoDate(nextYear) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
}
