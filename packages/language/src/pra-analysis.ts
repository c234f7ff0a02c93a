import type {
    ActivityData, AssetData, FallbackData, PlanModel, ProcedureData, RiskData, RoleData, Scales
} from './pra-model.js';
import type { Zone } from './pra-vocabulary.js';
import { assetDependencies } from './pra-dependencies.js';

/** The best recovery a plan achieves for something, and the fallback that achieves it. */
export interface Recovery { minutes: number; via: string }

/** A required recovery the plan does not reach: `asset` undefined means the activity itself. */
export interface RecoveryGap { asset?: string; requiredMinutes: number; achievedMinutes: number; via: string }
export interface SlaGap { asset: string; slaMinutes: number; requiredMinutes: number }

export interface AssetFigures {
    name: string;
    /** Assets this one needs, directly or transitively, without itself. */
    dependencies: string[];
    coveredBy: string[];
    bestRto?: Recovery;
    bestRpo?: Recovery;
    /** Activities that use it directly or through `depends on`. */
    usedBy: string[];
    /** The highest criticality among the activities that use it: what makes it indispensable. */
    criticality?: string;
    targetedBy: string[];
    unused: boolean;
}

export interface ActivityFigures {
    name: string;
    /** Assets used directly or transitively, in first-use order. */
    assets: string[];
    coveredBy: string[];
    bestRto?: Recovery;
    bestRpo?: Recovery;
    /** The slowest of the known recoveries of the activity and its assets: when it is back at best. */
    achievedRto?: Recovery;
    achievedRpo?: Recovery;
    /** Some fallback covers the activity or one of its assets, or it has a manual workaround. */
    hasFallback: boolean;
    uncoveredAssets: string[];
    rtoGaps: RecoveryGap[];
    rpoGaps: RecoveryGap[];
    slaGaps: SlaGap[];
    missingRequirements: Array<'rto' | 'rpo' | 'owner'>;
    risks: string[];
    procedures: string[];
}

export interface RiskFigures {
    name: string;
    score?: number;
    zone?: Zone;
    residualScore?: number;
    residualZone?: Zone;
}

export type TestState = 'fresh' | 'stale' | 'missing';
export interface FallbackFigures {
    name: string;
    /** Covers a critical activity or an asset a critical activity needs: it must be tested. */
    protectsCritical: boolean;
    testState: TestState;
    /** Days between the last test and the plan date. */
    testAgeDays?: number;
    selfDependencies: string[];
    annualCost?: number;
    oneOffCost?: number;
    exercises: string[];
}

export interface ProcedureFigures {
    name: string;
    totalWithinMinutes: number;
    overruns: Array<{ activity: string; rtoMinutes: number }>;
}

export type CrisisFunction = 'alert' | 'activation' | 'pilot' | 'team';
export interface Responsibility { kind: 'activity' | 'asset' | 'risk' | 'fallback' | 'procedure' | 'plan' | 'deputy'; name: string }
export interface RoleFigures {
    name: string;
    crisisFunctions: CrisisFunction[];
    reachable: boolean;
    responsibilities: Responsibility[];
}

export type CrisisPart = 'crisis' | 'alert' | 'activation' | 'pilot';
export type ZoneCounts = Record<Zone, number>;
export interface PlanFigures {
    missingCrisisParts: CrisisPart[];
    hasCrisisCommunication: boolean;
    backupCount: number;
    hasOfflineBackup: boolean;
    stale: boolean;
    cycles: string[][];
    zoneCounts: ZoneCounts;
    residualZoneCounts: ZoneCounts;
    /** Yearly costs per currency (`per month` × 12), and one-off costs per currency. */
    annualCosts: Record<string, number>;
    oneOffCosts: Record<string, number>;
}

/** The model's elements by name (the first declaration of a name). */
export interface ElementIndex {
    roles: Map<string, RoleData>;
    assets: Map<string, AssetData>;
    activities: Map<string, ActivityData>;
    risks: Map<string, RiskData>;
    fallbacks: Map<string, FallbackData>;
    procedures: Map<string, ProcedureData>;
}

