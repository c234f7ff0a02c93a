import { fallbackTests, type FallbackTests, type TestRecord } from './pra-exercises.js';
import { Graph } from './pra-graph.js';
import type { AssetData, FallbackData, NamedElement } from './pra-model.js';
import { RecentlyUsed, sameItems } from './pra-kept.js';
import { statelessAssetKinds } from './pra-vocabulary.js';

/**
 * The part of the recovery graph (pra-recovery.ts) that depends on the plan's assets and fallbacks
 * only, never on its activities or exercises: the coverage of each asset, its best figures, the
 * graph of `depends on` among assets and fallbacks with its components, and each asset
 * component's closure folded. A shared inventory gives the same assets and fallbacks (the very same
 * objects: PraFileModels keeps a file's part while the file does not change) to every plan importing
 * it and to every build until it changes, so this part is computed once for all of them
 * (`RecoveryBases`), and each plan adds its activities on top (`RecoveryGraph`).
 */

export type Figure = 'rto' | 'rpo';
export const figureKey = { rto: 'rtoMinutes', rpo: 'rpoMinutes' } as const;

/** Only active means count for coverage, figures, tests and mitigation. */
export const isActive = (fallback: FallbackData): boolean => fallback.status === 'active';

/** Whether an asset holds data that can be lost: stateless kinds and `stateless` assets never bound an RPO. */
export const holdsData = (asset: AssetData): boolean => !asset.stateless && !statelessAssetKinds.has(asset.kind ?? '');

/** best(A) for one figure: the least stated by A's active fallbacks, or why there is none. */
export type BestFigure = { state: 'known'; minutes: number; via: string } | { state: 'unstated' } | { state: 'none' };

/** Per component: what its closure holds, folded successors first. */
export interface ClosureFold {
    hasAssets: boolean;
    /** An asset with no active fallback, or -1. */
    none: number;
    unstated: boolean;
    /** The three slowest known figures, distinct assets, slowest first. */
    top: TopEntry[];
    anyCovered: boolean;
    maxSla: number;
}
interface TopEntry { asset: number; minutes: number; via: string }

export interface AssetBest {
    best: { rto: BestFigure; rpo: BestFigure };
    bestRto?: { minutes: number; via: string };
    bestRpo?: { minutes: number; via: string };
}

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

/** `none` names the first uncovered asset met: folds are merged in one fixed order (successors as written). */
export function mergeFold(into: ClosureFold, reached: ClosureFold): ClosureFold {
    return {
        hasAssets: into.hasAssets || reached.hasAssets,
        none: into.none >= 0 ? into.none : reached.none,
        unstated: into.unstated || reached.unstated,
        top: mergeTop(into.top, reached.top),
        anyCovered: into.anyCovered || reached.anyCovered,
        maxSla: Math.max(into.maxSla, reached.maxSla)
    };
}

export const emptyFold: ClosureFold = { hasAssets: false, none: -1, unstated: false, top: [], anyCovered: false, maxSla: -1 };

