import { requiresContinuity } from '../pra-analysis.js';
import type { ActivityData, AssetData, FallbackData } from '../pra-model.js';
import { certainlyMissed, type AssetPath, type Figure, type Recovery, type SlowAsset } from '../pra-recovery.js';
import { listWords, word } from '../pra-messages.js';
import { about, duration, namesUpTo, relatedAssets, say, type CheckContext, type PlanCheck } from './pra-finding.js';

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

/** Whether one member of the direct path meets the rto without needing any of `assets`. */
function directPathMeetsWithout(ctx: CheckContext, activity: ActivityData, assets: ReadonlySet<string>): boolean {
    const required = activity.rtoMinutes;
    if (required === undefined) return false;
    if (activity.manual?.withinMinutes !== undefined && activity.manual.withinMinutes <= required) return true;
    return ctx.analysis.recovery.coveringActivity(activity.name).some(fallback => fallback.rtoMinutes !== undefined
        && fallback.rtoMinutes <= required && ctx.analysis.recovery.chainsFrom(fallback.name, a => assets.has(a)).length === 0);
}

/** Assets of U that `keep` accepts, in visiting order. */
function assetsWhere(
    ctx: CheckContext, activity: string, keep: (asset: AssetData, covering: readonly FallbackData[]) => boolean
): string[] {
    const found: string[] = [];
    ctx.analysis.recovery.forEachAsset(activity, (asset, covering) => { if (keep(asset, covering)) found.push(asset.name); });
    return found;
}

const uncoveredDependency: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const activity of analysis.model.activities) {
        if (!requiresContinuity(activity.criticality) || !analysis.recovery.anyAssetUncovered(activity.name)) continue;
        const uncovered = assetsWhere(ctx, activity.name, (_asset, covering) => covering.length === 0);
        if (uncovered.length === 0 || directPathMeetsWithout(ctx, activity, new Set(uncovered))) continue;
        report(about('activity', activity, 'uncovered-dependency', say(ctx, 'uncovered-dependency', {
            activity: activity.name, criticality: word(activity.criticality!, ctx.lang),
            assets: namesUpTo(uncovered, UNCOVERED_NAMED, ctx.lang)
        }), 'uses', relatedAssets(ctx, uncovered.slice(0, UNCOVERED_NAMED))));
    }
};

function viaWord(ctx: CheckContext, via: string): string {
    return via === 'manual' ? word('manual workaround', ctx.lang) : via;
}

/**
 * The slowest assets of the path's scope above the requirement (at most three, from the fold) and
 * how many there are in all (counted only when all three named are above it).
 */
function slowAssets(ctx: CheckContext, activity: ActivityData, figure: Figure, required: number): { named: SlowAsset[]; count: number } {
    const { recovery } = ctx.analysis;
    const named = recovery.slowest(activity, figure).filter(s => s.minutes > required);
    if (named.length < SLOWEST_NAMED) return { named, count: named.length };
    let count = 0;
    const visit = (asset: AssetData): void => {
        const best = recovery.bestOfAsset(asset.name, figure);
        if (best.state === 'known' && best.minutes > required) count++;
    };
    if (figure === 'rto') recovery.forEachAsset(activity.name, visit); else recovery.forEachDataAsset(activity, visit);
    return { named, count };
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
        for (const activity of ctx.analysis.model.activities) {
            const required = figure === 'rto' ? activity.rtoMinutes : activity.rpoMinutes;
            const figures = ctx.analysis.activities.get(activity.name);
            if (required === undefined || !figures) continue;
            const direct = figures.direct[figure];
            const path = figures.assetPath[figure];
            if (!certainlyMissed(required, direct, path)) continue;
            const { named, count } = slowAssets(ctx, activity, figure, required);
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
    for (const activity of analysis.model.activities) {
        const required = activity.rtoMinutes;
        const figures = analysis.activities.get(activity.name);
        if (!requiresContinuity(activity.criticality) || required === undefined || !figures) continue;
        if (analysis.recovery.longestSla(activity.name) <= required) continue;
        if (figures.achievedRto && !figures.achievedRto.atLeast && figures.achievedRto.minutes <= required) continue;
        const late = assetsWhere(ctx, activity.name, asset => {
            const best = analysis.recovery.bestOfAsset(asset.name, 'rto');
            return asset.slaMinutes !== undefined && asset.slaMinutes > required && !(best.state === 'known' && best.minutes <= required);
        });
        if (late.length === 0) continue;
        const assets = late.map(name => `${name} (${duration(ctx, analysis.data.assets.get(name)!.slaMinutes!)})`);
        report(about('activity', activity, 'sla-gap', say(ctx, 'sla-gap', {
            activity: activity.name, required: duration(ctx, required), assets: namesUpTo(assets, UNCOVERED_NAMED, ctx.lang)
        }), 'rto', relatedAssets(ctx, late.slice(0, UNCOVERED_NAMED))));
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

const exerciseProgramme: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const activity of analysis.model.activities) {
        if (activity.criticality !== 'critical') continue;
        const direct = analysis.recovery.coveringActivity(activity.name);
        if (analysis.recovery.anyAssetDrilled(activity.name) || direct.some(f => analysis.fallbacks.get(f.name)?.drilled)) continue;
        if (direct.length === 0 && !analysis.recovery.anyAssetCovered(activity.name)) continue;
        const fallbacks = new Set(direct.map(f => f.name));
        analysis.recovery.forEachAsset(activity.name, (_asset, covering) => covering.forEach(f => fallbacks.add(f.name)));
        report(about('activity', activity, 'exercise-programme', say(ctx, 'exercise-programme', {
            activity: activity.name, fallbacks: namesUpTo([...fallbacks], UNCOVERED_NAMED, ctx.lang), date: analysis.referenceDate
        })));
    }
};

export const continuityChecks: readonly PlanCheck[] = [
    criticalWithoutFallback, uncoveredDependency, recoveryGap('rto'), recoveryGap('rpo'), slaGap, rtoExceedsMtpd,
    missingRequirement, manualWithoutCatchup, catchupNotAfter, exerciseProgramme
];
