import { describe, expect, test } from 'vitest';
import { exportTextEntries, exportValueEntries } from '../../packages/language/src/export/pra-export-texts.js';
import { examplePlans, exportText, loadPlan } from './export-helpers.js';

/** The texts a reader sees in the JSON document: every string but identifiers and enum values (ids, keys, types, zones). */
function shownStrings(value: unknown, into: string[] = []): string[] {
    if (typeof value === 'string') into.push(value);
    else if (Array.isArray(value)) value.forEach(v => shownStrings(v, into));
    else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
            if (!['id', 'key', 'type', 'zone', 'role', 'page', 'status', 'lang', 'currency', 'period', 'kind', 'layout',
                'date'].includes(key)) shownStrings(v, into);
        }
    }
    return into;
}

/** Texts that are the same word in both languages (international terms, proper names). */
const sameInBoth = new Set(['Version', 'Date', 'Organisation', 'Score', 'Code', 'Phase', 'Type', 'Copies', 'Signature', 'Notes', 'Contrat',
    'Glossaire', 'SaaS', 'internet', 'cyber', 'communication', 'clients', 'application', 'information', 'Indispensable', 'Exercise',
    '{page} / {pages}', '{date} ({state})', 'Action', 'Impacts', '{count} information(s)']);

describe('every text of the document in English and in French', () => {
    test('each key has both texts, with the same placeholders, and French differs from English but for common words', () => {
        const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
        const untranslated: string[] = [];
        for (const [key, texts] of [...exportTextEntries, ...exportValueEntries]) {
            expect(texts.en.trim(), key).not.toBe('');
            expect(texts.fr.trim(), key).not.toBe('');
            expect(placeholders(texts.fr), key).toEqual(placeholders(texts.en));
            if (texts.fr === texts.en && !sameInBoth.has(texts.en)) untranslated.push(`${key}: ${texts.en}`);
        }
        expect(untranslated).toEqual([]);
    });

    test.each(examplePlans)('the exports of %s show no text key and, in French, no English fixed text', async file => {
        const english = new Set([...exportTextEntries, ...exportValueEntries].filter(([, t]) => t.en !== t.fr && t.en.length > 3 && !/\{/.test(t.en)).map(([, t]) => t.en));
        const keys = [...exportTextEntries, ...exportValueEntries].map(([key]) => key).filter(k => k.includes('.'));
        for (const lang of ['fr', 'en'] as const) {
            const strings = shownStrings(JSON.parse(await exportText(await loadPlan(file, lang), 'json', lang)));
            expect(strings.filter(s => keys.includes(s)), lang).toEqual([]);
            if (lang === 'fr') expect(strings.filter(s => english.has(s))).toEqual([]);
        }
    }, 60_000);
});
