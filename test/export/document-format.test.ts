import { describe, expect, test } from 'vitest';
import { addMonths, documentDuration, withDocumentDurations, withTitles } from '../../packages/language/src/export/pra-document-format.js';

describe('the document\'s one duration style', () => {
    test('minutes below an hour, hours below 72 hours, days above, in the language', () => {
        expect([45, 60, 90, 13 * 60 + 30, 71 * 60 + 59].map(m => documentDuration(m, 'fr'))).toEqual(['45 min', '1 h', '1 h 30 min', '13 h 30 min', '71 h 59 min']);
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
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', 3)).toBe('2027-02-20');
});
