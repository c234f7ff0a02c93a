import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { acceptFindingRequest, type GapItem } from 'pra-language/protocol';
import { windowPrompts, type Prompts } from '../prompts.js';
import { sendRequest } from '../send-request.js';
import type { GapNode, GapsView } from './gaps-view.js';

/** The kind the server gives "Accept this finding…" (pra-code-action-provider.ts): offered as "Accept…" instead. */
const acceptKind = vscode.CodeActionKind.QuickFix.append('accept');

const rangeOf = (item: GapItem): vscode.Range => new vscode.Range(
    item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);

const codeOf = (diagnostic: vscode.Diagnostic): string | undefined =>
    typeof diagnostic.code === 'object' ? String(diagnostic.code.value)
        : diagnostic.code === undefined ? undefined : String(diagnostic.code);

/** What the view's commands do with a finding: show it, repair it with its quick fixes, accept it. */
export class GapsActions {
    constructor(private readonly client: LanguageClient, private readonly view: GapsView) {}

    /**
     * The finding a command acts on: the row it was given, else the row selected. VS Code gives no row when
     * the command comes from a key binding, or when the row clicked was redrawn meanwhile (the findings
     * changed): acting on the selection then, or saying nothing is selected, beats an exception.
     */
    private gapOf(node: GapNode | GapItem | undefined): GapItem | undefined {
        if (node) return 'type' in node ? (node.type === 'gap' ? node.item : undefined) : node;
        const selected = this.view.selectedGap;
        if (!selected) void vscode.window.showInformationMessage(vscode.l10n.t('Select a finding in the Gaps view first.'));
        return selected;
    }

    /** Opens the finding's file with its range selected (a click on the finding). */
    async reveal(node?: GapNode | GapItem): Promise<vscode.TextEditor | undefined> {
        const item = this.gapOf(node);
        if (!item) return undefined;
        const range = rangeOf(item);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(item.uri), { selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return editor;
    }

    /** The quick fixes the language server offers for this finding, "Accept this finding…" aside. */
    async fixes(item: GapItem): Promise<vscode.CodeAction[]> {
        const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
            'vscode.executeCodeActionProvider', vscode.Uri.parse(item.uri), rangeOf(item), vscode.CodeActionKind.QuickFix.value) ?? [];
        const isAction = (action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction =>
            !('command' in action && typeof action.command === 'string');
        return actions.filter(isAction)
            .filter(action => !(action.kind && acceptKind.contains(action.kind)))
            .filter(action => !action.diagnostics || action.diagnostics.some(d => codeOf(d) === item.code));
    }

    /** The finding's quick fixes in a list: the one chosen is applied. */
    async fix(node?: GapNode, prompts: Prompts = windowPrompts): Promise<boolean> {
        const item = this.gapOf(node);
        if (!item) return false;
        const fixes = await this.fixes(item);
        if (fixes.length === 0) {
            const text = vscode.l10n.t('No quick fix for {0}: edit the plan, or accept the finding.', item.code);
            void vscode.window.showInformationMessage(text);
            return false;
        }
        const chosen = await prompts.pick(fixes.map(action => ({ label: action.title, action })),
            { title: vscode.l10n.t('Fix {0}', item.code), placeHolder: item.message });
        if (!chosen) return false;
        if (chosen.action.edit && !await vscode.workspace.applyEdit(chosen.action.edit)) return false;
        const command = chosen.action.command;
        if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
        void this.view.refresh();
        return true;
    }

    /**
     * Accept…: asks why and who (a role of the plan), then writes the `accept` line the server gives
     * (the "Accept this finding…" quick fix's own logic, with these answers).
     */
    async accept(node?: GapNode, prompts: Prompts = windowPrompts): Promise<boolean> {
        const item = this.gapOf(node);
        if (!item?.acceptable) return false;
        const roles = this.view.current?.roles ?? [];
        if (roles.length === 0) {
            void vscode.window.showWarningMessage(vscode.l10n.t('The plan declares no role: add the role who accepts the finding first.'));
            return false;
        }
        const title = vscode.l10n.t('Accept {0}', item.code);
        const reason = (await prompts.input({
            title, prompt: vscode.l10n.t('Why is this finding accepted? (written in the plan)'),
            placeHolder: item.message,
            validateInput: value => value.trim() ? undefined : vscode.l10n.t('The reason is needed: an auditor will read it.')
        }))?.trim();
        if (!reason) return false;
        const by = await prompts.pick(roles.map(role => ({ label: role })),
            { title, placeHolder: vscode.l10n.t('Who accepts it? (a role of the plan)') });
        if (!by) return false;
        const result = await sendRequest(this.client, acceptFindingRequest,
            { uri: item.uri, code: item.code, range: item.range, reason, by: by.label });
        if (!result.edit) {
            void vscode.window.showErrorMessage(result.refused ?? vscode.l10n.t('The finding could not be accepted.'));
            return false;
        }
        const edit = await this.client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
        if (!await vscode.workspace.applyEdit(edit)) return false;
        void this.view.refresh();
        return true;
    }
}
