import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST } from 'langium';
import { PraGrammar } from './generated/grammar.js';
import { syntaxTable } from './pra-syntax.js';
import { textLookup, type Lang, type MessageParams, type Texts } from './pra-messages.js';
import type { PraSettings } from './pra-settings.js';
import { durationUnits, vocabulary, type VocabularyName } from './pra-vocabulary.js';

/** What the lexer and the parser say, in both languages (the catalogue mechanism of pra-messages.ts). */
const texts = {
    'token.ID': { en: 'a name', fr: 'un nom' },
    'token.STRING': { en: 'a quoted text', fr: 'un texte entre guillemets' },
    'token.DATE': { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
    'token.NUMBER': { en: 'a number', fr: 'un nombre' },
    'token.QUANTITY': { en: 'a duration such as 4h', fr: 'une durée comme 4h' },
    'token.PERCENT': { en: 'a percentage such as 99.9%', fr: 'un pourcentage comme 99.9%' },
    'token.EOF': { en: 'the end of the file', fr: 'la fin du fichier' },
    'glue-unit': {
        en: 'Write the unit right after the number, without a space: {number}{unit}.',
        fr: 'Écrivez l\'unité collée au nombre, sans espace : {number}{unit}.'
    },
    'role-expected': {
        en: 'Expected the name of a role after \'{after}\' but found {found}: write e.g. {after} DSI (a role declared with \'role\').',
        fr: 'Nom de rôle attendu après \'{after}\', trouvé : {found} : écrivez par ex. {after} DSI (un rôle déclaré par \'role\').'
    },
    'open-expected': {
        en: 'Expected \'{\' after \'{after}\' but found {found}: open the block, e.g. {after} { … }.',
        fr: 'Attendu après \'{after}\' : \'{\', trouvé : {found} : ouvrez le bloc, par ex. {after} { … }.'
    },
    'expected-after': {
        en: 'Expected {expected} after \'{after}\' but found {found}.', fr: 'Attendu après \'{after}\' : {expected}, trouvé : {found}.'
    },
    expected: { en: 'Expected {expected} but found {found}.', fr: 'Attendu : {expected}, trouvé : {found}.' },
    'block.named': { en: 'the {element} block', fr: 'le bloc {element}' },
    block: { en: 'the block', fr: 'le bloc' },
    unclosed: { en: 'Unclosed block: add \'}\' to close {block}.', fr: 'Bloc non fermé : ajoutez \'}\' pour fermer {block}.' },
    'unclosed-before': {
        en: 'Unclosed block: add \'}\' to close {block} before \'{next}\'.',
        fr: 'Bloc non fermé : ajoutez \'}\' pour fermer {block} avant \'{next}\'.'
    },
    'not-expected': {
        en: '{found} is not expected here: close {block} with \'}\'.', fr: '{found} n\'est pas attendu ici : fermez {block} avec \'}\'.'
    },
    'did-you-mean': { en: ' Did you mean \'{guess}\'?', fr: ' Vouliez-vous dire \'{guess}\' ?' },
    'not-a-property': {
        en: '{found} is not a property of {element}: use {properties}, or close the block with \'}\'.{hint}',
        fr: '{found} n\'est pas une propriété de {element} : utilisez {properties}, ou fermez le bloc avec \'}\'.{hint}'
    },
    'extra-close': {
        en: 'Extra \'}\': there is no open block to close; remove it.', fr: '\'}\' en trop : aucun bloc ouvert à fermer ; supprimez-le.'
    },
    'unexpected-top': {
        en: 'Unexpected {found}: an element starts with {keywords}.{hint}',
        fr: '{found} inattendu : un élément commence par {keywords}.{hint}'
    },
    'duration-expected': {
        en: 'Expected a duration after \'{keyword}\' but found {found}: write a number glued to its unit (min, h, d, w), e.g. 4h.',
        fr: 'Durée attendue après \'{keyword}\', trouvé : {found} : écrivez un nombre collé à son unité (min, h, d, w), par ex. 4h.'
    },
    'percent-expected': {
        en: 'Expected a percentage after \'{keyword}\' but found {found}: write a number glued to %, e.g. 99.9%.',
        fr: 'Pourcentage attendu après \'{keyword}\', trouvé : {found} : écrivez un nombre collé à %, par ex. 99.9%.'
    },
    'values.in-element': { en: ' (in {element})', fr: ' ({element})' },
    'values.or': { en: '; or ', fr: ' ; ou ' },
    'value-expected': {
        en: 'Expected a value after \'{keyword}\' but found {found}: use one of {allowed}.',
        fr: 'Valeur attendue après \'{keyword}\', trouvé : {found} : utilisez l\'une des valeurs {allowed}.'
    },
    'unexpected-here': { en: 'Unexpected {found} here; expected {expected}.', fr: '{found} inattendu ici ; attendu : {expected}.' },
    'lexer.unclosed-text': { en: 'Unclosed text: add the closing \'"\'.', fr: 'Texte non fermé : ajoutez le \'"\' final.' },
    'lexer.unclosed-comment': { en: 'Unclosed comment: add \'*/\'.', fr: 'Commentaire non fermé : ajoutez \'*/\'.' },
    'lexer.glue-percent': {
        en: 'Write % right after the number, without a space: {number}%.', fr: 'Écrivez % collé au nombre, sans espace : {number}%.'
    },
    'lexer.percent': {
        en: 'A percentage is a number glued to %, e.g. 99.9%.', fr: 'Un pourcentage est un nombre collé à %, par ex. 99.9%.'
    },
    'lexer.unexpected': {
        en: 'Unexpected character \'{text}\': remove it, or put the text in quotes ("…").',
        fr: 'Caractère inattendu \'{text}\' : supprimez-le, ou mettez le texte entre guillemets ("…").'
    },
    'lexer.pop': { en: 'Unexpected \'{image}\'.', fr: '\'{image}\' inattendu.' }
} as const satisfies Readonly<Record<string, Texts>>;

type ParserTextKey = keyof typeof texts;
const parserText = textLookup(texts, 'parser');
/** The words for a token of the grammar (`a name` for ID), when the catalogue has them. */
const tokenKey = (name: string): ParserTextKey | undefined =>
    Object.hasOwn(texts, `token.${name}`) ? `token.${name}` as ParserTextKey : undefined;

interface BlockSyntax {
    /** The keyword that opens each element (`activity`…), by parser rule name. */
    elementKeywords: ReadonlyMap<string, string>;
    /** The keywords that start a property, by parser rule name. */
    propertyKeywords: Map<string, string[]>;
    /** Keywords followed by the name of a role (`by`, `owner`, `to`…). */
    roleKeywords: Set<string>;
    /** The property keyword that introduces each enum value, and the values it takes (per element when they differ). */
    enumAfterKeyword: Map<string, Array<{ values: VocabularyName; element: string }>>;
}

let blockSyntax: BlockSyntax | undefined;

/** Read once from the syntax table and the grammar, so the messages list exactly what the parser accepts. */
function syntax(): BlockSyntax {
    if (blockSyntax) return blockSyntax;
    const { elementKeywords, properties } = syntaxTable();
    const propertyKeywords = new Map<string, string[]>();
    const enumAfterKeyword = new Map<string, Array<{ values: VocabularyName; element: string }>>();
    for (const fact of properties.filter(f => f.inBlock && f.keyword !== '')) {
        const first = fact.keyword.split(' ')[0];
        const keywords = propertyKeywords.get(fact.type) ?? [];
        if (!keywords.includes(first)) keywords.push(first);
        propertyKeywords.set(fact.type, keywords);
        if (fact.vocabulary) {
            const element = elementKeywords.get(fact.type) ?? fact.type.toLowerCase();
            enumAfterKeyword.set(fact.keyword, [...enumAfterKeyword.get(fact.keyword) ?? [], { values: fact.vocabulary, element }]);
        }
    }
    const roleKeywords = new Set<string>();
    for (const rule of PraGrammar().rules) {
        if (!GrammarAST.isParserRule(rule)) continue;
        for (const group of AstUtils.streamAllContents(rule).filter(GrammarAST.isGroup)) {
            group.elements.forEach((element, index) => {
                const next = group.elements[index + 1];
                if (GrammarAST.isKeyword(element) && next && startsWithRoleName(next)) roleKeywords.add(element.value);
            });
        }
    }
    blockSyntax = { elementKeywords, propertyKeywords, roleKeywords, enumAfterKeyword };
    return blockSyntax;
}

/** Whether a grammar element starts with a reference to a role (`[Role:ID]`, `RoleRefs`, `Approval`…). */
function startsWithRoleName(element: GrammarAST.AbstractElement, depth = 0): boolean {
    if (depth > 4) return false;
    if (GrammarAST.isAssignment(element)) return startsWithRoleName(element.terminal, depth + 1);
    if (GrammarAST.isCrossReference(element)) return element.type.ref?.name === 'Role';
    if (GrammarAST.isGroup(element)) return startsWithRoleName(element.elements[0], depth + 1);
    if (GrammarAST.isAlternatives(element)) return element.elements.some(e => startsWithRoleName(e, depth + 1));
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && element.rule.ref.definition) {
        return startsWithRoleName(element.rule.ref.definition, depth + 1);
    }
    return false;
}

