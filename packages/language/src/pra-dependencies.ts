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
 * Transitive `depends on` over assets. Strongly connected components (Tarjan, iterative) make it
 * terminate on cycles and let every asset of a component share one closure: linear in the graph.
 */
export function assetDependencies(assets: readonly AssetData[]): AssetDependencies {
    const edges = new Map<string, string[]>();
    for (const asset of assets) edges.set(asset.name, asset.dependsOn);
    const componentOf = new Map<string, number>();
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
                    componentOf.set(member, components.length);
                    component.push(member);
                } while (member !== frame.node);
                // Discovery order: a simple cycle then reads along its arrows (A → B → C).
                components.push(component.sort((a, b) => index.get(a)! - index.get(b)!));
            }
        }
    }

    // Tarjan emits a component after every component it reaches, so closures build in one pass.
    const closures: Array<Set<string>> = [];
    const cycles: string[][] = [];
    components.forEach((component, id) => {
        const closure = new Set<string>();
        for (const member of component) {
            for (const target of edges.get(member) ?? []) {
                if (!edges.has(target)) continue;
                closure.add(target);
                const targetId = componentOf.get(target)!;
                if (targetId !== id) for (const reached of closures[targetId]) closure.add(reached);
            }
        }
        closures.push(closure);
        const selfLoop = component.length === 1 && (edges.get(component[0]) ?? []).includes(component[0]);
        if (component.length > 1 || selfLoop) cycles.push([...component]);
    });

    const closureOf = (name: string): string[] => {
        const id = componentOf.get(name);
        return id === undefined ? [] : [...closures[id]].filter(n => n !== name);
    };
    const closureOfAll = (names: readonly string[]): string[] => {
        const result = new Set<string>();
        for (const name of names) {
            result.add(name);
            const id = componentOf.get(name);
            if (id !== undefined) for (const reached of closures[id]) result.add(reached);
        }
        return [...result];
    };
    return { closureOf, closureOfAll, cycles };
}
