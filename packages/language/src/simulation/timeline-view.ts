import type { PlanAnalysis } from '../pra-analysis.js';
import type { Lang } from '../pra-messages.js';
import type { SourceRef } from '../pra-model.js';
import type { Clock } from './clock.js';
import { SimulationWords } from './simulation-format.js';
import type { Crossing, SimulationResult } from './simulation-model.js';

/**
 * What a Gantt chart of the simulation draws, computed here so that the page that draws it computes
 * nothing: one row per activity (down, recovering, back, or unknown; RTO and MTPD marks; impact
 * levels), the restores of the failed assets, the alert chain and the procedures as lanes, an axis,
 * and every word in the plan's language. Each row carries the source of its element: clicking it
 * reveals the element.
 */
export interface TimelineView {
    title: string;
    start: string;
    /** The axis runs from 0 to here (minutes): past the last known time of the scenario. */
    horizonMinutes: number;
    ticks: Array<{ minutes: number; label: string; clock: string }>;
    rows: TimelineRowView[];
    restores: TimelineRestoreView[];
    alerts: Array<{ minutes: number; atLeast: boolean; label: string }>;
    activationMinutes?: number;
    procedures: TimelineProcedureView[];
    summary: string[];
    findings: string[];
    labels: Record<TimelineLabel, string>;
}

export type TimelineLabel = 'down' | 'recovering' | 'back' | 'unknown' | 'rto' | 'mtpd' | 'activities' | 'assets' | 'alerts'
    | 'procedures' | 'activation';

export type SegmentState = 'down' | 'recovering' | 'back' | 'unknown';

export interface TimelineRowView {
    activity: string;
    label: string;
    source?: SourceRef;
    /** From 0 to the horizon, without gaps: down until the plan is activated, recovering until back, then back (or unknown). */
    segments: Array<{ state: SegmentState; from: number; to: number }>;
    marks: Array<{ kind: 'rto' | 'mtpd'; minutes: number; crossed: Crossing; label: string }>;
    impacts: Array<{ minutes: number; label: string; reached: Crossing }>;
    /** One line for a tooltip: how it is hit and how it comes back. */
    tooltip: string;
}

export interface TimelineRestoreView {
    asset: string;
    wave: number;
    source?: SourceRef;
    /** The bar, when the restore time is known. */
    from?: number;
    to?: number;
    label: string;
}

export interface TimelineProcedureView {
    name: string;
    source?: SourceRef;
    label: string;
    /** One bar per step that takes time; parallel steps share their start (and `parallel` block index). */
    steps: Array<{ from: number; to: number; label: string; parallel?: number }>;
    deadlines: Array<{ minutes: number; label: string }>;
    /** Its start is unknown (an after-procedure whose activity has no return time): no bar. */
    unknown: boolean;
}

/** Tick steps a reader expects, in minutes: the first that gives at most 12 ticks is used. */
const steps = [15, 30, 60, 120, 240, 360, 720, 1440, 2880, 10080, 20160, 43200];

