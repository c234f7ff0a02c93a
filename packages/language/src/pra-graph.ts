/**
 * A directed graph over numbered nodes, condensed into its strongly connected components once, so
 * that everything the analysis asks of closures ("the slowest asset an activity needs", "is any of
 * them uncovered") is one pass over the components, linear in the graph, and no node's closure is
 * ever listed unless a message needs its names.
 */
export class Graph {
    /** Successors of node i: targets[offsets[i] .. offsets[i + 1]). */
    private readonly offsets: Int32Array;
    private readonly targets: Int32Array;
    /** The component of each node; components are numbered successors first (Tarjan's order). */
    readonly componentOf: Int32Array;
    /** Members of each component. */
    readonly components: number[][];
    /** Components with more than one node, or a node depending on itself. */
    readonly cyclic: boolean[];
    private readonly marks: Int32Array;
    private epoch = 0;

    constructor(readonly size: number, edges: (node: number) => Iterable<number>) {
        const offsets = new Int32Array(size + 1);
        const list: number[] = [];
        for (let node = 0; node < size; node++) {
            offsets[node] = list.length;
            for (const target of edges(node)) if (target >= 0 && target < size) list.push(target);
        }
        offsets[size] = list.length;
        this.offsets = offsets;
        this.targets = Int32Array.from(list);
        this.componentOf = new Int32Array(size).fill(-1);
        this.components = [];
        this.cyclic = [];
        this.marks = new Int32Array(size);
        this.condense();
    }

    private reversed?: Graph;

    /** The same nodes with every edge turned round: who needs a node. Built on first use. */
    reverse(): Graph {
        if (!this.reversed) {
            const incoming: number[][] = Array.from({ length: this.size }, () => []);
            for (let node = 0; node < this.size; node++) for (const target of this.successors(node)) incoming[target].push(node);
            this.reversed = new Graph(this.size, node => incoming[node]);
        }
        return this.reversed;
    }

    successors(node: number): Int32Array {
        return this.targets.subarray(this.offsets[node], this.offsets[node + 1]);
    }

    /** Tarjan's algorithm without recursion: deep chains of `depends on` must not overflow the stack. */
    private condense(): void {
        const index = new Int32Array(this.size).fill(-1);
        const low = new Int32Array(this.size);
        const onStack = new Uint8Array(this.size);
        const stack: number[] = [];
        const work: number[] = [];
        const next: number[] = [];
        let counter = 0;
        for (let start = 0; start < this.size; start++) {
            if (index[start] !== -1) continue;
            index[start] = low[start] = counter++;
            stack.push(start); onStack[start] = 1;
            work.push(start); next.push(this.offsets[start]);
            while (work.length > 0) {
                const top = work.length - 1;
                const node = work[top];
                if (next[top] < this.offsets[node + 1]) {
                    const target = this.targets[next[top]++];
                    if (index[target] === -1) {
                        index[target] = low[target] = counter++;
                        stack.push(target); onStack[target] = 1;
                        work.push(target); next.push(this.offsets[target]);
                    } else if (onStack[target]) {
                        low[node] = Math.min(low[node], index[target]);
                    }
                    continue;
                }
                work.pop(); next.pop();
                if (work.length > 0) {
                    const parent = work[work.length - 1];
                    low[parent] = Math.min(low[parent], low[node]);
                }
                if (low[node] !== index[node]) continue;
                const id = this.components.length;
                const members: number[] = [];
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = 0;
                    this.componentOf[member] = id;
                    members.push(member);
                } while (member !== node);
                // Discovery order: a simple cycle then reads along its arrows (A → B → C).
                members.sort((a, b) => index[a] - index[b]);
                this.components.push(members);
                this.cyclic.push(members.length > 1 || this.successors(node).includes(node));
            }
        }
    }

    /**
     * A value per component folded over everything it reaches: `own` gives a component's own value
     * from its members, `merge` adds a reached component's folded value. One pass, successors first.
     */
    fold<T>(own: (members: readonly number[]) => T, merge: (into: T, reached: T) => T): T[] {
        const folded: T[] = [];
        for (let id = 0; id < this.components.length; id++) {
            let value = own(this.components[id]);
            const seen = new Set<number>();
            for (const member of this.components[id]) {
                for (const target of this.successors(member)) {
                    const reached = this.componentOf[target];
                    if (reached === id || seen.has(reached)) continue;
                    seen.add(reached);
                    value = merge(value, folded[reached]);
                }
            }
            folded.push(value);
        }
        return folded;
    }

    /**
     * Every node reachable from `starts` (the starts included), depth first, each once. `through`
     * says whether the walk may go on past a node. Costs only what it visits.
     */
    reach(starts: Iterable<number>, visit: (node: number, from: number) => void, through: (node: number) => boolean = () => true): void {
        const mark = ++this.epoch;
        const stack: number[] = [];
        for (const start of starts) {
            if (this.marks[start] === mark) continue;
            this.marks[start] = mark;
            visit(start, -1);
            stack.push(start);
        }
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (!through(node)) continue;
            for (const target of this.successors(node)) {
                if (this.marks[target] === mark) continue;
                this.marks[target] = mark;
                visit(target, node);
                stack.push(target);
            }
        }
    }
}