export interface PlanAnalysis {
    model: PlanModel;
    data: ElementIndex;
    assets: Map<string, AssetFigures>;
    activities: Map<string, ActivityFigures>;
    risks: Map<string, RiskFigures>;
    fallbacks: Map<string, FallbackFigures>;
    procedures: Map<string, ProcedureFigures>;
    roles: Map<string, RoleFigures>;
    plan: PlanFigures;
}

const requiresContinuity = (criticality?: string): boolean => criticality === 'critical' || criticality === 'high';
const criticalityRank: Readonly<Record<string, number>> = { critical: 4, high: 3, medium: 2, low: 1 };

export function scoreZone(score: number, scales: Scales): Zone {
    if (score >= scales.unacceptableFrom) return 'unacceptable';
    return score >= scales.tolerableFrom ? 'tolerable' : 'acceptable';
}

/** Whether a level exists on a scale (an invalid scale still accepts 1..its highest level). */
export function levelInScale(level: number, levels: ReadonlyArray<{ value: number }>): boolean {
    const highest = Math.max(0, ...levels.map(l => l.value));
    return Number.isInteger(level) && level >= 1 && level <= highest;
}

/** The whole analysis of a plan: computed once per document build, read by every view. */
export function analyzePlan(model: PlanModel): PlanAnalysis {
    const deps = assetDependencies(model.assets);
    const coverage = coverageIndex(model.fallbacks);
    const neededByFallbacks = new Set(model.fallbacks.flatMap(f => f.dependsOn));
    const assets = new Map<string, AssetFigures>();
    for (const asset of model.assets) {
        assets.set(asset.name, assetFigures(asset, () => deps.closureOf(asset.name), coverage, neededByFallbacks));
    }
    const assetData = new Map(model.assets.map(a => [a.name, a]));
    const activities = new Map<string, ActivityFigures>();
    for (const activity of model.activities) {
        activities.set(activity.name, activityFigures(activity, deps.closureOfAll(activity.uses), assets, coverage, assetData));
    }
    linkAssetsToActivities(model, activities, assets);
    const risks = new Map(model.risks.map(r => [r.name, riskFigures(r, model.scales)]));
    const activityData = new Map(model.activities.map(a => [a.name, a]));
    const exercisesOf = exercisesByFallback(model);
    const fallbacks = new Map(model.fallbacks.map(f => [f.name,
        fallbackFigures(f, model.header?.date, activityData, assets, exercisesOf.get(f.name) ?? [])]));
    const procedures = new Map(model.procedures.map(p => [p.name, procedureFigures(p, activityData)]));
    linkProcedures(activities, model.procedures);
    const roles = roleFigures(model);
    const data: ElementIndex = {
        roles: new Map(model.roles.map(r => [r.name, r])), assets: assetData, activities: activityData,
        risks: new Map(model.risks.map(r => [r.name, r])), fallbacks: new Map(model.fallbacks.map(f => [f.name, f])),
        procedures: new Map(model.procedures.map(p => [p.name, p]))
    };
    return { model, data, assets, activities, risks, fallbacks, procedures, roles, plan: planFigures(model, risks, fallbacks, deps.cycles) };
}

interface CoverageIndex { byTarget: Map<string, FallbackData[]> }
const coverKey = (kind: string, name: string): string => `${kind}:${name}`;

function coverageIndex(fallbacks: readonly FallbackData[]): CoverageIndex {
    const byTarget = new Map<string, FallbackData[]>();
    for (const fallback of fallbacks) {
        for (const target of fallback.covers) {
            const key = coverKey(target.kind, target.name);
            const list = byTarget.get(key);
            if (list) { if (!list.includes(fallback)) list.push(fallback); } else byTarget.set(key, [fallback]);
        }
    }
    return { byTarget };
}

function best(fallbacks: readonly FallbackData[], figure: 'rtoMinutes' | 'rpoMinutes'): Recovery | undefined {
    let result: Recovery | undefined;
    for (const fallback of fallbacks) {
        const minutes = fallback[figure];
        if (minutes !== undefined && (result === undefined || minutes < result.minutes)) {
            result = { minutes, via: fallback.name };
        }
    }
    return result;
}

