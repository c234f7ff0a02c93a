import { requiresContinuity } from '../pra-analysis.js';
import type { ActivityData, AssetData, FallbackData } from '../pra-model.js';
import {
    certainlyMissed, countBits, hasBit, sharesBits, type AssetPath, type Figure, type Recovery, type SlowAsset
} from '../pra-recovery.js';
import { listWords, word } from '../pra-messages.js';
import { about, duration, firstNamesOf, namesUpTo, relatedAssets, say, type CheckContext, type PlanCheck } from './pra-finding.js';

/** Continuity requirements per activity (seed point 1) against what the plan achieves (points 4 and 5). */

const SLOWEST_NAMED = 3;
const UNCOVERED_NAMED = 5;

const criticalWithoutFallback: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        const figures = ctx.analysis.activities.get(activity.name);
        if (activity.criticality !== 'critical' || !figures || figures.hasFallback) continue;
        const assets = ctx.analysis.assetsOf(activity.name);
        report(about('activity', activity, 'critical-without-fallback', say(ctx, 'critical-without-fallback', {
            activity: activity.name,
            assets: assets.length === 0 ? '—'
                : assets.length <= UNCOVERED_NAMED ? assets.join(', ')
                : namesUpTo(assets, UNCOVERED_NAMED, ctx.lang)
        })));
    }
};

/**
 * Whether one member of the direct path meets the rto without needing any of the assets in
 * question: `assets` as names (walks) or as a row (closure rows).
 */
function directPathMeetsWithout(ctx: CheckContext, activity: ActivityData, assets: ReadonlySet<string> | Uint32Array): boolean {
    const required = activity.rtoMinutes;
    if (required === undefined) return false;
    if (activity.manual?.withinMinutes !== undefined && activity.manual.withinMinutes <= required) return true;
    const { recovery } = ctx.analysis;
    const needsNone = (fallback: string): boolean => assets instanceof Uint32Array
        ? !sharesBits(recovery.assetBits('fallback', fallback)!, assets)
        : recovery.chainsFrom(fallback, a => assets.has(a)).length === 0;
    return recovery.coveringActivity(activity.name).some(fallback => fallback.rtoMinutes !== undefined
        && fallback.rtoMinutes <= required && needsNone(fallback.name));
}

/** Assets of U that `keep` accepts, in visiting order. */
function assetsWhere(
    ctx: CheckContext, activity: string, keep: (asset: AssetData, covering: readonly FallbackData[]) => boolean
): string[] {
    const found: string[] = [];
    ctx.analysis.recovery.forEachAsset(activity, (asset, covering) => { if (keep(asset, covering)) found.push(asset.name); });
    return found;
}

/**
 * The assets of U in `mask`: how many (a popcount of U's row), and the first `max` of them in
 * visiting order (a walk that stops there and skips what leads to none, `reaches`). Undefined
 * without closure rows.
 */
function assetsInMask(ctx: CheckContext, activity: string, mask: Uint32Array, reaches: () => Uint8Array, max: number):
    { first: string[]; count: number; inU: Uint32Array } | undefined {
    const { recovery } = ctx.analysis;
    const bits = recovery.assetBits('activity', activity);
    if (!bits) return undefined;
    const inU = bits.map((word, w) => word & mask[w]);
    const count = countBits(inU);
    const first: string[] = [];
    const wanted = Math.min(max, count);
    if (wanted > 0) {
        recovery.forEachAssetUntil(activity, (asset, _covering, index) => {
            if (hasBit(mask, index)) first.push(asset.name);
            return first.length >= wanted;
        }, reaches());
    }
    return { first, count, inU };
}

/** A value computed once per check run, on first use. */
function once<T>(make: () => T): () => T {
    let value: T | undefined;
    return () => value ??= make();
}

