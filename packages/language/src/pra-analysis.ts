import type {
    ActivityData, AssetData, ElementKind, FallbackData, NamedElement, PlanModel, ProcedureData, ProcedureItem, RiskData, RoleData, Scales
} from './pra-model.js';
import type { Zone } from './pra-vocabulary.js';
import { testRecords, type TestRecord, type TestState } from './pra-exercises.js';
import {
    achievedOf, isActive, RecoveryGraph, type Achieved, type AssetPath, type BestFigure, type DirectPath, type Recovery
} from './pra-recovery.js';
import { RecoveryBase, type RecoveryBases } from './pra-recovery-base.js';

export type { Achieved, AssetPath, BestFigure, DirectPath, Recovery, TestState };

export interface AssetFigures {
    name: string;
    /** Active fallbacks covering it. */
    coveredBy: string[];
    /** Planned, option and rejected means covering it: shown, never counted. */
    otherMeans: string[];
    /** best(A) of the contract. */
    best: { rto: BestFigure; rpo: BestFigure };
    /** The known best figures, with the fallback giving each. */
    bestRto?: Recovery;
    bestRpo?: Recovery;
    holdsData: boolean;
    /** Activities that name it in `uses`. */
    usedBy: string[];
    /** The highest criticality among the activities that need it: what makes it indispensable. */
    criticality?: string;
    targetedBy: string[];
    unused: boolean;
}

export interface ActivityFigures {
    name: string;
    direct: DirectPath;
    assetPath: { rto: AssetPath; rpo: AssetPath };
    /** What the plan achieves, and the path giving it; never a figure from a path that cannot recover. */
    achievedRto?: Achieved;
    achievedRpo?: Achieved;
    /** Active fallbacks covering the activity itself. */
    coveredBy: string[];
    /** A direct path, or some asset it needs covered by an active fallback. */
    hasFallback: boolean;
    missingRequirements: Array<'rto' | 'rpo' | 'owner'>;
    procedures: string[];
}

/** One means that could serve an activity, whatever its status (seed point 5: options weighed). */
export interface MeansOption {
    fallback: string;
    status: string;
    /** What it covers for this activity: the activity itself or one of its assets. */
    covers: string;
    rtoMinutes?: number;
    rpoMinutes?: number;
    annualCost?: number;
    oneOffCost?: number;
    currency?: string;
    reason?: string;
    due?: string;
}

export interface RiskFigures {
    name: string;
    score?: number;
    zone?: Zone;
    residualScore?: number;
    residualZone?: Zone;
    /** Mitigations that are not active: the residual score is then not credited. */
    mitigationsNotInPlace: string[];
}

export interface FallbackFigures {
    name: string;
    active: boolean;
    /** Covers a critical activity or an asset a critical activity needs: it must be tested. */
    protectsCritical: boolean;
    testState: TestState;
    /** The latest passed test, when it is the latest test. */
    testedOn?: string;
    testAgeDays?: number;
    failedBy?: TestRecord['failedBy'];
    drilled: boolean;
    annualCost?: number;
    oneOffCost?: number;
    exercises: string[];
}

export interface ProcedureFigures {
    name: string;
    /** How long the steps take: sequential steps add up, a parallel block counts its longest step, deadlines count nothing. */
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
    /** Active backups. */
    backupCount: number;
    hasOfflineBackup: boolean;
    stale: boolean;
    cycles: string[][];
    zoneCounts: ZoneCounts;
    residualZoneCounts: ZoneCounts;
    /** Yearly costs per currency (`per month` × 12) and one-off costs, of the means in place (active). */
    annualCosts: Record<string, number>;
    oneOffCosts: Record<string, number>;
    /** The same for the means planned (`status planned`): the budget to come. */
    plannedAnnualCosts: Record<string, number>;
    plannedOneOffCosts: Record<string, number>;
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
    /** The plan `date`, or the day the analysis ran: what test ages and exercise dates are judged against. */
    referenceDate: string;
    data: ElementIndex;
    assets: Map<string, AssetFigures>;
    activities: Map<string, ActivityFigures>;
    risks: Map<string, RiskFigures>;
    fallbacks: Map<string, FallbackFigures>;
    procedures: Map<string, ProcedureFigures>;
    roles: Map<string, RoleFigures>;
    plan: PlanFigures;
    /** Test records of fallbacks and procedures, keyed `fallback:Name` / `procedure:Name`. */
    tests: Map<string, TestRecord>;
    recovery: RecoveryGraph;
    /** U: the assets an activity needs, listed on demand (never stored per activity). */
    assetsOf(activity: string): string[];
    /** Risks whose targets an activity needs. */
    risksOf(activity: string): string[];
    /** Every means that could serve an activity, whatever its status. */
    meansOf(activity: string): MeansOption[];
}

