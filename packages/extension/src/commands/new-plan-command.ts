import * as vscode from 'vscode';
import { planSkeleton } from 'pra-language/skeleton';
import { windowPrompts, type Prompts } from '../prompts.js';

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

function fileNameOf(organisation: string): string {
    const slug = organisation.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return `${slug || 'plan'}.pra`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** Where a new plan goes unless the user says otherwise: the active file's folder, else the workspace root. */
export function defaultPlanFolder(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
    return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The file name as typed, `.pra` added when missing; undefined when it is not a plain file name. */
function planFileName(typed: string): string | undefined {
    const name = typed.trim();
    if (!name || /[\\/:*?"<>|]/.test(name) || name === '.pra') return undefined;
    return /\.pra$/i.test(name) ? name : `${name}.pra`;
}

/**
 * PRA: New Plan… — organisation and language, then the folder (the active file's folder or the
 * workspace root by default) and the file name; an existing file is never overwritten. Writes a
 * skeleton walking the template's six points and opens it. Returns the new file.
 */
export async function newPlan(prompts: Prompts = windowPrompts): Promise<vscode.Uri | undefined> {
    const title = vscode.l10n.t('New PRA plan');
    const organisation = (await prompts.input({
        title, prompt: vscode.l10n.t('Name of the organisation'),
        validateInput: value => value.trim() ? undefined : vscode.l10n.t('The organisation is needed for the plan title.')
    }))?.trim();
    if (!organisation) return undefined;
    const language = await prompts.pick([
        { label: 'Français', lang: 'fr' as const }, { label: 'English', lang: 'en' as const }
    ], { title, placeHolder: vscode.l10n.t('Language of the plan') });
    if (!language) return undefined;
    const [folder] = await prompts.folder({
        title: vscode.l10n.t('Folder of the new plan'), openLabel: vscode.l10n.t('Write the plan here'),
        canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: defaultPlanFolder()
    }) ?? [];
    if (!folder) return undefined;
    const typed = await prompts.input({
        title, prompt: vscode.l10n.t('File name of the plan in {0}', vscode.workspace.asRelativePath(folder)),
        value: fileNameOf(organisation),
        validateInput: async value => {
            const name = planFileName(value);
            if (!name) return vscode.l10n.t('A file name, without a folder: for example plan.pra');
            return await exists(vscode.Uri.joinPath(folder, name))
                ? vscode.l10n.t('{0} already exists: choose another name.', name) : undefined;
        }
    });
    const name = typed === undefined ? undefined : planFileName(typed);
    if (!name) return undefined;
    const target = vscode.Uri.joinPath(folder, name);
    if (await exists(target)) {
        const shown = vscode.workspace.asRelativePath(target);
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists: the new plan was not written.', shown));
        return undefined;
    }
    const today = new Date();
    const nextYear = new Date(today);
    nextYear.setFullYear(today.getFullYear() + 1);
    const text = planSkeleton({ organisation, lang: language.lang, date: isoDate(today), review: isoDate(nextYear) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(target);
    return target;
}
