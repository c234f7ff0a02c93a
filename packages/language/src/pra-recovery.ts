import { Graph } from './pra-graph.js';
import type { ActivityData, AssetData, FallbackData, PlanModel } from './pra-model.js';
import { statelessAssetKinds } from './pra-vocabulary.js';

/**
 * The recovery paths of the contract (version 2): for each activity, the direct path (active
 * fallbacks covering it, its manual workaround) and the asset path (every asset it needs comes
 * back), with the figure each achieves. Built once per analysis over one graph of assets,
 * activities and fallbacks; closures are folded over its components, never listed per activity.
 */

export type Figure = 'rto' | 'rpo';
const figureKey = { rto: 'rtoMinutes', rpo: 'rpoMinutes' } as const;

/** Only active means count for coverage, figures, tests and mitigation. */
export const isActive = (fallback: FallbackData): boolean => fallback.status === 'active';

/** Whether an asset holds data that can be lost: stateless kinds and `stateless` assets never bound an RPO. */
export const holdsData = (asset: AssetData): boolean => !asset.stateless && !statelessAssetKinds.has(asset.kind ?? '');

export interface Recovery { minutes: number; via: string }

/** best(A) for one figure: the least stated by A's active fallbacks, or why there is none. */
export type BestFigure = { state: 'known'; minutes: number; via: string } | { state: 'unstated' } | { state: 'none' };

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

/** Per component: what its closure holds, folded successors first. */
interface ClosureFold {
    hasAssets: boolean;
    /** An asset with no active fallback, or -1. */
    none: number;
    unstated: boolean;
    /** The three slowest known figures, distinct assets, slowest first. */
    top: TopEntry[];
    anyCovered: boolean;
    maxSla: number;
    /** Some asset is covered by an active fallback drilled for real in the last 12 months. */
    drilled: boolean;
}
interface TopEntry { asset: number; minutes: number; via: string }

const TOP = 3;

function mergeTop(a: readonly TopEntry[], b: readonly TopEntry[]): TopEntry[] {
    if (b.length === 0) return a as TopEntry[];
    if (a.length === 0) return b as TopEntry[];
    const merged = [...a];
    for (const entry of b) if (!merged.some(e => e.asset === entry.asset)) merged.push(entry);
    // Slowest first; among equals, the asset declared first, so messages do not depend on the walk.
    merged.sort((x, y) => y.minutes - x.minutes || x.asset - y.asset);
    return merged.slice(0, TOP);
}

function mergeFold(into: ClosureFold, reached: ClosureFold): ClosureFold {
    return {
        hasAssets: into.hasAssets || reached.hasAssets,
        none: into.none >= 0 ? into.none : reached.none,
        unstated: into.unstated || reached.unstated,
        top: mergeTop(into.top, reached.top),
        anyCovered: into.anyCovered || reached.anyCovered,
        maxSla: Math.max(into.maxSla, reached.maxSla),
        drilled: into.drilled || reached.drilled
    };
}

