/** Polls `probe` until it returns something truthy; fails with `what` after `limitMs`. */
export async function waitFor<T>(
    what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, limitMs = 30_000
): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
