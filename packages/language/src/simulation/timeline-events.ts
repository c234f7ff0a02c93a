import type { SimulationResult } from './simulation-model.js';

/**
 * The simulation as one chronological list: what the text and Markdown timelines print, and what
 * a Gantt view would mark. Same minute: failures first, then alerts, restores, returns, crossings.
 */
export type TimelineEvent = {
    minutes: number;
    /** The time is a lower bound (an alert link without `within` before it). */
    atLeast?: boolean;
    /** It happens only if the activity is still down then: its return time is unknown. */
    uncertain?: boolean;
} & (
    | { kind: 'fail'; assets: string[]; stopped: string[] }
    | { kind: 'stop'; activities: string[] }
    | { kind: 'alert'; how: string; to?: string }
    | { kind: 'activation' }
    | { kind: 'procedure-start' | 'procedure-end'; procedure: string; phase: 'during' | 'after' }
    | { kind: 'deadline'; procedure: string; step: string }
    | { kind: 'restore'; asset: string; via: string }
    | { kind: 'back'; activity: string; path: 'direct' | 'asset'; via: string }
    | { kind: 'impact'; activity: string; category: string; level: number }
    | { kind: 'rto' | 'mtpd'; activity: string }
);

const rank: Readonly<Record<TimelineEvent['kind'], number>> = {
    fail: 0, stop: 1, alert: 2, activation: 3, 'procedure-start': 4, deadline: 5, restore: 6, back: 7,
    'procedure-end': 8, impact: 9, rto: 10, mtpd: 11
};

export function timelineEvents(result: SimulationResult): TimelineEvent[] {
    const events: TimelineEvent[] = [
        { minutes: 0, kind: 'fail', assets: result.failed.map(f => f.name), stopped: result.stopped },
        { minutes: 0, kind: 'stop', activities: result.activities.map(a => a.name) }
    ];
    for (const alert of result.alerts) {
        events.push({ minutes: alert.reachedMinutes, atLeast: alert.atLeast, kind: 'alert', how: alert.how, to: alert.to });
    }
    if (result.alerts.length > 0) events.push({ minutes: result.activationMinutes, atLeast: result.activationAtLeast, kind: 'activation' });
    for (const run of result.procedures) {
        const { name: procedure, phase } = run;
        if (run.startMinutes !== undefined) events.push({ minutes: run.startMinutes, kind: 'procedure-start', procedure, phase });
        if (run.endMinutes !== undefined) events.push({ minutes: run.endMinutes, kind: 'procedure-end', procedure, phase });
        for (const step of run.steps) {
            if (step.dueMinutes !== undefined) events.push({ minutes: step.dueMinutes, kind: 'deadline', procedure, step: step.text });
        }
    }
    for (const failed of result.failed) {
        const restore = failed.restore;
        if (restore.state === 'known') events.push({ minutes: restore.endMinutes, kind: 'restore', asset: failed.name, via: restore.via });
    }
    for (const activity of result.activities) {
        const { back } = activity;
        if (back.backMinutes !== undefined && back.path && back.via) {
            events.push({ minutes: back.backMinutes, kind: 'back', activity: activity.name, path: back.path, via: back.via });
        }
        for (const impact of activity.impacts) {
            if (impact.reached !== 'no') {
                events.push({
                    minutes: impact.atMinutes, uncertain: impact.reached === 'unknown', kind: 'impact',
                    activity: activity.name, category: impact.category, level: impact.level
                });
            }
        }
        for (const kind of ['rto', 'mtpd'] as const) {
            const limit = activity[kind];
            if (limit && limit.crossed !== 'no') {
                events.push({ minutes: limit.minutes, uncertain: limit.crossed === 'unknown', kind, activity: activity.name });
            }
        }
    }
    // A stable sort: within a kind, the order above (plan order) stays.
    return events.sort((a, b) => a.minutes - b.minutes || rank[a.kind] - rank[b.kind]);
}
