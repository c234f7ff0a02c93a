import type { Zone } from '../pra-vocabulary.js';

/** Fill colours of the acceptance zones, shared by every renderer (hex RGB without '#'). */
export const zoneFill: Readonly<Record<Zone, string>> = {
    acceptable: 'C6EFCE',
    tolerable: 'FFEB9C',
    unacceptable: 'FFC7CE'
};

/** Text colours that stay readable on those fills. */
export const zoneInk: Readonly<Record<Zone, string>> = {
    acceptable: '006100',
    tolerable: '7A5B00',
    unacceptable: '9C0006'
};

export const headerFill = 'DCE6F1';
export const accent = '1F3864';

/** Fills of the impact levels, lightest (level 1) to darkest: the impact-over-time grid. */
const levelFills = ['E2EFDA', 'FFF2CC', 'FCE4D6', 'F8CBAD', 'F4B183', 'E06666'];

/** The fill of level `level` on a scale of `levels` levels (3 to 6). */
export function levelFill(level: number, levels: number): string {
    if (levels <= 1) return levelFills[0];
    const index = Math.round((level - 1) / (levels - 1) * (levelFills.length - 1));
    return levelFills[Math.max(0, Math.min(levelFills.length - 1, index))];
}
