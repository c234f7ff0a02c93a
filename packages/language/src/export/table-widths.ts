import { cellText, type Card, type TableBlock } from './pra-document-types.js';

/** The largest of many numbers, without spreading them into a call (a register may hold 150,000 rows). */
export function largest(values: Iterable<number>, start = 0): number {
    let max = start;
    for (const value of values) if (value > max) max = value;
    return max;
}

/** JavaScript's white space (what `\s` matches), by character code. */
function isSpace(code: number): boolean {
    if (code <= 32) return code === 32 || code >= 9 && code <= 13;
    return code === 0xA0 || code === 0x1680 || code >= 0x2000 && code <= 0x200A || code === 0x2028 || code === 0x2029
        || code === 0x202F || code === 0x205F || code === 0x3000 || code === 0xFEFF;
}

/** The length of the text's longest word (run of non-space characters), read in place: a register has 100,000 cells. */
function longestWord(text: string): number {
    let longest = 0;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
        if (isSpace(text.charCodeAt(i))) run = 0;
        else if (++run > longest) longest = run;
    }
    return longest;
}

/** Per column, the characters of its longest word (header included), plus a little room. */
function minimumCharacters(block: TableBlock): number[] {
    return block.columns.map(c => {
        let longest = longestWord(c.label);
        for (const row of block.rows) longest = Math.max(longest, longestWord(cellText(row[c.key])));
        return longest + 1;
    });
}

/**
 * Column widths filling `width`: each column first gets its longest word (at `charWidth` per
 * character, plus `padding`), then the room left is shared by how much text each column holds.
 * Undefined when the longest words alone do not fit: the table is then written as cards.
 */
export function columnWidths(block: TableBlock, width: number, charWidth: number, padding: number): number[] | undefined {
    const minimum = minimumCharacters(block).map(chars => chars * charWidth + padding);
    const room = width - minimum.reduce((a, b) => a + b, 0);
    if (room < 0) return undefined;
    const volume = block.columns.map((c, i) => {
        const lengths = block.rows.map(r => cellText(r[c.key]).length);
        const average = lengths.length === 0 ? 0 : lengths.reduce((a, b) => a + b, 0) / lengths.length;
        return Math.max(0, Math.min(80, average) * charWidth - minimum[i]);
    });
    const total = volume.reduce((a, b) => a + b, 0);
    return minimum.map((m, i) => m + (total > 0 ? room * volume[i] / total : room / minimum.length));
}

/** A table's rows as cards: titled by the first column (and the second when it is the title), the other columns as facts. */
export function tableAsCardList(block: TableBlock): Card[] {
    const [first, second, ...rest] = block.columns;
    const titled = second?.key === 'title';
    return block.rows.map((row, i) => {
        const name = cellText(row[first.key]);
        const title = titled ? cellText(row[second.key]) : '';
        const columns = titled ? rest : block.columns.slice(1);
        return {
            id: `${block.id}-${i}`, title: title ? `${title} (${name})` : name,
            facts: columns.map(c => ({ key: c.key, label: c.label, value: row[c.key] ?? '' }))
                .filter(f => cellText(f.value) !== '')
        };
    });
}
