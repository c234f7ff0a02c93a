import { textCatalogues as builtCatalogues } from 'pra-language';
import { describe, expect, test } from 'vitest';
import { cliMessages, cliText } from '../../packages/cli/src/cli-messages.js';
import '../../packages/language/src/export/pra-export-texts.js';
import '../../packages/language/src/lsp/pra-editor-texts.js';
import { fixOf, message, textCatalogues, titleOf, type Lang } from '../../packages/language/src/pra-messages.js';
import { praCodes } from '../../packages/language/src/pra-codes.js';
import '../../packages/language/src/pra-risk-matrix.js';
import { previewLabels } from '../../packages/language/src/preview/pra-preview-labels.js';
import '../../packages/language/src/simulation/simulation-texts.js';
import '../../packages/language/src/diff/diff-render.js';
import '../../packages/language/src/pra-linker.js';
import '../../packages/language/src/pra-parser-messages.js';

// Every text catalogue (one mechanism: textLookup in pra-messages.ts), walked key by key in both languages.
// The CLI reaches the language package through its built entry point: its catalogue registers there.

const allCatalogues = (): Map<string, Readonly<Record<string, { en: string; fr: string }>>> =>
    new Map([...textCatalogues(), ...builtCatalogues()]);

const langs: readonly Lang[] = ['en', 'fr'];
/** The `{name}` placeholders of a text, plural choices `{name|one|other}` included. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map(m => m[1]))].sort();

describe('the text catalogues', () => {
    test('every catalogue registers itself, the CLI\'s and the preview\'s included', () => {
        const names = [...allCatalogues().keys()];
        const expected = ['findings', 'words', 'parser', 'linker', 'editor', 'simulation', 'risk matrix tray', 'preview', 'diff kinds',
            'cli'];
        for (const name of expected) {
            expect(names).toContain(name);
        }
        expect(names.length).toBeGreaterThanOrEqual(8);
    });

    test('every key has a text in English and in French, with the same placeholders', () => {
        let keys = 0;
        for (const [name, catalogue] of allCatalogues()) {
            for (const [key, texts] of Object.entries(catalogue)) {
                keys++;
                for (const lang of langs) expect(texts[lang]?.trim(), `${name} ${key} ${lang}`).toBeTruthy();
                expect(placeholders(texts.fr), `${name} ${key}`).toEqual(placeholders(texts.en));
            }
        }
        expect(keys).toBeGreaterThan(500);
    });

    test('every finding code has a title and a fix in both languages', () => {
        for (const code of praCodes) {
            for (const lang of langs) {
                expect(titleOf(code, lang), `${code} ${lang}`).not.toBe(code);
                expect(fixOf(code, lang), `${code} ${lang}`).not.toBe('');
            }
        }
    });

    test('a lookup fills placeholders and plural forms by the language\'s rules', () => {
        expect(message('duplicate-property', 'en', { property: 'rto', element: 'ERP' })).toContain('rto');
        expect(cliText('summary', 'en', { files: 1, errors: 0, warnings: 2, info: 0 }))
            .toBe('1 file checked: 0 errors, 2 warnings, 0 info.');
        expect(cliText('summary', 'fr', { files: 1, errors: 0, warnings: 2, info: 0 }))
            .toBe('1 fichier vérifié : 0 erreur, 2 avertissements, 0 info.');
        expect(cliMessages('fr').acceptedCount(2, false)).toBe('2 constats acceptés non affichés (--show-accepted les liste).');
        expect(cliMessages('en').importMerged('p.pra', ['A'], [], []))
            .toBe('p.pra: 1 element updated (A), 0 elements added; nothing to write.');
        expect(previewLabels('fr').matrix).toBe('Matrice des risques');
        expect(previewLabels('en').movedFrom).toBe('moved from {from}');
    });
});
