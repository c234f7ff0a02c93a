import type { Lang } from '../pra-messages.js';

/**
 * The start of an outage as people write it, and the wall-clock time of each moment after it.
 * The time is kept as written (no time-zone conversion): `2026-12-07T09:00` stays 09:00, and a
 * zone written after it (`Z`, `+01:00`) is shown again after each time.
 */
export interface Clock {
    /** The start, normalised: `YYYY-MM-DDTHH:MM` and the zone as written. */
    start: string;
    /** The wall-clock time `minutes` after the start: `Mon 2026-12-07 15:00`. */
    at(minutes: number, lang: Lang): string;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Reads an ISO date-time (a date alone means 00:00); undefined when it is not a real one. */
export function parseStart(text: string): Clock | undefined {
    const match = pattern.exec(text.trim());
    if (!match) return undefined;
    const [, y, mo, d, h = '00', mi = '00', s = '00', zone = ''] = match;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const date = new Date(ms);
    const real = !Number.isNaN(ms) && date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1;
    if (!real || Number(h) > 23 || Number(mi) > 59) return undefined;
    return clockAt(ms, zone);
}

/** The clock of the current minute, in the machine's local time. */
export function clockNow(now: Date = new Date()): Clock {
    const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
    return clockAt(local, '');
}

const weekdays: Readonly<Record<Lang, readonly string[]>> = {
    en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    fr: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.']
};

function clockAt(startMs: number, zone: string): Clock {
    const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
    return {
        start: iso(startMs) + zone,
        at: (minutes, lang) => {
            const ms = startMs + Math.round(minutes) * 60_000;
            const text = iso(ms).replace('T', ' ');
            return `${weekdays[lang][new Date(ms).getUTCDay()]} ${text}${zone ? ` ${zone}` : ''}`;
        }
    };
}
