import { describe, expect, test } from 'vitest';
import { addMonths, documentDuration, withDocumentDurations, withTitles } from '../../packages/language/src/export/pra-document-format.js';

describe('the document\'s one duration style', () => {
    test('minutes below an hour, hours below 72 hours, days above, in the language', () => {
        expect([45, 60, 90, 13 * 60 + 30, 71 * 60 + 59].map(m => documentDuration(m, 'fr'))).toEqual(['45 min', '1 h', '1 h 30 min',
            '13 h 30 min', '71 h 59 min']);
        expect(documentDuration(72 * 60, 'fr')).toBe('3 jours');
        expect(documentDuration(121 * 60 + 15, 'fr')).toBe('5,1 jours');
        expect(documentDuration(121 * 60 + 15, 'en')).toBe('5.1 days');
        expect(documentDuration(14 * 1440, 'en')).toBe('14 days');
    });

    test('a check\'s message is rewritten in that style', () => {
        expect(withDocumentDurations('cibles 21 j, MTPD (72 h), 121 h 15 min, 90 min, 30 min', 'fr'))
            .toBe('cibles 21 jours, MTPD (3 jours), 5,1 jours, 1 h 30 min, 30 min');
        expect(withDocumentDurations('stops its targets 7 d (48 h)', 'en')).toBe('stops its targets 7 days (48 h)');
    });
});

test('names become titles as whole words only, and due dates move by months', () => {
    const titles = new Map([['Paie', 'Production de la paie'], ['Serveur', 'Serveur de fichiers'], ['Paie-Externe', 'Paie externalisée']]);
    expect(withTitles('Paie dépend de Serveur ; Paie-Externe et Paies restent', titles))
        .toBe('Production de la paie dépend de Serveur de fichiers ; Paie externalisée et Paies restent');
    // A combining mark is part of a name (the grammar's ID), but the pattern of every name does not bound a name by one.
    const marked = new Map([['Cafe\u0301', 'Le café'], ['Cafe', 'Le bar']]);
    expect(withTitles('Cafe\u0301 et Cafe, pas Cafe\u0301s', marked)).toBe('Le café et Le bar, pas Le bar\u0301s');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', 3)).toBe('2027-02-20');
});

test('titles replace names in time proportional to the text, not to the number of names', () => {
    const titles = new Map(Array.from({ length: 20_000 }, (_, i) => [`Activité-${i}`, `Activité métier ${i}`]));
    const sentence = Array.from({ length: 50 }, (_, i) => `Activité-${i * 397} dépend de Serveur-${i}`).join(' ; ');
    withTitles(sentence, titles);
    const start = performance.now();
    for (let i = 0; i < 2_000; i++) withTitles(sentence, titles);
    // 2,000 sentences of 50 names among 20,000: milliseconds by runs of letters, minutes by one alternation of every name.
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(withTitles(sentence, titles)).toContain('Activité métier 397 dépend de Serveur-1 ;');
});