export const criticalityRank: Readonly<Record<string, number>> = { critical: 4, high: 3, medium: 2, low: 1 };
const rankNames = ['', 'low', 'medium', 'high', 'critical'];
export const requiresContinuity = (criticality?: string): boolean => criticality === 'critical' || criticality === 'high';

export function scoreZone(score: number, scales: Scales): Zone {
    if (score >= scales.unacceptableFrom) return 'unacceptable';
    return score >= scales.tolerableFrom ? 'tolerable' : 'acceptable';
}

/** Whether a level exists on a scale (an invalid scale still accepts 1..its highest level). */
export function levelInScale(level: number, levels: ReadonlyArray<{ value: number }>): boolean {
    const highest = Math.max(0, ...levels.map(l => l.value));
    return Number.isInteger(level) && level >= 1 && level <= highest;
}

/** The duration of a procedure's steps: sequential ones add up, a parallel block takes its longest, deadlines count nothing. */
export function procedureDuration(items: readonly ProcedureItem[]): number {
    return items.reduce((sum, item) => sum + ('step' in item
        ? item.step.withinMinutes ?? 0
        : Math.max(0, ...item.parallel.map(s => s.withinMinutes ?? 0))), 0);
}

export function costFigures(fallback: FallbackData): { annualCost?: number; oneOffCost?: number } {
    const cost = fallback.cost;
    return {
        annualCost: cost && cost.period !== 'once' ? cost.amount * (cost.period === 'month' ? 12 : 1) : undefined,
        oneOffCost: cost?.period === 'once' ? cost.amount : undefined
    };
}

/**
 * The whole analysis of a plan: computed once per document build, read by every view. `bases` keeps
 * the part of the recovery graph that depends on the assets and fallbacks alone (pra-recovery-base.ts)
 * for the plans and builds that have the same ones; the analysis is the same with or without it.
 */
export function analyzePlan(model: PlanModel, today: string = new Date().toISOString().slice(0, 10), bases?: RecoveryBases): PlanAnalysis {
    const referenceDate = model.header?.date ?? today;
    const base = bases?.of(model.assets, model.fallbacks) ?? new RecoveryBase(model.assets, model.fallbacks);
    const known = base.fallbackTests(referenceDate);
    const tests = testRecords(model, referenceDate, known);
    // Every fallback has a record, by index.
    const records = known.keys.map(key => tests.get(key)!);
    const drilled = new Set(model.fallbacks.filter((f, i) => isActive(f) && records[i].drilled).map(f => f.name));
    const recovery = new RecoveryGraph(model, { drilled }, base);
    const ranks = recovery.assetRanks(a => criticalityRank[a.criticality ?? ''] ?? 0);
    const kept = <T extends NamedElement>(items: readonly T[]): Map<string, T> =>
        bases ? bases.byName.of(items) : new Map(items.map(item => [item.name, item]));
    const data: ElementIndex = {
        roles: kept(model.roles), assets: kept(model.assets),
        activities: new Map(model.activities.map(a => [a.name, a])), risks: kept(model.risks),
        fallbacks: kept(model.fallbacks), procedures: new Map(model.procedures.map(p => [p.name, p]))
    };
    const assets = assetFigures(model, recovery, ranks, base);
    const activities = new Map(model.activities.map(a => [a.name, activityFigures(a, recovery)]));
    for (const procedure of model.procedures) {
        for (const target of procedure.for) if (target.kind === 'activity') activities.get(target.name)?.procedures.push(procedure.name);
    }
    const risks = new Map(model.risks.map(r => [r.name, riskFigures(r, model.scales, data.fallbacks)]));
    const fallbacks = new Map(model.fallbacks.map((f, i) => [f.name, fallbackFigures(f, i, records[i], data.activities, assets, base)]));
    const procedures = new Map(model.procedures.map(p => [p.name, procedureFigures(p, data.activities)]));
    const risksOf = new Map<string, string[]>();
    const analysis: PlanAnalysis = {
        model, referenceDate, data, assets, activities, risks, fallbacks, procedures, tests, recovery,
        roles: roleFigures(model),
        plan: planFigures(model, risks, recovery),
        assetsOf: name => recovery.assetsOf(name),
        risksOf: name => {
            let found = risksOf.get(name);
            if (!found) {
                const set = new Set<string>();
                recovery.forEachAsset(name, asset => assets.get(asset.name)?.targetedBy.forEach(r => set.add(r)));
                found = [...set];
                risksOf.set(name, found);
            }
            return found;
        },
        meansOf: name => meansOf(name, analysis)
    };
    return analysis;
}

