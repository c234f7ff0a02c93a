import type { PlanAnalysis } from '../pra-analysis.js';
import type { ActivityData } from '../pra-model.js';
import { achievedOf, type Achieved, type AssetPath, type Recovery } from '../pra-recovery.js';
import type { Outage, OutageHit } from './outage.js';
import type { Restores } from './restores.js';
import type { ActivityTimeline, Comeback, Crossing, ImpactStep } from './simulation-model.js';

const minutesPer = { day: 1440, hour: 60 } as const;

/** Whether a limit is crossed before the activity is back. */
export function crossing(limit: number, back: Comeback): Crossing {
    if (back.backMinutes !== undefined) return back.backMinutes > limit ? 'yes' : 'no';
    return back.atLeast !== undefined && back.atLeast > limit ? 'yes' : 'unknown';
}

/**
 * The timeline of one hit activity: it stops at once; it comes back by the first path ready — its
 * direct path (a fallback covering it, its manual `within`) or its asset path (every failed asset
 * it needs restored; restores run in parallel, as the plan's figures assume) — combined by the
 * contract's rule (`achievedOf`). Impacts, data lost and cost follow from that return.
 */
export function activityTimeline(analysis: PlanAnalysis, restores: Restores, outage: Outage,
    hit: OutageHit, orderOf: (asset: string) => number): ActivityTimeline {
    const activity = analysis.data.activities.get(hit.name)!;
    const failedAssets = [...hit.failed].sort((a, b) => orderOf(a) - orderOf(b));
    const direct = directPath(analysis, restores, outage, activity);
    const { path, comeback: assetPath } = assetPathOf(restores, failedAssets);
    const back = comebackOf(achievedOf(direct ? { minutes: direct.minutes, via: direct.via } : undefined, path), assetPath);
    const timeline: ActivityTimeline = {
        name: activity.name, title: activity.title, criticality: activity.criticality, hit: hit.hit, failedAssets,
        stopMinutes: 0, direct, assetPath, back,
        impacts: impactsOf(activity, back),
        dataLost: dataLost(analysis, outage, activity, hit.dataFailed)
    };
    if (activity.rtoMinutes !== undefined) timeline.rto = { minutes: activity.rtoMinutes, crossed: crossing(activity.rtoMinutes, back) };
    if (activity.mtpdMinutes !== undefined) {
        timeline.mtpd = { minutes: activity.mtpdMinutes, crossed: crossing(activity.mtpdMinutes, back) };
    }
    const downtime = back.backMinutes ?? back.atLeast;
    if (activity.loss && downtime !== undefined) {
        timeline.cost = {
            amount: Math.round(activity.loss.amount * downtime / minutesPer[activity.loss.period] * 100) / 100,
            currency: activity.loss.currency, atLeast: back.backMinutes === undefined
        };
    }
    return timeline;
}

/** The analysis' direct figure when its means needs nothing that failed; else the first member ready in this scenario. */
function directPath(analysis: PlanAnalysis, restores: Restores, outage: Outage, activity: ActivityData): ActivityTimeline['direct'] {
    const figures = analysis.activities.get(activity.name)!.direct;
    const best = figures.rto;
    if (best && (best.via === 'manual' || !outage.fallbackNeeds.has(best.via))) {
        return { minutes: best.minutes, via: best.via, delayed: false };
    }
    let found: ActivityTimeline['direct'];
    const consider = (minutes: number, via: string): void => {
        if (!found || minutes < found.minutes) found = { minutes, via, delayed: true };
    };
    if (activity.manual?.withinMinutes !== undefined) consider(activity.manual.withinMinutes, 'manual');
    for (const name of figures.fallbacks) {
        const rto = analysis.data.fallbacks.get(name)?.rtoMinutes;
        const ready = rto === undefined ? undefined : restores.readiness(name);
        if (ready) consider(ready.startMinutes + rto!, name);
    }
    return found;
}

