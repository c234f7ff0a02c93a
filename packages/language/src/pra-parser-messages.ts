import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { PraSettings } from './pra-settings.js';

const tokenWords: Readonly<Record<string, { en: string; fr: string }>> = {
    ID: { en: 'a name', fr: 'un nom' },
    STRING: { en: 'a quoted text', fr: 'un texte entre guillemets' },
    DATE: { en: 'a date (YYYY-MM-DD)', fr: 'une date (AAAA-MM-JJ)' },
    NUMBER: { en: 'a number', fr: 'un nombre' },
    QUANTITY: { en: 'a duration such as 4h', fr: 'une durée comme 4h' },
    EOF: { en: 'the end of the file', fr: 'la fin du fichier' }
};

/** Parser errors phrased as what to write, in the editor's or the CLI's language. */
export class PraParserErrorMessageProvider implements IParserErrorMessageProvider {
    constructor(private readonly settings: PraSettings) { }

    private get fr(): boolean {
        return this.settings.languageOverride === 'fr';
    }

    private describe(token: TokenType): string {
        const known = tokenWords[token.name];
        if (known) return this.fr ? known.fr : known.en;
        const label = typeof token.PATTERN === 'string' ? token.PATTERN : token.name;
        return `'${label}'`;
    }

    private found(token: IToken): string {
        if (token.tokenType?.name === 'EOF') return this.fr ? 'la fin du fichier' : 'the end of the file';
        return `'${token.image}'`;
    }

    buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (expected.name === '}' || expected.PATTERN === '}') {
            if (actual.tokenType?.name === 'EOF') {
                return this.fr ? 'Bloc non fermé : ajoutez \'}\' pour le fermer.' : 'Unclosed block: add \'}\' to close it.';
            }
            return this.fr
                ? `${this.found(actual)} n'est pas une propriété attendue ici : écrivez une propriété de cet élément ou fermez le bloc avec '}'.`
                : `${this.found(actual)} is not a property expected here: write a property of this element or close the block with '}'.`;
        }
        return this.fr
            ? `Attendu : ${this.describe(expected)}, trouvé : ${this.found(actual)}.`
            : `Expected ${this.describe(expected)} but found ${this.found(actual)}.`;
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        if (firstRedundant.image === '}') {
            return this.fr ? '\'}\' en trop : aucun bloc ouvert à fermer.' : 'Extra \'}\': there is no open block to close.';
        }
        return this.fr
            ? `${this.found(firstRedundant)} inattendu : un élément commence par plan, role, asset, activity, risk, fallback, crisis, procedure, exercise, exception, scale ou acceptance.`
            : `Unexpected ${this.found(firstRedundant)}: an element starts with plan, role, asset, activity, risk, fallback, crisis, procedure, exercise, exception, scale or acceptance.`;
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.expectedOneOf(expectedPathsPerAlt.flat(), actual[0]);
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.expectedOneOf(expectedIterationPaths, actual[0]);
    }

    private expectedOneOf(paths: TokenType[][], actual: IToken): string {
        const firsts = [...new Set(paths.map(path => path[0]).filter(Boolean).map(t => this.describe(t)))];
        const shown = firsts.slice(0, 12).join(', ') + (firsts.length > 12 ? ', …' : '');
        return this.fr
            ? `${this.found(actual)} inattendu ici ; attendu : ${shown}.`
            : `Unexpected ${this.found(actual)} here; expected ${shown}.`;
    }
}
