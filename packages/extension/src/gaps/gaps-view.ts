import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { gapsRequest, type GapItem, type GapsResult } from 'pra-language/protocol';
import { sendRequest } from '../send-request.js';

/** How the view groups the findings: by the element they are about, or by check. */
export type GapGrouping = 'element' | 'check';

export type GapNode =
    | { type: 'group'; id: string; label: string; description?: string; items: GapItem[]; accepted: boolean }
    | { type: 'gap'; id: string; item: GapItem };

const severityIcons: Readonly<Record<GapItem['severity'], vscode.ThemeIcon>> = {
    error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
    info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
    hint: new vscode.ThemeIcon('lightbulb')
};
const severityRank: Readonly<Record<GapItem['severity'], number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The Gaps view: the findings of the active plan (all its files), as the language server lists them
 * (pra/gaps), grouped by element or by check, the accepted ones in a group of their own. It follows
 * the active `.pra` editor and is refreshed when the diagnostics change. It computes no finding.
 */
export class GapsView implements vscode.TreeDataProvider<GapNode>, vscode.Disposable {
    static readonly viewId = 'pra.gaps';
    private readonly changed = new vscode.EventEmitter<GapNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly refreshed = new vscode.EventEmitter<GapsResult | undefined>();
    /** Fired after each answer of the server is shown (the integration tests wait on it). */
    readonly onDidRefresh = this.refreshed.event;
    private readonly view: vscode.TreeView<GapNode>;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    private uri: vscode.Uri | undefined;
    private roots: GapNode[] = [];
    /** The last list shown. */
    current: GapsResult | undefined;
    grouping: GapGrouping = 'element';

