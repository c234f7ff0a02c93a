import * as vscode from 'vscode';

/** The `.pra` document of the active editor, or of the visible one when a preview has the focus. */
export function activePraDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'pra') return active;
    return vscode.window.visibleTextEditors.find(e => e.document.languageId === 'pra')?.document;
}
