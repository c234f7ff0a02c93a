import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import type { PraServices } from './pra-module.js';
import { languageWritten, type PraSettings } from './pra-settings.js';

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
