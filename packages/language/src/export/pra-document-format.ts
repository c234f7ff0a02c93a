import type { Lang } from '../pra-messages.js';
import { localeOf } from './pra-export-texts.js';

/**
 * The document's one duration style: minutes below an hour, hours (and minutes) below 72 hours,
 * days above, in the document's language. Figures are read from the analysis, only written here.
 */
const durationNumbers = new Map<Lang, Intl.NumberFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat | undefined>();
const titlePatterns = new WeakMap<ReadonlyMap<string, string>, RegExp | undefined>();

export function documentDuration(minutes: number, lang: Lang): string {
    // Formats are made once per language: a large plan formats tens of thousands of durations.
    let numbers = durationNumbers.get(lang);
    if (!numbers) durationNumbers.set(lang, numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }));
    if (minutes < 60) return `${Math.round(minutes)} min`;
    if (minutes < 72 * 60) {
        const hours = Math.floor(minutes / 60);
        const rest = Math.round(minutes - hours * 60);
        return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
    }
    const days = Math.round(minutes / 1440 * 10) / 10;
    const unit = lang === 'fr' ? (days < 2 ? 'jour' : 'jours') : (days === 1 ? 'day' : 'days');
    return `${plainSpaces(numbers.format(days))} ${unit}`;
}

/** Intl's narrow no-break space (French thousands) as a plain no-break space: every font of the documents has one. */
export function plainSpaces(text: string): string {
    return text.replace(/\u202F/g, '\u00A0');
}

/** An amount in the document's locale: the currency's own format for an ISO code, the number and the unit otherwise. */
export function documentMoney(amount: number, currency: string | undefined, lang: Lang): string {
    const locale = localeOf(lang);
    const format = (key: string, make: () => Intl.NumberFormat): Intl.NumberFormat | undefined => {
        if (!moneyFormats.has(key)) {
            try { moneyFormats.set(key, make()); } catch { moneyFormats.set(key, undefined); /* an unknown code: written as a unit */ }
        }
        return moneyFormats.get(key);
    };
    if (currency && /^[A-Z]{3}$/.test(currency)) {
        const money = format(`${locale} ${currency}`,
            () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }));
        if (money) return plainSpaces(money.format(amount));
    }
    const number = plainSpaces(format(locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }))!.format(amount));
    return currency ? `${number} ${currency}` : number;
}

/**
 * The names of a plan's elements replaced by their titles in a sentence (a finding's message), so
 * that the body of the document speaks the reader's words; a name is replaced only as a whole word.
 */
export function withTitles(text: string, titles: ReadonlyMap<string, string>): string {
    // A name is a run of letters, digits, `_`, `-` and combining marks (the grammar's ID), never a part of a longer run:
    // each maximal run of those characters is looked up. One alternation of thousands of names was what made large
    // plans slow (the regular expression tries each name at each position of each sentence).
    return text.replace(wordRuns, run => {
        const title = titles.get(run);
        if (title !== undefined) return title;
        // A combining mark does not bound a name on either side: a run holding one may hold a name next to a mark.
        return /\p{M}/u.test(run) ? withTitlesByPattern(run, titles) : run;
    });
}

const wordRuns = /[\p{L}\p{N}\p{M}_-]+/gu;

/** The same replacement by one pattern of every name, for the rare run holding a combining mark. */
function withTitlesByPattern(text: string, titles: ReadonlyMap<string, string>): string {
    if (!titlePatterns.has(titles)) {
        const names = [...titles.keys()].filter(n => titles.get(n) !== n).sort((a, b) => b.length - a.length);
        const escaped = names.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        titlePatterns.set(titles, names.length === 0 ? undefined
            : new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu'));
    }
    const pattern = titlePatterns.get(titles);
    return pattern ? text.replace(pattern, name => titles.get(name) ?? name) : text;
}

/** An ISO date moved by whole months (for due dates), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
    const [y, m, d] = iso.split('-').map(Number);
    if (!y || !m || !d) return iso;
    const target = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, last));
    return target.toISOString().slice(0, 10);
}

/**
 * The durations of a check's message (written "7 j", "72 h", "121 h 15 min" by the checks) in the
 * document's one duration style.
 */
export function withDocumentDurations(text: string, lang: Lang): string {
    const number = (n: string): number => Number(n.replace(',', '.'));
    return text.replace(/\b(\d+(?:[.,]\d+)?) (j|d)\b/g, (_, n: string) => documentDuration(number(n) * 1440, lang))
        .replace(/\b(\d+) h(?: (\d+) min)?\b/g, (_, h: string, m?: string) => documentDuration(Number(h) * 60 + Number(m ?? 0), lang))
        .replace(/\b(\d+) min\b/g, (whole: string, n: string) => Number(n) >= 60 ? documentDuration(Number(n), lang) : whole);
}