const uncoveredDependency: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const uncoveredMask = once(() => analysis.recovery.assetMaskWhere((_asset, covering) => covering.length === 0));
    const reaches = once(() => analysis.recovery.reachesMask(uncoveredMask()));
    for (const activity of analysis.model.activities) {
        if (!requiresContinuity(activity.criticality) || !analysis.recovery.anyAssetUncovered(activity.name)) continue;
        let named: string[];
        let count: number;
        const byRows = assetsInMask(ctx, activity.name, uncoveredMask(), reaches, UNCOVERED_NAMED);
        if (byRows) {
            if (byRows.count === 0 || directPathMeetsWithout(ctx, activity, byRows.inU)) continue;
            ({ first: named, count } = byRows);
        } else {
            const uncovered = assetsWhere(ctx, activity.name, (_asset, covering) => covering.length === 0);
            if (uncovered.length === 0 || directPathMeetsWithout(ctx, activity, new Set(uncovered))) continue;
            [named, count] = [uncovered, uncovered.length];
        }
        report(about('activity', activity, 'uncovered-dependency', say(ctx, 'uncovered-dependency', {
            activity: activity.name, criticality: word(activity.criticality!, ctx.lang),
            assets: firstNamesOf(named, count, UNCOVERED_NAMED, ctx.lang)
        }), 'uses', relatedAssets(ctx, named.slice(0, UNCOVERED_NAMED))));
    }
};

function viaWord(ctx: CheckContext, via: string): string {
    return via === 'manual' ? word('manual workaround', ctx.lang) : via;
}

/**
 * The slowest assets of the path's scope above the requirement (at most three, from the fold) and
 * how many there are in all (counted only when all three named are above it): a popcount of the
 * scope's row and the assets above the requirement, or a walk without closure rows.
 */
function slowAssets(ctx: CheckContext, activity: ActivityData, figure: Figure, required: number,
    slowMask: (figure: Figure, required: number) => Uint32Array): { named: SlowAsset[]; count: number } {
    const { recovery } = ctx.analysis;
    const named = recovery.slowest(activity, figure).filter(s => s.minutes > required);
    if (named.length < SLOWEST_NAMED) return { named, count: named.length };
    const scope = figure === 'rto' ? recovery.assetBits('activity', activity.name) : recovery.dataAssetBits(activity);
    if (scope) return { named, count: countBits(scope, slowMask(figure, required)) };
    let count = 0;
    const visit = (asset: AssetData): void => {
        if (isSlow(ctx, asset.name, figure, required)) count++;
    };
    if (figure === 'rto') recovery.forEachAsset(activity.name, visit); else recovery.forEachDataAsset(activity, visit);
    return { named, count };
}

function isSlow(ctx: CheckContext, asset: string, figure: Figure, required: number): boolean {
    const best = ctx.analysis.recovery.bestOfAsset(asset, figure);
    return best.state === 'known' && best.minutes > required;
}

function directText(ctx: CheckContext, figure: Figure, direct: Recovery | undefined): string {
    return direct
        ? say(ctx, `gap.direct.slow.${figure}`, { figure: duration(ctx, direct.minutes), via: viaWord(ctx, direct.via) })
        : say(ctx, `gap.direct.none.${figure}`);
}

function assetText(ctx: CheckContext, figure: Figure, path: AssetPath, slow: string): string {
    if (path.state === 'none') {
        return say(ctx, 'gap.assets.none', { missing: path.missing, slow: slow ? say(ctx, 'gap.slowest', { slow }) : '' });
    }
    if (path.state === 'exact' || path.state === 'atLeast') {
        return say(ctx, `gap.assets.${figure}`, {
            bound: path.state === 'atLeast' ? word('at least', ctx.lang) : '', figure: duration(ctx, path.minutes ?? 0), slow
        });
    }
    return say(ctx, 'gap.assets.empty');
}

function recoveryGap(figure: Figure): PlanCheck {
    return (ctx, report) => {
        const { recovery } = ctx.analysis;
        const masks = new Map<number, Uint32Array>();
        const slowMask = (of: Figure, required: number): Uint32Array => {
            let mask = masks.get(required);
            if (!mask) masks.set(required, mask = recovery.assetMaskWhere((_a, _c, i) => isSlow(ctx, recovery.names[i], of, required)));
            return mask;
        };
        for (const activity of ctx.analysis.model.activities) {
            const required = figure === 'rto' ? activity.rtoMinutes : activity.rpoMinutes;
            const figures = ctx.analysis.activities.get(activity.name);
            if (required === undefined || !figures) continue;
            const direct = figures.direct[figure];
            const path = figures.assetPath[figure];
            if (!certainlyMissed(required, direct, path)) continue;
            const { named, count } = slowAssets(ctx, activity, figure, required, slowMask);
            const slowText = named
                .map(s => say(ctx, 'gap.slow', { asset: s.asset, figure: duration(ctx, s.minutes), via: s.via }))
                .join(', ')
                + (count > named.length ? ` ${word('and more', ctx.lang, { count: count - named.length })}` : '');
            report(about('activity', activity, `${figure}-gap`, say(ctx, `${figure}-gap`, {
                activity: activity.name, required: duration(ctx, required),
                direct: directText(ctx, figure, direct), assets: assetText(ctx, figure, path, slowText)
            }), figure, relatedAssets(ctx, named.map(s => s.asset))));
        }
    };
}

