import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import type * as ast from './generated/ast.js';
import { PraGrammar } from './generated/grammar.js';
import type { VocabularyName } from './pra-vocabulary.js';

/*
 * The one property table of the language: for each AST type, the properties the grammar assigns, the
 * keywords that introduce them, whether they may be written more than once and what kind of value
 * they take. The structural checks, completion, the parser messages, the semantic tokens and the
 * keyword docs read it, so a property added to pra.langium reaches all of them.
 *
 * It is computed once, on first use, from the grammar object the parser itself is built from
 * (`PraGrammar()`, generated from pra.langium) rather than written by a generator at
 * `langium:generate` time: it then cannot disagree with the parser, there is no second generated
 * file to keep in step, and the cost is one walk of some forty rules. Only what the grammar cannot
 * say is written here by hand, typed against the AST so that a renamed property fails to compile:
 * the vocabulary of each enum property and the block properties that may repeat (every block
 * property is collected with `+=`, see pra.langium). test/language/syntax-table.test.ts proves the
 * table holds every assignment of the grammar and nothing more.
 */

/** What a property holds, read from the right-hand side of its assignment. */
export type ValueKind =
    | 'text' | 'name' | 'word' | 'date' | 'number' | 'duration' | 'percent'
    | 'enum' | 'enum-list' | 'reference' | 'references' | 'flag' | 'node';

export interface PropertyFact {
    /** The AST type that holds the property (`Fallback`). */
    readonly type: string;
    /** The AST property (`dependsOn`). */
    readonly property: string;
    /** The keywords as written before the value (`depends on`); '' when the property starts with its value. */
    readonly keyword: string;
    /** Whether the property may be written several times in one node. */
    readonly repeatable: boolean;
    /** Whether it is one alternative of an element's `{ … }*` block. */
    readonly inBlock: boolean;
    readonly valueKind: ValueKind;
    /** The closed vocabulary of an enum property (`fallbackType`). */
    readonly vocabulary?: VocabularyName;
}

type PropertyAnnotations<V> = { readonly [T in keyof ast.PraAstType]?: { readonly [P in keyof ast.PraAstType[T]]?: V } };

/** The vocabulary of each enum-valued property: enum values parse as plain names (pra.langium). */
const vocabularies = {
    Plan: { language: 'language' },
    Asset: { kind: 'assetKind' },
    Activity: { criticality: 'criticality' },
    ImpactLine: { category: 'impactCategory' },
    Risk: { category: 'riskCategory' },
    Fallback: { type: 'fallbackType', mode: 'mode', resource: 'resource', audience: 'audience', status: 'status' },
    Procedure: { phase: 'phase' },
    Exercise: { result: 'result', type: 'exerciseType' }
} as const satisfies PropertyAnnotations<VocabularyName>;

/** Block properties that may be written several times; every other one is written at most once per element. */
const repeatableInBlock = {
    Plan: { context: true, assumption: true, revision: true, approval: true, notes: true, accept: true },
    Role: { notes: true, accept: true },
    Asset: { notes: true, accept: true },
    Activity: { notes: true, accept: true },
    Risk: { notes: true, accept: true },
    Fallback: { notes: true, accept: true },
    Crisis: { alert: true, trigger: true, standdown: true },
    Procedure: { steps: true, notes: true, accept: true },
    Exercise: { notes: true, accept: true }
} as const satisfies PropertyAnnotations<true>;

/** Enum-valued properties that take no vocabulary of pra-vocabulary.ts: finding codes, and the items of a list. */
const enumsWithoutVocabulary: ReadonlySet<string> = new Set(['Accept.code', 'EnumList.values']);

export interface SyntaxTable {
    /** The keyword that opens each element (`activity`), by AST type, in grammar order. */
    readonly elementKeywords: ReadonlyMap<string, string>;
    /** Every property of the grammar, in grammar order. */
    readonly properties: readonly PropertyFact[];
    /** The properties of each AST type, by property name. */
    readonly byType: ReadonlyMap<string, ReadonlyMap<string, PropertyFact>>;
    /** Every keyword of the grammar (`{` and `,` included). */
    readonly keywords: ReadonlySet<string>;
    /** The name rule: the grammar's ID terminal, anchored. */
    readonly name: RegExp;
}

let table: SyntaxTable | undefined;

/** The table, read from the grammar on first use. */
export function syntaxTable(): SyntaxTable {
    return table ??= readGrammar(PraGrammar());
}

/** The facts of one property of an AST type, or undefined when the grammar assigns no such property. */
export function propertyFact(type: string, property: string): PropertyFact | undefined {
    return syntaxTable().byType.get(type)?.get(property);
}

/** The properties of an AST type, in grammar order. */
export function propertiesOf(type: string): readonly PropertyFact[] {
    return [...syntaxTable().byType.get(type)?.values() ?? []];
}

/**
 * Whether a text can name an element: the grammar reads it as one ID token, and it is not a keyword.
 * The one valid-name rule of rename, the quick fixes and the BIA workbook.
 */
export function isValidName(text: string): boolean {
    const { name, keywords } = syntaxTable();
    return name.test(text) && !keywords.has(text);
}

