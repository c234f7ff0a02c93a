import * as vscode from 'vscode';

/**
 * The questions the commands ask (New Plan, Accept…): VS Code's own boxes and dialogs, or a script
 * in the integration tests, which answer them as a user would and check what was asked.
 */
export interface Prompts {
    input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
    pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
    folder(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
}

export const windowPrompts: Prompts = {
    input: options => vscode.window.showInputBox(options),
    pick: (items, options) => vscode.window.showQuickPick(items, options),
    folder: options => vscode.window.showOpenDialog(options)
};
