// Langium services for bench/bare/bare.langium, built from the grammar at run time. A generated
// module would hold the same grammar serialised: Langium builds its lexer and parser from the
// grammar either way, so the figures are those of a generated parser.
import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';

const grammar = readFileSync(new URL('./bare.langium', import.meta.url), 'utf8');

export async function createBareServices() {
    return createServicesForGrammar({
        grammar,
        languageMetaData: { caseInsensitive: false, fileExtensions: ['.bare'], languageId: 'bare', mode: 'production' },
        parserConfig: { skipValidations: true }
    });
}

/** Parses and builds `text` (indexing, linking; no validation: the grammar has no checks). `file`'s extension becomes `.bare`. */
export async function buildBare(services, text, file) {
    const start = performance.now();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file.replace(/\.pra$/, '') + '.bare'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const errors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    return { ms: performance.now() - start, document, errors };
}
