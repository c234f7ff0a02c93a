// Chevrotain 13 (used by Langium 4.4) calls Object.groupBy, which Node 20 lacks.
// Loaded with `node --require` before anything imports chevrotain.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = new Map();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                const group = groups.get(key);
                if (group) group.push(item); else groups.set(key, [item]);
            }
            return groups;
        }
    });
}
