import { Graph } from './pra-graph.js';
import type { ActivityData, AssetData, FallbackData, PlanModel } from './pra-model.js';
import {
    emptyFold, figureKey, holdsData, isActive, mergeFold, RecoveryBase, type BestFigure, type ClosureFold, type Figure
} from './pra-recovery-base.js';

export { holdsData, isActive, type BestFigure, type Figure };

/**
 * The recovery paths of the contract (version 2): for each activity, the direct path (active
 * fallbacks covering it, its manual workaround) and the asset path (every asset it needs comes
 * back), with the figure each achieves. Built once per analysis over one graph of assets,
 * activities and fallbacks; closures are folded over its components, never listed per activity.
 * What depends on the assets and fallbacks alone is a `RecoveryBase`, shared by the plans and
 * builds that have the same ones; this class adds the plan's activities to it.
 */

export interface Recovery { minutes: number; via: string }

/** One of the slowest assets of a path: its best figure and the fallback giving it. */
export interface SlowAsset { asset: string; minutes: number; via: string }

/**
 * What the asset path gives for a figure: nothing to recover (`empty`), no way to recover some
 * asset (`none`), a figure known for every asset (`exact`), or a lower bound when some asset's
 * fallbacks state no figure (`atLeast`, with no minutes when nothing is known).
 */
export type AssetPath =
    | { state: 'empty' }
    | { state: 'none'; missing: string }
    | { state: 'exact'; minutes: number; slowest: SlowAsset }
    | { state: 'atLeast'; minutes?: number; slowest?: SlowAsset };

/** The figure a plan achieves for an activity and the path that gives it. */
export interface Achieved { minutes: number; path: 'direct' | 'asset'; via: string; atLeast: boolean }

export interface DirectPath {
    /** Active fallbacks covering the activity itself. */
    fallbacks: string[];
    /** Least `rto` of those fallbacks and the manual `within`; least `rpo` of the fallbacks. */
    rto?: Recovery;
    rpo?: Recovery;
    /** There is a manual workaround (with or without `within`). */
    manual: boolean;
}

/** A node of the recovery graph by kind and name (names are unique per kind only). */
export interface NodeRef { kind: 'asset' | 'activity' | 'fallback'; name: string }
/** A node that needs some asset, and the node it was reached from on the way to that asset. */
export interface Dependant { node: NodeRef; from?: NodeRef }

/** What the plan knows beyond assets and fallbacks, folded with them: which fallbacks were drilled. */
export interface RecoveryFacts {
    /** Active fallbacks with a passed functional or full-scale exercise in the 12 months before the plan date. */
    drilled: ReadonlySet<string>;
}

function pathOf(fold: ClosureFold, names: readonly string[]): AssetPath {
    if (!fold.hasAssets) return { state: 'empty' };
    if (fold.none >= 0) return { state: 'none', missing: names[fold.none] };
    const top = fold.top[0];
    const slowest = top ? { asset: names[top.asset], minutes: top.minutes, via: top.via } : undefined;
    if (fold.unstated) return { state: 'atLeast', minutes: slowest?.minutes, slowest };
    return slowest ? { state: 'exact', minutes: slowest.minutes, slowest } : { state: 'empty' };
}

/** The least figure of a direct path and an asset path that the plan can count on. */
export function achievedOf(direct: Recovery | undefined, path: AssetPath): Achieved | undefined {
    const viaDirect = direct ? { minutes: direct.minutes, path: 'direct' as const, via: direct.via, atLeast: false } : undefined;
    if (path.state === 'exact' && (!viaDirect || path.minutes < viaDirect.minutes)) {
        return { minutes: path.minutes, path: 'asset', via: path.slowest.via, atLeast: false };
    }
    if (viaDirect) return viaDirect;
    if (path.state === 'atLeast' && path.minutes !== undefined && path.slowest) {
        return { minutes: path.minutes, path: 'asset', via: path.slowest.via, atLeast: true };
    }
    return undefined;
}

/**
 * Whether a requirement is certainly missed ("recovery figures, final wording"): the direct path
 * is absent or too slow, the asset path cannot recover or is above the requirement, and at least
 * one path gives a figure.
 */
export function certainlyMissed(required: number, direct: Recovery | undefined, path: AssetPath): boolean {
    if (direct && direct.minutes <= required) return false;
    // No asset to bring back: the direct path alone decides ("more precise readings").
    if (path.state === 'empty') return direct !== undefined;
    const assetMisses = path.state === 'none' || (path.state === 'exact' && path.minutes > required)
        || (path.state === 'atLeast' && path.minutes !== undefined && path.minutes > required);
    const someFigure = direct !== undefined || path.state === 'exact' || (path.state === 'atLeast' && path.minutes !== undefined);
    return assetMisses && someFigure;
}

