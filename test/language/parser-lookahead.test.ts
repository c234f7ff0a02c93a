import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, inject, isAstNode, isReference, type AstNode, type Module, type ParseResult } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type LangiumServices, type PartialLangiumServices } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { PraGeneratedModule, PraGeneratedSharedModule, PraLanguageMetaData } from '../../packages/language/src/generated/module.js';
import { PraModule, PraSharedModule, type PraServices } from '../../packages/language/src/pra-module.js';
import { praParserConfig } from '../../packages/language/src/pra-parser.js';

/**
 * The parser uses Chevrotain's LL(k) lookahead (praParserConfig, cheaper to build at each start)
 * instead of Langium's LL(*): it must read every text as LL(*) does. Production mode skips
 * Chevrotain's grammar checks, so an ambiguity added to the grammar would silently parse the first
 * alternative: the first test runs the checks; the second compares both parsers on real plans,
 * whole and broken.
 */
const repo = path.resolve(__dirname, '../..');

function servicesWith(extra: Module<PraServices, PartialLangiumServices>): PraServices {
    const shared = inject(createDefaultSharedModule(EmptyFileSystem), PraGeneratedSharedModule, PraSharedModule);
    return inject(createDefaultModule({ shared }), PraGeneratedModule, PraModule, extra) as PraServices;
}

/** The AST as plain data: types, CST offsets and lengths, values, reference texts. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value instanceof Date) return value.toISOString();
    if (isReference(value)) return { ref: value.$refText };
    if (isAstNode(value)) {
        const node: AstNode = value;
        const result: Record<string, unknown> = { $type: node.$type, at: [node.$cstNode?.offset, node.$cstNode?.length] };
        for (const [key, property] of Object.entries(node)) {
            if (!key.startsWith('$')) result[key] = shape(property);
        }
        return result;
    }
    return value;
}

function summary(result: ParseResult): unknown {
    return {
        value: shape(result.value),
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.message]),
        parserErrors: result.parserErrors.map(e => [e.token.startOffset, e.message, e.name])
    };
}

describe('the parser lookahead (LL(k) instead of LL(*))', () => {
    it('is unambiguous for the grammar: Chevrotain validates it at that depth', () => {
        const services = servicesWith({
            LanguageMetaData: () => ({ ...PraLanguageMetaData, mode: 'development' }),
            parser: { ParserConfig: () => praParserConfig }
        } as Module<PraServices, PartialLangiumServices>);
        expect(praParserConfig.maxLookahead).toBeGreaterThan(0);
        // Throws "Parser Definition Errors detected: Ambiguous Alternatives…" when it is not.
        expect(() => (services as LangiumServices).parser.LangiumParser).not.toThrow();
    });

    it('reads the examples, whole, cut short and with a span removed, exactly as LL(*) does', () => {
        const llk = servicesWith({}).parser.LangiumParser;
        const llStar = servicesWith({ parser: { ParserConfig: () => ({}) } }).parser.LangiumParser;
        const texts: string[] = [];
        for (const example of ['atelier-bois/plan.pra', 'cabinet-martin/plan.pra', 'cabinet-martin/inventaire.pra']) {
            const text = readFileSync(path.join(repo, 'examples', example), 'utf8');
            texts.push(text);
            // Edits as they happen while typing: the text cut at a point, and a few characters removed.
            for (let i = 1; i <= 12; i++) {
                const at = Math.floor((text.length * i) / 13);
                texts.push(text.slice(0, at), text.slice(0, at) + text.slice(at + 1 + (i % 7)));
            }
        }
        let withErrors = 0;
        for (const text of texts) {
            const expected = llStar.parse(text);
            if (expected.parserErrors.length > 0) withErrors++;
            expect(summary(llk.parse(text))).toEqual(summary(expected));
        }
        // The broken texts did exercise error recovery.
        expect(withErrors).toBeGreaterThan(texts.length / 3);
    });
});
