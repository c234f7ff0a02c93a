import type { PreviewModel, PreviewScenario, TimelineContent, TimelineView } from 'pra-language/protocol';
import { timelineSvg } from 'pra-language/render';
import { fill, h, svgNodes } from './dom.js';
import { post } from './vscode-api.js';
import { reveal } from './reveal.js';

// The Timeline view: the scenario picked (a select of the plan's assets, sites and risks) and the
// Gantt chart of its simulated outage, as the language server computed it (pra/simulate) and
// pra-language/render draws it. A click or Enter on a row reveals its element in the editor.

type Labels = PreviewModel['labels'];

const groups: ReadonlyArray<{ kind: PreviewScenario['kind']; label: keyof Labels }> = [
    { kind: 'asset', label: 'assetsGroup' }, { kind: 'site', label: 'sitesGroup' }, { kind: 'risk', label: 'risksGroup' }
];

/** The select of scenarios; the one shown stays selected, even when the plan no longer has it. */
function scenarioPicker(model: PreviewModel, down: readonly string[]): HTMLElement {
    const { labels } = model;
    const current = down.join(', ');
    const known = down.length === 1 && model.scenarios.some(s => s.name === down[0]);
    const option = (value: string, text: string): HTMLElement => h('option', { value, selected: value === current }, text);
    const select = h('select', { id: 'timeline-scenario', 'data-action': 'scenario' },
        down.length === 0 ? h('option', { value: '', selected: true, disabled: true }, '—') : null,
        down.length > 0 && !known ? option(current, current) : null,
        groups.map(group => {
            const items = model.scenarios.filter(s => s.kind === group.kind);
            return items.length === 0 ? null : h('optgroup', { label: labels[group.label] },
                items.map(s => option(s.name, s.title ? `${s.name} — ${s.title}` : s.name)));
        })) as HTMLSelectElement;
    select.addEventListener('change', () => {
        const names = select.value.split(',').map(n => n.trim()).filter(n => n !== '');
        if (names.length > 0) post({ type: 'scenario', down: names });
    });
    return h('label', { class: 'scenario' }, `${labels.scenario} `, select);
}

/** The state colours and the limits' marks the chart shows, in the chart's own words. */
function legend(view: TimelineView): HTMLElement {
    const states = new Set(view.rows.flatMap(r => r.segments.map(s => s.state)));
    if (view.restores.some(r => r.from === undefined)) states.add('unknown');
    const marks = new Set(view.rows.flatMap(r => r.marks.map(m => m.kind)));
    const item = (cls: string, text: string): HTMLElement =>
        h('span', { role: 'listitem', class: 'timeline-key' }, h('span', { class: `swatch ${cls}` }), text);
    return h('div', { class: 'legend', role: 'list' },
        (['down', 'recovering', 'back', 'unknown'] as const).filter(s => states.has(s)).map(s => item(`state-${s}`, view.labels[s])),
        (['rto', 'mtpd'] as const).filter(m => marks.has(m)).map(m => item(`mark-${m}`, view.labels[m])));
}

/** The source of a row of the chart, found in the server's view by its kind and name. */
type Source = TimelineView['rows'][number]['source'];

function sourceOf(view: TimelineView, kind: string | null, name: string | null): Source {
    if (kind === 'activity') return view.rows.find(r => r.activity === name)?.source;
    if (kind === 'asset') return view.restores.find(r => r.asset === name)?.source;
    if (kind === 'procedure') return view.procedures.find(p => p.name === name)?.source;
    return undefined;
}

/** The label column and margins of the drawing, beside its time axis (render/timeline-svg.ts). */
const besideAxis = 250;

/** The chart at the pane's width: its axis fitted, its text at its own size (no scaling down). */
function chart(view: TimelineView, paneWidth: number): HTMLElement {
    const drawing = timelineSvg(view, { interactive: true, chartWidth: Math.min(760, paneWidth - besideAxis) });
    const svg = svgNodes(drawing) as SVGSVGElement;
    svg.style.width = `${drawing.attributes.width}px`;
    const open = (target: EventTarget | null): boolean => {
        const row = target instanceof Element ? target.closest('[data-kind][data-name]') : null;
        const source = row ? sourceOf(view, row.getAttribute('data-kind'), row.getAttribute('data-name')) : undefined;
        if (source) reveal(source.uri, source.range.start);
        return source !== undefined;
    };
    svg.addEventListener('click', event => open(event.target));
    svg.addEventListener('keydown', event => {
        if ((event.key === 'Enter' || event.key === ' ') && open(event.target)) event.preventDefault();
    });
    return h('div', { class: 'timeline-chart' }, svg);
}

/** The view for what the server answered (or the invitation to pick a scenario), `paneWidth` pixels wide. */
export function timelineView(model: PreviewModel, content: TimelineContent, paneWidth: number): HTMLElement {
    const { labels } = model;
    const down = content.state === 'none' ? [] : content.down;
    const picker = model.scenarios.length > 0 || down.length > 0 ? scenarioPicker(model, down) : null;
    const markdown = content.state === 'view' ? h('button', { type: 'button', 'data-action': 'open-markdown' }, labels.openMarkdown) : null;
    markdown?.addEventListener('click', () => post({ type: 'openMarkdown' }));
    const toolbar = h('div', { class: 'toolbar' }, picker, h('span', { class: 'spacer' }), markdown);
    let body: Array<HTMLElement | null>;
    switch (content.state) {
        case 'none':
            body = [h('p', { class: 'empty' }, model.scenarios.length > 0 ? labels.pickScenario : labels.noScenario)];
            break;
        case 'vanished': {
            const close = content.unknown.flatMap(u => u.close);
            body = [h('p', { class: 'notice', role: 'status' },
                fill(labels.vanished, { names: content.unknown.map(u => u.name).join(', ') }),
                close.length > 0 ? ` (${fill(labels.closeTo, { names: close.join(', ') })})` : null)];
            break;
        }
        case 'refused':
            body = [h('p', { class: 'notice', role: 'status' }, fill(labels.refused, { reason: content.reason }))];
            break;
        case 'view':
            body = [
                h('h2', {}, content.view.title),
                h('ul', { class: 'timeline-summary' }, content.view.summary.map(line => h('li', {}, line))),
                legend(content.view),
                chart(content.view, paneWidth),
                content.view.findings.length > 0
                    ? h('ul', { class: 'timeline-findings' }, content.view.findings.map(line => h('li', {}, line))) : null
            ];
            break;
    }
    return h('section', { class: 'timeline-view', 'data-timeline-state': content.state }, toolbar, body);
}