/** Langium suffixes its parser rule names with a zero-width space. */
const plainRuleName = (ruleName: string): string => ruleName.replace(/\u200B/g, '');

/** The closest word within two edits, to suggest for a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.min(3, Math.ceil(word.length / 3));
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate);
        if (distance < bestDistance) { best = candidate; bestDistance = distance; }
    }
    return best;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * Each message built, with its other language: an imported file that declares no `language` is
 * parsed before its plan is known, and its messages are then given in the plan's language when
 * the file is validated (see PraDocumentValidator). Messages depend only on their words, so one
 * table serves every service instance; it is emptied when it grows large.
 */
const bilingual = new Map<string, { en: string; fr: string }>();
const bilingualLimit = 20_000;

function record(chosen: string, en: string, fr: string): string {
    if (bilingual.size >= bilingualLimit) bilingual.clear();
    bilingual.set(chosen, { en, fr });
    return chosen;
}

/** A lexer or parser message in the other language, when it was built here; else as it is. */
export function parserMessageIn(message: string, lang: Lang): string {
    return bilingual.get(message)?.[lang] ?? message;
}

/** Parser errors phrased as what to write, in the plan's language (read before parsing) or the override. */
export class PraParserErrorMessageProvider implements IParserErrorMessageProvider {
    constructor(private readonly settings: PraSettings) { }

