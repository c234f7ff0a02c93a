import { requiresContinuity } from '../pra-analysis.js';
import type { ActivityData } from '../pra-model.js';
import { certainlyMissed, type AssetPath, type Figure, type Recovery } from '../pra-recovery.js';
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
            activity: activity.name, assets: assets.length === 0 ? '—' : assets.length <= UNCOVERED_NAMED ? assets.join(', ') : namesUpTo(assets, UNCOVERED_NAMED, ctx.lang)
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

const uncoveredDependency: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const activity of analysis.model.activities) {
        if (!requiresContinuity(activity.criticality) || !analysis.recovery.anyAssetUncovered(activity.name)) continue;
        const uncovered = analysis.assetsOf(activity.name).filter(name => analysis.assets.get(name)?.coveredBy.length === 0);
        if (uncovered.length === 0 || directPathMeetsWithout(ctx, activity, new Set(uncovered))) continue;
        report(about('activity', activity, 'uncovered-dependency', say(ctx, 'uncovered-dependency', {
            activity: activity.name, criticality: word(activity.criticality!, ctx.lang), assets: namesUpTo(uncovered, UNCOVERED_NAMED, ctx.lang)
        }), 'uses', relatedAssets(ctx, uncovered.slice(0, UNCOVERED_NAMED))));
    }
};

function viaWord(ctx: CheckContext, via: string): string {
    return via === 'manual' ? word('manual workaround', ctx.lang) : via;
}

/** The assets of the path's scope whose known figure exceeds the requirement, slowest first. */
function slowAssets(ctx: CheckContext, activity: ActivityData, figure: Figure, required: number): Array<{ asset: string; minutes: number; via: string }> {
    const scope = figure === 'rto' ? ctx.analysis.assetsOf(activity.name) : ctx.analysis.recovery.dataAssetsOf(activity);
    return scope.flatMap(name => {
        const best = ctx.analysis.assets.get(name)?.best[figure];
        return best?.state === 'known' && best.minutes > required ? [{ asset: name, minutes: best.minutes, via: best.via }] : [];
    }).sort((a, b) => b.minutes - a.minutes);
}

function directText(ctx: CheckContext, figure: Figure, direct: Recovery | undefined): string {
    return direct
        ? say(ctx, `gap.direct.slow.${figure}`, { figure: duration(ctx, direct.minutes), via: viaWord(ctx, direct.via) })
        : say(ctx, 'gap.direct.none');
}

function assetText(ctx: CheckContext, figure: Figure, path: AssetPath, slow: string): string {
    if (path.state === 'none') return say(ctx, 'gap.assets.none', { missing: path.missing, slow: slow ? say(ctx, 'gap.slowest', { slow }) : '' });
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
            const slow = slowAssets(ctx, activity, figure, required);
            const named = slow.slice(0, SLOWEST_NAMED);
            const slowText = named.map(s => say(ctx, 'gap.slow', { asset: s.asset, figure: duration(ctx, s.minutes), via: s.via })).join(', ')
                + (slow.length > SLOWEST_NAMED ? ` ${word('and more', ctx.lang, { count: slow.length - SLOWEST_NAMED })}` : '');
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
        const late = analysis.assetsOf(activity.name).filter(name => {
            const sla = analysis.data.assets.get(name)?.slaMinutes;
            const best = analysis.assets.get(name)?.best.rto;
            return sla !== undefined && sla > required && !(best?.state === 'known' && best.minutes <= required);
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
        if (activity.rtoMinutes === undefined || activity.mtpdMinutes === undefined || activity.rtoMinutes <= activity.mtpdMinutes) continue;
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
        report(about('activity', activity, 'manual-without-catchup', say(ctx, 'manual-without-catchup', { activity: activity.name }), 'manual'));
    }
};

const catchupNotAfter: PlanCheck = (ctx, report) => {
    for (const activity of ctx.analysis.model.activities) {
        const procedure = activity.catchup === undefined ? undefined : ctx.analysis.data.procedures.get(activity.catchup);
        if (!procedure) continue;
        const reasons: string[] = [];
        if (procedure.phase !== 'after') reasons.push(say(ctx, 'catchup-not-after.phase', { phase: procedure.phase ?? '—' }));
        if (!procedure.for.some(t => t.kind === 'activity' && t.name === activity.name)) reasons.push(say(ctx, 'catchup-not-after.for', { activity: activity.name }));
        if (reasons.length === 0) continue;
        report(about('activity', activity, 'catchup-not-after', say(ctx, 'catchup-not-after', {
            activity: activity.name, procedure: procedure.name, reasons: listWords(reasons, ctx.lang)
        }), 'catchup'));
    }
};

const exerciseProgramme: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const activity of analysis.model.activities) {
        if (activity.criticality !== 'critical') continue;
        const fallbacks = new Set(analysis.recovery.coveringActivity(activity.name).map(f => f.name));
        for (const asset of analysis.assetsOf(activity.name)) analysis.recovery.coveringAsset(asset).forEach(f => fallbacks.add(f.name));
        if (fallbacks.size === 0 || [...fallbacks].some(name => analysis.fallbacks.get(name)?.drilled)) continue;
        report(about('activity', activity, 'exercise-programme', say(ctx, 'exercise-programme', {
            activity: activity.name, fallbacks: namesUpTo([...fallbacks], UNCOVERED_NAMED, ctx.lang), date: analysis.referenceDate
        })));
    }
};

export const continuityChecks: readonly PlanCheck[] = [
    criticalWithoutFallback, uncoveredDependency, recoveryGap('rto'), recoveryGap('rpo'), slaGap, rtoExceedsMtpd,
    missingRequirement, manualWithoutCatchup, catchupNotAfter, exerciseProgramme
];
