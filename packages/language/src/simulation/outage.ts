import type { PlanAnalysis } from '../pra-analysis.js';
import type { Dependant, NodeRef } from '../pra-recovery.js';
import type { DownElement, HitPath } from './simulation-model.js';

/**
 * The reach of an outage: from each failed asset, one walk back through the recovery graph
 * (`depends on`, `uses`, `needs`, fallbacks' `depends on`). Costs what the outage reaches; a cycle
 * is walked once.
 */
export interface Outage {
    /** Failed assets, each once, in the order named; with what was named that made it fail. */
    failed: Array<{ name: string; cause: string }>;
    /** Assets stopped because they need a failed one (not failed themselves), in walk order. */
    stopped: string[];
    /** Hit activities in the plan's order. */
    activities: OutageHit[];
    /** For each asset (failed or stopped) and each fallback needing a failed asset: the failed assets it needs. */
    assetNeeds: Map<string, string[]>;
    fallbackNeeds: Map<string, string[]>;
}

/** An activity the outage reaches: how the first failed asset reaches it, every failed asset it needs, and those that hold its data. */
export interface OutageHit {
    name: string;
    hit: HitPath;
    failed: string[];
    /** Failed data-holding assets of its RPO scope (what it uses, and their data-holding dependencies). */
    dataFailed: string[];
}

export function outageOf(analysis: PlanAnalysis, down: readonly DownElement[]): Outage {
    const failed: Outage['failed'] = [];
    const seen = new Set<string>();
    for (const element of down) {
        for (const asset of element.assets) {
            if (seen.has(asset)) continue;
            seen.add(asset);
            failed.push({ name: asset, cause: element.name });
        }
    }
    const hits = new Map<string, { hit: HitPath; failed: string[] }>();
    const assetNeeds = new Map<string, string[]>();
    const fallbackNeeds = new Map<string, string[]>();
    const stopped: string[] = [];
    const add = (map: Map<string, string[]>, key: string, value: string): void => {
        const list = map.get(key);
        if (list) list.push(value); else map.set(key, [value]);
    };
    // The data-holding assets whose data goes with each failed asset (its data dependants).
    const dataHit = new Map<string, string[]>();
    for (const { name } of failed) {
        const reached = analysis.recovery.dependantsOf(name);
        let byRef: Map<NodeRef, Dependant> | undefined;
        for (const dependant of reached) {
            const node = dependant.node;
            if (node.kind === 'asset') {
                if (!assetNeeds.has(node.name) && !seen.has(node.name)) stopped.push(node.name);
                add(assetNeeds, node.name, name);
            } else if (node.kind === 'fallback') add(fallbackNeeds, node.name, name);
            else {
                const known = hits.get(node.name);
                if (known) { known.failed.push(name); continue; }
                byRef ??= new Map(reached.map(n => [n.node, n]));
                hits.set(node.name, { hit: hitPath(dependant, byRef), failed: [name] });
            }
        }
        for (const asset of analysis.recovery.dataDependantsOf(name)) add(dataHit, asset, name);
    }
    // Two declarations of one name (an error of the plan): the timeline lists it once.
    const listed = new Set<string>();
    const activities = analysis.model.activities.flatMap(a => {
        const hit = hits.get(a.name);
        if (!hit || listed.has(a.name)) return [];
        listed.add(a.name);
        const dataFailed: string[] = [];
        for (const use of a.uses) for (const asset of dataHit.get(use) ?? []) if (!dataFailed.includes(asset)) dataFailed.push(asset);
        return [{ name: a.name, hit: hit.hit, failed: hit.failed, dataFailed }];
    });
    return { failed, stopped, activities, assetNeeds, fallbackNeeds };
}

function hitPath(activity: Dependant, byRef: ReadonlyMap<NodeRef, Dependant>): HitPath {
    const chain = [activity.node.name];
    const kinds: string[] = [activity.node.kind];
    for (let at = activity.from; at; at = byRef.get(at)?.from) {
        chain.push(at.name);
        kinds.push(at.kind);
    }
    const through = kinds[1] === 'activity' ? 'needs' : chain.length > 2 ? 'depends on' : 'uses';
    return { through, chain };
}
