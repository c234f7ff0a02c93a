import type { PreviewActivity, PreviewBar, PreviewGap, PreviewModel } from 'pra-language/protocol';
import { h } from './dom.js';
import { reveal } from './reveal.js';

type Labels = PreviewModel['labels'];

function barRow(labels: Labels, label: string, text: string, percent: number, classes: string): HTMLElement {
    const bar = h('div', { class: `bar ${classes}` });
    bar.style.width = `${percent}%`;
    const nothing = text === labels.none || text === labels.notStated;
    return h('div', { class: 'bar-row' }, h('span', {}, `${label} ${text}`), h('div', {}, nothing ? null : bar));
}

function bars(labels: Labels, name: string, bar: PreviewBar): HTMLElement[] {
    const achieved = bar.achievedText ? bar.achievedText + (bar.via ? ` (${bar.via})` : '') : labels.none;
    // With no requirement nothing is judged: the achievable figure is drawn neutral, never as met.
    const judged = bar.stated ? `achieved${bar.gap ? ' gap' : ''}` : 'achieved unjudged';
    return [h('strong', {}, name), h('div', { 'data-stated': String(bar.stated) },
        barRow(labels, labels.required, bar.requiredText ?? labels.notStated, bar.requiredPercent, 'required'),
        barRow(labels, labels.achieved, achieved, bar.achievedPercent, judged))];
}

function gapItem(gap: PreviewGap): HTMLElement {
    const button = h('button', { type: 'button', class: `link severity-${gap.severity}`, 'data-gap': gap.code, 'data-name': gap.element },
        `[${gap.code}] ${gap.message}`);
    button.addEventListener('click', () => reveal(gap.uri, gap.range.start));
    return h('li', {}, button);
}

function activityView(labels: Labels, activity: PreviewActivity): HTMLElement {
    const link = h('button', { type: 'button', class: 'link', 'data-activity': activity.name }, activity.name);
    link.addEventListener('click', () => reveal(activity.source.uri, activity.source.range.start));
    const criticality = activity.criticalityLabel
        ? h('span', { class: `criticality criticality-${activity.criticality}` }, activity.criticalityLabel) : null;
    return h('section', { class: 'activity', 'data-name': activity.name, 'aria-label': activity.name },
        h('div', { class: 'activity-head' }, link, activity.title ? h('span', {}, activity.title) : null, criticality),
        h('div', { class: 'bars' }, bars(labels, labels.rto, activity.rto), bars(labels, labels.rpo, activity.rpo)),
        activity.gaps.length ? h('ul', { class: 'gaps' }, activity.gaps.map(gapItem)) : null);
}

/** Each activity's required and achievable RTO and RPO, with its open gaps. */
export function coverageView(model: PreviewModel): HTMLElement {
    if (!model.activities.length) return h('p', { class: 'empty' }, model.labels.noActivities);
    return h('div', { class: 'coverage' }, model.activities.map(activity => activityView(model.labels, activity)));
}

/** The open gaps counted by check. */
export function gapSummaryView(model: PreviewModel): HTMLElement {
    if (!model.gapSummary.length) return h('p', { class: 'empty' }, model.labels.noGaps);
    return h('table', { class: 'summary' }, h('tbody', {}, model.gapSummary.map(s =>
        h('tr', { 'data-code': s.code }, h('td', {}, String(s.count)), h('td', {}, h('code', {}, s.code)), h('td', {}, s.title)))));
}
