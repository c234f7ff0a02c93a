// The PRA preview page. It lays out the view model the language server computed (pra/previewModel)
// and computes no figure; the matrix is pra-language/render's drawing. Every plan string goes into a
// text node or an attribute value: nothing from the plan is ever parsed as markup.
import type { PreviewMode, PreviewModel, PreviewTargetKind, PreviewView, TimelineContent, ToWebviewMessage } from 'pra-language/protocol';
import { coverageView, gapSummaryView } from './coverage-view.js';
import { h } from './dom.js';
import { legendView, matrixView } from './matrix-view.js';
import { timelineView } from './timeline-view.js';
import { post, savedState, saveState } from './vscode-api.js';

const app = document.getElementById('app')!;
const saved = savedState();
let model: PreviewModel | undefined = saved.model;
let documentUri = saved.documentUri;
let mode: PreviewMode = saved.mode === 'residual' ? 'residual' : 'inherent';
let stale = saved.stale === true;
let view: PreviewView = saved.view === 'timeline' ? 'timeline' : 'plan';
let timeline: TimelineContent = saved.timeline ?? { state: 'none' };
let highlighted: string | null = null;
/** The pane's width the timeline was last fitted to. */
let drawnWidth = 0;

const isMode = (value: unknown): value is PreviewMode => value === 'inherent' || value === 'residual';
const isView = (value: unknown): value is PreviewView => value === 'plan' || value === 'timeline';

function applyHighlight(): void {
    let first: Element | undefined;
    for (const element of app.querySelectorAll('[data-name]')) {
        const on = highlighted !== null && element.getAttribute('data-name') === highlighted;
        element.classList.toggle('current', on);
        if (on && !first) first = element;
    }
    first?.scrollIntoView({ block: 'nearest' });
}

/** Tells the extension what is drawn where (the integration tests read it). */
function report(): void {
    if (view === 'timeline') {
        const rows = [...app.querySelectorAll('.timeline-view [data-kind="activity"]')].map(r => r.getAttribute('data-name')!);
        post({ type: 'timelineRendered', state: timeline.state, down: timeline.state === 'none' ? [] : timeline.down, rows });
        return;
    }
    const cells: Record<string, string[]> = {};
    for (const cell of app.querySelectorAll('[data-cell]')) {
        cells[cell.getAttribute('data-cell')!] = [...cell.querySelectorAll('[data-risk]')].map(c => c.getAttribute('data-risk')!);
    }
    const tray = [...app.querySelectorAll('[data-tray-risk]')].map(t => t.getAttribute('data-tray-risk')!);
    post({ type: 'rendered', mode, stale, cells, tray });
}

function modeButton(shown: PreviewModel, value: PreviewMode): HTMLElement {
    const button = h('button', { type: 'button', 'aria-pressed': String(mode === value), 'data-mode': value }, shown.labels[value]);
    button.addEventListener('click', () => { mode = value; post({ type: 'mode', mode }); render(); });
    return button;
}

/** The tabs of the two views; the extension is told, as the Timeline view needs the server. */
function viewTabs(shown: PreviewModel): HTMLElement {
    const tab = (value: PreviewView, text: string): HTMLElement => {
        const button = h('button', { type: 'button', role: 'tab', 'aria-selected': String(view === value), 'data-view': value }, text);
        button.addEventListener('click', () => {
            if (view === value) return;
            view = value;
            post({ type: 'view', view });
            render();
        });
        return button;
    };
    return h('div', { class: 'tabs', role: 'tablist', 'aria-label': shown.labels.views },
        tab('plan', shown.labels.planView), tab('timeline', shown.labels.timeline));
}

function planView(shown: PreviewModel): HTMLElement[] {
    const { labels } = shown;
    const save = h('button', { type: 'button', 'data-action': 'save-svg' }, labels.saveSvg);
    save.addEventListener('click', () => post({ type: 'saveSvg' }));
    return [
        h('h2', {}, labels.matrix),
        h('div', { class: 'toolbar' },
            h('div', { role: 'group', 'aria-label': labels.matrix }, modeButton(shown, 'inherent'), ' ', modeButton(shown, 'residual')),
            h('span', { class: 'spacer' }), save),
        shown.risks.length ? null : h('p', { class: 'empty' }, labels.noRisks),
        matrixView(shown, mode),
        legendView(shown, mode),
        h('h2', {}, labels.coverage),
        coverageView(shown),
        h('h2', {}, `${labels.gaps} (${shown.openGaps})`),
        gapSummaryView(shown)
    ].filter((node): node is HTMLElement => node !== null);
}

function render(): void {
    if (!model) return;
    const shown = model;
    document.body.classList.toggle('stale', stale);
    document.documentElement.lang = shown.lang;
    app.replaceChildren(...[
        h('h1', {}, shown.title),
        stale ? h('p', { class: 'stale-banner', role: 'status' }, shown.labels.stale) : null,
        viewTabs(shown),
        ...(view === 'timeline' ? [timelineView(shown, timeline, drawnWidth = app.clientWidth)] : planView(shown))
    ].filter((node): node is HTMLElement => node !== null));
    applyHighlight();
    saveState({ model, documentUri, mode, stale, view, timeline });
    report();
}

const targetAttribute: Record<PreviewTargetKind, string> = {
    risk: 'data-risk', activity: 'data-activity', gap: 'data-gap', bar: 'data-name'
};

/** Clicks an element of the page as a user would (the extension's `activate`, for tests and commands). */
function activate(kind: PreviewTargetKind, name: string): void {
    const attribute = targetAttribute[kind];
    if (!attribute) return;
    const scope = kind === 'bar' ? '.timeline-view [data-kind]' : `[${attribute}]`;
    const found = [...app.querySelectorAll(scope)].find(e => e.getAttribute(attribute) === name);
    // A row of the timeline is clicked on its bar, as a user would.
    const target = kind === 'bar' ? found?.querySelector('rect') ?? found : found;
    target?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

function onMessage(message: ToWebviewMessage): void {
    switch (message.type) {
        case 'model':
            model = message.model;
            documentUri = message.documentUri;
            stale = message.stale === true;
            if (isMode(message.mode)) mode = message.mode;
            render();
            break;
        case 'stale':
            stale = message.stale === true;
            render();
            break;
        case 'setMode':
            if (isMode(message.mode)) { mode = message.mode; render(); }
            break;
        case 'highlight':
            highlighted = typeof message.name === 'string' ? message.name : null;
            applyHighlight();
            break;
        case 'activate':
            activate(message.kind, message.name);
            break;
        case 'showView':
            if (isView(message.view) && message.view !== view) { view = message.view; render(); }
            break;
        case 'timeline':
            timeline = message.timeline ?? { state: 'none' };
            render();
            break;
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage | null>) => {
    if (event.data && typeof event.data === 'object') onMessage(event.data);
});

// The timeline's axis follows the pane's width: drawn again when the pane is resized.
new ResizeObserver(() => {
    if (view === 'timeline' && Math.abs(app.clientWidth - drawnWidth) > 16) render();
}).observe(app);

if (model) render();
post({ type: 'ready' });
