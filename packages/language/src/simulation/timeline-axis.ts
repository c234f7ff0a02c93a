import type { Lang } from '../pra-messages.js';
import type { SimulationResult } from './simulation-model.js';

/**
 * The time axis of the Gantt chart: what it spans and its ticks.
 *
 * The span is chosen from what happens in the outage, not from the plan's largest limit: the last
 * return and restore (or the least bound of an unknown one), the alert chain and the activation, the
 * procedures that run during the outage, and the RTO of an activity whose return time is unknown
 * (crossing it is what happens if it stays down). An RTO or MTPD less than half again that far out
 * is taken in too, so that a limit just past the recovery is a mark on the axis rather than an arrow.
 * Anything later (an MTPD of a week when all is back in 15 minutes, the re-keying done after the
 * return, a deadline days away) is drawn at the right edge as a labelled arrow by the renderer.
 *
 * The scale stays linear. A broken or logarithmic axis would let minutes and days share one chart,
 * but then bar lengths no longer compare across rows, which is what a Gantt chart is read for; a
 * linear axis over the recovery, every bar labelled with its time, and arrows for what lies beyond
 * stay honest: a sliver is still labelled "back T+15 min".
 */
export interface TimelineAxis {
    /** The axis runs from 0 to here (minutes), a whole number of ticks. */
    endMinutes: number;
    ticks: Array<{ minutes: number; label: string }>;
}

/** The least span: an outage over in 5 minutes still gets a readable half hour. */
const leastSpan = 30;

/** Tick steps per unit, in that unit; the first step giving at most `maxTicks` intervals is used. */
const units: ReadonlyArray<{ unit: 'min' | 'h' | 'd'; size: number; upTo: number; steps: readonly number[] }> = [
    { unit: 'min', size: 1, upTo: 120, steps: [5, 10, 15, 30] },
    { unit: 'h', size: 60, upTo: 72 * 60, steps: [1, 2, 3, 6, 12, 24] },
    { unit: 'd', size: 1440, upTo: Infinity, steps: [1, 2, 7, 14, 28, 56, 91, 182, 364] }
];
const maxTicks = 8;
const unitWords: Readonly<Record<Lang, Readonly<Record<'min' | 'h' | 'd', string>>>> = {
    en: { min: 'min', h: 'h', d: 'd' },
    fr: { min: 'min', h: 'h', d: 'j' }
};

/** The last time the chart must show (minutes): see above. */
export function recoverySpan(result: SimulationResult): number {
    let last = leastSpan;
    const see = (minutes: number | undefined): void => { if (minutes !== undefined && minutes > last) last = minutes; };
    for (const activity of result.activities) {
        see(activity.back.backMinutes ?? activity.back.atLeast);
        if (activity.back.backMinutes === undefined) see(activity.rto?.minutes);
    }
    for (const failed of result.failed) if (failed.restore.state === 'known') see(failed.restore.endMinutes);
    for (const alert of result.alerts) see(alert.reachedMinutes);
    if (result.alerts.length > 0) see(result.activationMinutes);
    for (const run of result.procedures) if (run.phase === 'during') see(run.endMinutes);
    const focus = last;
    for (const activity of result.activities) {
        for (const limit of [activity.rto, activity.mtpd]) if (limit && limit.minutes <= 1.5 * focus) see(limit.minutes);
    }
    return last;
}

/**
 * Ticks at round values in the unit that suits the span: minutes up to 2 h, hours up to 3 days, then days.
 * The axis ends on the first tick a tenth past the span, so that the last time shown (often a limit) is not
 * on the edge, where its label would meet the arrows of what lies beyond.
 */
export function timelineAxis(span: number, lang: Lang): TimelineAxis {
    const reach = span * 1.1;
    const scale = units.find(u => reach <= u.upTo) ?? units[units.length - 1];
    const step = scale.steps.find(s => reach / (s * scale.size) <= maxTicks) ?? scale.steps[scale.steps.length - 1];
    const size = step * scale.size;
    const count = Math.max(1, Math.ceil(reach / size - 1e-9));
    const word = unitWords[lang][scale.unit];
    return {
        endMinutes: count * size,
        ticks: Array.from({ length: count + 1 }, (_, i) => ({ minutes: i * size, label: i === 0 ? 'T+0' : `T+${i * step} ${word}` }))
    };
}
