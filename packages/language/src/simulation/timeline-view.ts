import type { PlanAnalysis } from '../pra-analysis.js';
import type { Lang } from '../pra-messages.js';
import type { SourceRef } from '../pra-model.js';
import type { Clock } from './clock.js';
import { SimulationWords } from './simulation-format.js';
import type { Crossing, ProcedureRun, SimulationResult } from './simulation-model.js';
import { recoverySpan, timelineAxis } from './timeline-axis.js';

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
    /**
     * The axis runs from 0 to here (minutes): over the recovery, not the largest limit (timeline-axis.ts);
     * a time past it is drawn at the right edge as a labelled arrow.
     */
    horizonMinutes: number;
    ticks: Array<{ minutes: number; label: string; clock: string }>;
    rows: TimelineRowView[];
    restores: TimelineRestoreView[];
    /** The alert chain, a link a row: who is called (`to`), reached at `minutes` (the `within`s added up) from `from`. */
    alerts: TimelineAlertView[];
    activationMinutes?: number;
    procedures: TimelineProcedureView[];
    summary: string[];
    findings: string[];
    labels: Record<TimelineLabel, string>;
}

export type TimelineLabel = 'down' | 'recovering' | 'back' | 'unknown' | 'rto' | 'mtpd' | 'activities' | 'assets' | 'alerts'
    | 'procedures' | 'activation' | 'activated';

export type SegmentState = 'down' | 'recovering' | 'back' | 'unknown';

export interface TimelineRowView {
    activity: string;
    label: string;
    source?: SourceRef;
    /** From 0 to the horizon, without gaps: down until the plan is activated, recovering until back, then back (or unknown). */
    segments: Array<{ state: SegmentState; from: number; to: number }>;
    /** When it is back, and the words on its bar: "back T+15 min", or that its return time is unknown. */
    back: { minutes?: number; atLeast?: number; label: string };
    /** `short` is what the chart writes beside the mark ("RTO 1 h"); `label` says whether it is met. */
    marks: Array<{ kind: 'rto' | 'mtpd'; minutes: number; crossed: Crossing; label: string; short: string }>;
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
    /** Beside the bar: "restored T+15 min", or that its restore time is unknown. */
    short: string;
}

export interface TimelineAlertView {
    /** The role called ("?" when the plan names none). */
    to: string;
    /** When the previous link was reached (0 for the first): the call takes from there to `minutes`. */
    from: number;
    minutes: number;
    atLeast: boolean;
    /** Beside the marker: "T+15 min", "≥ T+45 min"; the last link adds that the plan is activated. */
    short: string;
    label: string;
}

export interface TimelineProcedureView {
    name: string;
    source?: SourceRef;
    label: string;
    /** Its bar, first step to last, with "T+45 min → T+2 h 15 min"; absent when its start is unknown. */
    span?: { from: number; to: number; short: string };
    /** Beside the name when its start is unknown: when it starts. */
    pending?: string;
    /**
     * A row per step that takes time or has a deadline: its bar (parallel steps share their start and
     * `parallel` block index) and its duration; its deadline, counted from activation.
     */
    steps: TimelineStepView[];
    /** Its start is unknown (an after-procedure whose activity has no return time): no bar. */
    unknown: boolean;
}

export interface TimelineStepView {
    label: string;
    from?: number;
    to?: number;
    parallel?: number;
    /** The step's duration, beside its bar; its end ("T+24 h 15 min"), written at the edge when past the axis. */
    short?: string;
    end?: string;
    due?: { minutes: number; short: string };
    /** The whole step: when, what, by whom, its deadline. */
    title: string;
}

