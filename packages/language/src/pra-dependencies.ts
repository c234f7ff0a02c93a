import type { AssetData } from './pra-model.js';

export interface AssetDependencies {
    /** Every asset `name` needs through `depends on`, transitively, without itself. */
    closureOf(name: string): string[];
    /** The given assets and everything they need, in first-use order, without repeats. */
    closureOfAll(names: readonly string[]): string[];
    /** Each `depends on` cycle, as the names of the assets in it. */
    cycles: string[][];
}

/**
 * Transitive `depends on` over assets. Strongly connected components (Tarjan, iterative) find the
 * cycles; closures are depth-first walks with a visited set, so they terminate on cycles: each is
 * linear in the graph.
 */
export function assetDependencies(assets: readonly AssetData[]): AssetDependencies {
    const edges = new Map<string, string[]>();
    for (const asset of assets) edges.set(asset.name, asset.dependsOn);
    const components: string[][] = [];
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;

    for (const start of edges.keys()) {
        if (index.has(start)) continue;
        const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
        index.set(start, counter); low.set(start, counter); counter++;
        stack.push(start); onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const targets = edges.get(frame.node) ?? [];
            if (frame.next < targets.length) {
                const target = targets[frame.next++];
                if (!edges.has(target)) continue;
                if (!index.has(target)) {
                    index.set(target, counter); low.set(target, counter); counter++;
                    stack.push(target); onStack.add(target);
                    work.push({ node: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                // Discovery order: a simple cycle then reads along its arrows (A → B → C).
                components.push(component.sort((a, b) => index.get(a)! - index.get(b)!));
            }
        }
    }

    // Only cycles are kept per component: closures are walked on demand (each walk is linear),
    // never stored per asset, which was quadratic in memory for long chains and cycles.
    const cycles: string[][] = [];
    for (const component of components) {
        const selfLoop = component.length === 1 && (edges.get(component[0]) ?? []).includes(component[0]);
        if (component.length > 1 || selfLoop) cycles.push([...component]);
    }

    /** Adds to `seen` every asset reached from `start`, depth first, in first-use order. */
    const walkFrom = (start: string, seen: Set<string>): void => {
        const stack: Array<{ targets: readonly string[]; next: number }> = [{ targets: edges.get(start) ?? [], next: 0 }];
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next >= frame.targets.length) { stack.pop(); continue; }
            const target = frame.targets[frame.next++];
            if (!edges.has(target) || seen.has(target)) continue;
            seen.add(target);
            stack.push({ targets: edges.get(target) ?? [], next: 0 });
        }
    };
    const closureOf = (name: string): string[] => {
        if (!edges.has(name)) return [];
        const seen = new Set([name]);
        walkFrom(name, seen);
        seen.delete(name);
        return [...seen];
    };
    const closureOfAll = (names: readonly string[]): string[] => {
        const result = new Set<string>();
        for (const name of names) {
            if (result.has(name)) continue;
            result.add(name);
            walkFrom(name, result);
        }
        return [...result];
    };
    return { closureOf, closureOfAll, cycles };
}
