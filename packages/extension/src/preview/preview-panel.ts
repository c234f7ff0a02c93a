import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    previewModelRequest, type ElementSpan, type FromWebviewMessage, type PreviewMode, type PreviewModelResult, type PreviewTargetKind,
    type PreviewView, type TimelineContent, type ToWebviewMessage
} from 'pra-language/protocol';
import { previewMatrixSvg, svgMarkup } from 'pra-language/render';
import { sendRequest } from '../send-request.js';
import { previewHtml } from './preview-html.js';
import { parseWebviewMessage } from './preview-messages.js';
import { PreviewTimeline } from './preview-timeline.js';

type RenderedMessage = Extract<FromWebviewMessage, { type: 'rendered' }>;
type TimelineRenderedMessage = Extract<FromWebviewMessage, { type: 'timelineRendered' }>;

export const previewViewType = 'pra.preview';

/** One preview panel showing the plan of a `.pra` document, redrawn as the plan changes. */
export class PreviewPanel implements vscode.Disposable {
    private documentUri: vscode.Uri;
    private result: PreviewModelResult | undefined;
    private stale = false;
    private mode: PreviewMode;
    private lastRequest = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private inFlight = false;
    private again = false;
    private disposed = false;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
    /** Fires each time the webview reports what it drew (the integration tests read it). */
    readonly onDidRender = this.renderedEmitter.event;
    lastRendered: RenderedMessage | undefined;
    private readonly timelineRenderedEmitter = new vscode.EventEmitter<TimelineRenderedMessage>();
    /** Fires each time the webview reports what its Timeline view drew (the integration tests read it). */
    readonly onDidRenderTimeline = this.timelineRenderedEmitter.event;
    lastTimelineRendered: TimelineRenderedMessage | undefined;
    private readonly timeline: PreviewTimeline;

    constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri,
        private readonly client: LanguageClient, documentUri: vscode.Uri, mode?: PreviewMode,
        restored?: { view?: PreviewView; down?: string[] }) {
        this.documentUri = documentUri;
        this.timeline = new PreviewTimeline(client, message => this.post(message), () => this.documentUri.toString(), restored);
        this.mode = mode ?? vscode.workspace.getConfiguration('pra.preview').get<PreviewMode>('defaultView', 'inherent');
        panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'pra-file.svg');
        panel.webview.html = previewHtml(panel.webview, extensionUri, vscode.env.language.startsWith('fr') ? 'fr' : 'en');
        this.updateTitle();
        this.disposables.push(
            panel.webview.onDidReceiveMessage(raw => this.onMessage(raw)),
            panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidChangeTextDocument(e => {
                if (e.contentChanges.length > 0 && this.showsDocument(e.document.uri)) this.scheduleRefresh();
            }),
            vscode.window.onDidChangeTextEditorSelection(e => this.followCursor(e.textEditor))
        );
        this.scheduleRefresh();
    }

    get uri(): vscode.Uri { return this.documentUri; }
    get model(): PreviewModelResult | undefined { return this.result; }
    get view(): PreviewView { return this.timeline.view; }
    /** What the Timeline view shows: the server's last answer for the scenario picked. */
    get timelineContent(): TimelineContent { return this.timeline.content; }

    /** Shows the Timeline view with the simulated outage of `down` (assets, sites or risks of the plan). */
    showTimeline(down: readonly string[]): Promise<void> {
        return this.timeline.show(down);
    }

    /** Shows the plan's view (matrix, coverage, gaps), as the preview commands do. */
    showPlan(): void {
        this.timeline.showPlan();
    }

    /** Shows another document's plan (the preview follows the active `.pra` editor). */
    showDocument(uri: vscode.Uri): void {
        if (uri.toString() === this.documentUri.toString()) return;
        // Another file of the same plan keeps the scenario; another plan has other elements.
        if (!this.showsDocument(uri)) this.timeline.reset();
        this.documentUri = uri;
        this.result = undefined;
        this.updateTitle();
        this.lastRequest = 0;
        this.scheduleRefresh();
    }

    /** Whether an edit of this file changes the picture: the previewed file or any file of its plan. */
    showsDocument(uri: vscode.Uri): boolean {
        const text = uri.toString();
        return text === this.documentUri.toString() || (this.result?.spans.some(s => s.uri === text) ?? false)
            || (this.result?.model.rootUri === text);
    }

    /** The first redraw at once, then at most one per `pra.preview.redrawDelay` ms while typing. */
    scheduleRefresh(): void {
        if (this.disposed || this.timer) return;
        const delay = vscode.workspace.getConfiguration('pra.preview').get<number>('redrawDelay', 200);
        const wait = Math.max(0, this.lastRequest + delay - Date.now());
        this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, wait);
    }

    async refresh(): Promise<void> {
        if (this.inFlight) { this.again = true; return; }
        this.inFlight = true;
        this.lastRequest = Date.now();
        const uri = this.documentUri.toString();
        try {
            const result = await sendRequest(this.client, previewModelRequest, { uri });
            if (this.disposed || uri !== this.documentUri.toString() || !result) return;
            if (result.syntaxErrors > 0 && this.result) {
                // Keep the last good picture, marked stale, while the user is mid-edit.
                this.stale = true;
                void this.post({ type: 'stale', stale: true });
            } else {
                this.result = result;
                this.stale = result.syntaxErrors > 0;
                this.sendModel();
                await this.timeline.refresh();
            }
        } catch (error) {
            if (!this.disposed) console.error('PRA preview:', error);
        } finally {
            this.inFlight = false;
            if (this.again) { this.again = false; this.scheduleRefresh(); }
        }
    }

    /** Runs a preview element's action as a click would (tests, and commands on the preview). */
    activate(kind: PreviewTargetKind, name: string): Thenable<boolean> {
        return this.post({ type: 'activate', kind, name });
    }

    setMode(mode: PreviewMode): Thenable<boolean> {
        this.mode = mode;
        return this.post({ type: 'setMode', mode });
    }

    private sendModel(): void {
        if (!this.result) return;
        const followCursor = vscode.workspace.getConfiguration('pra.preview').get<boolean>('followCursor', true);
        void this.post({
            type: 'model', documentUri: this.documentUri.toString(), model: this.result.model, stale: this.stale, mode: this.mode
        });
        const editor = vscode.window.activeTextEditor;
        if (followCursor && editor) this.followCursor(editor);
    }

    private post(message: ToWebviewMessage): Thenable<boolean> {
        return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
    }

    private followCursor(editor: vscode.TextEditor): void {
        if (!this.result || !vscode.workspace.getConfiguration('pra.preview').get<boolean>('followCursor', true)) return;
        const uri = editor.document.uri.toString();
        const line = editor.selection.active.line;
        let best: ElementSpan | undefined;
        for (const span of this.result.spans) {
            if (span.uri === uri && span.startLine <= line && line <= span.endLine
                && (!best || span.endLine - span.startLine < best.endLine - best.startLine)) best = span;
        }
        void this.post({ type: 'highlight', name: best?.name ?? null });
    }

    private allowedUris(): Set<string> {
        const uris = new Set<string>([this.documentUri.toString()]);
        if (this.result) {
            uris.add(this.result.model.rootUri);
            for (const span of this.result.spans) uris.add(span.uri);
            for (const gap of this.result.model.gaps) uris.add(gap.uri);
        }
        for (const uri of this.timeline.uris) uris.add(uri);
        return uris;
    }

    private async onMessage(raw: unknown): Promise<void> {
        const message = parseWebviewMessage(raw, this.allowedUris());
        if (!message) return;
        switch (message.type) {
            case 'ready': this.sendModel(); this.timeline.resend(); break;
            case 'mode': this.mode = message.mode; break;
            case 'rendered': this.lastRendered = message; this.renderedEmitter.fire(message); break;
            case 'view': await this.timeline.setView(message.view); break;
            case 'scenario': await this.timeline.pick(message.down); break;
            case 'openMarkdown': await this.timeline.openMarkdown(); break;
            case 'timelineRendered': this.lastTimelineRendered = message; this.timelineRenderedEmitter.fire(message); break;
            case 'reveal': await this.reveal(message.uri, message.line, message.character); break;
            case 'saveSvg': await this.saveSvg(); break;
        }
    }

    private async reveal(uri: string, line: number, character: number): Promise<void> {
        const target = vscode.Uri.parse(uri);
        const document = await vscode.workspace.openTextDocument(target);
        const position = document.validatePosition(new vscode.Position(line, character));
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
        const column = visible?.viewColumn
            ?? vscode.window.visibleTextEditors.find(e => e.document.languageId === 'pra')?.viewColumn ?? vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
        const range = document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** The matrix as the preview draws it in the current view, without its page's theme and focus handles. */
    private async saveSvg(): Promise<void> {
        if (!this.result) return;
        const svg = svgMarkup(previewMatrixSvg(this.result.model, this.mode));
        const base = this.documentUri.scheme === 'file'
            ? vscode.Uri.file(this.documentUri.fsPath.replace(/\.pra$/i, '') + '-risk-matrix.svg') : undefined;
        const target = await vscode.window.showSaveDialog({
            defaultUri: base, filters: { SVG: ['svg'] }, title: vscode.l10n.t('Save the risk matrix as SVG')
        });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
        void vscode.window.showInformationMessage(vscode.l10n.t('Risk matrix saved to {0}', vscode.workspace.asRelativePath(target)));
    }

    private updateTitle(): void {
        const name = this.documentUri.path.slice(this.documentUri.path.lastIndexOf('/') + 1);
        this.panel.title = vscode.l10n.t('Preview {0}', name);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        this.renderedEmitter.dispose();
        this.timelineRenderedEmitter.dispose();
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}
