import * as vscode from 'vscode';

/**
 * Opens the Problems view on the PRA findings. VS Code has no API to type into the Problems filter,
 * so the command focuses the view and then its filter box, where `.pra` narrows it to plans.
 */
export async function showGaps(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.problems.focus');
    await vscode.commands.executeCommand('problems.action.focusFilter').then(undefined, () => undefined);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Type .pra in the filter to show only the plans\' gaps.'), 5000);
}
