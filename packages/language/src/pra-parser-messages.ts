import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST } from 'langium';
import { PraGrammar } from './generated/grammar.js';
import { syntaxTable } from './pra-syntax.js';
import type { Lang } from './pra-messages.js';
import type { PraSettings } from './pra-settings.js';
import { durationUnits, vocabulary, type VocabularyName } from './pra-vocabulary.js';

const tokenWords: Readonly<Record<string, { en: string; fr: string }>> = {
    ID: { en: 'a name', fr: 'un nom' },
    STRING: { en: 'a quoted text', fr: 'un texte entre guillemets' },
    DATE: { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
    NUMBER: { en: 'a number', fr: 'un nombre' },
    QUANTITY: { en: 'a duration such as 4h', fr: 'une durée comme 4h' },
    PERCENT: { en: 'a percentage such as 99.9%', fr: 'un pourcentage comme 99.9%' },
    EOF: { en: 'the end of the file', fr: 'la fin du fichier' }
};

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

    private get fr(): boolean {
        return this.current === 'fr';
    }

    private say(en: string, fr: string): string {
        return this.fr ? fr : en;
    }

    private inBoth(build: () => string): string {
        this.current = 'en';
        const en = build();
        this.current = 'fr';
        const fr = build();
        return record(this.settings.parsingLanguage() === 'fr' ? fr : en, en, fr);
    }

    private describe(token: TokenType): string {
        const known = tokenWords[token.name];
        if (known) return this.fr ? known.fr : known.en;
        const label = typeof token.PATTERN === 'string' ? token.PATTERN : token.name;
        return `'${label}'`;
    }

    private found(token: IToken): string {
        if (token.tokenType?.name === 'EOF') return this.say('the end of the file', 'la fin du fichier');
        return `'${token.image}'`;
    }

    private isEnd(token: IToken | undefined): boolean {
        return token?.tokenType?.name === 'EOF';
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return this.inBoth(() => this.mismatchToken(options));
    }

    private mismatchToken({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (expected.name === 'EOF') return this.unexpectedAtTopLevel(actual);
        if (expected.name === '}' && previous?.tokenType?.name === 'NUMBER' && durationUnits[actual.image] !== undefined) {
            return this.say(`Write the unit right after the number, without a space: ${previous.image}${actual.image}.`,
                `Écrivez l'unité collée au nombre, sans espace : ${previous.image}${actual.image}.`);
        }
        if (expected.name === '}') return this.unclosedOrUnknownProperty(actual, plainRuleName(ruleName));
        const after = previous?.image && !this.isEnd(previous) ? previous.image : undefined;
        if (after && expected.name === 'ID' && syntax().roleKeywords.has(after)) {
            return this.say(`Expected the name of a role after '${after}' but found ${this.found(actual)}: write e.g. ${after} DSI (a role declared with 'role').`,
                `Nom de rôle attendu après '${after}', trouvé : ${this.found(actual)} : écrivez par ex. ${after} DSI (un rôle déclaré par 'role').`);
        }
        if (after && expected.name === '{') {
            return this.say(`Expected '{' after '${after}' but found ${this.found(actual)}: open the block, e.g. ${after} { … }.`,
                `Attendu après '${after}' : '{', trouvé : ${this.found(actual)} : ouvrez le bloc, par ex. ${after} { … }.`);
        }
        return after
            ? this.say(`Expected ${this.describe(expected)} after '${after}' but found ${this.found(actual)}.`,
                `Attendu après '${after}' : ${this.describe(expected)}, trouvé : ${this.found(actual)}.`)
            : this.say(`Expected ${this.describe(expected)} but found ${this.found(actual)}.`,
                `Attendu : ${this.describe(expected)}, trouvé : ${this.found(actual)}.`);
    }

    private unclosedOrUnknownProperty(actual: IToken, ruleName: string): string {
        const { elementKeywords, propertyKeywords } = syntax();
        const element = elementKeywords.get(ruleName);
        const block = element ? this.say(`the ${element} block`, `le bloc ${element}`) : this.say('the block', 'le bloc');
        if (this.isEnd(actual)) {
            return this.say(`Unclosed block: add '}' to close ${block}.`, `Bloc non fermé : ajoutez '}' pour fermer ${block}.`);
        }
        if ([...elementKeywords.values()].includes(actual.image)) {
            return this.say(`Unclosed block: add '}' to close ${block} before '${actual.image}'.`,
                `Bloc non fermé : ajoutez '}' pour fermer ${block} avant '${actual.image}'.`);
        }
        const properties = propertyKeywords.get(ruleName);
        if (!properties || !element) {
            return this.say(`${this.found(actual)} is not expected here: close ${block} with '}'.`,
                `${this.found(actual)} n'est pas attendu ici : fermez ${block} avec '}'.`);
        }
        const guess = closest(actual.image, properties);
        const hint = guess ? this.say(` Did you mean '${guess}'?`, ` Vouliez-vous dire '${guess}' ?`) : '';
        return this.say(`${this.found(actual)} is not a property of ${element}: use ${properties.join(', ')}, or close the block with '}'.${hint}`,
            `${this.found(actual)} n'est pas une propriété de ${element} : utilisez ${properties.join(', ')}, ou fermez le bloc avec '}'.${hint}`);
    }

    private unexpectedAtTopLevel(actual: IToken): string {
        if (actual.image === '}') {
            return this.say('Extra \'}\': there is no open block to close; remove it.', '\'}\' en trop : aucun bloc ouvert à fermer ; supprimez-le.');
        }
        const keywords = [...syntax().elementKeywords.values()];
        const guess = /^[a-z]+$/i.test(actual.image) ? closest(actual.image, keywords) : undefined;
        const hint = guess ? this.say(` Did you mean '${guess}'?`, ` Vouliez-vous dire '${guess}' ?`) : '';
        return this.say(`Unexpected ${this.found(actual)}: an element starts with ${keywords.join(', ')}.${hint}`,
            `${this.found(actual)} inattendu : un élément commence par ${keywords.join(', ')}.${hint}`);
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return this.inBoth(() => this.unexpectedAtTopLevel(firstRedundant));
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.inBoth(() => this.missingValue(ruleName, previous, actual[0]) ?? this.expectedOneOf(expectedPathsPerAlt.flat(), actual[0]));
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.inBoth(() => this.missingValue(ruleName, previous, actual[0]) ?? this.expectedOneOf(expectedIterationPaths, actual[0]));
    }

    /** A property keyword without its value: say which values it takes. */
    private missingValue(ruleName: string, previous: IToken | undefined, actual: IToken): string | undefined {
        const keyword = previous?.image ?? '';
        ruleName = plainRuleName(ruleName);
        if (ruleName === 'Duration') {
            return this.say(`Expected a duration after '${keyword}' but found ${this.found(actual)}: write a number glued to its unit (min, h, d, w), e.g. 4h.`,
                `Durée attendue après '${keyword}', trouvé : ${this.found(actual)} : écrivez un nombre collé à son unité (min, h, d, w), par ex. 4h.`);
        }
        if (ruleName === 'Percent') {
            return this.say(`Expected a percentage after '${keyword}' but found ${this.found(actual)}: write a number glued to %, e.g. 99.9%.`,
                `Pourcentage attendu après '${keyword}', trouvé : ${this.found(actual)} : écrivez un nombre collé à %, par ex. 99.9%.`);
        }
        const vocabularies = syntax().enumAfterKeyword.get(keyword);
        if (ruleName === 'EnumValue' && vocabularies) {
            const allowed = vocabularies.map(({ values, element }) => vocabulary[values].join(', ')
                + (vocabularies.length > 1 ? this.say(` (in ${/^[aeiou]/.test(element) ? 'an' : 'a'} ${element})`, ` (${element})`) : ''))
                .join(this.say('; or ', ' ; ou '));
            return this.say(`Expected a value after '${keyword}' but found ${this.found(actual)}: use one of ${allowed}.`,
                `Valeur attendue après '${keyword}', trouvé : ${this.found(actual)} : utilisez l'une des valeurs ${allowed}.`);
        }
        return undefined;
    }

    private expectedOneOf(paths: TokenType[][], actual: IToken): string {
        const firsts = [...new Set(paths.map(path => path[0]).filter(Boolean).map(t => this.describe(t)))];
        const shown = firsts.slice(0, 12).join(', ') + (firsts.length > 12 ? ', …' : '');
        return this.say(`Unexpected ${this.found(actual)} here; expected ${shown}.`, `${this.found(actual)} inattendu ici ; attendu : ${shown}.`);
    }
}

/** Characters no token accepts: say what to do with them instead of Chevrotain's offsets. */
export class PraLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    constructor(private readonly settings: PraSettings) { }

    private say(en: string, fr: string): string {
        return record(this.settings.parsingLanguage() === 'fr' ? fr : en, en, fr);
    }

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) {
            return this.say('Unclosed text: add the closing \'"\'.', 'Texte non fermé : ajoutez le \'"\' final.');
        }
        if (text.startsWith('/*')) {
            return this.say('Unclosed comment: add \'*/\'.', 'Commentaire non fermé : ajoutez \'*/\'.');
        }
        if (text.startsWith('%')) {
            const number = /([0-9]+(?:\.[0-9]+)?)[ \t]+$/.exec(fullText.slice(Math.max(0, startOffset - 40), startOffset))?.[1];
            if (number) {
                return this.say(`Write % right after the number, without a space: ${number}%.`, `Écrivez % collé au nombre, sans espace : ${number}%.`);
            }
            return this.say('A percentage is a number glued to %, e.g. 99.9%.', 'Un pourcentage est un nombre collé à %, par ex. 99.9%.');
        }
        return this.say(`Unexpected character '${text}': remove it, or put the text in quotes ("…").`,
            `Caractère inattendu '${text}' : supprimez-le, ou mettez le texte entre guillemets ("…").`);
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return this.say(`Unexpected '${token.image}'.`, `'${token.image}' inattendu.`);
    }
}