const slaGap: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const { recovery } = analysis;
    // Assets whose provider's sla is above the requirement and that no fallback brings back within it.
    const isLate = (asset: AssetData, required: number): boolean => {
        const best = recovery.bestOfAsset(asset.name, 'rto');
        return asset.slaMinutes !== undefined && asset.slaMinutes > required && !(best.state === 'known' && best.minutes <= required);
    };
    const lateMasks = new Map<number, { mask: Uint32Array; reaches: () => Uint8Array }>();
    const lateMask = (required: number): { mask: Uint32Array; reaches: () => Uint8Array } => {
        let found = lateMasks.get(required);
        if (!found) {
            const mask = recovery.assetMaskWhere(asset => isLate(asset, required));
            lateMasks.set(required, found = { mask, reaches: once(() => recovery.reachesMask(mask)) });
        }
        return found;
    };
    for (const activity of analysis.model.activities) {
        const required = activity.rtoMinutes;
        const figures = analysis.activities.get(activity.name);
        if (!requiresContinuity(activity.criticality) || required === undefined || !figures) continue;
        if (recovery.longestSla(activity.name) <= required) continue;
        if (figures.achievedRto && !figures.achievedRto.atLeast && figures.achievedRto.minutes <= required) continue;
        const { mask, reaches } = lateMask(required);
        const byRows = assetsInMask(ctx, activity.name, mask, reaches, UNCOVERED_NAMED);
        const late = byRows ?? (all => ({ first: all, count: all.length }))(
            assetsWhere(ctx, activity.name, asset => isLate(asset, required)));
        if (late.count === 0) continue;
        const assets = late.first.map(name => `${name} (${duration(ctx, analysis.data.assets.get(name)!.slaMinutes!)})`);
        report(about('activity', activity, 'sla-gap', say(ctx, 'sla-gap', {
            activity: activity.name, required: duration(ctx, required), assets: firstNamesOf(assets, late.count, UNCOVERED_NAMED, ctx.lang)
        }), 'rto', relatedAssets(ctx, late.first.slice(0, UNCOVERED_NAMED))));
    }
};

const rtoExceedsMtpd: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        if (activity.rtoMinutes === undefined || activity.mtpdMinutes === undefined) continue;
        if (activity.rtoMinutes <= activity.mtpdMinutes) continue;
        report(about('activity', activity, 'rto-exceeds-mtpd', say(ctx, 'rto-exceeds-mtpd', {
            activity: activity.name, rto: duration(ctx, activity.rtoMinutes), mtpd: duration(ctx, activity.mtpdMinutes)
        }), 'rto'));
    }
};

const missingRequirement: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        const missing = ctx.analysis.activities.get(activity.name)?.missingRequirements ?? [];
        if (missing.length === 0) continue;
        report(about('activity', activity, 'missing-requirement', say(ctx, 'missing-requirement', {
            activity: activity.name, criticality: word(activity.criticality!, ctx.lang), missing: listWords(missing, ctx.lang)
        })));
    }
};

const manualWithoutCatchup: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        if (activity.manual === undefined || activity.catchup !== undefined) continue;
        const message = say(ctx, 'manual-without-catchup', { activity: activity.name });
        report(about('activity', activity, 'manual-without-catchup', message, 'manual'));
    }
};

const catchupNotAfter: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        const procedure = activity.catchup === undefined ? undefined : ctx.analysis.data.procedures.get(activity.catchup);
        if (!procedure) continue;
        const reasons: string[] = [];
        if (procedure.phase !== 'after') reasons.push(say(ctx, 'catchup-not-after.phase', { phase: procedure.phase ?? '—' }));
        if (!procedure.for.some(t => t.kind === 'activity' && t.name === activity.name)) {
            reasons.push(say(ctx, 'catchup-not-after.for', { activity: activity.name }));
        }
        if (reasons.length === 0) continue;
        report(about('activity', activity, 'catchup-not-after', say(ctx, 'catchup-not-after', {
            activity: activity.name, procedure: procedure.name, reasons: reasons.join('; ')
        }), 'catchup'));
    }
};

