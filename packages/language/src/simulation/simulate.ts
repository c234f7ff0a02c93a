import type { PlanAnalysis } from '../pra-analysis.js';
import type { ElementRef } from '../pra-model.js';
import { activityTimeline } from './activity-timeline.js';
import { alertChain, procedureRuns, type ScenarioState } from './crisis-timeline.js';
import { outageOf } from './outage.js';
import { recoveryOrder, recoveryWaves } from './recovery-order.js';
import { Restores } from './restores.js';
import type { ActivityTimeline, DownElement, FailedAsset, SimulationResult } from './simulation-model.js';

export interface SimulationInput {
    /** What is down, as resolved by `resolveDown`. */
    down: readonly DownElement[];
    /** When the outage starts, an ISO date-time (written back as given). */
    start: string;
}

/**
 * "What if it fails now?": the timeline of an outage, read from the analysis of the plan. Pure and
 * deterministic; linear in what the outage reaches (one walk back per failed asset).
 */
export function simulateOutage(analysis: PlanAnalysis, input: SimulationInput): SimulationResult {
    const outage = outageOf(analysis, input.down);
    const restores = new Restores(analysis, outage);
    const waves = recoveryWaves(analysis, outage, restores);
    const position = new Map(waves.ordered.map((a, i) => [a, i]));
    const activities = outage.activities.map(hit => activityTimeline(analysis, restores, outage, hit, a => position.get(a) ?? 0));
    const causes = new Map(outage.failed.map(f => [f.name, f.cause]));
    const hitBy = new Map<string, string[]>(waves.ordered.map(name => [name, []]));
    for (const hit of outage.activities) for (const asset of hit.failed) hitBy.get(asset)!.push(hit.name);
    const failed: FailedAsset[] = waves.ordered.map(name => ({
        name, cause: causes.get(name)!, holdsData: analysis.assets.get(name)?.holdsData ?? false,
        restore: restores.of(name), activities: hitBy.get(name)!
    }));
    const { alerts, activationMinutes, activationAtLeast } = alertChain(analysis);
    const procedures = procedureRuns(analysis, scenarioState(input.down, outage.assetNeeds, failed, activities), activationMinutes);
    const unknownReturns = activities.filter(a => a.back.backMinutes === undefined).map(a => a.name);
    return {
        start: input.start, down: [...input.down], failed, stopped: outage.stopped,
        impairedFallbacks: [...outage.fallbackNeeds.keys()],
        activities, alerts, activationMinutes, activationAtLeast, procedures,
        order: recoveryOrder(analysis, waves, restores, activities),
        allBackMinutes: unknownReturns.length > 0 ? undefined : Math.max(0, ...activities.map(a => a.back.backMinutes!)),
        unknownReturns, costs: costTotals(analysis, activities)
    };
}

/** What the procedures can be `for`, and when each is back in this scenario. */
function scenarioState(down: readonly DownElement[], assetNeeds: ReadonlyMap<string, string[]>, failed: readonly FailedAsset[],
    activities: readonly ActivityTimeline[]): ScenarioState {
    const restoreEnd = new Map(failed.map(f => [f.name, f.restore.state === 'known' ? f.restore.endMinutes : undefined]));
    const activityBack = new Map(activities.map(a => [a.name, a.back.backMinutes]));
    const latest = (assets: readonly string[]): number | undefined => {
        let max = 0;
        for (const asset of assets) {
            const end = restoreEnd.get(asset);
            if (end === undefined) return undefined;
            max = Math.max(max, end);
        }
        return max;
    };
    // A fallback used here ends when the last asset it restores is back, or the activity it brings back directly.
    const usedEnds = new Map<string, Array<number | undefined>>();
    const use = (fallback: string, end: number | undefined): void => { usedEnds.set(fallback, [...usedEnds.get(fallback) ?? [], end]); };
    for (const f of failed) if (f.restore.state === 'known') use(f.restore.via, f.restore.endMinutes);
    for (const a of activities) {
        if (a.direct && a.back.path === 'direct' && a.direct.via !== 'manual') use(a.direct.via, a.back.backMinutes);
    }
    const risks = new Map(down.filter(d => d.kind === 'risk').map(d => [d.name, d.assets]));
    return {
        concerned: (ref: ElementRef) => ref.kind === 'activity' ? activityBack.has(ref.name)
            : ref.kind === 'asset' ? assetNeeds.has(ref.name)
            : ref.kind === 'risk' ? risks.has(ref.name)
            : ref.kind === 'fallback' && usedEnds.has(ref.name),
        backOf: (ref: ElementRef) => {
            if (ref.kind === 'activity') return activityBack.get(ref.name);
            if (ref.kind === 'asset') return latest(assetNeeds.get(ref.name) ?? []);
            if (ref.kind === 'risk') return latest(risks.get(ref.name) ?? []);
            const ends = usedEnds.get(ref.name) ?? [];
            return ends.some(e => e === undefined) ? undefined : Math.max(0, ...ends as number[]);
        }
    };
}

/** Costs per currency; an activity with a `loss` but no known downtime makes its currency's total a lower bound. */
function costTotals(analysis: PlanAnalysis, activities: readonly ActivityTimeline[]): SimulationResult['costs'] {
    const totals = new Map<string, { currency: string; amount: number; atLeast: boolean }>();
    for (const { name, cost } of activities) {
        const loss = analysis.data.activities.get(name)?.loss;
        if (!loss) continue;
        const currency = loss.currency ?? '';
        const total = totals.get(currency) ?? { currency, amount: 0, atLeast: false };
        total.amount = Math.round((total.amount + (cost?.amount ?? 0)) * 100) / 100;
        total.atLeast ||= cost?.atLeast ?? true;
        totals.set(currency, total);
    }
    return [...totals.values()];
}