function best(covering: readonly FallbackData[], figure: Figure): BestFigure {
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

export class RecoveryBase {
    /** The inputs, as given (the key of `RecoveryBases`): read, never written. */
    readonly assets: readonly AssetData[];
    readonly fallbacks: readonly FallbackData[];
    readonly assetCount: number;
    readonly assetIndex = new Map<string, number>();
    /** Fallbacks numbered after the assets, as in `graph`. */
    readonly fallbackIndex = new Map<string, number>();
    /** Assets then fallbacks: the names of `graph`'s nodes. */
    readonly names: string[];
    /** Nodes: assets first, then fallbacks; edges: `depends on`. The components holding assets come first. */
    readonly graph: Graph;
    /** Components 0 .. assetComponents - 1 hold the assets; the others, the fallbacks. */
    readonly assetComponents: number;
    /** Assets only, with edges between data-holding assets only: the RPO chains. */
    readonly dataGraph: Graph;
    readonly holdsData: boolean[];
    /** Active fallbacks covering each asset / activity, and the others (planned, options, rejected), keyed `kind:name`. */
    readonly activeCover = new Map<string, FallbackData[]>();
    readonly otherCover = new Map<string, FallbackData[]>();
    /** Active fallbacks covering each asset, by index. */
    readonly activeByAsset: FallbackData[][];
    readonly bestOf: { rto: BestFigure[]; rpo: BestFigure[] };
    /** The RTO fold of each asset component of `graph` (what an activity using one of its assets needs). */
    readonly folds: ClosureFold[];
    /** The RPO fold of each component of `dataGraph`. */
    readonly dataFolds: ClosureFold[];
    private neededByFallbacks?: Set<string>;
    /** `fallbackTests` by plan date (the last few). */
    private readonly tests = new Map<string, FallbackTests>();
    private coverNames?: { covered: string[][]; other: string[][] };
    private bests?: AssetBest[];
    /** Per fallback, the figures last made from each test record, with and without a critical activity to protect. */
    private readonly fallbackFigures: Array<{ record: TestRecord; made: [unknown, unknown] } | undefined> = [];

    constructor(assets: readonly AssetData[], fallbacks: readonly FallbackData[]) {
        this.assets = [...assets];
        this.fallbacks = [...fallbacks];
        const count = this.assetCount = assets.length;
        assets.forEach((a, i) => this.assetIndex.set(a.name, i));
        fallbacks.forEach((f, i) => this.fallbackIndex.set(f.name, count + i));
        this.names = [...assets.map(a => a.name), ...fallbacks.map(f => f.name)];
        for (const fallback of fallbacks) {
            const into = isActive(fallback) ? this.activeCover : this.otherCover;
            for (const target of fallback.covers) {
                const key = `${target.kind}:${target.name}`;
                const list = into.get(key);
                if (!list) into.set(key, [fallback]); else if (!list.includes(fallback)) list.push(fallback);
            }
        }
        this.activeByAsset = assets.map(a => this.activeCover.get(`asset:${a.name}`) ?? []);
        const lookup = (map: Map<string, number>, names: readonly string[]): number[] =>
            names.flatMap(n => { const i = map.get(n); return i === undefined ? [] : [i]; });
        this.graph = new Graph(count + fallbacks.length, node => {
            if (node < count) return lookup(this.assetIndex, assets[node].dependsOn);
            const fallback = fallbacks[node - count];
            return [...lookup(this.assetIndex, fallback.dependsOn), ...lookup(this.fallbackIndex, fallback.dependsOnFallbacks)];
        });
        // Assets only depend on assets and are numbered first: Tarjan's walk closes every asset's
        // component before it starts from a fallback.
        let assetComponents = 0;
        for (let i = 0; i < count; i++) assetComponents = Math.max(assetComponents, this.graph.componentOf[i] + 1);
        this.assetComponents = assetComponents;
        const data = this.holdsData = assets.map(holdsData);
        this.dataGraph = new Graph(count, node => data[node]
            ? assets[node].dependsOn.map(n => this.assetIndex.get(n) ?? -1).filter(i => i >= 0 && data[i]) : []);
        this.bestOf = {
            rto: this.activeByAsset.map(covering => best(covering, 'rto')),
            rpo: this.activeByAsset.map(covering => best(covering, 'rpo'))
        };
        this.folds = this.foldAssets();
        this.dataFolds = this.dataGraph.fold(members => this.ownFold(members, 'rpo'), mergeFold);
    }

    /** Whether this part was computed from these very assets and fallbacks, in this order. */
    matches(assets: readonly AssetData[], fallbacks: readonly FallbackData[]): boolean {
        return sameItems(this.assets, assets) && sameItems(this.fallbacks, fallbacks);
    }

    /** `Graph.fold` over the asset components only (the fallbacks' are never asked). */
    private foldAssets(): ClosureFold[] {
        const folded: ClosureFold[] = [];
        for (let id = 0; id < this.assetComponents; id++) {
            let value = this.ownFold(this.graph.components[id], 'rto');
            const seen = new Set<number>();
            for (const member of this.graph.components[id]) {
                for (const target of this.graph.successors(member)) {
                    const reached = this.graph.componentOf[target];
                    if (reached === id || seen.has(reached)) continue;
                    seen.add(reached);
                    value = mergeFold(value, folded[reached]);
                }
            }
            folded.push(value);
        }
        return folded;
    }

    private ownFold(members: readonly number[], figure: Figure): ClosureFold {
        let fold = emptyFold;
        for (const node of members) {
            if (node >= this.assetCount) continue;
            const best = this.bestOf[figure][node];
            fold = mergeFold(fold, {
                hasAssets: true, none: best.state === 'none' ? node : -1, unstated: best.state === 'unstated',
                top: best.state === 'known' ? [{ asset: node, minutes: best.minutes, via: best.via }] : [],
                anyCovered: best.state !== 'none', maxSla: this.assets[node].slaMinutes ?? -1
            });
        }
        return fold;
    }

    /** What the fallbacks' `tested` dates say on a plan date (pra-exercises.ts), kept for the last few dates. */
    fallbackTests(planDate: string): FallbackTests {
        let known = this.tests.get(planDate);
        if (!known) {
            if (this.tests.size >= 4) this.tests.clear();
            known = fallbackTests(this.fallbacks, planDate);
            this.tests.set(planDate, known);
        }
        return known;
    }

    /** The names of the active fallbacks covering each asset, and of the other means (read, never written). */
    assetCoverNames(): { covered: readonly string[][]; other: readonly string[][] } {
        return this.coverNames ??= {
            covered: this.activeByAsset.map(list => list.map(f => f.name)),
            other: this.assets.map(a => (this.otherCover.get(`asset:${a.name}`) ?? []).map(f => f.name))
        };
    }

    private readonly keptValues = new Map<string, { limit: number; value: unknown }>();

    /** A value made from this base alone (read, never written), kept under `key` while `limit` (what it was made under) is the same. */
    kept<T>(key: string, limit: number, make: () => T): T {
        let entry = this.keptValues.get(key);
        if (!entry || entry.limit !== limit) this.keptValues.set(key, entry = { limit, value: make() });
        return entry.value as T;
    }

    /** Each asset's best figures, and the known ones with the fallback giving each (read, never written). */
    assetBests(): readonly AssetBest[] {
        const known = (best: BestFigure): { minutes: number; via: string } | undefined =>
            best.state === 'known' ? { minutes: best.minutes, via: best.via } : undefined;
        return this.bests ??= this.bestOf.rto.map((rto, i) => {
            const rpo = this.bestOf.rpo[i];
            return { best: { rto, rpo }, bestRto: known(rto), bestRpo: known(rpo) };
        });
    }

    /**
     * The figures of fallback `index`, made by `make` from its test record and whether it protects
     * a critical activity (all they depend on besides the fallback): plans and builds giving the same
     * record get the same object (read, never written).
     */
    figuresOfFallback<T>(index: number, record: TestRecord, protectsCritical: boolean, make: () => T): T {
        let entry = this.fallbackFigures[index];
        if (!entry || entry.record !== record) entry = this.fallbackFigures[index] = { record, made: [undefined, undefined] };
        const slot = protectsCritical ? 1 : 0;
        return (entry.made[slot] ??= make()) as T;
    }

    /** Every asset some fallback needs, directly or through `depends on` chains (read, never written). */
    assetsNeededByFallbacks(): ReadonlySet<string> {
        if (!this.neededByFallbacks) {
            const starts: number[] = [];
            for (let n = this.assetCount; n < this.names.length; n++) starts.push(n);
            const found = new Set<string>();
            this.graph.reach(starts, n => { if (n < this.assetCount) found.add(this.names[n]); });
            this.neededByFallbacks = found;
        }
        return this.neededByFallbacks;
    }
}

/**
 * The recovery bases of the last plans analysed, by the identity of their assets and fallbacks:
 * the plans importing one inventory share one, and a build reuses the previous build's while the
 * files declaring assets and fallbacks do not change. Exact: a base depends on nothing else, and
 * the model's element objects are never written after they are read.
 */
export class RecoveryBases {
    private readonly bases: RecentlyUsed<RecoveryBase>;
    /** The inventory's elements by name (roles, assets, risks, fallbacks), kept the same way. */
    readonly byName: NameIndexes;

    constructor(limit = 8) {
        this.bases = new RecentlyUsed(limit);
        this.byName = new NameIndexes();
    }

    of(assets: readonly AssetData[], fallbacks: readonly FallbackData[]): RecoveryBase {
        return this.bases.of(base => base.matches(assets, fallbacks), () => new RecoveryBase(assets, fallbacks));
    }
}

/** Maps of elements by name (the first of a name; the lists have one element per name), kept by the identity of the elements. */
export class NameIndexes {
    private readonly entries: RecentlyUsed<{ items: readonly NamedElement[]; map: ReadonlyMap<string, NamedElement> }>;

    constructor(limit = 8) {
        this.entries = new RecentlyUsed(limit);
    }

    of<T extends NamedElement>(items: readonly T[]): Map<string, T> {
        const entry = this.entries.of(entry => sameItems(entry.items, items),
            () => ({ items: [...items], map: new Map(items.map(item => [item.name, item])) }));
        // The same elements give the same map: read, never written.
        return entry.map as Map<string, T>;
    }
}