function assetFigures(model: PlanModel, recovery: RecoveryGraph, ranks: Int8Array, base: RecoveryBase): Map<string, AssetFigures> {
    const neededByFallbacks = recovery.assetsNeededByFallbacks();
    const assets = new Map<string, AssetFigures>();
    const names = base.assetCoverNames();
    const bests = base.assetBests();
    model.assets.forEach((asset, index) => {
        const { best, bestRto, bestRpo } = bests[index];
        const coveredBy = names.covered[index];
        const otherMeans = names.other[index];
        const rank = ranks[index];
        assets.set(asset.name, {
            name: asset.name, coveredBy, otherMeans, best, bestRto, bestRpo,
            holdsData: base.holdsData[index], usedBy: [], criticality: rank > 0 ? rankNames[rank] : undefined, targetedBy: [],
            unused: rank < 0 && coveredBy.length === 0 && otherMeans.length === 0 && !neededByFallbacks.has(asset.name)
        });
    });
    for (const activity of model.activities) {
        for (const name of activity.uses) {
            const asset = assets.get(name);
            if (asset && !asset.usedBy.includes(activity.name)) asset.usedBy.push(activity.name);
        }
    }
    for (const risk of model.risks) {
        for (const name of risk.targets) {
            const asset = assets.get(name);
            if (!asset) continue;
            asset.targetedBy.push(risk.name);
            asset.unused = false;
        }
    }
    return assets;
}

function activityFigures(activity: ActivityData, recovery: RecoveryGraph): ActivityFigures {
    const direct = recovery.directPath(activity);
    const assetPath = { rto: recovery.assetPath(activity, 'rto'), rpo: recovery.assetPath(activity, 'rpo') };
    const missingRequirements: ActivityFigures['missingRequirements'] = [];
    if (requiresContinuity(activity.criticality)) {
        if (activity.rtoMinutes === undefined) missingRequirements.push('rto');
        if (activity.rpoMinutes === undefined) missingRequirements.push('rpo');
        if (activity.owner === undefined) missingRequirements.push('owner');
    }
    return {
        name: activity.name, direct, assetPath,
        achievedRto: achievedOf(direct.rto, assetPath.rto),
        achievedRpo: achievedOf(direct.rpo, assetPath.rpo),
        coveredBy: direct.fallbacks,
        hasFallback: direct.fallbacks.length > 0 || direct.manual || recovery.anyAssetCovered(activity.name),
        missingRequirements, procedures: []
    };
}

function meansOf(name: string, analysis: PlanAnalysis): MeansOption[] {
    const activity = analysis.data.activities.get(name);
    if (!activity) return [];
    const recovery = analysis.recovery;
    const options: MeansOption[] = [];
    const seen = new Set<string>();
    const add = (fallbacks: readonly FallbackData[], covers: string): void => {
        for (const fallback of fallbacks) {
            if (seen.has(fallback.name)) continue;
            seen.add(fallback.name);
            options.push({
                fallback: fallback.name, status: fallback.status, covers,
                rtoMinutes: fallback.rtoMinutes, rpoMinutes: fallback.rpoMinutes, ...costFigures(fallback),
                currency: fallback.cost?.currency, reason: fallback.reason, due: fallback.due
            });
        }
    };
    add([...recovery.coveringActivity(name), ...recovery.otherMeans('activity', name)], name);
    for (const asset of analysis.assetsOf(name)) add([...recovery.coveringAsset(asset), ...recovery.otherMeans('asset', asset)], asset);
    return options;
}