/** `dependencies` is computed when read: stored for every asset of a chain it would be quadratic. */
function assetFigures(asset: AssetData, dependencies: () => string[], coverage: CoverageIndex, neededByFallbacks: ReadonlySet<string>): AssetFigures {
    const covering = coverage.byTarget.get(coverKey('asset', asset.name)) ?? [];
    return {
        name: asset.name, get dependencies() { return dependencies(); }, coveredBy: covering.map(f => f.name),
        bestRto: best(covering, 'rtoMinutes'), bestRpo: best(covering, 'rpoMinutes'),
        usedBy: [], targetedBy: [], unused: covering.length === 0 && !neededByFallbacks.has(asset.name)
    };
}

function activityFigures(activity: ActivityData, assetNames: string[], assets: Map<string, AssetFigures>,
    coverage: CoverageIndex, assetData: ReadonlyMap<string, AssetData>): ActivityFigures {
    const covering = coverage.byTarget.get(coverKey('activity', activity.name)) ?? [];
    const known = assetNames.flatMap(name => assets.has(name) ? [assets.get(name)!] : []);
    const bestRto = best(covering, 'rtoMinutes');
    const bestRpo = best(covering, 'rpoMinutes');
    const continuity = requiresContinuity(activity.criticality);
    const figures: ActivityFigures = {
        name: activity.name, assets: assetNames, coveredBy: covering.map(f => f.name), bestRto, bestRpo,
        achievedRto: slowest([bestRto, ...known.map(a => a.bestRto)]),
        achievedRpo: slowest([bestRpo, ...known.map(a => a.bestRpo)]),
        hasFallback: covering.length > 0 || activity.manual !== undefined || known.some(a => a.coveredBy.length > 0),
        uncoveredAssets: continuity ? known.filter(a => a.coveredBy.length === 0).map(a => a.name) : [],
        rtoGaps: recoveryGaps(activity.rtoMinutes, bestRto, known, 'bestRto'),
        rpoGaps: recoveryGaps(activity.rpoMinutes, bestRpo, known, 'bestRpo'),
        slaGaps: [], missingRequirements: [], risks: [], procedures: []
    };
    if (continuity) {
        if (activity.rtoMinutes === undefined) figures.missingRequirements.push('rto');
        if (activity.rpoMinutes === undefined) figures.missingRequirements.push('rpo');
        if (activity.owner === undefined) figures.missingRequirements.push('owner');
        figures.slaGaps = slaGaps(activity, assetNames, assets, assetData);
    }
    return figures;
}

function slowest(recoveries: ReadonlyArray<Recovery | undefined>): Recovery | undefined {
    let result: Recovery | undefined;
    for (const r of recoveries) if (r && (!result || r.minutes > result.minutes)) result = r;
    return result;
}

function recoveryGaps(required: number | undefined, own: Recovery | undefined, assets: readonly AssetFigures[],
    figure: 'bestRto' | 'bestRpo'): RecoveryGap[] {
    if (required === undefined) return [];
    const gaps: RecoveryGap[] = [];
    if (own && own.minutes > required) gaps.push({ requiredMinutes: required, achievedMinutes: own.minutes, via: own.via });
    for (const asset of assets) {
        const recovery = asset[figure];
        if (recovery && recovery.minutes > required) {
            gaps.push({ asset: asset.name, requiredMinutes: required, achievedMinutes: recovery.minutes, via: recovery.via });
        }
    }
    return gaps;
}

function slaGaps(activity: ActivityData, assetNames: readonly string[], assets: Map<string, AssetFigures>,
    assetData: ReadonlyMap<string, AssetData>): SlaGap[] {
    const required = activity.rtoMinutes;
    if (required === undefined) return [];
    const gaps: SlaGap[] = [];
    for (const name of assetNames) {
        const sla = assetData.get(name)?.slaMinutes;
        const figures = assets.get(name);
        if (sla === undefined || sla <= required || !figures) continue;
        if (figures.bestRto && figures.bestRto.minutes <= required) continue;
        gaps.push({ asset: name, slaMinutes: sla, requiredMinutes: required });
    }
    return gaps;
}

