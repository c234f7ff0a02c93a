import { isFutureExercise, outcomeFor } from '../pra-exercises.js';
import { word } from '../pra-messages.js';
import type { FallbackData } from '../pra-model.js';
import { countBits, hasBit, isActive, sharesBits } from '../pra-recovery.js';
import { about, duration, firstNamesOf, namesUpTo, relatedAssets, say, type CheckContext, type PlanCheck } from './pra-finding.js';
import { nonRecoveringFallbackTypes } from '../pra-vocabulary.js';

/** Fallback means (seed point 4) and the exercises that prove them. */

const SELF_NAMED = 5;

const activeFallbacks = (ctx: CheckContext): FallbackData[] => ctx.analysis.model.fallbacks.filter(isActive);

const untestedFallback: PlanCheck = (ctx, report) => {
    for (const fallback of activeFallbacks(ctx)) {
        const figures = ctx.analysis.fallbacks.get(fallback.name);
        if (!figures?.protectsCritical || figures.testState === 'fresh') continue;
        if (figures.testState === 'missing') {
            report(about('fallback', fallback, 'untested-fallback', say(ctx, 'untested-fallback.missing', { fallback: fallback.name })));
        } else if (figures.testState === 'stale') {
            report(about('fallback', fallback, 'untested-fallback', say(ctx, 'untested-fallback.stale', {
                fallback: fallback.name, tested: figures.testedOn!, date: ctx.analysis.referenceDate
            }), fallback.tested === figures.testedOn ? 'tested' : undefined));
        } else {
            const failed = figures.failedBy!;
            report(about('fallback', fallback, 'untested-fallback', say(ctx, 'untested-fallback.failed', {
                fallback: fallback.name, exercise: failed.exercise, date: failed.date, result: word(failed.result, ctx.lang)
            })));
        }
    }
};

const unquantifiedFallback: PlanCheck = (ctx, report) => {
    for (const fallback of activeFallbacks(ctx)) {
        if (nonRecoveringFallbackTypes.has(fallback.type ?? '') || fallback.rtoMinutes !== undefined) continue;
        if (!ctx.analysis.fallbacks.get(fallback.name)?.protectsCritical) continue;
        report(about('fallback', fallback, 'unquantified-fallback', say(ctx, 'unquantified-fallback', { fallback: fallback.name })));
    }
};

/**
 * One finding per active fallback that needs (through `depends on`) what it covers: an asset it
 * covers or one of U of an activity it covers. Names the first five such assets, counts them all,
 * and gives the chain to the one that says it best. With closure rows (RecoveryGraph.assetBits)
 * the assets are counted by a popcount and the walk from the fallback stops once it has named
 * what the message shows; without them (a very large inventory), every walk is made in full.
 */
const selfDependentFallback: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const { recovery } = analysis;
    const siteLike = (asset: string): boolean => ['site', 'facility'].includes(analysis.data.assets.get(asset)?.kind ?? '');
    let sites: Uint32Array | undefined;
    for (const fallback of activeFallbacks(ctx)) {
        if (fallback.dependsOn.length === 0 && fallback.dependsOnFallbacks.length === 0) continue;
        const reached = recovery.assetBits('fallback', fallback.name);
        if (reached) sites ??= recovery.assetMaskWhere((_a, _c, i) => siteLike(recovery.names[i]));
        const found = reached && sites
            ? selfDependenceByRows(ctx, fallback, reached, sites) : selfDependenceByWalks(ctx, fallback, siteLike);
        if (!found) continue;
        report(about('fallback', fallback, 'self-dependent-fallback', say(ctx, 'self-dependent-fallback', {
            fallback: fallback.name, assets: firstNamesOf(found.first, found.count, SELF_NAMED, ctx.lang), chain: found.chain.join(' → ')
        }), 'dependsOn', relatedAssets(ctx, found.first.slice(0, SELF_NAMED))));
    }
};

/** What a self-dependent fallback's finding says: the first assets in question, how many, the chain shown. */
interface SelfDependence { first: string[]; count: number; chain: string[] }

function selfDependenceByRows(
    ctx: CheckContext, fallback: FallbackData, reached: Uint32Array, sites: Uint32Array
): SelfDependence | undefined {
    const { recovery } = ctx.analysis;
    const covered = recovery.assetMaskOf(fallback.covers.filter(t => t.kind === 'asset').map(t => t.name));
    const wanted = covered.slice();
    for (const target of fallback.covers) {
        if (target.kind !== 'activity') continue;
        const needed = recovery.assetBits('activity', target.name)!;
        for (let w = 0; w < wanted.length; w++) wanted[w] |= needed[w];
    }
    const count = countBits(reached, wanted);
    if (count === 0) return undefined;
    // The chain shown goes to the first asset covered, else (a site) the first site, else the first asset.
    const coveredHit = sharesBits(reached, covered);
    const siteHit = !coveredHit && fallback.type === 'site' && sharesBits(reached, wanted, sites);
    const named = Math.min(SELF_NAMED, count);
    let preferred: number | undefined;
    const { hits, chainTo } = recovery.hitsFrom(fallback.name, i => hasBit(wanted, i), found => {
        const last = found[found.length - 1];
        const shown = last !== undefined && (coveredHit ? hasBit(covered, last) : siteHit && hasBit(sites, last));
        if (preferred === undefined && shown) preferred = last;
        return found.length >= named && (preferred !== undefined || (!coveredHit && !siteHit));
    });
    return { first: hits.slice(0, SELF_NAMED).map(i => recovery.names[i]), count, chain: chainTo(preferred ?? hits[0]) };
}

