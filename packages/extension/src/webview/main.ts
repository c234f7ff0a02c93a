// The PRA preview page. It lays out the view model the language server computed (pra/previewModel)
// and computes no figure; the matrix is pra-language/render's drawing. Every plan string goes into a
// text node or an attribute value: nothing from the plan is ever parsed as markup.
import type { PreviewMode, PreviewModel, PreviewTargetKind, ToWebviewMessage } from 'pra-language/protocol';
import { coverageView, gapSummaryView } from './coverage-view.js';
import { h } from './dom.js';
import { legendView, matrixView } from './matrix-view.js';
import { post, savedState, saveState } from './vscode-api.js';

const app = document.getElementById('app')!;
const saved = savedState();
let model: PreviewModel | undefined = saved.model;
let documentUri = saved.documentUri;
let mode: PreviewMode = saved.mode === 'residual' ? 'residual' : 'inherent';
let stale = saved.stale === true;
let highlighted: string | null = null;

const isMode = (value: unknown): value is PreviewMode => value === 'inherent' || value === 'residual';

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

function render(): void {
    if (!model) return;
    const shown = model;
    const { labels } = shown;
    document.body.classList.toggle('stale', stale);
    document.documentElement.lang = shown.lang;
    const save = h('button', { type: 'button', 'data-action': 'save-svg' }, labels.saveSvg);
    save.addEventListener('click', () => post({ type: 'saveSvg' }));
    app.replaceChildren(...[
        h('h1', {}, shown.title),
        stale ? h('p', { class: 'stale-banner', role: 'status' }, labels.stale) : null,
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
    ].filter((node): node is HTMLElement => node !== null));
    applyHighlight();
    saveState({ model, documentUri, mode, stale });
    report();
}

const targetAttribute: Record<PreviewTargetKind, string> = { risk: 'data-risk', activity: 'data-activity', gap: 'data-gap' };

/** Clicks an element of the page as a user would (the extension's `activate`, for tests and commands). */
function activate(kind: PreviewTargetKind, name: string): void {
    const attribute = targetAttribute[kind];
    if (!attribute) return;
    const target = [...app.querySelectorAll(`[${attribute}]`)].find(e => e.getAttribute(attribute) === name);
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
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage | null>) => {
    if (event.data && typeof event.data === 'object') onMessage(event.data);
});

if (model) render();
post({ type: 'ready' });
