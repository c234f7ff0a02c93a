import { criticalityRank, type PlanAnalysis } from '../pra-analysis.js';
import { achievedOf, type AssetPath } from '../pra-recovery.js';
import type { Outage } from './outage.js';
import type { Restores } from './restores.js';
import type {
    ActivityCase, ActivityTimeline, Crossing, RecoveryOrder, RecoveryWave, ScheduledRestore, SimulationFinding
} from './simulation-model.js';

/** The failed assets in restore order, grouped in waves, and what each must wait for. */
export interface Waves {
    waves: RecoveryWave[];
    /** Every failed asset once, wave by wave. */
    ordered: string[];
    /** The failed assets each one needs back first: those it depends on, and those its fallback needs. */
    before: Map<string, string[]>;
    tightestRto: Map<string, number>;
}

/**
 * Waves of restores that can run in parallel: an asset comes in the wave after the last of the
 * failed assets it needs (through `depends on`, or because its fallback needs them). Within a
 * wave, the asset serving the tightest RTO first, then the most critical activity, then the order
 * named. Assets that wait for one another (a cycle) make one last wave, marked so: the loop ends.
 */
export function recoveryWaves(analysis: PlanAnalysis, outage: Outage, restores: Restores): Waves {
    const tightestRto = new Map<string, number>();
    const topRank = new Map<string, number>();
    for (const hit of outage.activities) {
        const activity = analysis.data.activities.get(hit.name)!;
        for (const asset of hit.failed) {
            if (activity.rtoMinutes !== undefined) {
                tightestRto.set(asset, Math.min(tightestRto.get(asset) ?? Infinity, activity.rtoMinutes));
            }
            topRank.set(asset, Math.max(topRank.get(asset) ?? 0, criticalityRank[activity.criticality ?? ''] ?? 0));
        }
    }
    const named = new Map(outage.failed.map((f, i) => [f.name, i]));
    const before = new Map<string, string[]>();
    for (const { name } of outage.failed) {
        const restore = restores.of(name);
        const waits = restore.state === 'known' ? restore.waitsFor : restore.reason === 'blocked' ? restore.needs : [];
        before.set(name, [...new Set([...(outage.assetNeeds.get(name) ?? []), ...waits])].filter(n => n !== name && named.has(n)));
    }
    const priority = (a: string, b: string): number => (tightestRto.get(a) ?? Infinity) - (tightestRto.get(b) ?? Infinity)
        || (topRank.get(b) ?? 0) - (topRank.get(a) ?? 0) || named.get(a)! - named.get(b)!;
    const placed = new Set<string>();
    let remaining = outage.failed.map(f => f.name);
    const waves: RecoveryWave[] = [];
    while (remaining.length > 0) {
        let ready = remaining.filter(n => before.get(n)!.every(p => placed.has(p)));
        const cycle = ready.length === 0;
        if (cycle) ready = remaining;
        ready.sort(priority);
        waves.push({ wave: waves.length + 1, assets: ready, cycle });
        ready.forEach(n => placed.add(n));
        remaining = remaining.filter(n => !placed.has(n));
    }
    return { waves, ordered: waves.flatMap(w => w.assets), before, tightestRto };
}

function crossed(value: number | undefined, atLeast: boolean, limit: number | undefined): Crossing {
    if (limit === undefined || value === undefined) return 'unknown';
    if (value > limit) return 'yes';
    return atLeast ? 'unknown' : 'no';
}

/**
 * The schedule of the waves: best case, each restore starts as soon as what it needs is back (as
 * many teams as restores); worst case, one restore after the other in the recovery order. Each
 * activity's figures (the first of its direct path and its failed assets back) against its RTO and
 * MTPD; a finding where even the best case misses the MTPD.
 */
