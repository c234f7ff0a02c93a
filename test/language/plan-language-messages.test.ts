/**
 * Every message in the plan's language (issue 14): lexer, parser and linker messages follow the
 * `language` the plan declares (read before parsing), in the plan file and in the files it
 * imports, unless the language is overridden (CLI --lang, editor setting pra.language).
 */
import type { LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../packages/language/src/pra-check-report.js';
import { languageWritten } from '../../packages/language/src/pra-settings.js';
import { buildFiles, buildPlan, createTestServices } from '../helpers.js';

const syntaxCodes = new Set(['lexing-error', 'parsing-error', 'linking-error']);

function syntaxMessages(document: LangiumDocument): Array<{ code: string; message: string }> {
    return (document.diagnostics ?? []).filter(d => syntaxCodes.has(codeOf(d)))
        .map(d => ({ code: codeOf(d), message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/** A unit apart from its number (parser), an unknown role (linker), a stray character (lexer). */
const body = `activity A { rto 4 h }
activity B { owner Inconnu }
asset C { kind server } §
`;

describe('messages in a `language fr` plan', () => {
    it('parser, linker and lexer messages are in French', async () => {
        const document = await buildPlan(`plan "P" { language fr }\n${body}`);
        expect(syntaxMessages(document)).toEqual([
            { code: 'lexing-error', message: 'Caractère inattendu \'§\' : supprimez-le, ou mettez le texte entre guillemets ("…").' },
            { code: 'parsing-error', message: 'Écrivez l\'unité collée au nombre, sans espace : 4h.' },
            {
                code: 'linking-error',
                message: 'Aucun rôle nommé \'Inconnu\' dans ce que ce fichier voit : déclarez-le, importez le fichier qui le déclare, ou corrigez le nom.'
            }
        ]);
    });

    it('a French parser message that names what was expected says it in French', async () => {
        const document = await buildPlan('plan "P" { language fr }\nactivity A { criticality }\n');
        expect(syntaxMessages(document)).toEqual([{
            code: 'parsing-error',
            message: 'Valeur attendue après \'criticality\', trouvé : \'}\' : utilisez l\'une des valeurs critical, high, medium, low.'
        }]);
        const unclosed = await buildPlan('plan "P" { language fr }\nrole R { phone "1"\n');
        expect(syntaxMessages(unclosed))
            .toEqual([{ code: 'parsing-error', message: 'Bloc non fermé : ajoutez \'}\' pour fermer le bloc role.' }]);
    });

    it('a `language fr` written after the error still counts (it is read before parsing)', async () => {
        const document = await buildPlan('activity A { rto 4 h }\nplan "P" {\n    language fr\n}\n');
        expect(syntaxMessages(document)[0].message).toBe('Écrivez l\'unité collée au nombre, sans espace : 4h.');
    });

    it('an inventory file without `language` speaks the language of the plan importing it', async () => {
        const files = await buildFiles(createTestServices(), {
            'plan.pra': 'import "inventaire.pra"\nplan "P" { language fr }\n',
            'inventaire.pra': body
        });
        expect(syntaxMessages(files['inventaire.pra']).map(m => m.message)).toEqual([
            'Caractère inattendu \'§\' : supprimez-le, ou mettez le texte entre guillemets ("…").',
            'Écrivez l\'unité collée au nombre, sans espace : 4h.',
            'Aucun rôle nommé \'Inconnu\' dans ce que ce fichier voit : déclarez-le, importez le fichier qui le déclare, ou corrigez le nom.'
        ]);
    });

    it('an override (--lang en, the editor setting) wins over the plan', async () => {
        const document = await buildPlan(`plan "P" { language fr }\n${body}`, 'en');
        expect(syntaxMessages(document).map(m => m.message)).toEqual([
            'Unexpected character \'§\': remove it, or put the text in quotes ("…").',
            'Write the unit right after the number, without a space: 4h.',
            'No role named \'Inconnu\' in what this file sees: declare it, import the file that declares it, or fix the name.'
        ]);
    });
});

describe('messages in other plans', () => {
    it('a `language en` plan, and a file with no language at all, are in English', async () => {
        for (const header of ['plan "P" { language en }\n', '']) {
            const document = await buildPlan(`${header}${body}`);
            expect(syntaxMessages(document).map(m => m.message)).toEqual([
                'Unexpected character \'§\': remove it, or put the text in quotes ("…").',
                'Write the unit right after the number, without a space: 4h.',
                'No role named \'Inconnu\' in what this file sees: declare it, import the file that declares it, or fix the name.'
            ]);
        }
    });

    it('--lang fr turns an English plan\'s messages French', async () => {
        const document = await buildPlan(`plan "P" { language en }\n${body}`, 'fr');
        expect(syntaxMessages(document)[1].message).toBe('Écrivez l\'unité collée au nombre, sans espace : 4h.');
    });

    it('the cheap reading ignores comments and texts that only mention a language', () => {
        expect(languageWritten('// language fr\nplan "P" { language en }')).toBe('en');
        expect(languageWritten('/* language fr */ plan "P" { }')).toBeUndefined();
        expect(languageWritten('plan "P" { language fr }')).toBe('fr');
        expect(languageWritten('plan "P" {\n  language\tfr // langue du document\n}')).toBe('fr');
    });
});
