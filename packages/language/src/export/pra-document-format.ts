import type { Lang } from '../pra-messages.js';
import { localeOf } from './pra-export-texts.js';

/**
 * The document's one duration style: minutes below an hour, hours (and minutes) below 72 hours,
 * days above, in the document's language. Figures are read from the analysis, only written here.
 */
export function documentDuration(minutes: number, lang: Lang): string {
    const numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
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
    if (currency && /^[A-Z]{3}$/.test(currency)) {
        try {
            return plainSpaces(new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount));
        } catch { /* an unknown code: written as a unit below */ }
    }
    const number = plainSpaces(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount));
    return currency ? `${number} ${currency}` : number;
}

/**
 * The names of a plan's elements replaced by their titles in a sentence (a finding's message), so
 * that the body of the document speaks the reader's words; a name is replaced only as a whole word.
 */
export function withTitles(text: string, titles: ReadonlyMap<string, string>): string {
    const names = [...titles.keys()].filter(n => titles.get(n) !== n).sort((a, b) => b.length - a.length);
    if (names.length === 0) return text;
    const escaped = names.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
    return text.replace(pattern, name => titles.get(name) ?? name);
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
