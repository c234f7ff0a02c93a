import { word } from '../pra-messages.js';
import type { ActivityData, FallbackData, RiskData } from '../pra-model.js';
import { countBits, hasBit, isActive, sharesBits } from '../pra-recovery.js';
import { about, duration, firstNamesOf, judgedOnly, namesUpTo, say, type CheckContext, type PlanCheck } from './pra-finding.js';
import { nonRecoveringFallbackTypes } from '../pra-vocabulary.js';

/** Risks (seed point 3) and the means said to mitigate them. Every finding is placed on its risk. */

const NAMED = 5;

function mitigations(ctx: CheckContext, risk: RiskData): FallbackData[] {
    return risk.mitigatedBy.flatMap(name => { const f = ctx.analysis.data.fallbacks.get(name); return f ? [f] : []; });
}

const unmitigatedRisk: PlanCheck = (ctx, report) => {
    for (const risk of judgedOnly(ctx, ctx.analysis.model.risks)) {
        const figures = ctx.analysis.risks.get(risk.name);
        if (figures?.zone !== 'unacceptable' || risk.mitigatedBy.length > 0) continue;
        report(about('risk', risk, 'unmitigated-risk', say(ctx, 'unmitigated-risk', {
            risk: risk.name, score: figures.score!, zone: word(figures.zone, ctx.lang)
        })));
    }
};

const residualNotLower: PlanCheck = (ctx, report) => {
    for (const risk of judgedOnly(ctx, ctx.analysis.model.risks)) {
        const figures = ctx.analysis.risks.get(risk.name);
        if (figures?.score === undefined || figures.residualScore === undefined || figures.residualScore < figures.score) continue;
        report(about('risk', risk, 'residual-not-lower', say(ctx, 'residual-not-lower', {
            risk: risk.name, residual: figures.residualScore, score: figures.score
        }), 'residual'));
    }
};

/** A backup kept offsite or offline holds its copy away from the target: its own needs are not common mode. */
const copiesAway = (fallback: FallbackData): boolean => fallback.type === 'backup' && (fallback.offsite || fallback.offline);

/**
 * A mitigation that needs (through `depends on`) a target of its risk. With closure rows, the
 * targets it needs are counted by a popcount and the walk stops once it has named the first five.
 */
const commonModeMitigation: PlanCheck = (ctx, report) => {
    const { recovery } = ctx.analysis;
    for (const risk of judgedOnly(ctx, ctx.analysis.model.risks)) {
        const targets = new Set(risk.targets);
        if (targets.size === 0) continue;
        const targetBits = recovery.assetMaskOf(targets);
        for (const fallback of mitigations(ctx, risk)) {
            if (fallback.status === 'rejected' || copiesAway(fallback)) continue;
            let first: string[];
            let count: number;
            let chain: string[];
            const reached = recovery.assetBits('fallback', fallback.name);
            if (reached) {
                count = countBits(reached, targetBits);
                if (count === 0) continue;
                const named = Math.min(NAMED, count);
                const walk = recovery.hitsFrom(fallback.name, i => hasBit(targetBits, i), hits => hits.length >= named);
                first = walk.hits.map(i => recovery.names[i]);
                chain = walk.chainTo(walk.hits[0]);
            } else {
                const chains = recovery.chainsFrom(fallback.name, asset => targets.has(asset));
                if (chains.length === 0) continue;
                [first, count, chain] = [chains.map(c => c.asset), chains.length, chains[0].chain];
            }
            report(about('risk', risk, 'common-mode-mitigation', say(ctx, 'common-mode-mitigation', {
                risk: risk.name, fallback: fallback.name,
                targets: firstNamesOf(first, count, NAMED, ctx.lang), chain: chain.join(' → ')
            }), 'mitigatedBy'));
        }
    }
};

/** Whether `kind:name` needs one of the targets (an asset: is one, or depends on one). */
function needsATarget(
    ctx: CheckContext, kind: 'asset' | 'activity', name: string, targets: ReadonlySet<string>, targetBits: Uint32Array
): boolean {
    const { recovery } = ctx.analysis;
    if (kind === 'asset' && targets.has(name)) return true;
    const bits = recovery.assetBits(kind, name);
    if (bits) return sharesBits(bits, targetBits);
    return kind === 'asset' ? recovery.assetReaches(name, targets) : recovery.needsAnyOf(name, targets);
}