export class RecoveryGraph {
    private readonly base: RecoveryBase;
    private readonly assetIndex: Map<string, number>;
    /** Activities are numbered after the assets (nodes assetCount ..), as in `graph`. */
    private readonly activityIndex = new Map<string, number>();
    private readonly assetCount: number;
    private readonly activityCount: number;
    /** The successors of each activity in `graph`'s numbering: the assets it uses, then the activities it needs. */
    private readonly activityOffsets: Int32Array;
    private readonly activityTargets: Int32Array;
    /** The activities alone, with their `needs`: its components are `graph`'s activity components, in the same order. */
    private readonly activityGraph: Graph;
    private readonly activityFolds: ClosureFold[];
    /** Active fallbacks covering each asset / activity, and the others (planned, options, rejected). */
    readonly activeCover: ReadonlyMap<string, FallbackData[]>;
    readonly otherCover: ReadonlyMap<string, FallbackData[]>;
    /** The same for assets, by index: read in the walks over U. */
    private readonly activeByAsset: FallbackData[][];
    /** Marks of the walks from activities (`reachNeeds`). */
    private marks?: Int32Array;
    private epoch = 0;

    constructor(private readonly model: PlanModel, private readonly facts: RecoveryFacts = { drilled: new Set() },
        base: RecoveryBase = new RecoveryBase(model.assets, model.fallbacks)) {
        this.base = base;
        this.assetIndex = base.assetIndex;
        this.activeCover = base.activeCover;
        this.otherCover = base.otherCover;
        this.activeByAsset = base.activeByAsset;
        this.assetCount = base.assetCount;
        model.activities.forEach((a, i) => this.activityIndex.set(a.name, this.assetCount + i));
        this.activityCount = model.activities.length;
        const offsets = new Int32Array(this.activityCount + 1);
        const targets: number[] = [];
        const needs: number[][] = [];
        model.activities.forEach((activity, i) => {
            offsets[i] = targets.length;
            for (const name of activity.uses) { const t = this.assetIndex.get(name); if (t !== undefined) targets.push(t); }
            const needed: number[] = [];
            for (const name of activity.needs) {
                const t = this.activityIndex.get(name);
                if (t !== undefined) { targets.push(t); needed.push(t - this.assetCount); }
            }
            needs.push(needed);
        });
        offsets[this.activityCount] = targets.length;
        this.activityOffsets = offsets;
        this.activityTargets = Int32Array.from(targets);
        this.activityGraph = new Graph(this.activityCount, node => needs[node]);
        this.activityFolds = this.foldActivities();
    }

    /** The successors of activity `local` (0-based among activities) in `graph`'s numbering. */
    private activitySuccessors(local: number): Int32Array {
        return this.activityTargets.subarray(this.activityOffsets[local], this.activityOffsets[local + 1]);
    }

    /**
     * `Graph.fold` of the whole graph, for the activity components: an activity holds no asset of
     * its own, and merges the folds it reaches in the same order (members, then successors as written).
     */
    private foldActivities(): ClosureFold[] {
        const graph = this.activityGraph;
        const folded: ClosureFold[] = [];
        for (let id = 0; id < graph.components.length; id++) {
            let value = emptyFold;
            const seenAssets = new Set<number>();
            const seen = new Set<number>();
            for (const member of graph.components[id]) {
                for (const target of this.activitySuccessors(member)) {
                    if (target < this.assetCount) {
                        const reached = this.base.graph.componentOf[target];
                        if (seenAssets.has(reached)) continue;
                        seenAssets.add(reached);
                        value = mergeFold(value, this.base.folds[reached]);
                    } else {
                        const reached = graph.componentOf[target - this.assetCount];
                        if (reached === id || seen.has(reached)) continue;
                        seen.add(reached);
                        value = mergeFold(value, folded[reached]);
                    }
                }
            }
            folded.push(value);
        }
        return folded;
    }

    private fullGraph?: Graph;

    /**
     * Nodes: assets first, then activities, then fallbacks; built on first use (the reverse walks
     * and `dependantsOf`), from the base's graph and the activities' successors.
     */
    get graph(): Graph {
        if (!this.fullGraph) {
            const firstFallback = this.assetCount + this.activityCount;
            const shift = (t: number): number => t < this.assetCount ? t : t + this.activityCount;
            this.fullGraph = new Graph(this.names.length, node => node < this.assetCount ? this.base.graph.successors(node)
                : node < firstFallback ? this.activitySuccessors(node - this.assetCount)
                : Array.from(this.base.graph.successors(node - this.activityCount), shift));
        }
        return this.fullGraph;
    }