export function recoveryOrder(analysis: PlanAnalysis, waves: Waves, restores: Restores,
    timelines: readonly ActivityTimeline[]): RecoveryOrder {
    const waveOf = new Map(waves.waves.flatMap(w => w.assets.map(a => [a, w.wave] as const)));
    const scheduled = new Map<string, ScheduledRestore>();
    const criticalFrom = new Map<string, string>();
    let worst = 0;
    let anyUnknown = false;
    for (const asset of waves.ordered) {
        const restore = restores.of(asset);
        const duration = restore.state === 'known' ? restore.durationMinutes : 0;
        anyUnknown ||= restore.state !== 'known';
        let start = 0;
        for (const previous of waves.before.get(asset)!) {
            const end = scheduled.get(previous)?.bestEndMinutes;
            // The chain goes through what ends last (the first of equals, even a restore of unknown time).
            if (end !== undefined && (end > start || !criticalFrom.has(asset))) { start = end; criticalFrom.set(asset, previous); }
        }
        worst += duration;
        scheduled.set(asset, {
            asset, wave: waveOf.get(asset)!, tightestRtoMinutes: waves.tightestRto.get(asset),
            bestStartMinutes: start, bestEndMinutes: start + duration, worstEndMinutes: worst, unknown: restore.state !== 'known'
        });
    }
    const restoresList = [...scheduled.values()];
    const chainTo = (asset: string): string[] => {
        const chain = [asset];
        for (let at = criticalFrom.get(asset); at !== undefined; at = criticalFrom.get(at)) chain.unshift(at);
        return chain;
    };
    const last = restoresList.reduce<ScheduledRestore | undefined>((l, r) => !l || r.bestEndMinutes > l.bestEndMinutes ? r : l, undefined);
    const activities: ActivityCase[] = [];
    const findings: SimulationFinding[] = [];
    for (const timeline of timelines) {
        const activity = analysis.data.activities.get(timeline.name)!;
        const best = caseOf(timeline, restores, scheduled, 'bestEndMinutes');
        const worstCase = caseOf(timeline, restores, scheduled, 'worstEndMinutes');
        const atLeast = best.atLeast || worstCase.atLeast;
        const entry: ActivityCase = {
            activity: timeline.name, rtoMinutes: activity.rtoMinutes, mtpdMinutes: activity.mtpdMinutes,
            best: best.minutes, worst: worstCase.minutes, atLeast,
            bestMeetsRto: meets(crossed(best.minutes, best.atLeast, activity.rtoMinutes)),
            worstMeetsRto: meets(crossed(worstCase.minutes, worstCase.atLeast, activity.rtoMinutes)),
            bestMeetsMtpd: meets(crossed(best.minutes, best.atLeast, activity.mtpdMinutes)),
            worstMeetsMtpd: meets(crossed(worstCase.minutes, worstCase.atLeast, activity.mtpdMinutes))
        };
        activities.push(entry);
        if (entry.bestMeetsMtpd === 'no' && best.minutes !== undefined) {
            findings.push({
                code: 'best-case-misses-mtpd', activity: timeline.name, bestMinutes: best.minutes, mtpdMinutes: activity.mtpdMinutes!,
                atLeast: best.atLeast, criticalPath: best.slowest ? chainTo(best.slowest) : []
            });
        }
    }
    return {
        waves: waves.waves, restores: restoresList, criticalPath: last ? chainTo(last.asset) : [],
        bestCaseMinutes: last?.bestEndMinutes ?? 0, worstCaseMinutes: worst, atLeast: anyUnknown, activities, findings
    };
}

/** "Meets" is the opposite of "crossed": yes when the limit holds. */
function meets(crossing: Crossing): Crossing {
    return crossing === 'unknown' ? 'unknown' : crossing === 'yes' ? 'no' : 'yes';
}

/** An activity back in one case of the schedule: the first of its direct path and its failed assets, by the contract's rule. */
function caseOf(timeline: ActivityTimeline, restores: Restores, scheduled: ReadonlyMap<string, ScheduledRestore>,
    end: 'bestEndMinutes' | 'worstEndMinutes'): { minutes?: number; atLeast: boolean; slowest?: string } {
    let slowest: { asset: string; minutes: number; via: string } | undefined;
    let path: AssetPath | undefined;
    let unstated = false;
    for (const asset of timeline.failedAssets) {
        const restore = restores.of(asset);
        if (restore.state === 'unknown' && restore.reason !== 'unstated') { path = { state: 'none', missing: asset }; break; }
        if (restore.state === 'unknown') unstated = true;
        const minutes = scheduled.get(asset)![end];
        if (!slowest || minutes > slowest.minutes) slowest = { asset, minutes, via: restore.state === 'known' ? restore.via : '' };
    }
    path ??= !slowest ? { state: 'empty' } : unstated ? { state: 'atLeast', minutes: slowest.minutes, slowest }
        : { state: 'exact', minutes: slowest.minutes, slowest };
    const achieved = achievedOf(timeline.direct ? { minutes: timeline.direct.minutes, via: timeline.direct.via } : undefined, path);
    return {
        minutes: achieved?.minutes, atLeast: achieved?.atLeast ?? false,
        slowest: achieved?.path === 'asset' ? slowest?.asset : undefined
    };
}