    /** The language being written: each message is built in both, and given in the parsing language. */
    private current: Lang = 'en';

    private say(key: ParserTextKey, params: MessageParams = {}): string {
        return parserText(key, this.current, params);
    }

    private inBoth(build: () => string): string {
        this.current = 'en';
        const en = build();
        this.current = 'fr';
        const fr = build();
        return record(this.settings.parsingLanguage() === 'fr' ? fr : en, en, fr);
    }

    private describe(token: TokenType): string {
        const known = tokenKey(token.name);
        if (known) return this.say(known);
        const label = typeof token.PATTERN === 'string' ? token.PATTERN : token.name;
        return `'${label}'`;
    }

    private found(token: IToken): string {
        if (token.tokenType?.name === 'EOF') return this.say('token.EOF');
        return `'${token.image}'`;
    }

    private isEnd(token: IToken | undefined): boolean {
        return token?.tokenType?.name === 'EOF';
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return this.inBoth(() => this.mismatchToken(options));
    }

    private mismatchToken(
        { expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }
    ): string {
        if (expected.name === 'EOF') return this.unexpectedAtTopLevel(actual);
        if (expected.name === '}' && previous?.tokenType?.name === 'NUMBER' && durationUnits[actual.image] !== undefined) {
            return this.say('glue-unit', { number: previous.image, unit: actual.image });
        }
        if (expected.name === '}') return this.unclosedOrUnknownProperty(actual, plainRuleName(ruleName));
        const after = previous?.image && !this.isEnd(previous) ? previous.image : undefined;
        const found = this.found(actual);
        if (after && expected.name === 'ID' && syntax().roleKeywords.has(after)) return this.say('role-expected', { after, found });
        if (after && expected.name === '{') return this.say('open-expected', { after, found });
        const words = this.describe(expected);
        return after ? this.say('expected-after', { expected: words, after, found }) : this.say('expected', { expected: words, found });
    }