const ineffectiveMitigation: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    for (const risk of judgedOnly(ctx, analysis.model.risks)) {
        const targets = new Set(risk.targets);
        if (targets.size === 0) continue;
        const targetBits = analysis.recovery.assetMaskOf(targets);
        for (const fallback of mitigations(ctx, risk)) {
            if (nonRecoveringFallbackTypes.has(fallback.type ?? '') || fallback.status === 'rejected') continue;
            const needs = (c: FallbackData['covers'][number]): boolean =>
                needsATarget(ctx, c.kind === 'asset' ? 'asset' : 'activity', c.name, targets, targetBits);
            if (fallback.covers.some(needs)) continue;
            report(about('risk', risk, 'ineffective-mitigation', say(ctx, 'ineffective-mitigation', {
                risk: risk.name, fallback: fallback.name, targets: namesUpTo(risk.targets, NAMED, ctx.lang)
            }), 'mitigatedBy'));
        }
    }
};

const mitigationNotInPlace: PlanCheck = (ctx, report) => {
    for (const risk of judgedOnly(ctx, ctx.analysis.model.risks)) {
        const notInPlace = mitigations(ctx, risk).filter(f => !isActive(f));
        if (notInPlace.length === 0) continue;
        report(about('risk', risk, 'mitigation-not-in-place', say(ctx, 'mitigation-not-in-place', {
            risk: risk.name, fallbacks: notInPlace.map(f => `${f.name} (${word(f.status, ctx.lang)})`).join(', ')
        }), 'mitigatedBy'));
    }
};

/**
 * One finding per risk naming the activities it stops for longer than their MTPD: those needing a
 * target of the risk that none of its active mitigations covers, unless one of them covers the
 * activity itself. All risks in one pass over the dependency graph (forActivitiesNeedingEachAsRows), never
 * a walk per risk nor per activity.
 */
const riskExceedsMtpd: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const asked: Array<{ risk: RiskData; downtime: number; unrecovered: string[]; coveredActivities: Set<string> }> = [];
    for (const risk of judgedOnly(ctx, analysis.model.risks)) {
        const downtime = risk.downtimeMinutes;
        if (downtime === undefined || risk.targets.length === 0) continue;
        const covers = mitigations(ctx, risk).filter(isActive).flatMap(f => f.covers);
        const coveredAssets = new Set(covers.filter(c => c.kind === 'asset').map(c => c.name));
        const coveredActivities = new Set(covers.filter(c => c.kind === 'activity').map(c => c.name));
        const unrecovered = risk.targets.filter(t => !coveredAssets.has(t));
        if (unrecovered.length > 0) asked.push({ risk, downtime, unrecovered, coveredActivities });
    }
    // Per risk, the activities concerned as a row over the plan's activities: those needing a target
    // (forActivitiesNeedingEachAsRows) whose MTPD is below the downtime, less those a mitigation
    // covers; counted by a popcount, the first five named in the plan's order.
    const activities = analysis.model.activities;
    const words = (activities.length + 31) >>> 5;
    const belowByDowntime = new Map<number, Uint32Array>();
    const below = (downtime: number): Uint32Array => {
        let mask = belowByDowntime.get(downtime);
        if (!mask) {
            const row = mask = new Uint32Array(words);
            activities.forEach((a, i) => { if (a.mtpdMinutes !== undefined && downtime > a.mtpdMinutes) row[i >>> 5] |= 1 << (i & 31); });
            belowByDowntime.set(downtime, mask);
        }
        return mask;
    };
    const indicesOf = new Map<string, number[]>();
    activities.forEach((a, i) => { const list = indicesOf.get(a.name); if (list) list.push(i); else indicesOf.set(a.name, [i]); });
    const concerned = asked.map(() => ({ first: [] as ActivityData[], count: 0 }));
    analysis.recovery.forActivitiesNeedingEachAsRows(asked.map(a => a.unrecovered), (set, needing) => {
        const { downtime, coveredActivities } = asked[set];
        const mask = below(downtime);
        const row = needing.map((word, w) => word & mask[w]);
        for (const name of coveredActivities) for (const i of indicesOf.get(name) ?? []) row[i >>> 5] &= ~(1 << (i & 31));
        const found = concerned[set];
        found.count = countBits(row);
        for (let w = 0; w < words && found.first.length < Math.min(NAMED, found.count); w++) {
            for (let word = row[w]; word !== 0 && found.first.length < NAMED; word &= word - 1) {
                found.first.push(activities[(w << 5) + 31 - Math.clz32(word & -word)]);
            }
        }
    });
    asked.forEach(({ risk, downtime }, set) => {
        const { first, count } = concerned[set];
        if (count === 0) return;
        report(about('risk', risk, 'risk-exceeds-mtpd', say(ctx, 'risk-exceeds-mtpd', {
            risk: risk.name, downtime: duration(ctx, downtime),
            activities: firstNamesOf(first.map(a => `${a.name} (${duration(ctx, a.mtpdMinutes!)})`), count, NAMED, ctx.lang)
        }), 'downtime'));
    });
};

export const riskChecks: readonly PlanCheck[] = [
    unmitigatedRisk, residualNotLower, commonModeMitigation, ineffectiveMitigation, mitigationNotInPlace, riskExceedsMtpd
];