    private allNames?: string[];

    /** The names of `graph`'s nodes. */
    get names(): string[] {
        return this.allNames ??= [
            ...this.base.names.slice(0, this.assetCount), ...this.model.activities.map(a => a.name),
            ...this.base.names.slice(this.assetCount)
        ];
    }

    /**
     * `graph.reach` from activities, over the activities and the assets they need (the only nodes
     * an activity reaches), without building `graph`: the same nodes in the same order.
     */
    private reachNeeds(starts: readonly number[], visit: (node: number) => void, through: (node: number) => boolean = () => true): void {
        const marks = this.marks ??= new Int32Array(this.assetCount + this.activityCount);
        const mark = ++this.epoch;
        const stack: number[] = [];
        for (const start of starts) {
            if (marks[start] === mark) continue;
            marks[start] = mark;
            visit(start);
            stack.push(start);
        }
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (!through(node)) continue;
            const successors = node < this.assetCount ? this.base.graph.successors(node) : this.activitySuccessors(node - this.assetCount);
            for (const target of successors) {
                if (marks[target] === mark) continue;
                marks[target] = mark;
                visit(target);
                stack.push(target);
            }
        }
    }

    coveringAsset(name: string): FallbackData[] {
        const index = this.assetIndex.get(name);
        return index === undefined ? [] : this.activeByAsset[index];
    }
    coveringActivity(name: string): FallbackData[] { return this.activeCover.get(`activity:${name}`) ?? []; }
    /** Planned, option and rejected means covering an asset or activity: shown, never counted. */
    otherMeans(kind: 'asset' | 'activity', name: string): FallbackData[] { return this.otherCover.get(`${kind}:${name}`) ?? []; }

    bestOfAsset(name: string, figure: Figure): BestFigure {
        const index = this.assetIndex.get(name);
        return index === undefined ? { state: 'none' } : this.base.bestOf[figure][index];
    }

    directPath(activity: ActivityData): DirectPath {
        const covering = this.coveringActivity(activity.name);
        const least = (candidates: Array<Recovery | undefined>): Recovery | undefined =>
            candidates.reduce<Recovery | undefined>((best, c) => c && (!best || c.minutes < best.minutes) ? c : best, undefined);
        const stated = (figure: Figure) => covering.map(f => {
            const minutes = f[figureKey[figure]];
            return minutes === undefined ? undefined : { minutes, via: f.name };
        });
        const manual = activity.manual?.withinMinutes !== undefined ? { minutes: activity.manual.withinMinutes, via: 'manual' } : undefined;
        return {
            fallbacks: covering.map(f => f.name),
            rto: least([...stated('rto'), manual]),
            rpo: least(stated('rpo')),
            manual: activity.manual !== undefined
        };
    }

    private activityFold(name: string): ClosureFold {
        const node = this.activityIndex.get(name);
        return node === undefined ? emptyFold : this.activityFolds[this.activityGraph.componentOf[node - this.assetCount]];
    }

    private dataFold(activity: ActivityData): ClosureFold {
        let fold = emptyFold;
        for (const name of activity.uses) {
            const index = this.assetIndex.get(name);
            if (index !== undefined && this.base.holdsData[index]) {
                fold = mergeFold(fold, this.base.dataFolds[this.base.dataGraph.componentOf[index]]);
            }
        }
        return fold;
    }

    assetPath(activity: ActivityData, figure: Figure): AssetPath {
        return pathOf(figure === 'rto' ? this.activityFold(activity.name) : this.dataFold(activity), this.base.names);
    }

    /** Some asset the activity needs is covered by an active fallback. */
    anyAssetCovered(activity: string): boolean { return this.activityFold(activity).anyCovered; }
    /** Some asset the activity needs has no active fallback. */
    anyAssetUncovered(activity: string): boolean { return this.activityFold(activity).none >= 0; }
    /** The longest provider `sla` among the assets the activity needs (-1 when none states one). */
    longestSla(activity: string): number { return this.activityFold(activity).maxSla; }

    /** Per activity component: some asset it needs is covered by a drilled fallback (the plan's exercises decide). */
    private drilledFolds?: Uint8Array;

    /** Some asset the activity needs is covered by an active fallback drilled for real. */
    anyAssetDrilled(activity: string): boolean {
        const node = this.activityIndex.get(activity);
        if (node === undefined) return false;
        this.drilledFolds ??= this.foldDrilled();
        return this.drilledFolds[this.activityGraph.componentOf[node - this.assetCount]] === 1;
    }

    /** The `drilled` fold: an "or" over the components reached, successors first (its order does not matter). */
    private foldDrilled(): Uint8Array {
        const { graph, activeByAsset, assetComponents } = this.base;
        const drilled = this.facts.drilled;
        const assets = new Uint8Array(assetComponents);
        if (drilled.size > 0) {
            for (let id = 0; id < assetComponents; id++) {
                let value = 0;
                for (const member of graph.components[id]) {
                    if (value === 0 && activeByAsset[member].some(f => drilled.has(f.name))) value = 1;
                    for (const target of graph.successors(member)) value |= assets[graph.componentOf[target]];
                }
                assets[id] = value;
            }
        }
        const components = this.activityGraph.components;
        const activities = new Uint8Array(components.length);
        for (let id = 0; id < components.length; id++) {
            let value = 0;
            for (const member of components[id]) {
                for (const target of this.activitySuccessors(member)) {
                    value |= target < this.assetCount ? assets[graph.componentOf[target]]
                        : activities[this.activityGraph.componentOf[target - this.assetCount]];
                }
            }
            activities[id] = value;
        }
        return activities;
    }

    /** The slowest assets of a path (at most three, slowest first), with the fallback giving each figure. */
    slowest(activity: ActivityData, figure: Figure): SlowAsset[] {
        const fold = figure === 'rto' ? this.activityFold(activity.name) : this.dataFold(activity);
        return fold.top.map(t => ({ asset: this.base.names[t.asset], minutes: t.minutes, via: t.via }));
    }

    /**
     * Visits U of the contract: the assets an activity needs (uses, depends on, and what its `needs`
     * use), by name, each once. Costs what it visits: use the folds above to decide, this to name.
     */
    forEachAsset(activity: string, visit: (asset: AssetData, covering: readonly FallbackData[]) => void): void {
        const node = this.activityIndex.get(activity);
        if (node === undefined) return;
        this.reachNeeds([node], n => { if (n < this.assetCount) visit(this.base.assets[n], this.activeByAsset[n]); });
    }

    /**
     * The activities that need (through uses, depends on and needs) one of `assets`, in the plan's
     * order: one walk back from those assets, whatever the number of activities.
     */
    activitiesNeeding(assets: Iterable<string>): ActivityData[] {
        const starts: number[] = [];
        for (const name of assets) { const i = this.assetIndex.get(name); if (i !== undefined) starts.push(i); }
        const found: number[] = [];
        const firstFallback = this.assetCount + this.activityCount;
        this.graph.reverse().reach(starts, n => { if (n >= this.assetCount && n < firstFallback) found.push(n - this.assetCount); },
            n => n < firstFallback);
        return found.sort((a, b) => a - b).map(i => this.model.activities[i]);
    }

    /**
     * `activitiesNeeding` for many sets of assets at once (one per risk, say): `keep(set, activity)` is
     * asked for each set and each activity that needs one of its assets, activities in the plan's order.
     * One pass over the condensed graph with one bit per set (sets taken 1,024 at a time), instead of
     * a walk back per set: a walk reaches most of the plan when the dependencies are dense, so
     * walking per risk was risks × plan. The asset components (the base's) first, then the activities'.
     */
    forActivitiesNeedingEach(sets: ReadonlyArray<Iterable<string>>, keep: (set: number, activity: ActivityData) => void): void {
        const batch = 1024;
        const { graph, assetComponents } = this.base;
        const activityGraph = this.activityGraph;
        for (let first = 0; first < sets.length; first += batch) {
            const count = Math.min(batch, sets.length - first);
            const words = (count + 31) >>> 5;
            const bits = new Int32Array(assetComponents * words);
            for (let s = 0; s < count; s++) {
                for (const name of sets[first + s]) {
                    const node = this.assetIndex.get(name);
                    if (node !== undefined) bits[graph.componentOf[node] * words + (s >>> 5)] |= 1 << (s & 31);
                }
            }
            // Components are numbered successors first: each takes the bits of what it reaches.
            for (let id = 0; id < assetComponents; id++) {
                const at = id * words;
                for (const member of graph.components[id]) {
                    for (const target of graph.successors(member)) {
                        const from = graph.componentOf[target] * words;
                        if (from !== at) for (let w = 0; w < words; w++) bits[at + w] |= bits[from + w];
                    }
                }
            }
            const activityBits = new Int32Array(activityGraph.components.length * words);
            for (let id = 0; id < activityGraph.components.length; id++) {
                const at = id * words;
                for (const member of activityGraph.components[id]) {
                    for (const target of this.activitySuccessors(member)) {
                        const isAsset = target < this.assetCount;
                        const source = isAsset ? bits : activityBits;
                        const from = (isAsset ? graph.componentOf[target] : activityGraph.componentOf[target - this.assetCount]) * words;
                        if (isAsset || from !== at) for (let w = 0; w < words; w++) activityBits[at + w] |= source[from + w];
                    }
                }
            }
            this.model.activities.forEach((activity, i) => {
                const at = activityGraph.componentOf[i] * words;
                for (let w = 0; w < words; w++) {
                    for (let word = activityBits[at + w]; word !== 0; word &= word - 1) {
                        keep(first + (w << 5) + (31 - Math.clz32(word & -word)), activity);
                    }
                }
            });
        }
    }

    /**
     * Everything that needs asset `name`, directly or not: the assets that depend on it, the
     * activities that use or need it, the fallbacks that depend on it; one walk back, each once,
     * the start first. `from` is the node each was reached from (the next step toward `name`).
     */
    dependantsOf(name: string): Dependant[] {
        const start = this.assetIndex.get(name);
        if (start === undefined) return [];
        const kindOf = (i: number): NodeRef['kind'] =>
            i < this.assetCount ? 'asset' : i < this.assetCount + this.activityCount ? 'activity' : 'fallback';
        const refs = this.refs ??= this.names.map((name, i) => ({ kind: kindOf(i), name }));
        const found: Dependant[] = [];
        this.graph.reverse().reach([start], (n, from) => found.push({ node: refs[n], from: from < 0 ? undefined : refs[from] }));
        return found;
    }

    /** One reference per node, shared by every walk: a walk's `from` is the very object of that node. */
    private refs?: NodeRef[];

    /**
     * The data-holding assets whose RPO scope holds asset `name` (itself, and those that depend on it
     * through data-holding assets): an activity using one of them can lose data with it.
     */
    dataDependantsOf(name: string): string[] {
        const start = this.assetIndex.get(name);
        if (start === undefined || !this.base.holdsData[start]) return [];
        const found: string[] = [];
        this.base.dataGraph.reverse().reach([start], n => found.push(this.base.names[n]));
        return found;
    }

    /** The RPO scope visited the same way: the data-holding assets used, and those they depend on through data-holding assets. */
    forEachDataAsset(activity: ActivityData, visit: (asset: AssetData) => void): void {
        const starts = activity.uses.flatMap(n => {
            const i = this.assetIndex.get(n);
            return i !== undefined && this.base.holdsData[i] ? [i] : [];
        });
        this.base.dataGraph.reach(starts, n => visit(this.base.assets[n]));
    }

    /** Every asset some fallback needs, directly or through `depends on` chains. */
    assetsNeededByFallbacks(): ReadonlySet<string> {
        return this.base.assetsNeededByFallbacks();
    }

    /** U as a list of names. */
    assetsOf(activity: string): string[] {
        const found: string[] = [];
        this.forEachAsset(activity, asset => found.push(asset.name));
        return found;
    }

    /** Whether an activity needs one of `targets`; stops at the first found. */
    needsAnyOf(activity: string, targets: ReadonlySet<string>): boolean {
        const node = this.activityIndex.get(activity);
        if (node === undefined) return false;
        let found = false;
        this.reachNeeds([node], n => { if (!found && n < this.assetCount && targets.has(this.base.names[n])) found = true; }, () => !found);
        return found;
    }

    /**
     * Every asset `wanted` accepts that a fallback reaches (through `depends on` of fallbacks and
     * assets), in the walk's order, each with its chain of names from the fallback to it.
     */
    chainsFrom(fallback: string, wanted: (asset: string) => boolean): Array<{ asset: string; chain: string[] }> {
        const { hits, chainTo } = this.hitsFrom(fallback, node => wanted(this.base.names[node]), () => false);
        return hits.map(hit => ({ asset: this.base.names[hit], chain: chainTo(hit) }));
    }

    /** Whether asset `name` needs, directly or through `depends on`, one of `targets`. */
    assetReaches(name: string, targets: ReadonlySet<string>): boolean {
        const index = this.assetIndex.get(name);
        if (index === undefined) return false;
        let found = false;
        this.base.graph.reach([index], n => { if (!found && targets.has(this.base.names[n])) found = true; }, () => !found);
        return found;
    }

    /** Each cycle of `depends on` and `needs`, as the names in it: among assets, then activities, then fallbacks. */
    cycles(): string[][] {
        const { graph, names, assetComponents } = this.base;
        const found: string[][] = [];
        const add = (from: Graph, start: number, end: number, name: (node: number) => string): void => {
            for (let id = start; id < end; id++) if (from.cyclic[id]) found.push(from.components[id].map(name));
        };
        add(graph, 0, assetComponents, n => names[n]);
        add(this.activityGraph, 0, this.activityGraph.components.length, n => this.model.activities[n].name);
        add(graph, assetComponents, graph.components.length, n => names[n]);
        return found;
    }

    /** The highest criticality rank reaching each asset through uses, needs and depends on (-1: no activity). */
    assetRanks(rankOf: (activity: ActivityData) => number): Int8Array {
        const activityRank = Int8Array.from(this.model.activities, rankOf);
        const rank = new Int8Array(this.assetCount).fill(-1);
        // Components come successors first: walking them backwards visits every predecessor first,
        // the activities' (which only the fallbacks, of rank -1, precede) before the assets'.
        const activities = this.activityGraph;
        for (let id = activities.components.length - 1; id >= 0; id--) {
            const members = activities.components[id];
            let best = -1;
            for (const m of members) best = Math.max(best, activityRank[m]);
            for (const m of members) {
                activityRank[m] = best;
                for (const target of this.activitySuccessors(m)) {
                    if (target < this.assetCount) { if (rank[target] < best) rank[target] = best; }
                    else if (activityRank[target - this.assetCount] < best) activityRank[target - this.assetCount] = best;
                }
            }
        }
        const graph = this.base.graph;
        for (let id = this.base.assetComponents - 1; id >= 0; id--) {
            const members = graph.components[id];
            let best = -1;
            for (const m of members) best = Math.max(best, rank[m]);
            for (const m of members) {
                rank[m] = best;
                for (const target of graph.successors(m)) if (rank[target] < best) rank[target] = best;
            }
        }
        return rank;
    }

    // Closures as rows of bits over the assets, for the checks that name and count what they report
    // ("A, B, C, D, E and 312 more"): the count is a popcount of a row and a mask, and a walk only
    // names the first few, stopping there. Walking U per element was elements × inventory when the
    // dependencies are dense. Rows are built on first use, one per asset (assets × assets bits:
    // 3 MB for 5,000 assets, the dense 20,000-activity plan), for the dependency graph and, when an
    // RPO count needs it, for the data graph; never past `closureRowsLimit` (16,384 assets): then
    // `assetBits` answers undefined and the checks walk as before, the same findings more slowly.

    /** Bytes of rows above which `assetBits` and `dataAssetBits` answer undefined (one limit per graph). */
    static closureRowsLimit = 32 * 1024 * 1024;

    /** Words (32 bits) of a row over the assets; bit i is the asset `names[i]`. */
    get assetWords(): number { return (this.assetCount + 31) >>> 5; }

    /** One row per asset: itself and every asset it depends on, directly or not, in `graph` (successors first). */
    private rowsOver(graph: Graph): Uint32Array | null {
        const words = this.assetWords;
        if (this.assetCount * words * 4 > RecoveryGraph.closureRowsLimit) return null;
        const rows = new Uint32Array(this.assetCount * words);
        for (let id = 0; id < graph.components.length; id++) {
            const members = graph.components[id];
            if (members[0] >= this.assetCount) continue;
            const at = members[0] * words;
            for (const member of members) {
                rows[at + (member >>> 5)] |= 1 << (member & 31);
                for (const target of graph.successors(member)) {
                    if (graph.componentOf[target] === id) continue;
                    const from = target * words;
                    for (let w = 0; w < words; w++) rows[at + w] |= rows[from + w];
                }
            }
            for (let m = 1; m < members.length; m++) rows.copyWithin(members[m] * words, at, at + words);
        }
        return rows;
    }

    /** The rows of the assets depend on the assets alone: kept by the base, shared by its plans (for the limit they were made under). */
    private rows(): Uint32Array | null {
        return this.base.kept('closureRows', RecoveryGraph.closureRowsLimit, () => this.rowsOver(this.base.graph));
    }

    /**
     * The assets a node needs, directly or not, as a row over the assets: U for an activity (what
     * `forEachAsset` visits), what `chainsFrom` walks for a fallback, an asset and what it depends
     * on. Unknown names give an empty row; undefined when the rows would exceed the limit. It walks
     * the graph (from an activity or fallback to its first assets): not from inside another walk.
     */
    assetBits(kind: NodeRef['kind'], name: string): Uint32Array | undefined {
        const rows = this.rows();
        if (!rows) return undefined;
        const words = this.assetWords;
        const bits = new Uint32Array(words);
        const add = (n: number): void => {
            if (n < this.assetCount) for (let w = 0, at = n * words; w < words; w++) bits[w] |= rows[at + w];
        };
        // From an activity over the activities, else over the base's graph (assets, then fallbacks).
        if (kind === 'activity') {
            const node = this.activityIndex.get(name);
            if (node !== undefined) this.reachNeeds([node], add, n => n >= this.assetCount);
            return bits;
        }
        const graph = this.base.graph;
        const node = (kind === 'asset' ? this.assetIndex : this.base.fallbackIndex).get(name);
        if (node === undefined) return bits;
        graph.reach(kind === 'fallback' ? graph.successors(node) : [node], add, n => n >= this.assetCount);
        return bits;
    }

    /** The RPO scope of an activity (what `forEachDataAsset` visits) as a row; undefined past the limit. */
    dataAssetBits(activity: ActivityData): Uint32Array | undefined {
        const rows = this.base.kept('dataClosureRows', RecoveryGraph.closureRowsLimit, () => this.rowsOver(this.base.dataGraph));
        if (!rows) return undefined;
        const words = this.assetWords;
        const bits = new Uint32Array(words);
        for (const name of activity.uses) {
            const i = this.assetIndex.get(name);
            if (i === undefined || !this.base.holdsData[i]) continue;
            for (let w = 0, at = i * words; w < words; w++) bits[w] |= rows[at + w];
        }
        return bits;
    }

    /** The assets `keep` accepts, as a row (given what `forEachAsset` gives, and the asset's index). */
    assetMaskWhere(keep: (asset: AssetData, covering: readonly FallbackData[], index: number) => boolean): Uint32Array {
        const mask = new Uint32Array(this.assetWords);
        for (let i = 0; i < this.assetCount; i++) if (keep(this.model.assets[i], this.activeByAsset[i], i)) mask[i >>> 5] |= 1 << (i & 31);
        return mask;
    }

    /** The assets of these names, as a row (unknown names are skipped). */
    assetMaskOf(names: Iterable<string>): Uint32Array {
        const mask = new Uint32Array(this.assetWords);
        for (const name of names) { const i = this.assetIndex.get(name); if (i !== undefined) mask[i >>> 5] |= 1 << (i & 31); }
        return mask;
    }

    /**
     * For each node of the graph, whether its closure holds an asset of `mask` (1) or not (0): a walk
     * that stops at the nodes marked 0 meets the assets of the mask in the order a full walk meets
     * them (what such a node would reach holds none of them, and marks none of those it reaches).
     */
    reachesMask(mask: Uint32Array): Uint8Array {
        const reaches = new Uint8Array(this.assetCount + this.activityCount + this.base.fallbacks.length);
        // The base's components (assets, then fallbacks: they reach no activity), then the activities',
        // each successors first; a node's index in `graph` is its base index, shifted past the activities for a fallback.
        const base = this.base.graph;
        const full = (n: number): number => n < this.assetCount ? n : n + this.activityCount;
        const mark = (components: readonly number[][], node: (m: number) => number, successors: (m: number) => Int32Array,
            target: (t: number) => number): void => {
            for (const members of components) {
                let found = 0;
                for (const m of members) {
                    const n = node(m);
                    if (n < this.assetCount && hasBit(mask, n)) { found = 1; break; }
                    for (const t of successors(m)) if (reaches[target(t)]) { found = 1; break; }
                    if (found) break;
                }
                if (found) for (const m of members) reaches[node(m)] = 1;
            }
        };
        mark(base.components, full, m => base.successors(m), full);
        // Activities' successors are in `graph`'s numbering already.
        mark(this.activityGraph.components, m => this.assetCount + m, m => this.activitySuccessors(m), t => t);
        return reaches;
    }

    /**
     * `forEachAsset` that stops once `visit` answers true (given the asset's index too). `reaches` (from `reachesMask`) lets the
     * walk skip what leads to no asset of that mask, when only those are of interest.
     */
    forEachAssetUntil(activity: string, visit: (asset: AssetData, covering: readonly FallbackData[], index: number) => boolean,
        reaches?: Uint8Array): void {
        const node = this.activityIndex.get(activity);
        if (node === undefined) return;
        let done = false;
        this.reachNeeds([node], n => {
            if (!done && n < this.assetCount && visit(this.model.assets[n], this.activeByAsset[n], n)) done = true;
        }, n => !done && (reaches === undefined || reaches[n] === 1));
    }

    /**
     * The walk from a fallback to the assets `wanted` accepts, its hits (asset indices) in order, stopped once `enough`
     * answers true for the hits so far; the chain to a hit is built only when asked (building every
     * chain was hits × depth).
     */
    hitsFrom(fallback: string, wanted: (asset: number) => boolean, enough: (hits: readonly number[]) => boolean):
        { hits: number[]; chainTo: (hit: number) => string[] } {
        // Over the base's graph (a fallback reaches fallbacks and assets only), with its numbering and names.
        const { graph, names } = this.base;
        const start = this.base.fallbackIndex.get(fallback);
        const hits: number[] = [];
        const parent = new Map<number, number>();
        if (start !== undefined && !enough(hits)) {
            let done = false;
            graph.reach(graph.successors(start), (node, from) => {
                if (done) return;
                parent.set(node, from < 0 ? start : from);
                if (node < this.assetCount && wanted(node)) { hits.push(node); done = enough(hits); }
            }, () => !done);
        }
        return {
            hits,
            chainTo: hit => {
                const chain: string[] = [];
                for (let at = hit; at !== start; at = parent.get(at)!) chain.push(names[at]);
                chain.push(names[start!]);
                return chain.reverse();
            }
        };
    }

    /**
     * `forActivitiesNeedingEach` answered as rows: `each(set, activities)` gets, for each set, the
     * activities that need one of its assets as a row of bits over the activities (bit i: the
     * activity `model.activities[i]`), so that a check counts them by a popcount and names the
     * first ones in the plan's order, instead of one call per (activity, set) pair: risks ×
     * activities calls when the dependencies are dense. The row is reused for the next set.
     */
    forActivitiesNeedingEachAsRows(sets: ReadonlyArray<Iterable<string>>, each: (set: number, activities: Uint32Array) => void): void {
        // No set, no walk: `graph` (the whole graph) is built on first use only.
        if (sets.length === 0) return;
        const batch = 1024;
        const components = this.graph.components;
        const activityWords = (this.activityCount + 31) >>> 5;
        for (let first = 0; first < sets.length; first += batch) {
            const count = Math.min(batch, sets.length - first);
            const words = (count + 31) >>> 5;
            const bits = new Int32Array(components.length * words);
            for (let s = 0; s < count; s++) {
                for (const name of sets[first + s]) {
                    const node = this.assetIndex.get(name);
                    if (node !== undefined) bits[this.graph.componentOf[node] * words + (s >>> 5)] |= 1 << (s & 31);
                }
            }
            // Components are numbered successors first: each takes the bits of what it reaches.
            for (let id = 0; id < components.length; id++) {
                const at = id * words;
                for (const member of components[id]) {
                    for (const target of this.graph.successors(member)) {
                        const from = this.graph.componentOf[target] * words;
                        if (from !== at) for (let w = 0; w < words; w++) bits[at + w] |= bits[from + w];
                    }
                }
            }
            // Turned round, 32 × 32 bits at a time: a row over the activities per set.
            const rows = new Int32Array(count * activityWords);
            const block = new Int32Array(32);
            for (let aw = 0; aw < activityWords; aw++) {
                const firstActivity = aw << 5;
                const activities = Math.min(32, this.activityCount - firstActivity);
                for (let w = 0; w < words; w++) {
                    let any = 0;
                    for (let a = 0; a < 32; a++) {
                        block[a] = a < activities ? bits[this.graph.componentOf[this.assetCount + firstActivity + a] * words + w] : 0;
                        any |= block[a];
                    }
                    if (any === 0) continue;
                    transpose32(block);
                    const sets32 = Math.min(32, count - (w << 5));
                    for (let s = 0; s < sets32; s++) rows[((w << 5) + s) * activityWords + aw] = block[s];
                }
            }
            const row = new Uint32Array(activityWords);
            for (let s = 0; s < count; s++) {
                row.set(rows.subarray(s * activityWords, (s + 1) * activityWords));
                each(first + s, row);
            }
        }
    }
}

