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