function selfDependenceByWalks(
    ctx: CheckContext, fallback: FallbackData, siteLike: (asset: string) => boolean
): SelfDependence | undefined {
    const { recovery } = ctx.analysis;
    const covered = new Set<string>();
    const needed = new Set<string>();
    for (const target of fallback.covers) {
        if (target.kind === 'asset') covered.add(target.name);
        else recovery.forEachAsset(target.name, a => needed.add(a.name));
    }
    const chains = recovery.chainsFrom(fallback.name, asset => covered.has(asset) || needed.has(asset));
    if (chains.length === 0) return undefined;
    const preferred = chains.find(c => covered.has(c.asset))
        ?? (fallback.type === 'site' ? chains.find(c => siteLike(c.asset)) : undefined) ?? chains[0];
    return { first: chains.map(c => c.asset), count: chains.length, chain: preferred.chain };
}

const failedExercise: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    type Tested = { name: string; source: FallbackData['source']; accepts: FallbackData['accepts'] };
    const tested: Array<{ kind: 'fallback' | 'procedure'; element: Tested }> = [
        ...analysis.model.fallbacks.map(f => ({ kind: 'fallback' as const, element: f })),
        ...analysis.model.procedures.map(p => ({ kind: 'procedure' as const, element: p }))
    ];
    for (const { kind, element } of tested) {
        const failed = analysis.tests.get(`${kind}:${element.name}`)?.failedBy;
        if (!failed) continue;
        report(about(kind, element, 'failed-exercise', say(ctx, 'failed-exercise', {
            element: element.name, exercise: failed.exercise, date: failed.date, result: word(failed.result, ctx.lang)
        })));
    }
};

const futureExercise: PlanCheck = (ctx, report) => {
    for (const exercise of ctx.analysis.model.exercises) {
        if (!isFutureExercise(exercise, ctx.analysis.referenceDate)) continue;
        report(about('exercise', exercise, 'future-exercise', say(ctx, 'future-exercise', {
            exercise: exercise.name, date: exercise.date!, planDate: ctx.analysis.referenceDate
        }), 'result'));
    }
};

const exerciseMissedTarget: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const exercise of analysis.model.exercises) {
        if (isFutureExercise(exercise, analysis.referenceDate)) continue;
        for (const target of exercise.tests) {
            const fallback = target.kind === 'fallback' ? analysis.data.fallbacks.get(target.name) : undefined;
            if (!fallback || outcomeFor(exercise, target) !== 'passed') continue;
            const misses = (['rto', 'rpo'] as const).flatMap(figure => {
                const measured = figure === 'rto' ? exercise.measuredRtoMinutes : exercise.measuredRpoMinutes;
                const declared = figure === 'rto' ? fallback.rtoMinutes : fallback.rpoMinutes;
                return measured !== undefined && declared !== undefined && measured > declared
                    ? [say(ctx, 'exercise-missed-target.figure', {
                        figure: figure.toUpperCase(), measured: duration(ctx, measured), declared: duration(ctx, declared)
                    })]
                    : [];
            });
            if (misses.length === 0) continue;
            report(about('fallback', fallback, 'exercise-missed-target', say(ctx, 'exercise-missed-target', {
                exercise: exercise.name, fallback: fallback.name, misses: misses.join('; ')
            })));
        }
    }
};

const noOfflineBackup: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const header = analysis.model.header;
    if (!header || analysis.plan.backupCount === 0 || analysis.plan.hasOfflineBackup) return;
    const backups = analysis.model.fallbacks.filter(f => isActive(f) && f.type === 'backup');
    // Shown on the `type backup` of the first backup concerned, the others as related information. It
    // stays plan-wide (no subject: accepted in the plan block), so it is placed in the plan block's file,
    // where that file's `accept` lines apply; on the plan block when no backup is written there.
    const shownOn = backups.find(b => b.source.uri === header.source.uri);
    report({
        code: 'no-offline-backup',
        message: say(ctx, 'no-offline-backup', {
            count: backups.length, backups: namesUpTo(backups.map(b => b.name), SELF_NAMED, ctx.lang)
        }),
        at: shownOn?.source ?? header.source, ...(shownOn ? { property: 'type' } : {}),
        related: backups.filter(b => b !== shownOn).map(b => ({ kind: 'fallback' as const, name: b.name, source: b.source }))
    });
};

export const fallbackChecks: readonly PlanCheck[] = [
    untestedFallback, unquantifiedFallback, selfDependentFallback, failedExercise, futureExercise, exerciseMissedTarget, noOfflineBackup
];
