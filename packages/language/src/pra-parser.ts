import {
    createCompletionParser, createParser, LangiumCompletionParser, LangiumParser, type AstNode, type IParserConfig,
    type LangiumCoreServices, type ParseResult, type ParserOptions
} from 'langium';
import type { PraServices } from './pra-module.js';
import { languageWritten, type PraSettings } from './pra-settings.js';

/**
 * The parser decides with a fixed lookahead of up to 3 tokens (Chevrotain's LL(k)), not with
 * Langium's default LL(*) (chevrotain-allstar). The grammar is LL(2) without ambiguity (checked by
 * test/language/parser-lookahead.test.ts with Chevrotain's validations on), so both read every text
 * alike; LL(k) costs half as much to build (≈ 25 ms less at each start of the server and of
 * `pra check`) and parses a cold text faster (no prediction automaton to warm up). 3, Chevrotain's
 * default, is the depth its error messages already used for "expecting one of these sequences".
 */
export const praParserConfig: IParserConfig = { maxLookahead: 3 };

/**
 * Langium's parser, told before each text which `language` it declares (read cheaply), so that
 * lexer and parser messages are written in the plan's language (PraSettings.parsingLanguage).
 * After each parse it lets go of the lexer's tokens: Chevrotain keeps its last input, which is
 * one object and one string per token (110 MB at 20,000 activities) that nothing reads again.
 */
export class PraParser extends LangiumParser {
    private readonly settings: PraSettings;

    constructor(services: PraServices) {
        super(services as unknown as LangiumCoreServices);
        this.settings = services.PraSettings;
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        this.settings.textLanguage = languageWritten(input);
        try {
            return super.parse<T>(input, options);
        } finally {
            this.settings.textLanguage = undefined;
            this.wrapper.input = [];
        }
    }
}

export function createPraParser(services: PraServices): LangiumParser {
    const parser = createParser(services.Grammar, new PraParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * The completion parser, built on the first completion (or by `prepare`, when the server is idle)
 * rather than at the start: building it is a second Chevrotain self-analysis of the grammar
 * (≈ 35 ms) that the first diagnostics do not need. It keeps Langium's LL(*) lookahead, which reads
 * an unfinished text (the text up to the cursor) the way the completion provider was written for.
 */
export class PraCompletionParser extends LangiumCompletionParser {
    private parser?: LangiumCompletionParser;

    constructor(private readonly services: PraServices) {
        // This instance is never finalized: only its `parse` is used, which goes to the real parser.
        super(defaultLookahead(services));
    }

    /** Builds the real completion parser now, if it is not built yet. */
    prepare(): LangiumCompletionParser {
        return this.parser ??= createCompletionParser(defaultLookahead(this.services));
    }

    override parse(input: string): ReturnType<LangiumCompletionParser['parse']> {
        return this.prepare().parse(input);
    }
}

/** The services as the completion parser sees them: Langium's default parser configuration (LL(*)). */
function defaultLookahead(services: PraServices): LangiumCoreServices {
    const parser = Object.create(services.parser, { ParserConfig: { value: {} } });
    return Object.create(services, { parser: { value: parser } });
}