    constructor(private readonly client: LanguageClient) {
        this.view = vscode.window.createTreeView(GapsView.viewId, { treeDataProvider: this, showCollapseAll: true });
        this.disposables.push(
            this.view, this.changed, this.refreshed,
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'pra') this.follow(editor.document.uri);
            }),
            vscode.languages.onDidChangeDiagnostics(() => this.schedule(250))
        );
        void vscode.commands.executeCommand('setContext', 'pra.gaps.groupBy', this.grouping);
        const active = vscode.window.activeTextEditor?.document;
        if (active?.languageId === 'pra') this.follow(active.uri);
        else this.show(undefined);
    }

    /** The row selected in the view, if it is a finding (what a tree command acts on when it is given none). */
    get selectedGap(): GapItem | undefined {
        const node = this.view.selection[0];
        return node?.type === 'gap' ? node.item : undefined;
    }

    /** Shows the plan of this document. */
    follow(uri: vscode.Uri): void {
        this.uri = uri;
        this.schedule(0);
    }

    setGrouping(grouping: GapGrouping): void {
        this.grouping = grouping;
        void vscode.commands.executeCommand('setContext', 'pra.gaps.groupBy', grouping);
        this.show(this.current);
    }

    /** Asks the server again now (after an edit the view made, or on demand). */
    async refresh(): Promise<GapsResult | undefined> {
        if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
        if (!this.uri) return undefined;
        try {
            const result = await sendRequest(this.client, gapsRequest, { uri: this.uri.toString() });
            this.show(result ?? undefined);
        } catch {
            // The server restarts or the document went away: keep the last list.
        }
        return this.current;
    }

    private schedule(delay: number): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, delay);
    }

    private show(result: GapsResult | undefined): void {
        this.current = result;
        this.roots = result ? this.group(result.items) : [];
        const open = result?.items.filter(i => !i.accepted).length ?? 0;
        const accepted = (result?.items.length ?? 0) - open;
        this.view.title = result ? vscode.l10n.t('Gaps ({0})', open) : vscode.l10n.t('Gaps');
        this.view.description = result
            ? (accepted > 0 ? vscode.l10n.t('{0} · {1} accepted', result.title, accepted) : result.title) : undefined;
        const tooltip = open === 1 ? vscode.l10n.t('1 finding to deal with') : vscode.l10n.t('{0} findings to deal with', open);
        this.view.badge = open > 0 ? { value: open, tooltip } : undefined;
        // Without a plan the view's welcome content (package.json) speaks; with one, say when it is clean.
        this.view.message = result && result.items.length === 0 ? vscode.l10n.t('No finding: the plan passes every check.') : undefined;
        this.changed.fire(undefined);
        this.refreshed.fire(result);
    }

    private group(items: readonly GapItem[]): GapNode[] {
        const open = items.filter(i => !i.accepted);
        const groups = new Map<string, GapNode & { type: 'group' }>();
        for (const item of open) {
            const key = this.grouping === 'element' ? `element:${item.group}` : `check:${item.code}`;
            let group = groups.get(key);
            if (!group) {
                group = {
                    type: 'group', id: key, accepted: false, items: [],
                    label: this.grouping === 'element' ? item.group : item.title,
                    description: this.grouping === 'check' ? item.code : undefined
                };
                groups.set(key, group);
            }
            group.items.push(item);
        }
        const worst = (group: { items: GapItem[] }): number => Math.min(...group.items.map(i => severityRank[i.severity]));
        const nodes: GapNode[] = [...groups.values()].sort((a, b) => worst(a) - worst(b));
        const accepted = items.filter(i => i.accepted);
        if (accepted.length > 0) {
            nodes.push({ type: 'group', id: 'accepted', label: vscode.l10n.t('Accepted'), items: accepted, accepted: true });
        }
        return nodes;
    }

    getChildren(node?: GapNode): GapNode[] {
        if (!node) return this.roots;
        if (node.type === 'gap') return [];
        return [...node.items]
            .sort((a, b) => severityRank[a.severity] - severityRank[b.severity])
            .map((item, index) => ({ type: 'gap', id: `${node.id}/${index}/${gapId(item)}`, item }));
    }

    getParent(node: GapNode): GapNode | undefined {
        if (node.type === 'group') return undefined;
        return this.roots.find(root => node.id.startsWith(`${root.id}/`));
    }

    getTreeItem(node: GapNode): vscode.TreeItem {
        if (node.type === 'group') {
            const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
            item.id = node.id;
            item.description = node.description ? `${node.description} · ${node.items.length}` : String(node.items.length);
            item.iconPath = node.accepted ? new vscode.ThemeIcon('pass') : severityIcons[node.items.reduce(
                (w, i) => severityRank[i.severity] < severityRank[w] ? i.severity : w, 'hint' as GapItem['severity'])];
            item.contextValue = node.accepted ? 'pra.gapGroup.accepted' : 'pra.gapGroup';
            return item;
        }
        const gap = node.item;
        const item = new vscode.TreeItem(gap.message, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(gap.uri))}:${gap.range.start.line + 1}`;
        item.description = gap.accepted
            ? vscode.l10n.t('{0} · accepted by {1}', gap.code, gap.accepted.by) + (gap.accepted.until ? ` → ${gap.accepted.until}` : '')
            : this.grouping === 'element' ? gap.code : gap.group;
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown(`**${escapeMarkdown(gap.title)}** \`${gap.code}\`\n\n`);
        tooltip.appendText(gap.message);
        if (gap.accepted) {
            tooltip.appendMarkdown('\n\n');
            tooltip.appendText(vscode.l10n.t('Accepted by {0}: {1}', gap.accepted.by, gap.accepted.reason)
                + (gap.accepted.until ? ` (→ ${gap.accepted.until})` : ''));
        }
        tooltip.appendMarkdown('\n\n');
        tooltip.appendText(where);
        item.tooltip = tooltip;
        item.iconPath = gap.accepted ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
            : severityIcons[gap.severity];
        item.contextValue = gap.accepted ? 'pra.gap.accepted' : gap.acceptable ? 'pra.gap.acceptable' : 'pra.gap';
        item.command = { command: 'pra.gaps.reveal', title: vscode.l10n.t('Show in the plan'), arguments: [node] };
        item.accessibilityInformation = { label: `${gap.severity}: ${gap.message} (${gap.code}, ${where})` };
        return item;
    }

    /** Focuses the view (PRA: Show Gaps). */
    async focus(): Promise<void> {
        await vscode.commands.executeCommand(`${GapsView.viewId}.focus`);
        const active = vscode.window.activeTextEditor?.document;
        if (active?.languageId === 'pra') this.follow(active.uri);
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

function gapId(item: GapItem): string {
    return `${item.uri}#${item.range.start.line}:${item.range.start.character}:${item.code}:${item.element ?? ''}`;
}

function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, c => `\\${c}`);
}
