import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewModelRequest } from 'pra-language/protocol';
import { sendRequest } from './send-request.js';

/** The number of open gaps of the active plan, in the status bar; a click shows them. */
export class GapStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('pra.gaps', vscode.StatusBarAlignment.Left, 50);
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** The count shown, for the tests. */
    openGaps: number | undefined;

    constructor(private readonly client: LanguageClient) {
        this.item.name = vscode.l10n.t('PRA open gaps');
        this.item.command = 'pra.showGaps';
        this.disposables.push(
            this.item,
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.languages.onDidChangeDiagnostics(() => this.schedule(300))
        );
        this.schedule(0);
    }

    private schedule(delay: number): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.update(); }, delay);
    }

    private async update(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        if (document?.languageId !== 'pra') { this.item.hide(); return; }
        try {
            const result = await sendRequest(this.client, previewModelRequest, { uri: document.uri.toString() });
            if (!result) { this.item.hide(); return; }
            const count = result.model.openGaps;
            this.openGaps = count;
            this.item.text = count === 0 ? `$(pass) ${vscode.l10n.t('PRA: no open gap')}`
                : `$(warning) ${count === 1 ? vscode.l10n.t('PRA: 1 open gap') : vscode.l10n.t('PRA: {0} open gaps', count)}`;
            this.item.tooltip = result.model.gapSummary.map(s => `${s.count} × ${s.title}`).join('\n') || undefined;
            this.item.show();
        } catch {
            this.item.hide();
        }
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}
