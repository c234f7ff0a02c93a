/**
 * Keeping what was computed from model elements by the identity of those elements: the model's
 * element objects are never written after they are read, so the same objects give the same result.
 */

/** Whether two lists hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

/** The last few values made, most recently used first: a value found again moves to the front. */
export class RecentlyUsed<E> {
    private entries: E[] = [];

    constructor(private readonly limit: number) { }

    of(matches: (entry: E) => boolean, make: () => E): E {
        const at = this.entries.findIndex(matches);
        const entry = at >= 0 ? this.entries[at] : make();
        if (at !== 0) {
            if (at > 0) this.entries.splice(at, 1);
            this.entries.unshift(entry);
            this.entries.length = Math.min(this.entries.length, this.limit);
        }
        return entry;
    }
}
