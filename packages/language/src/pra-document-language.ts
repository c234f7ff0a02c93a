import { URI, type LangiumDocuments } from 'langium';
import type { PraImports } from './pra-imports.js';
import type { Lang } from './pra-messages.js';
import type { PraServices } from './pra-module.js';
import { languageWritten, type PraSettings } from './pra-settings.js';

/**
 * The language of the messages about a file before its plan's model exists (lexer, parser and
 * linker): the override, else the `language` written in the plan that gives the file its context
 * (the file itself, or the plan importing it), read cheaply from the text; English otherwise.
 */
export class PraDocumentLanguage {
    private readonly documents: LangiumDocuments;
    private readonly imports: PraImports;
    private readonly settings: PraSettings;

    constructor(services: PraServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.imports = services.references.PraImports;
        this.settings = services.PraSettings;
    }

    of(uri: string): Lang {
        if (this.settings.languageOverride) return this.settings.languageOverride;
        return this.written(this.imports.contextRoot(uri)) ?? this.written(uri) ?? 'en';
    }

    private written(uri: string): Lang | undefined {
        const parsed = URI.parse(uri);
        if (!this.documents.hasDocument(parsed)) return undefined;
        return languageWritten(this.documents.getDocument(parsed)!.textDocument.getText());
    }
}
