import type { PlanAnalysis } from '../pra-analysis.js';
import type { Dependant } from '../pra-recovery.js';
import type { DownElement, HitPath } from './simulation-model.js';

/**
 * The reach of an outage: from each failed asset, one walk back through the recovery graph
 * (`depends on`, `uses`, `needs`, fallbacks' `depends on`). Costs what the outage reaches; a cycle
 * is walked once.
 */
export interface Outage {
    /** Failed assets, each once, in the order named; with what was named that made it fail. */
    failed: Array<{ name: string; cause: string }>;
    failedNames: ReadonlySet<string>;
    /** Assets stopped because they need a failed one (not failed themselves), in walk order. */
    stopped: string[];
    /** Hit activities in the plan's order: how the first failed asset reaches them, and every failed asset they need. */
    activities: Array<{ name: string; hit: HitPath; failed: string[] }>;
    /** For each asset (failed or stopped) and each fallback needing a failed asset: the failed assets it needs. */
    assetNeeds: Map<string, string[]>;
    fallbackNeeds: Map<string, string[]>;
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
    for (const { name } of failed) {
        const reached = analysis.recovery.dependantsOf(name);
        let byKey: Map<string, Dependant> | undefined;
        for (const node of reached) {
            if (node.kind === 'asset') {
                if (!assetNeeds.has(node.name) && !seen.has(node.name)) stopped.push(node.name);
                add(assetNeeds, node.name, name);
            } else if (node.kind === 'fallback') add(fallbackNeeds, node.name, name);
            else {
                const known = hits.get(node.name);
                if (known) { known.failed.push(name); continue; }
                byKey ??= new Map(reached.map(n => [`${n.kind}:${n.name}`, n]));
                hits.set(node.name, { hit: hitPath(node, byKey), failed: [name] });
            }
        }
    }
    // Two declarations of one name: the analysis keeps the first, so does the timeline.
    const listed = new Set<string>();
    const activities = analysis.model.activities.flatMap(a => {
        const hit = hits.get(a.name);
        if (!hit || listed.has(a.name)) return [];
        listed.add(a.name);
        return [{ name: a.name, ...hit }];
    });
    return { failed, failedNames: seen, stopped, activities, assetNeeds, fallbackNeeds };
}

function hitPath(activity: Dependant, byKey: ReadonlyMap<string, Dependant>): HitPath {
    const chain = [activity.name];
    const kinds: string[] = [activity.kind];
    for (let at = activity.from; at; at = byKey.get(`${at.kind}:${at.name}`)?.from) {
        chain.push(at.name);
        kinds.push(at.kind);
    }
    const through = kinds[1] === 'activity' ? 'needs' : chain.length > 2 ? 'depends on' : 'uses';
    return { through, chain };
}
