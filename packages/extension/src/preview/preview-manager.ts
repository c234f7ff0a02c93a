import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewPageState } from 'pra-language/protocol';
import { PreviewPanel, previewViewType } from './preview-panel.js';

/** The preview of the active `.pra` editor: opened by the commands, restored after a reload. */
export class PreviewManager implements vscode.Disposable {
    private current: PreviewPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(previewViewType, {
                deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state)
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'pra') this.current?.showDocument(editor.document.uri);
            })
        );
    }

    get preview(): PreviewPanel | undefined { return this.current; }

    open(uri: vscode.Uri, toSide: boolean): PreviewPanel {
        const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        if (this.current) {
            this.current.showDocument(uri);
            this.current.panel.reveal(column, toSide);
            return this.current;
        }
        const panel = vscode.window.createWebviewPanel(previewViewType, 'PRA', { viewColumn: column, preserveFocus: toSide }, {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')]
        });
        return this.adopt(new PreviewPanel(panel, this.context.extensionUri, this.client, uri));
    }

    private restore(panel: vscode.WebviewPanel, state: unknown): void {
        const saved = state as PreviewPageState | undefined;
        const uri = typeof saved?.documentUri === 'string' ? vscode.Uri.parse(saved.documentUri)
            : vscode.window.activeTextEditor?.document.uri;
        if (!uri || this.current) { panel.dispose(); return; }
        const mode = saved?.mode === 'residual' || saved?.mode === 'inherent' ? saved.mode : undefined;
        const view = saved?.view === 'timeline' ? 'timeline' : 'plan';
        const down = saved?.timeline && 'down' in saved.timeline && Array.isArray(saved.timeline.down)
            ? saved.timeline.down.filter((n: unknown): n is string => typeof n === 'string' && n.length < 1000) : undefined;
        this.adopt(new PreviewPanel(panel, this.context.extensionUri, this.client, uri, mode, { view, down }));
    }

    private adopt(preview: PreviewPanel): PreviewPanel {
        this.current = preview;
        preview.panel.onDidDispose(() => { if (this.current === preview) this.current = undefined; });
        return preview;
    }

    dispose(): void {
        this.current?.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}
