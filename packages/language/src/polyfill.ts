// Chevrotain 13 (inside Langium 4.4) calls Object.groupBy, which Node 20 lacks. This module has no
// imports, so importing it first in an entry point runs it before chevrotain is evaluated.
type KeyOf<T, K> = (item: T, index: number) => K;

function groupIntoObject<T>(items: Iterable<T>, keyOf: KeyOf<T, PropertyKey>): Record<PropertyKey, T[]> {
    const groups: Record<PropertyKey, T[]> = Object.create(null);
    let index = 0;
    for (const item of items) {
        (groups[keyOf(item, index++)] ??= []).push(item);
    }
    return groups;
}

function groupIntoMap<T, K>(items: Iterable<T>, keyOf: KeyOf<T, K>): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item); else groups.set(key, [item]);
    }
    return groups;
}

const objectCtor = Object as unknown as { groupBy?: unknown };
if (typeof objectCtor.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', { value: groupIntoObject, configurable: true, writable: true });
}
const mapCtor = Map as unknown as { groupBy?: unknown };
if (typeof mapCtor.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', { value: groupIntoMap, configurable: true, writable: true });
}

export {};