export function timelineView(analysis: PlanAnalysis, result: SimulationResult,
    options: { title: string; clock: Clock; lang: Lang }): TimelineView {
    const w = new SimulationWords(result, options.clock, options.lang);
    const axis = timelineAxis(recoverySpan(result), options.lang);
    const end = axis.endMinutes;
    const ticks = axis.ticks.map(tick => ({ ...tick, clock: w.at(tick.minutes) }));
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
            if (back === undefined) segments.push({ state: 'unknown', from: split, to: Math.max(split, end) });
            else {
                if (back > split) segments.push({ state: 'recovering', from: split, to: back });
                if (back < end) segments.push({ state: 'back', from: back, to: end });
            }
            const marks: TimelineRowView['marks'] = [];
            for (const kind of ['rto', 'mtpd'] as const) {
                const limit = activity[kind];
                if (limit) {
                    marks.push({
                        kind, minutes: limit.minutes, crossed: limit.crossed, label: w.limit(kind, limit)!,
                        short: w.t(`limit.${kind}`, { limit: w.duration(limit.minutes) })
                    });
                }
            }
            const atLeast = activity.back.atLeast;
            return {
                activity: activity.name, label: activity.title ? `${activity.name} — ${activity.title}` : activity.name,
                source: analysis.data.activities.get(activity.name)?.source, segments, marks,
                back: back !== undefined ? { minutes: back, label: w.t('view.back.at', { offset: w.offset(back) }) }
                    : atLeast !== undefined ? { atLeast, label: w.t('view.back.atLeast', { offset: w.offset(atLeast) }) }
                        : { label: w.t('view.unknown') },
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
                short: restore.state === 'known'
                    ? w.t('view.restored', { offset: w.offset(restore.endMinutes) }) : w.t('view.restore.unknown'),
                ...(restore.state === 'known' ? { from: restore.startMinutes, to: restore.endMinutes } : {})
            };
        }),
        alerts: result.alerts.map((a, i, all) => {
            const when = w.when({ minutes: a.reachedMinutes, atLeast: a.atLeast });
            return {
                to: a.to ?? '?', from: i === 0 ? 0 : all[i - 1].reachedMinutes, minutes: a.reachedMinutes, atLeast: a.atLeast,
                short: i === all.length - 1 ? w.t('view.alert.last', { when }) : when,
                label: w.alert(a)
            };
        }),
        activationMinutes: result.alerts.length > 0 ? result.activationMinutes : undefined,
        procedures: result.procedures.map(run => procedureView(w, analysis, run)),
        summary: w.summaryLines(),
        findings: w.findingLines(),
        labels: {
            down: w.t('view.down'), recovering: w.t('view.recovering'), back: w.t('view.back'), unknown: w.t('view.unknown'),
            rto: w.t('col.rto'), mtpd: w.t('col.mtpd'), activities: w.t('section.activities'), assets: w.t('section.assets'),
            alerts: w.t('section.alerts'), procedures: w.t('section.procedures'), activation: w.t('event.activation'),
            activated: w.t('view.activated')
        }
    };
}

/** A procedure's lane: its span, then a row per step that takes time or has a deadline. */
function procedureView(w: SimulationWords, analysis: PlanAnalysis, run: ProcedureRun): TimelineProcedureView {
    const time = (m: number | undefined): string => m === undefined ? '?' : w.offset(m);
    const { startMinutes: from, endMinutes: to } = run;
    return {
        name: run.name, source: analysis.data.procedures.get(run.name)?.source,
        label: `${run.name} (${w.t(`phase.${run.phase}`)})`,
        unknown: run.startMinutes === undefined,
        ...(from !== undefined && to !== undefined ? { span: { from, to, short: `${w.offset(from)} → ${w.offset(to)}` } }
            : { pending: w.t('procedure.unknown', { for: run.for.join(', ') }) }),
        steps: run.steps.flatMap(step => {
            const timed = step.startMinutes !== undefined && step.endMinutes !== undefined && !step.untimed;
            if (!timed && step.dueMinutes === undefined) return [];
            const title = w.t('step.row', {
                start: time(step.startMinutes), end: time(step.endMinutes), text: step.text,
                by: step.by.length > 0 ? w.t('step.by', { by: step.by.join(', ') }) : '',
                due: step.dueMinutes !== undefined ? w.t('step.due', { due: w.offset(step.dueMinutes) }) : ''
            });
            return [{
                label: step.text, title,
                ...(timed ? { from: step.startMinutes!, to: step.endMinutes!, short: w.duration(step.endMinutes! - step.startMinutes!),
                    end: w.offset(step.endMinutes!) } : {}),
                ...(step.parallel !== undefined ? { parallel: step.parallel } : {}),
                ...(step.dueMinutes !== undefined
                    ? { due: { minutes: step.dueMinutes, short: w.t('view.deadline', { offset: w.offset(step.dueMinutes) }) } } : {})
            }];
        })
    };
}