const emptyFold: ClosureFold = { hasAssets: false, none: -1, unstated: false, top: [], anyCovered: false, maxSla: -1, drilled: false };

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
    /** Nodes: assets first, then activities, then fallbacks. */
    readonly graph: Graph;
    /** Assets only, with edges between data-holding assets only: the RPO chains. */
    private readonly dataGraph: Graph;
    readonly names: string[];
    private readonly assetIndex = new Map<string, number>();
    private readonly activityIndex = new Map<string, number>();
    private readonly fallbackIndex = new Map<string, number>();
    private readonly assetCount: number;
    private readonly activityCount: number;
    private readonly bestOf: { rto: BestFigure[]; rpo: BestFigure[] };
    private readonly folds: ClosureFold[];
    private readonly dataFolds: ClosureFold[];
    /** Active fallbacks covering each asset / activity, and the others (planned, options, rejected). */
    readonly activeCover = new Map<string, FallbackData[]>();
    /** The same for assets, by index: read in the walks over U. */
    private readonly activeByAsset: FallbackData[][];
    readonly otherCover = new Map<string, FallbackData[]>();

    constructor(private readonly model: PlanModel, private readonly facts: RecoveryFacts = { drilled: new Set() }) {
        model.assets.forEach((a, i) => this.assetIndex.set(a.name, i));
        this.assetCount = model.assets.length;
        model.activities.forEach((a, i) => this.activityIndex.set(a.name, this.assetCount + i));
        this.activityCount = model.activities.length;
        model.fallbacks.forEach((f, i) => this.fallbackIndex.set(f.name, this.assetCount + this.activityCount + i));
        this.names = [...model.assets.map(a => a.name), ...model.activities.map(a => a.name), ...model.fallbacks.map(f => f.name)];
        for (const fallback of model.fallbacks) {
            const into = isActive(fallback) ? this.activeCover : this.otherCover;
            for (const target of fallback.covers) {
                const key = `${target.kind}:${target.name}`;
                const list = into.get(key);
                if (!list) into.set(key, [fallback]); else if (!list.includes(fallback)) list.push(fallback);
            }
        }
        this.activeByAsset = model.assets.map(a => this.activeCover.get(`asset:${a.name}`) ?? []);
        this.graph = new Graph(this.names.length, node => this.edgesOf(node));
        const data = model.assets.map(holdsData);
        this.dataGraph = new Graph(this.assetCount, node => data[node]
            ? model.assets[node].dependsOn.map(n => this.assetIndex.get(n) ?? -1).filter(i => i >= 0 && data[i]) : []);
        this.bestOf = {
            rto: model.assets.map(a => this.best(this.coveringAsset(a.name), 'rto')),
            rpo: model.assets.map(a => this.best(this.coveringAsset(a.name), 'rpo'))
        };
        this.folds = this.graph.fold(members => this.ownFold(members, 'rto'), mergeFold);
        this.dataFolds = this.dataGraph.fold(members => this.ownFold(members, 'rpo'), mergeFold);
    }

    private edgesOf(node: number): number[] {
        const lookup = (map: Map<string, number>, names: readonly string[]): number[] =>
            names.flatMap(n => { const i = map.get(n); return i === undefined ? [] : [i]; });
        if (node < this.assetCount) return lookup(this.assetIndex, this.model.assets[node].dependsOn);
        if (node < this.assetCount + this.activityCount) {
            const activity = this.model.activities[node - this.assetCount];
            return [...lookup(this.assetIndex, activity.uses), ...lookup(this.activityIndex, activity.needs)];
        }
        const fallback = this.model.fallbacks[node - this.assetCount - this.activityCount];
        return [...lookup(this.assetIndex, fallback.dependsOn), ...lookup(this.fallbackIndex, fallback.dependsOnFallbacks)];
    }

    private ownFold(members: readonly number[], figure: Figure): ClosureFold {
        let fold = emptyFold;
        for (const node of members) {
            if (node >= this.assetCount) continue;
            const best = this.bestOf[figure][node];
            const asset = this.model.assets[node];
            fold = mergeFold(fold, {
                hasAssets: true, none: best.state === 'none' ? node : -1, unstated: best.state === 'unstated',
                top: best.state === 'known' ? [{ asset: node, minutes: best.minutes, via: best.via }] : [],
                anyCovered: best.state !== 'none', maxSla: asset.slaMinutes ?? -1,
                drilled: this.coveringAsset(asset.name).some(f => this.facts.drilled.has(f.name))
            });
        }
        return fold;
    }

    private best(covering: readonly FallbackData[], figure: Figure): BestFigure {
        if (covering.length === 0) return { state: 'none' };
        let result: BestFigure = { state: 'unstated' };
        for (const fallback of covering) {
            const minutes = fallback[figureKey[figure]];
            if (minutes !== undefined && (result.state !== 'known' || minutes < result.minutes)) {
                result = { state: 'known', minutes, via: fallback.name };
            }
        }
        return result;
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
        return index === undefined ? { state: 'none' } : this.bestOf[figure][index];
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
        return node === undefined ? emptyFold : this.folds[this.graph.componentOf[node]];
    }

    private dataFold(activity: ActivityData): ClosureFold {
        let fold = emptyFold;
        for (const name of activity.uses) {
            const index = this.assetIndex.get(name);
            if (index !== undefined && holdsData(this.model.assets[index])) {
                fold = mergeFold(fold, this.dataFolds[this.dataGraph.componentOf[index]]);
            }
        }
        return fold;
    }

    assetPath(activity: ActivityData, figure: Figure): AssetPath {
        return pathOf(figure === 'rto' ? this.activityFold(activity.name) : this.dataFold(activity), this.names);
    }

    /** Some asset the activity needs is covered by an active fallback. */
    anyAssetCovered(activity: string): boolean { return this.activityFold(activity).anyCovered; }
    /** Some asset the activity needs has no active fallback. */
    anyAssetUncovered(activity: string): boolean { return this.activityFold(activity).none >= 0; }
    /** The longest provider `sla` among the assets the activity needs (-1 when none states one). */
    longestSla(activity: string): number { return this.activityFold(activity).maxSla; }
    /** Some asset the activity needs is covered by an active fallback drilled for real. */
    anyAssetDrilled(activity: string): boolean { return this.activityFold(activity).drilled; }

    /** The slowest assets of a path (at most three, slowest first), with the fallback giving each figure. */
    slowest(activity: ActivityData, figure: Figure): SlowAsset[] {
        const fold = figure === 'rto' ? this.activityFold(activity.name) : this.dataFold(activity);
        return fold.top.map(t => ({ asset: this.names[t.asset], minutes: t.minutes, via: t.via }));
    }

    /**
     * Visits U of the contract: the assets an activity needs (uses, depends on, and what its `needs`
     * use), by name, each once. Costs what it visits: use the folds above to decide, this to name.
     */
    forEachAsset(activity: string, visit: (asset: AssetData, covering: readonly FallbackData[]) => void): void {
        const node = this.activityIndex.get(activity);
        if (node === undefined) return;
        this.graph.reach([node], n => { if (n < this.assetCount) visit(this.model.assets[n], this.activeByAsset[n]); });
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
     * walking per risk was risks × plan.
     */
    forActivitiesNeedingEach(sets: ReadonlyArray<Iterable<string>>, keep: (set: number, activity: ActivityData) => void): void {
        const batch = 1024;
        const components = this.graph.components;
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
            this.model.activities.forEach((activity, i) => {
                const at = this.graph.componentOf[this.assetCount + i] * words;
                for (let w = 0; w < words; w++) {
                    for (let word = bits[at + w]; word !== 0; word &= word - 1) {
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
        if (start === undefined || !holdsData(this.model.assets[start])) return [];
        const found: string[] = [];
        this.dataGraph.reverse().reach([start], n => found.push(this.names[n]));
        return found;
    }

    /** The RPO scope visited the same way: the data-holding assets used, and those they depend on through data-holding assets. */
    forEachDataAsset(activity: ActivityData, visit: (asset: AssetData) => void): void {
        const starts = activity.uses.flatMap(n => {
            const i = this.assetIndex.get(n);
            return i !== undefined && holdsData(this.model.assets[i]) ? [i] : [];
        });
        this.dataGraph.reach(starts, n => visit(this.model.assets[n]));
    }

    /** Every asset some fallback needs, directly or through `depends on` chains. */
    assetsNeededByFallbacks(): Set<string> {
        const starts: number[] = [];
        for (let n = this.assetCount + this.activityCount; n < this.names.length; n++) starts.push(n);
        const found = new Set<string>();
        this.graph.reach(starts, n => { if (n < this.assetCount) found.add(this.names[n]); });
        return found;
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
        this.graph.reach([node], n => { if (!found && n < this.assetCount && targets.has(this.names[n])) found = true; }, () => !found);
        return found;
    }

    /**
     * The first dependency chain from a fallback (through `depends on` of fallbacks and assets) to an
     * asset `wanted` accepts, as names from the fallback to that asset; undefined when none.
     */
    chainsFrom(fallback: string, wanted: (asset: string) => boolean): Array<{ asset: string; chain: string[] }> {
        const start = this.fallbackIndex.get(fallback);
        if (start === undefined) return [];
        const parent = new Map<number, number>();
        const hits: number[] = [];
        this.graph.reach(this.graph.successors(start), (node, from) => {
            parent.set(node, from < 0 ? start : from);
            if (node < this.assetCount && wanted(this.names[node])) hits.push(node);
        });
        return hits.map(hit => {
            const chain: number[] = [hit];
            for (let at = hit; at !== start;) { at = parent.get(at)!; chain.unshift(at); }
            return { asset: this.names[hit], chain: chain.map(n => this.names[n]) };
        });
    }

    /** Whether asset `name` needs, directly or through `depends on`, one of `targets`. */
    assetReaches(name: string, targets: ReadonlySet<string>): boolean {
        const index = this.assetIndex.get(name);
        if (index === undefined) return false;
        let found = false;
        this.graph.reach([index], n => { if (!found && targets.has(this.names[n])) found = true; }, () => !found);
        return found;
    }

    /** Each cycle of `depends on` and `needs`, as the names in it. */
    cycles(): string[][] {
        return this.graph.components.flatMap((members, id) => this.graph.cyclic[id] ? [members.map(m => this.names[m])] : []);
    }

    /** The highest criticality rank reaching each asset through uses, needs and depends on (-1: no activity). */
    assetRanks(rankOf: (activity: ActivityData) => number): Int8Array {
        const rank = new Int8Array(this.names.length).fill(-1);
        this.model.activities.forEach((a, i) => { rank[this.assetCount + i] = rankOf(a); });
        // Components come successors first: walking them backwards visits every predecessor first.
        for (let id = this.graph.components.length - 1; id >= 0; id--) {
            const members = this.graph.components[id];
            let best = -1;
            for (const m of members) best = Math.max(best, rank[m]);
            for (const m of members) {
                rank[m] = best;
                for (const target of this.graph.successors(m)) if (rank[target] < best) rank[target] = best;
            }
        }
        return rank.subarray(0, this.assetCount);
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
    private closureRows?: Uint32Array | null;
    private dataClosureRows?: Uint32Array | null;

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

    private rows(): Uint32Array | null {
        if (this.closureRows === undefined) this.closureRows = this.rowsOver(this.graph);
        return this.closureRows;
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
        const index = kind === 'asset' ? this.assetIndex : kind === 'activity' ? this.activityIndex : this.fallbackIndex;
        const node = index.get(name);
        if (node === undefined) return bits;
        const starts = kind === 'fallback' ? this.graph.successors(node) : [node];
        this.graph.reach(starts, n => {
            if (n < this.assetCount) for (let w = 0, at = n * words; w < words; w++) bits[w] |= rows[at + w];
        }, n => n >= this.assetCount);
        return bits;
    }

    /** The RPO scope of an activity (what `forEachDataAsset` visits) as a row; undefined past the limit. */
    dataAssetBits(activity: ActivityData): Uint32Array | undefined {
        if (this.dataClosureRows === undefined) this.dataClosureRows = this.rowsOver(this.dataGraph);
        const rows = this.dataClosureRows;
        if (!rows) return undefined;
        const words = this.assetWords;
        const bits = new Uint32Array(words);
        for (const name of activity.uses) {
            const i = this.assetIndex.get(name);
            if (i === undefined || !holdsData(this.model.assets[i])) continue;
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
        const reaches = new Uint8Array(this.names.length);
        for (let id = 0; id < this.graph.components.length; id++) {
            const members = this.graph.components[id];
            let found = 0;
            for (const m of members) {
                if (m < this.assetCount && (mask[m >>> 5] & (1 << (m & 31))) !== 0) { found = 1; break; }
                for (const target of this.graph.successors(m)) if (reaches[target]) { found = 1; break; }
                if (found) break;
            }
            if (found) for (const m of members) reaches[m] = 1;
        }
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
        this.graph.reach([node], n => {
            if (!done && n < this.assetCount && visit(this.model.assets[n], this.activeByAsset[n], n)) done = true;
        }, n => !done && (reaches === undefined || reaches[n] === 1));
    }

    /**
     * The walk of `chainsFrom`, its hits (asset indices) in the same order, stopped once `enough`
     * answers true for the hits so far; the chain to a hit is built only when asked (building every
     * chain was hits × depth).
     */
    hitsFrom(fallback: string, wanted: (asset: number) => boolean, enough: (hits: readonly number[]) => boolean):
        { hits: number[]; chainTo: (hit: number) => string[] } {
        const start = this.fallbackIndex.get(fallback);
        const hits: number[] = [];
        const parent = new Map<number, number>();
        if (start !== undefined && !enough(hits)) {
            let done = false;
            this.graph.reach(this.graph.successors(start), (node, from) => {
                if (done) return;
                parent.set(node, from < 0 ? start : from);
                if (node < this.assetCount && wanted(node)) { hits.push(node); done = enough(hits); }
            }, () => !done);
        }
        return {
            hits,
            chainTo: hit => {
                const chain: string[] = [];
                for (let at = hit; at !== start; at = parent.get(at)!) chain.push(this.names[at]);
                chain.push(this.names[start!]);
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