export function timelineView(analysis: PlanAnalysis, result: SimulationResult,
    options: { title: string; clock: Clock; lang: Lang }): TimelineView {
    const w = new SimulationWords(result, options.clock, options.lang);
    const horizon = horizonOf(result);
    const step = steps.find(s => horizon / s <= 12) ?? steps[steps.length - 1];
    const end = Math.ceil(horizon / step) * step;
    const ticks = Array.from({ length: end / step + 1 }, (_, i) => i * step)
        .map(minutes => ({ minutes, label: w.offset(minutes), clock: w.at(minutes) }));
    const activation = result.alerts.length > 0 ? result.activationMinutes : 0;
    const order = result.order;
    const waveOf = new Map(order.restores.map(r => [r.asset, r.wave]));
    return {
        title: w.t('title', { plan: options.title }), start: result.start, horizonMinutes: end, ticks,
        rows: result.activities.map(activity => {
            const back = activity.back.backMinutes;
            const split = Math.min(activation, back ?? activation);
            const segments: TimelineRowView['segments'] = [];
            if (split > 0) segments.push({ state: 'down', from: 0, to: split });
            if (back === undefined) segments.push({ state: 'unknown', from: split, to: end });
            else {
                if (back > split) segments.push({ state: 'recovering', from: split, to: back });
                if (back < end) segments.push({ state: 'back', from: back, to: end });
            }
            const marks: TimelineRowView['marks'] = [];
            for (const kind of ['rto', 'mtpd'] as const) {
                const limit = activity[kind];
                if (limit) marks.push({ kind, minutes: limit.minutes, crossed: limit.crossed, label: w.limit(kind, limit)! });
            }
            return {
                activity: activity.name, label: activity.title ? `${activity.name} — ${activity.title}` : activity.name,
                source: analysis.data.activities.get(activity.name)?.source, segments, marks,
                impacts: activity.impacts.map(i => ({
                    minutes: i.atMinutes, reached: i.reached,
                    label: w.t('impact.item', { category: i.category, level: i.level, offset: w.offset(i.atMinutes) })
                })),
                tooltip: `${w.hit(activity)}; ${w.back(activity)}`
            };
        }),
        restores: result.failed.map(failed => {
            const wave = waveOf.get(failed.name) ?? 0;
            const restore = failed.restore;
            return {
                asset: failed.name, wave, source: analysis.data.assets.get(failed.name)?.source,
                label: w.labelled(failed.name, w.restore(failed)),
                ...(restore.state === 'known' ? { from: restore.startMinutes, to: restore.endMinutes } : {})
            };
        }),
        alerts: result.alerts.map(a => ({
            minutes: a.reachedMinutes, atLeast: a.atLeast,
            label: w.alert(a)
        })),
        activationMinutes: result.alerts.length > 0 ? result.activationMinutes : undefined,
        procedures: result.procedures.map(run => ({
            name: run.name, source: analysis.data.procedures.get(run.name)?.source,
            label: `${run.name} (${w.t(`phase.${run.phase}`)})`,
            unknown: run.startMinutes === undefined,
            steps: run.steps.flatMap(step => step.startMinutes === undefined || step.endMinutes === undefined || step.untimed ? []
                : [{
                    from: step.startMinutes, to: step.endMinutes, label: step.text,
                    ...(step.parallel !== undefined ? { parallel: step.parallel } : {})
                }]),
            deadlines: run.steps.flatMap(step => step.dueMinutes === undefined ? [] : [{ minutes: step.dueMinutes, label: step.text }])
        })),
        summary: w.summaryLines(),
        findings: w.findingLines(),
        labels: {
            down: w.t('view.down'), recovering: w.t('view.recovering'), back: w.t('view.back'), unknown: w.t('view.unknown'),
            rto: w.t('col.rto'), mtpd: w.t('col.mtpd'), activities: w.t('section.activities'), assets: w.t('section.assets'),
            alerts: w.t('section.alerts'), procedures: w.t('section.procedures'), activation: w.t('event.activation')
        }
    };
}

/** The last time the chart must show: every known return, restore, limit, alert and procedure; at least an hour. */
function horizonOf(result: SimulationResult): number {
    let last = 60;
    const see = (minutes: number | undefined): void => { if (minutes !== undefined && minutes > last) last = minutes; };
    for (const activity of result.activities) {
        see(activity.back.backMinutes ?? activity.back.atLeast);
        see(activity.rto?.minutes);
        see(activity.mtpd?.minutes);
    }
    for (const failed of result.failed) if (failed.restore.state === 'known') see(failed.restore.endMinutes);
    for (const run of result.procedures) {
        see(run.endMinutes);
        for (const step of run.steps) see(step.dueMinutes);
    }
    see(result.activationMinutes);
    return last;
}