function linkAssetsToActivities(model: PlanModel, activities: Map<string, ActivityFigures>, assets: Map<string, AssetFigures>): void {
    for (const risk of model.risks) {
        for (const name of risk.targets) {
            const asset = assets.get(name);
            if (!asset) continue;
            asset.targetedBy.push(risk.name);
            asset.unused = false;
        }
    }
    for (const activity of model.activities) {
        const figures = activities.get(activity.name)!;
        const rank = criticalityRank[activity.criticality ?? ''] ?? 0;
        const risks = new Set<string>();
        for (const name of figures.assets) {
            const asset = assets.get(name);
            if (!asset) continue;
            asset.usedBy.push(activity.name);
            asset.unused = false;
            if (rank > (criticalityRank[asset.criticality ?? ''] ?? 0)) asset.criticality = activity.criticality;
            asset.targetedBy.forEach(risk => risks.add(risk));
        }
        figures.risks = [...risks];
    }
}

function riskFigures(risk: RiskData, scales: Scales): RiskFigures {
    const figures: RiskFigures = { name: risk.name };
    if (risk.likelihood !== undefined && risk.impact !== undefined) {
        figures.score = risk.likelihood * risk.impact;
        figures.zone = scoreZone(figures.score, scales);
    }
    if (risk.residual) {
        figures.residualScore = risk.residual.likelihood * risk.residual.impact;
        figures.residualZone = scoreZone(figures.residualScore, scales);
    }
    return figures;
}

const DAY_MS = 86_400_000;

/** A test is stale when it is more than 12 calendar months before the plan date. */
export function testState(tested: string | undefined, planDate: string | undefined): { state: TestState; ageDays?: number } {
    if (tested === undefined) return { state: 'missing' };
    if (planDate === undefined) return { state: 'fresh' };
    const testedAt = Date.parse(tested);
    const dated = new Date(planDate);
    const ageDays = Math.round((dated.getTime() - testedAt) / DAY_MS);
    const month = dated.getUTCMonth();
    dated.setUTCFullYear(dated.getUTCFullYear() - 1);
    if (dated.getUTCMonth() !== month) dated.setUTCDate(0); // a year before 29 Feb is 28 Feb, not 1 Mar
    return { state: testedAt < dated.getTime() ? 'stale' : 'fresh', ageDays };
}

function exercisesByFallback(model: PlanModel): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const exercise of model.exercises) {
        for (const target of exercise.tests) {
            if (target.kind !== 'fallback') continue;
            const list = result.get(target.name);
            if (list) list.push(exercise.name); else result.set(target.name, [exercise.name]);
        }
    }
    return result;
}

function fallbackFigures(fallback: FallbackData, planDate: string | undefined, activities: ReadonlyMap<string, ActivityData>,
    assets: Map<string, AssetFigures>, exercises: string[]): FallbackFigures {
    const protectsCritical = fallback.covers.some(target => target.kind === 'activity'
        ? activities.get(target.name)?.criticality === 'critical'
        : assets.get(target.name)?.criticality === 'critical');
    const test = testState(fallback.tested, planDate);
    const covered = new Set(fallback.covers.filter(c => c.kind === 'asset').map(c => c.name));
    const cost = fallback.cost;
    return {
        name: fallback.name, protectsCritical, testState: test.state, testAgeDays: test.ageDays,
        selfDependencies: fallback.dependsOn.filter(name => covered.has(name)),
        annualCost: cost && cost.period !== 'once' ? cost.amount * (cost.period === 'month' ? 12 : 1) : undefined,
        oneOffCost: cost?.period === 'once' ? cost.amount : undefined,
        exercises
    };
}

function procedureFigures(procedure: ProcedureData, activities: ReadonlyMap<string, ActivityData>): ProcedureFigures {
    const total = procedure.steps.reduce((sum, step) => sum + (step.withinMinutes ?? 0), 0);
    const overruns: ProcedureFigures['overruns'] = [];
    if (procedure.phase === 'during') {
        for (const target of procedure.for) {
            if (target.kind !== 'activity') continue;
            const rto = activities.get(target.name)?.rtoMinutes;
            if (rto !== undefined && total > rto) overruns.push({ activity: target.name, rtoMinutes: rto });
        }
    }
    return { name: procedure.name, totalWithinMinutes: total, overruns };
}

