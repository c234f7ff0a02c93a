import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { undocumentedKeywords } from '../../packages/language/src/lsp/pra-keyword-docs.js';
import { annotationProblems, isValidName, propertyFact, syntaxTable } from '../../packages/language/src/pra-syntax.js';

// The property table (pra-syntax.ts) against the text of pra.langium, read here independently of Langium.

const grammarText = readFileSync(join(__dirname, '../../packages/language/src/pra.langium'), 'utf8');

/** `Type.property` for every assignment of every parser rule that builds a node (not the `returns` datatype rules). */
function assignmentsInText(): Set<string> {
    const pairs = new Set<string>();
    const withoutComments = grammarText.replace(/\/\/[^\n]*/g, '');
    for (const rule of withoutComments.matchAll(/^(?:entry\s+)?(\w+)\s*:([\s\S]*?);\s*$/gm)) {
        const body = rule[2].replace(/'[^']*'/g, "''");
        for (const assignment of body.matchAll(/(\w+)\s*\+?\??=/g)) pairs.add(`${rule[1]}.${assignment[1]}`);
    }
    return pairs;
}

describe('the syntax table (pra-syntax.ts)', () => {
    test('holds every property assignment of pra.langium, and nothing more', () => {
        const table = new Set(syntaxTable().properties.map(fact => `${fact.type}.${fact.property}`));
        const text = assignmentsInText();
        expect(text.size).toBeGreaterThan(100);
        expect([...table].sort()).toEqual([...text].sort());
    });

    test('its hand-written part (vocabularies, repeatable block properties) names properties of the grammar', () => {
        expect(annotationProblems()).toEqual([]);
    });

    test('reads keywords, repetition and value kinds from the grammar', () => {
        expect(propertyFact('Fallback', 'dependsOn')).toMatchObject({ keyword: 'depends on', repeatable: false, valueKind: 'references' });
        expect(propertyFact('Exercise', 'measuredRto')).toMatchObject({ keyword: 'measured rto', valueKind: 'duration' });
        expect(propertyFact('Fallback', 'audience')).toMatchObject({ valueKind: 'enum-list', vocabulary: 'audience' });
        expect(propertyFact('Fallback', 'type')?.vocabulary).toBe('fallbackType');
        expect(propertyFact('Exercise', 'type')?.vocabulary).toBe('exerciseType');
        expect(propertyFact('Procedure', 'steps')).toMatchObject({ keyword: 'step', repeatable: true, inBlock: true });
        expect(propertyFact('Role', 'external')).toMatchObject({ valueKind: 'flag', repeatable: false });
        expect(propertyFact('Parallel', 'steps')).toMatchObject({ repeatable: true, inBlock: false });
        expect(propertyFact('Asset', 'owner')?.valueKind).toBe('reference');
        expect(syntaxTable().elementKeywords.get('Activity')).toBe('activity');
    });

    test('every block property written once is so in the table; repeated ones are the documented few', () => {
        const repeated = syntaxTable().properties.filter(fact => fact.inBlock && fact.repeatable).map(f => f.property);
        expect(new Set(repeated)).toEqual(new Set(['context', 'assumption', 'revision', 'approval', 'notes', 'accept', 'alert',
            'trigger', 'standdown', 'steps']));
    });

    test('the valid-name rule is the grammar\'s ID terminal, keywords excluded', () => {
        for (const name of ['ERP', 'serveur_1', 'Comptabilité', 'full-scale', '_x', 'e\u0301t\u0301e']) {
            expect(isValidName(name), name).toBe(true);
        }
        for (const name of ['1abc', 'a b', '-x', 'plan', 'owner', '', 'a.b', 'x"']) expect(isValidName(name), name).toBe(false);
    });

    test('every property keyword of an element has a line of documentation', () => {
        for (const type of syntaxTable().elementKeywords.keys()) expect(undocumentedKeywords(type), type).toEqual([]);
    });
});
