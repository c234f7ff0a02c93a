import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { PraGrammar } from '../../packages/language/src/generated/grammar.js';
import { PraTokenBuilder } from '../../packages/language/src/pra-token-builder.js';

/** PraTokenBuilder only builds each terminal's partial expression once: its tokens must be Langium's. */
function described(tokens: TokenType[]): unknown[] {
    return tokens.map(token => ({
        name: token.name,
        pattern: token.PATTERN instanceof RegExp ? `/${token.PATTERN.source}/${token.PATTERN.flags}` : typeof token.PATTERN,
        group: token.GROUP,
        lineBreaks: token.LINE_BREAKS,
        longerAlt: ([] as TokenType[]).concat(token.LONGER_ALT ?? []).map(alt => alt.name)
    }));
}

describe('the token builder', () => {
    it('builds the tokens, their order and their longer alternatives as Langium does', () => {
        const grammar = PraGrammar();
        const ours = new PraTokenBuilder().buildTokens(grammar, { caseInsensitive: false }) as TokenType[];
        const langium = new DefaultTokenBuilder().buildTokens(grammar, { caseInsensitive: false }) as TokenType[];
        expect(described(ours)).toEqual(described(langium));
        // The keywords that an identifier can read further have ID as their longer alternative.
        expect(described(ours).find(token => (token as { name: string }).name === 'activity')).toMatchObject({ longerAlt: ['ID'] });
    });
});