function linkProcedures(activities: Map<string, ActivityFigures>, procedures: readonly ProcedureData[]): void {
    for (const procedure of procedures) {
        for (const target of procedure.for) {
            if (target.kind === 'activity') activities.get(target.name)?.procedures.push(procedure.name);
        }
    }
}

function roleFigures(model: PlanModel): Map<string, RoleFigures> {
    const roles = new Map<string, RoleFigures>(model.roles.map((r: RoleData) => [r.name, {
        name: r.name, crisisFunctions: [], reachable: r.phone !== undefined && r.phone.trim() !== '', responsibilities: []
    }]));
    const addFunction = (name: string | undefined, fn: CrisisFunction): void => {
        const role = name === undefined ? undefined : roles.get(name);
        if (role && !role.crisisFunctions.includes(fn)) role.crisisFunctions.push(fn);
    };
    const crisis = model.crisis;
    if (crisis) {
        crisis.alerts.forEach(a => addFunction(a.to, 'alert'));
        addFunction(crisis.activation, 'activation');
        addFunction(crisis.pilot, 'pilot');
        crisis.team.forEach(t => addFunction(t, 'team'));
    }
    const addDuty = (owner: string | undefined, duty: Responsibility): void => {
        if (owner !== undefined) roles.get(owner)?.responsibilities.push(duty);
    };
    if (model.header) addDuty(model.header.owner, { kind: 'plan', name: model.header.title });
    model.activities.forEach(a => addDuty(a.owner, { kind: 'activity', name: a.name }));
    model.assets.forEach(a => addDuty(a.owner, { kind: 'asset', name: a.name }));
    model.risks.forEach(r => addDuty(r.owner, { kind: 'risk', name: r.name }));
    model.fallbacks.forEach(f => addDuty(f.owner, { kind: 'fallback', name: f.name }));
    for (const procedure of model.procedures) {
        const holders = new Set([procedure.owner, ...procedure.steps.map(s => s.by)]);
        holders.forEach(holder => addDuty(holder, { kind: 'procedure', name: procedure.name }));
    }
    model.roles.forEach(r => addDuty(r.deputy, { kind: 'deputy', name: r.name }));
    return roles;
}

function planFigures(model: PlanModel, risks: Map<string, RiskFigures>, fallbacks: Map<string, FallbackFigures>, cycles: string[][]): PlanFigures {
    const crisis = model.crisis;
    const missingCrisisParts: CrisisPart[] = !crisis ? ['crisis'] : [
        ...(crisis.alerts.length === 0 ? ['alert' as const] : []),
        ...(crisis.activation === undefined ? ['activation' as const] : []),
        ...(crisis.pilot === undefined ? ['pilot' as const] : [])
    ];
    const backups = model.fallbacks.filter(f => f.type === 'backup');
    const zoneCounts: ZoneCounts = { acceptable: 0, tolerable: 0, unacceptable: 0 };
    const residualZoneCounts: ZoneCounts = { acceptable: 0, tolerable: 0, unacceptable: 0 };
    for (const risk of risks.values()) {
        if (risk.zone) zoneCounts[risk.zone]++;
        const after = risk.residualZone ?? risk.zone;
        if (after) residualZoneCounts[after]++;
    }
    const annualCosts: Record<string, number> = {};
    const oneOffCosts: Record<string, number> = {};
    for (const fallback of model.fallbacks) {
        const currency = fallback.cost?.currency ?? '';
        const { annualCost, oneOffCost } = fallbacks.get(fallback.name)!;
        if (annualCost !== undefined) annualCosts[currency] = (annualCosts[currency] ?? 0) + annualCost;
        if (oneOffCost !== undefined) oneOffCosts[currency] = (oneOffCosts[currency] ?? 0) + oneOffCost;
    }
    const header = model.header;
    return {
        missingCrisisParts,
        hasCrisisCommunication: model.fallbacks.some(f => f.type === 'communication'
            && (f.audience.includes('clients') || f.audience.includes('staff'))),
        backupCount: backups.length,
        hasOfflineBackup: backups.some(f => f.offline || f.offsite),
        stale: header?.review !== undefined && header.date !== undefined && header.review < header.date,
        cycles, zoneCounts, residualZoneCounts, annualCosts, oneOffCosts
    };
}