/**
 * Transposes a 32 × 32 bit matrix in place: bit j of word i becomes bit i of word j (Hacker's
 * Delight, 7-3, with bit 0 the least significant).
 */
function transpose32(m: Int32Array): void {
    let mask = 0x0000ffff;
    for (let j = 16; j !== 0; j >>>= 1, mask ^= mask << j) {
        for (let k = 0; k < 32; k = ((k | j) + 1) & ~j) {
            const t = ((m[k] >>> j) ^ m[k | j]) & mask;
            m[k] ^= t << j;
            m[k | j] ^= t;
        }
    }
}

/** How many bits a row holds, and of two rows both hold. */
export function countBits(a: Uint32Array, b?: Uint32Array): number {
    let count = 0;
    for (let w = 0; w < a.length; w++) {
        let word = b ? a[w] & b[w] : a[w];
        word -= (word >>> 1) & 0x55555555;
        word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
        count += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    return count;
}

/** Whether two rows (or three) share a bit. */
export function sharesBits(a: Uint32Array, b: Uint32Array, c?: Uint32Array): boolean {
    for (let w = 0; w < a.length; w++) if ((c ? a[w] & b[w] & c[w] : a[w] & b[w]) !== 0) return true;
    return false;
}

export const hasBit = (row: Uint32Array, i: number): boolean => (row[i >>> 5] & (1 << (i & 31))) !== 0;