/** The asset indices each active fallback name covers, flat: `assets[offsets[f] .. offsets[f + 1])` for `names[f]`. */
interface Coverers { names: string[]; offsets: Int32Array; assets: Int32Array }

function coverersOf(ctx: CheckContext): Coverers {
    const byName = new Map<string, number[]>();
    ctx.analysis.model.assets.forEach((asset, i) => {
        for (const fallback of ctx.analysis.recovery.coveringAsset(asset.name)) {
            const assets = byName.get(fallback.name);
            if (assets) assets.push(i); else byName.set(fallback.name, [i]);
        }
    });
    const names = [...byName.keys()];
    const offsets = new Int32Array(names.length + 1);
    names.forEach((name, f) => { offsets[f + 1] = offsets[f] + byName.get(name)!.length; });
    return { names, offsets, assets: Int32Array.from([...byName.values()].flat()) };
}

/**
 * The active fallbacks of a critical activity, by name: those covering it, then those covering
 * the assets of U in visiting order. With closure rows, counted over the fallbacks covering some
 * asset of U and named by a walk that stops at the fifth; else one walk over U.
 */
function meansToDrill(ctx: CheckContext, activity: string, direct: readonly FallbackData[], coverers: () => Coverers):
    { first: string[]; count: number } {
    const { recovery } = ctx.analysis;
    const first = new Set(direct.map(f => f.name));
    const bits = recovery.assetBits('activity', activity);
    if (!bits) {
        recovery.forEachAsset(activity, (_asset, covering) => covering.forEach(f => first.add(f.name)));
        return { first: [...first], count: first.size };
    }
    let count = first.size;
    const { names, offsets, assets } = coverers();
    // Whichever costs less: the fallbacks covering each asset of U (Set additions), or every
    // (fallback, asset covered) pair (a bit test each, about 16 times cheaper when measured).
    if (countBits(bits) * 16 < assets.length) {
        // Few assets in U (the bench shape): the fallbacks covering each of them.
        const all = new Set(first);
        const model = ctx.analysis.model;
        for (let w = 0; w < bits.length; w++) {
            for (let word = bits[w]; word !== 0; word &= word - 1) {
                for (const f of recovery.coveringAsset(model.assets[(w << 5) + 31 - Math.clz32(word & -word)].name)) all.add(f.name);
            }
        }
        count = all.size;
    } else {
        // Most of the inventory in U (the dense shape): each fallback, whether it covers an asset of U.
        for (let f = 0; f < names.length; f++) {
            for (let k = offsets[f]; k < offsets[f + 1]; k++) {
                const i = assets[k];
                if (!hasBit(bits, i)) continue;
                if (!first.has(names[f])) count++;
                break;
            }
        }
    }
    const wanted = Math.min(UNCOVERED_NAMED, count);
    if (first.size < wanted) {
        recovery.forEachAssetUntil(activity, (_asset, covering) => {
            covering.forEach(f => first.add(f.name));
            return first.size >= wanted;
        });
    }
    return { first: [...first], count };
}

const exerciseProgramme: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const coverers = once(() => coverersOf(ctx));
    for (const activity of analysis.model.activities) {
        if (activity.criticality !== 'critical') continue;
        const direct = analysis.recovery.coveringActivity(activity.name);
        if (analysis.recovery.anyAssetDrilled(activity.name) || direct.some(f => analysis.fallbacks.get(f.name)?.drilled)) continue;
        if (direct.length === 0 && !analysis.recovery.anyAssetCovered(activity.name)) continue;
        const { first, count } = meansToDrill(ctx, activity.name, direct, coverers);
        report(about('activity', activity, 'exercise-programme', say(ctx, 'exercise-programme', {
            activity: activity.name, fallbacks: firstNamesOf(first, count, UNCOVERED_NAMED, ctx.lang), date: analysis.referenceDate
        })));
    }
};

export const continuityChecks: readonly PlanCheck[] = [
    criticalWithoutFallback, uncoveredDependency, recoveryGap('rto'), recoveryGap('rpo'), slaGap, rtoExceedsMtpd,
    missingRequirement, manualWithoutCatchup, catchupNotAfter, exerciseProgramme
];
