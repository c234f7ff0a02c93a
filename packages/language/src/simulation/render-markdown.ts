import type { Lang } from '../pra-messages.js';
import type { Clock } from './clock.js';
import { SimulationWords } from './simulation-format.js';
import type { SimulationResult } from './simulation-model.js';
import { timelineEvents } from './timeline-events.js';

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] =>
    [row(head), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(row)];

/** The simulation in Markdown, to paste in a report: summary, timeline, assets, activities, recovery order, crisis. */
export function simulationMarkdown(result: SimulationResult, options: { title: string; clock: Clock; lang: Lang }): string {
    const w = new SimulationWords(result, options.clock, options.lang);
    const out: string[] = [`## ${w.t('title', { plan: options.title })}`, '', w.down(), '', ...w.summaryLines().map(l => `- ${l}`), ''];

    out.push(`### ${w.t('section.timeline')}`, '');
    out.push(...table([w.t('col.when'), '', w.t('col.event')],
        timelineEvents(result).map(e => [w.when(e), w.at(e.minutes), w.eventText(e)])), '');

    out.push(`### ${w.t('section.assets')}`, '');
    out.push(...table([w.t('col.asset'), w.t('col.restore')], result.failed.map(a => [a.name, w.restore(a)])), '');

    out.push(`### ${w.t('section.activities')}`, '');
    out.push(...table(
        [w.t('col.activity'), w.t('col.hit'), w.t('col.back'), w.t('col.rto'), w.t('col.mtpd'), w.t('col.data'), w.t('col.cost')],
        result.activities.map(a => [
            a.name, w.hit(a), w.back(a), w.limit('rto', a.rto) ?? '—', w.limit('mtpd', a.mtpd) ?? '—', w.dataLost(a), w.cost(a) ?? '—'
        ])), '');

    const order = result.order;
    out.push(`### ${w.t('section.order')}`, '');
    // The waves as a numbered list, then the best and worst cases.
    const lines = w.orderLines();
    lines.slice(0, order.waves.length).forEach((line, i) => out.push(`${i + 1}. ${line}`));
    out.push('', ...lines.slice(order.waves.length).map(line => `- ${line}`), '');
    const figure = (minutes: number | undefined, atLeast: boolean): string =>
        minutes === undefined ? w.t('unknown') : w.caseFigure(minutes, atLeast);
    out.push(...table(
        [w.t('col.activity'), w.t('col.best'), w.t('col.rto'), w.t('col.mtpd'), w.t('col.worst'), w.t('col.rto'), w.t('col.mtpd')],
        order.activities.map(a => [
            a.activity, figure(a.best, a.atLeast), w.meets(a.bestMeetsRto), w.meets(a.bestMeetsMtpd),
            figure(a.worst, a.atLeast), w.meets(a.worstMeetsRto), w.meets(a.worstMeetsMtpd)
        ])), '');

    out.push(`### ${w.t('section.findings')}`, '');
    if (order.findings.length === 0) out.push(w.t('no.findings'));
    for (const line of w.findingLines()) out.push(`- ${line}`);
    out.push('');

    out.push(`### ${w.t('section.alerts')}`, '');
    if (result.alerts.length === 0) out.push(w.t('no.alerts'));
    result.alerts.forEach((alert, i) => out.push(`${i + 1}. ${w.alert(alert)}`));
    out.push('');

    out.push(`### ${w.t('section.procedures')}`, '');
    if (result.procedures.length === 0) out.push(w.t('no.procedures'));
    for (const run of result.procedures) {
        const span = run.startMinutes === undefined ? w.t('procedure.unknown', { for: run.for.join(', ') })
            : w.t('procedure.span', { start: w.offset(run.startMinutes), end: w.offset(run.endMinutes!) });
        const row = w.t('procedure.row', { name: run.title ?? run.name, phase: w.t(`phase.${run.phase}`), for: run.for.join(', '), span });
        out.push(`- **${run.name}** — ${row}`);
        const time = (m: number | undefined): string => m === undefined ? '?' : w.offset(m);
        for (const step of run.steps) {
            out.push(`  - ${step.parallel !== undefined ? '∥ ' : ''}${w.t('step.row', {
                start: time(step.startMinutes), end: time(step.endMinutes), text: step.text,
                by: step.by.length > 0 ? w.t('step.by', { by: step.by.join(', ') }) : '',
                due: step.dueMinutes !== undefined ? w.t('step.due', { due: w.offset(step.dueMinutes) }) : ''
            })}`);
        }
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