function riskFigures(risk: RiskData, scales: Scales, fallbacks: ReadonlyMap<string, FallbackData>): RiskFigures {
    const figures: RiskFigures = {
        name: risk.name,
        mitigationsNotInPlace: risk.mitigatedBy.filter(name => { const f = fallbacks.get(name); return f !== undefined && !isActive(f); })
    };
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

function fallbackFigures(fallback: FallbackData, index: number, record: TestRecord, activities: ReadonlyMap<string, ActivityData>,
    assets: ReadonlyMap<string, AssetFigures>, base: RecoveryBase): FallbackFigures {
    const protectsCritical = fallback.covers.some(target => target.kind === 'activity'
        ? activities.get(target.name)?.criticality === 'critical'
        : assets.get(target.name)?.criticality === 'critical');
    return base.figuresOfFallback(index, record, protectsCritical, (): FallbackFigures => ({
        name: fallback.name, active: isActive(fallback), protectsCritical,
        testState: record.state, testedOn: record.testedOn, testAgeDays: record.ageDays, failedBy: record.failedBy,
        drilled: record.drilled, exercises: record.exercises, ...costFigures(fallback)
    }));
}

function procedureFigures(procedure: ProcedureData, activities: ReadonlyMap<string, ActivityData>): ProcedureFigures {
    const total = procedureDuration(procedure.items);
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

function roleFigures(model: PlanModel): Map<string, RoleFigures> {
    const roles = new Map<string, RoleFigures>(model.roles.map(r => [r.name, {
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
        const holders = new Set([procedure.owner, ...procedure.steps.flatMap(s => s.by)]);
        holders.forEach(holder => addDuty(holder, { kind: 'procedure', name: procedure.name }));
    }
    model.roles.forEach(r => addDuty(r.deputy, { kind: 'deputy', name: r.name }));
    return roles;
}

function addCost(into: Record<string, number>, currency: string, amount: number | undefined): void {
    if (amount !== undefined) into[currency] = (into[currency] ?? 0) + amount;
}

function planFigures(model: PlanModel, risks: Map<string, RiskFigures>, recovery: RecoveryGraph): PlanFigures {
    const crisis = model.crisis;
    const missingCrisisParts: CrisisPart[] = !crisis ? ['crisis'] : [
        ...(crisis.alerts.length === 0 ? ['alert' as const] : []),
        ...(crisis.activation === undefined ? ['activation' as const] : []),
        ...(crisis.pilot === undefined ? ['pilot' as const] : [])
    ];
    const active = model.fallbacks.filter(isActive);
    const backups = active.filter(f => f.type === 'backup');
    const zoneCounts: ZoneCounts = { acceptable: 0, tolerable: 0, unacceptable: 0 };
    const residualZoneCounts: ZoneCounts = { acceptable: 0, tolerable: 0, unacceptable: 0 };
    for (const risk of risks.values()) {
        if (risk.zone) zoneCounts[risk.zone]++;
        const credited = risk.mitigationsNotInPlace.length === 0 ? risk.residualZone : undefined;
        const after = credited ?? risk.zone;
        if (after) residualZoneCounts[after]++;
    }
    const costs = { annualCosts: {}, oneOffCosts: {}, plannedAnnualCosts: {}, plannedOneOffCosts: {} };
    for (const fallback of model.fallbacks) {
        const currency = fallback.cost?.currency ?? '';
        const { annualCost, oneOffCost } = costFigures(fallback);
        if (isActive(fallback)) {
            addCost(costs.annualCosts, currency, annualCost);
            addCost(costs.oneOffCosts, currency, oneOffCost);
        } else if (fallback.status === 'planned') {
            addCost(costs.plannedAnnualCosts, currency, annualCost);
            addCost(costs.plannedOneOffCosts, currency, oneOffCost);
        }
    }
    const header = model.header;
    return {
        missingCrisisParts,
        hasCrisisCommunication: active.some(f => f.type === 'communication'
            && (f.audience.includes('clients') || f.audience.includes('staff'))),
        backupCount: backups.length,
        hasOfflineBackup: backups.some(f => f.offline || f.offsite),
        stale: header?.review !== undefined && header.date !== undefined && header.review < header.date,
        cycles: recovery.cycles(), zoneCounts, residualZoneCounts, ...costs
    };
}

/** The kinds of element a finding can be about, for consumers that key on kind and name. */
export type { ElementKind };