/** When every failed asset the activity needs is back; unknown (with the reason) when one has no restore time. */
function assetPathOf(restores: Restores, failed: readonly string[]): { path: AssetPath; comeback: Comeback } {
    let slowest: { asset: string; minutes: number; via: string } | undefined;
    const unknown: string[] = [];
    let broken: string | undefined;
    for (const asset of failed) {
        const restore = restores.of(asset);
        if (restore.state === 'known') {
            if (!slowest || restore.endMinutes > slowest.minutes) slowest = { asset, minutes: restore.endMinutes, via: restore.via };
        } else {
            unknown.push(asset);
            if (restore.reason !== 'unstated') broken ??= asset;
        }
    }
    if (broken !== undefined) return { path: { state: 'none', missing: broken }, comeback: { unknownBecause: unknown } };
    if (unknown.length > 0) {
        return {
            path: { state: 'atLeast', minutes: slowest?.minutes, slowest },
            comeback: { atLeast: slowest?.minutes, unknownBecause: unknown }
        };
    }
    if (!slowest) return { path: { state: 'empty' }, comeback: {} };
    return {
        path: { state: 'exact', minutes: slowest.minutes, slowest },
        comeback: { backMinutes: slowest.minutes, path: 'asset', via: slowest.via }
    };
}

function comebackOf(achieved: Achieved | undefined, assetPath: Comeback): Comeback {
    if (!achieved) return { unknownBecause: assetPath.unknownBecause ?? [] };
    if (achieved.atLeast) {
        return { atLeast: achieved.minutes, path: achieved.path, via: achieved.via, unknownBecause: assetPath.unknownBecause };
    }
    return { backMinutes: achieved.minutes, path: achieved.path, via: achieved.via };
}

function impactsOf(activity: ActivityData, back: Comeback): ImpactStep[] {
    return activity.impacts
        .map(impact => {
            const atMinutes = impact.afterMinutes ?? 0;
            // A return time unknown is still later than the start: what is reached at once is reached.
            const reached: Crossing = back.backMinutes !== undefined ? (atMinutes < back.backMinutes ? 'yes' : 'no')
                : atMinutes === 0 || (back.atLeast !== undefined && atMinutes < back.atLeast) ? 'yes' : 'unknown';
            return { category: impact.category, level: impact.level, atMinutes, reached };
        })
        .sort((a, b) => a.atMinutes - b.atMinutes || a.level - b.level);
}

/**
 * The data lost: the contract's achieved RPO over the failed data-holding assets of the activity's
 * RPO scope (best figures read from the analysis), or its direct path's when that is less.
 * Nothing that holds its data failed: nothing is lost.
 */
function dataLost(analysis: PlanAnalysis, outage: Outage, activity: ActivityData,
    hitData: readonly string[]): ActivityTimeline['dataLost'] {
    if (hitData.length === 0) return { minutes: 0, atLeast: false };
    let path: AssetPath | undefined;
    let slowest: { asset: string; minutes: number; via: string } | undefined;
    let unstated = false;
    for (const name of hitData) {
        const best = analysis.assets.get(name)!.best.rpo;
        if (best.state === 'none') { path = { state: 'none', missing: name }; break; }
        if (best.state === 'unstated') unstated = true;
        else if (!slowest || best.minutes > slowest.minutes) slowest = { asset: name, minutes: best.minutes, via: best.via };
    }
    path ??= unstated ? { state: 'atLeast', minutes: slowest?.minutes, slowest }
        : { state: 'exact', minutes: slowest!.minutes, slowest: slowest! };
    const direct = analysis.activities.get(activity.name)!.direct.rpo;
    const usable: Recovery | undefined = direct && !outage.fallbackNeeds.has(direct.via) ? direct : undefined;
    const achieved = achievedOf(usable, path);
    return achieved ? { minutes: achieved.minutes, atLeast: achieved.atLeast, via: achieved.via } : undefined;
}