    private unclosedOrUnknownProperty(actual: IToken, ruleName: string): string {
        const { elementKeywords, propertyKeywords } = syntax();
        const element = elementKeywords.get(ruleName);
        const block = element ? this.say('block.named', { element }) : this.say('block');
        if (this.isEnd(actual)) return this.say('unclosed', { block });
        if ([...elementKeywords.values()].includes(actual.image)) return this.say('unclosed-before', { block, next: actual.image });
        const properties = propertyKeywords.get(ruleName);
        const found = this.found(actual);
        if (!properties || !element) return this.say('not-expected', { found, block });
        const guess = closest(actual.image, properties);
        const hint = guess ? this.say('did-you-mean', { guess }) : '';
        return this.say('not-a-property', { found, element, properties: properties.join(', '), hint });
    }

    private unexpectedAtTopLevel(actual: IToken): string {
        if (actual.image === '}') return this.say('extra-close');
        const keywords = [...syntax().elementKeywords.values()];
        const guess = /^[a-z]+$/i.test(actual.image) ? closest(actual.image, keywords) : undefined;
        const hint = guess ? this.say('did-you-mean', { guess }) : '';
        return this.say('unexpected-top', { found: this.found(actual), keywords: keywords.join(', '), hint });
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return this.inBoth(() => this.unexpectedAtTopLevel(firstRedundant));
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: {
        expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string
    }): string {
        return this.inBoth(() =>
            this.missingValue(ruleName, previous, actual[0]) ?? this.expectedOneOf(expectedPathsPerAlt.flat(), actual[0]));
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }: {
        expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string
    }): string {
        return this.inBoth(() => this.missingValue(ruleName, previous, actual[0]) ?? this.expectedOneOf(expectedIterationPaths, actual[0]));
    }

    /** A property keyword without its value: say which values it takes. */
    private missingValue(ruleName: string, previous: IToken | undefined, actual: IToken): string | undefined {
        const keyword = previous?.image ?? '';
        ruleName = plainRuleName(ruleName);
        const found = this.found(actual);
        if (ruleName === 'Duration') return this.say('duration-expected', { keyword, found });
        if (ruleName === 'Percent') return this.say('percent-expected', { keyword, found });
        const vocabularies = syntax().enumAfterKeyword.get(keyword);
        if (ruleName === 'EnumValue' && vocabularies) {
            // English names the element with its article (`in a fallback`), French by its keyword alone.
            const named = (element: string): string => this.current === 'en' ? `${/^[aeiou]/.test(element) ? 'an' : 'a'} ${element}` : element;
            const allowed = vocabularies.map(({ values, element }) => vocabulary[values].join(', ')
                + (vocabularies.length > 1 ? this.say('values.in-element', { element: named(element) }) : ''))
                .join(this.say('values.or'));
            return this.say('value-expected', { keyword, found, allowed });
        }
        return undefined;
    }

    private expectedOneOf(paths: TokenType[][], actual: IToken): string {
        const firsts = [...new Set(paths.map(path => path[0]).filter(Boolean).map(t => this.describe(t)))];
        const shown = firsts.slice(0, 12).join(', ') + (firsts.length > 12 ? ', …' : '');
        return this.say('unexpected-here', { found: this.found(actual), expected: shown });
    }
}

/** Characters no token accepts: say what to do with them instead of Chevrotain's offsets. */
export class PraLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    constructor(private readonly settings: PraSettings) { }

    private say(key: ParserTextKey, params: MessageParams = {}): string {
        const en = parserText(key, 'en', params);
        const fr = parserText(key, 'fr', params);
        return record(this.settings.parsingLanguage() === 'fr' ? fr : en, en, fr);
    }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) return this.say('lexer.unclosed-text');
        if (text.startsWith('/*')) return this.say('lexer.unclosed-comment');
        if (text.startsWith('%')) {
            const number = /([0-9]+(?:\.[0-9]+)?)[ \t]+$/.exec(fullText.slice(Math.max(0, startOffset - 40), startOffset))?.[1];
            return number ? this.say('lexer.glue-percent', { number }) : this.say('lexer.percent');
        }
        return this.say('lexer.unexpected', { text });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return this.say('lexer.pop', { image: token.image });
    }
}
