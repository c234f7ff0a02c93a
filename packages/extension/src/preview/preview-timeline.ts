import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { simulateRequest, type PreviewView, type TimelineContent, type ToWebviewMessage } from 'pra-language/protocol';
import { sendRequest } from '../send-request.js';
import { localMinute, timelineContent, timelineUris } from './timeline-content.js';

/**
 * The Timeline view of a preview: which view is shown, the scenario picked (the names that fail and
 * when), and the server's answer for it, asked again each time the plan is redrawn. The scenario
 * stays picked across edits; when its elements leave the plan, the view says so.
 */
export class PreviewTimeline {
    private shown: PreviewView;
    private scenario: { down: string[]; at: string } | undefined;
    private current: TimelineContent = { state: 'none' };
    private markdown: string | undefined;
    private ticket = 0;

    constructor(private readonly client: LanguageClient, private readonly post: (message: ToWebviewMessage) => Thenable<boolean>,
        private readonly documentUri: () => string, restored?: { view?: PreviewView; down?: string[] }) {
        this.shown = restored?.view ?? 'plan';
        if (restored?.down?.length) this.scenario = { down: [...restored.down], at: localMinute() };
    }

    get view(): PreviewView { return this.shown; }
    get content(): TimelineContent { return this.current; }
    /** The files the page may reveal a place in because the chart shows it. */
    get uris(): string[] { return timelineUris(this.current); }

    /** Shows the Timeline view with the outage of `down`, from this minute. */
    show(down: readonly string[]): Promise<void> {
        this.shown = 'timeline';
        void this.post({ type: 'showView', view: 'timeline' });
        return this.pick(down);
    }

    /** The plan's view (matrix, coverage, gaps): what the preview commands open on. */
    showPlan(): void {
        this.shown = 'plan';
        void this.post({ type: 'showView', view: 'plan' });
    }

    /** The user switched views in the page. */
    setView(view: PreviewView): Promise<void> {
        this.shown = view;
        return this.refresh();
    }

    /** A new scenario, simulated from this minute. */
    pick(down: readonly string[]): Promise<void> {
        this.scenario = { down: [...down], at: localMinute() };
        return this.refresh();
    }

    /** The page (re)loaded: what it shows, again. */
    resend(): void {
        void this.post({ type: 'showView', view: this.shown });
        if (this.current.state !== 'none') void this.post({ type: 'timeline', timeline: this.current });
        else void this.refresh();
    }

    /** Another plan: its elements are others, nothing is picked. */
    reset(): void {
        this.scenario = undefined;
        this.markdown = undefined;
        this.ticket++;
        this.current = { state: 'none' };
        void this.post({ type: 'timeline', timeline: this.current });
    }

    /** Asks the server again (the plan changed): only while the Timeline view is shown, the last answer wins. */
    async refresh(): Promise<void> {
        const scenario = this.scenario;
        if (!scenario || this.shown !== 'timeline') return;
        const ticket = ++this.ticket;
        let content: TimelineContent;
        try {
            const params = { uri: this.documentUri(), down: scenario.down, at: scenario.at };
            const answer = await sendRequest(this.client, simulateRequest, params);
            if (ticket !== this.ticket || !answer) return;
            content = timelineContent(scenario.down, answer);
            this.markdown = 'markdown' in answer ? answer.markdown : undefined;
        } catch (error) {
            if (ticket !== this.ticket) return;
            content = { state: 'refused', down: scenario.down, reason: error instanceof Error ? error.message : String(error) };
            this.markdown = undefined;
        }
        this.current = content;
        await this.post({ type: 'timeline', timeline: content });
    }

    /** The timeline shown, as the Markdown the server wrote, in a document beside. */
    async openMarkdown(): Promise<void> {
        if (this.markdown === undefined) return;
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: this.markdown });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
}
