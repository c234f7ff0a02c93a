import type { TokenType } from 'chevrotain';
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';

/**
 * Langium's token builder, with the partial regular expression of each terminal built once. To
 * find which terminals can read a keyword further (`ID` reads `activity` and `activityX`), Langium
 * rebuilds the terminal's partial expression for every (keyword, terminal) pair: about 1,200 at each
 * start of the server and of `pra check`. Same tokens, same `LONGER_ALT`, same order.
 */
export class PraTokenBuilder extends DefaultTokenBuilder {
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const partial = this.partialOf(token);
            const match = partial === undefined ? null : keyword.value.match(partial);
            return match !== null && match[0].length > 0;
        });
    }

    /** What `RegExpUtils.partialMatches('^' + source + '$', …)` builds for a token with a regular expression. */
    private partialOf(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const pattern = token.PATTERN;
            const source = pattern instanceof RegExp ? pattern.source : undefined;
            this.partials.set(token, source ? RegExpUtils.partialRegExp(`^${source}$`) : undefined);
        }
        return this.partials.get(token);
    }
}
