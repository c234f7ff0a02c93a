import { cellText, type Card, type TableBlock } from './pra-document-types.js';

/**
 * The share of the width each column of a table gets: every column at least as wide as its
 * longest word (header included), so that no word is broken, and the room left shared by how
 * much text each column holds. Shares add up to 1.
 */
const longestWord = (text: string): number => Math.max(0, ...text.split(/[\s/]+/).map(w => w.length));

/** Per column, the characters of its longest word (header included), plus a little room. */
function minimumCharacters(block: TableBlock): number[] {
    return block.columns.map(c => Math.max(longestWord(c.label), ...block.rows.map(r => longestWord(cellText(r[c.key])))) + 1.5);
}

/**
 * Whether the table fits `width` with no word broken, at `charWidth` per character and `padding`
 * per column (same unit); a table that does not is written as cards instead.
 */
export function fitsWidth(block: TableBlock, width: number, charWidth: number, padding: number): boolean {
    return minimumCharacters(block).reduce((sum, chars) => sum + chars * charWidth + padding, 0) <= width;
}

export function columnShares(block: TableBlock): number[] {
    const minimum = minimumCharacters(block);
    const volume = block.columns.map(c => {
        const lengths = block.rows.map(r => cellText(r[c.key]).length);
        return lengths.length === 0 ? 0 : Math.min(60, lengths.reduce((a, b) => a + b, 0) / lengths.length);
    });
    const weights = minimum.map((m, i) => Math.max(m, volume[i] * 0.9));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    return weights.map(w => w / total);
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