function readGrammar(grammar: GrammarAST.Grammar): SyntaxTable {
    const rules = grammar.rules;
    const elementRule = rules.find(rule => rule.name === 'Element');
    const elementRules = GrammarAST.isParserRule(elementRule) && GrammarAST.isAlternatives(elementRule.definition)
        ? elementRule.definition.elements.flatMap(e => GrammarAST.isRuleCall(e) && e.rule.ref ? [e.rule.ref] : []) : [];
    const elementKeywords = new Map<string, string>();
    for (const rule of elementRules) {
        const opening = GrammarAST.isParserRule(rule) ? firstKeywords(rule.definition)[0] : undefined;
        if (opening) elementKeywords.set(GrammarUtils.getRuleTypeName(rule), opening);
    }
    const properties: PropertyFact[] = [];
    const byType = new Map<string, Map<string, PropertyFact>>();
    for (const rule of rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        const type = GrammarUtils.getRuleTypeName(rule);
        for (const assignment of AstUtils.streamAllContents(rule.definition).filter(GrammarAST.isAssignment)) {
            const own = byType.get(type) ?? new Map<string, PropertyFact>();
            byType.set(type, own);
            if (own.has(assignment.feature)) continue; // `values+=EnumValue (',' values+=EnumValue)*`: one property
            const fact = factOf(type, assignment);
            own.set(fact.property, fact);
            properties.push(fact);
        }
    }
    const keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    const id = rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID') as GrammarAST.TerminalRule;
    const name = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`, GrammarUtils.terminalRegex(id).flags);
    return { elementKeywords, properties, byType, keywords, name };
}

function factOf(type: string, assignment: GrammarAST.Assignment): PropertyFact {
    const inBlock = AstUtils.getContainerOfType(assignment.$container, (n): n is GrammarAST.Alternatives =>
        GrammarAST.isAlternatives(n) && n.cardinality === '*') !== undefined;
    const before = keywordsBefore(assignment);
    const keyword = before.length > 0 || !inBlock ? before.join(' ') : firstKeywords(assignment.terminal)[0] ?? '';
    const annotated = (table: PropertyAnnotations<unknown>): unknown =>
        (table as Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>)[type]?.[assignment.feature];
    const repeatable = assignment.operator === '+=' && (!inBlock || annotated(repeatableInBlock) === true);
    const vocabulary = annotated(vocabularies) as VocabularyName | undefined;
    return {
        type, property: assignment.feature, keyword, repeatable, inBlock, valueKind: valueKindOf(assignment.terminal),
        ...(vocabulary ? { vocabulary } : {})
    };
}

/** The word keywords written right before an assignment in its group (`'depends' 'on' dependsOn+=…` → depends, on). */
function keywordsBefore(assignment: GrammarAST.Assignment): string[] {
    const group = assignment.$container;
    if (!GrammarAST.isGroup(group)) return [];
    const words: string[] = [];
    for (let index = group.elements.indexOf(assignment) - 1; index >= 0; index--) {
        const element = group.elements[index];
        if (!GrammarAST.isKeyword(element) || !/^[a-z]/.test(element.value)) break;
        words.unshift(element.value);
    }
    return words;
}

/** The keywords a grammar element can start with, the first alternative first. */
function firstKeywords(element: GrammarAST.AbstractElement | undefined, depth = 0): string[] {
    if (!element || depth > 4) return [];
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isGroup(element)) return firstKeywords(element.elements[0], depth + 1);
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(e => firstKeywords(e, depth + 1));
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal, depth + 1);
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) {
        return firstKeywords(element.rule.ref.definition, depth + 1);
    }
    return [];
}

/** The datatype rules of pra.langium by what they hold. */
const datatypeKinds: Readonly<Record<string, ValueKind>> = {
    DateValue: 'date', Num: 'number', Duration: 'duration', Percent: 'percent', EnumValue: 'enum', EnumList: 'enum-list'
};

function valueKindOf(terminal: GrammarAST.AbstractElement): ValueKind {
    if (GrammarAST.isKeyword(terminal)) return 'flag';
    if (GrammarAST.isCrossReference(terminal)) return 'reference';
    if (GrammarAST.isAlternatives(terminal)) return terminal.elements.every(GrammarAST.isKeyword) ? 'word' : 'node';
    if (!GrammarAST.isRuleCall(terminal)) return 'node';
    const rule = terminal.rule.ref;
    if (GrammarAST.isTerminalRule(rule)) return rule.name === 'ID' ? 'name' : rule.name === 'STRING' ? 'text' : 'word';
    if (!rule) return 'node';
    const known = datatypeKinds[rule.name];
    if (known) return known;
    if (GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule)) return 'word';
    const assignments = AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment).toArray();
    return assignments.length > 0 && assignments.every(a => GrammarAST.isCrossReference(a.terminal)) ? 'references' : 'node';
}

/** Checks the hand-written part of the table against the grammar: names of the test's failures. */
export function annotationProblems(): string[] {
    const problems: string[] = [];
    const annotatedPairs = (annotations: PropertyAnnotations<unknown>): string[] => Object.entries(annotations)
        .flatMap(([type, properties]) => Object.keys(properties ?? {}).map(property => `${type}.${property}`));
    for (const pair of [...annotatedPairs(vocabularies), ...annotatedPairs(repeatableInBlock)]) {
        const [type, property] = pair.split('.');
        if (!propertyFact(type, property)) problems.push(`${pair} is annotated but not in the grammar`);
    }
    for (const fact of syntaxTable().properties) {
        const pair = `${fact.type}.${fact.property}`;
        const enumValued = fact.valueKind === 'enum' || fact.valueKind === 'enum-list';
        if (enumValued && !fact.vocabulary && !enumsWithoutVocabulary.has(pair)) problems.push(`${pair} has no vocabulary`);
        if (fact.vocabulary && !enumValued) problems.push(`${pair} has a vocabulary but is not an enum`);
    }
    return problems;
}
