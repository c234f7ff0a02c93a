import type { Lang } from '../pra-messages.js';
import type { Clock } from './clock.js';
import { SimulationWords } from './simulation-format.js';
import type { SimulationResult } from './simulation-model.js';
import { timelineEvents } from './timeline-events.js';

/** The simulation as a readable timeline for a terminal, in the plan's language. */
export function simulationText(result: SimulationResult, options: { title: string; clock: Clock; lang: Lang }): string {
    const w = new SimulationWords(result, options.clock, options.lang);
    const out: string[] = [w.t('title', { plan: options.title }), w.down(), ...w.summaryLines(), ''];

    out.push(w.t('section.timeline'));
    const events = timelineEvents(result);
    const width = Math.max(...events.map(e => w.when(e).length));
    for (const event of events) out.push(`  ${w.when(event).padEnd(width)}  ${w.at(event.minutes)}  ${w.eventText(event)}`);
    out.push('');

    out.push(w.t('section.assets'));
    for (const asset of result.failed) out.push(`  ${w.labelled(asset.name, w.restore(asset))}`);
    out.push('');

    out.push(w.t('section.activities'));
    for (const activity of result.activities) {
        out.push(`  ${activity.name}${activity.criticality ? ` (${activity.criticality})` : ''} — ${w.hit(activity)}`);
        out.push(`    ${w.back(activity)}`);
        const limits = [w.limit('rto', activity.rto), w.limit('mtpd', activity.mtpd)].filter((l): l is string => l !== undefined);
        if (limits.length > 0) out.push(`    ${limits.join('; ')}`);
        const impacts = w.impacts(activity);
        if (impacts) out.push(`    ${w.t('impacts', { list: impacts })}`);
        const cost = w.cost(activity);
        out.push(`    ${w.t('data.lost', { value: w.dataLost(activity) })}${cost ? `; ${w.t('cost', { value: cost })}` : ''}`);
    }
    out.push('');

    const order = result.order;
    out.push(w.t('section.order'));
    for (const line of w.orderLines()) out.push(`  ${line}`);
    for (const row of order.activities) {
        const figure = (minutes: number | undefined): string => minutes === undefined ? w.t('unknown') : w.caseFigure(minutes, row.atLeast);
        out.push(`  ${w.t('case.row', {
            activity: row.activity, best: figure(row.best), worst: figure(row.worst),
            rto: w.meets(row.bestMeetsRto), mtpd: w.meets(row.bestMeetsMtpd),
            wrto: w.meets(row.worstMeetsRto), wmtpd: w.meets(row.worstMeetsMtpd)
        })}`);
    }
    out.push('');

    out.push(w.t('section.findings'));
    if (order.findings.length === 0) out.push(`  ${w.t('no.findings')}`);
    for (const line of w.findingLines()) out.push(`  ${line}`);
    out.push('');

    out.push(w.t('section.alerts'));
    if (result.alerts.length === 0) out.push(`  ${w.t('no.alerts')}`);
    for (const alert of result.alerts) {
        out.push(`  ${w.alert(alert)}`);
    }
    out.push('');

    out.push(w.t('section.procedures'));
    if (result.procedures.length === 0) out.push(`  ${w.t('no.procedures')}`);
    for (const run of result.procedures) {
        const span = run.startMinutes === undefined ? w.t('procedure.unknown', { for: run.for.join(', ') })
            : w.t('procedure.span', { start: w.offset(run.startMinutes), end: w.offset(run.endMinutes!) });
        out.push(`  ${w.t('procedure.row', { name: run.name, phase: w.t(`phase.${run.phase}`), for: run.for.join(', '), span })}`);
        let block: number | undefined;
        for (const step of run.steps) {
            if (step.parallel !== undefined && step.parallel !== block) out.push(`    ${w.t('step.parallel')}`);
            block = step.parallel;
            const time = (m: number | undefined): string => m === undefined ? '?' : w.offset(m);
            out.push(`    ${step.parallel !== undefined ? '  ' : ''}${w.t('step.row', {
                start: time(step.startMinutes), end: time(step.endMinutes), text: step.text,
                by: step.by.length > 0 ? w.t('step.by', { by: step.by.join(', ') }) : '',
                due: step.dueMinutes !== undefined ? w.t('step.due', { due: w.offset(step.dueMinutes) }) : ''
            })}`);
        }
    }
    return out.join('\n') + '\n';
}
