import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isPraFile } from './generated/ast.js';
import { applyAcceptance, type WrittenAccept } from './pra-acceptance.js';
import type { PraAnalysisService } from './pra-analysis-service.js';
import type { PraDocumentLanguage } from './pra-document-language.js';
import { parserMessageIn } from './pra-parser-messages.js';
import type { ElementKind } from './pra-model.js';
import { acceptsOf } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import type { PraSettings } from './pra-settings.js';

const kindOfType: Readonly<Record<string, ElementKind>> = {
    Role: 'role', Asset: 'asset', Activity: 'activity', Risk: 'risk', Fallback: 'fallback', Procedure: 'procedure', Exercise: 'exercise'
};

const syntaxCodes = new Set<string>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

/** Langium's validation, then the file's `accept` lines applied to what it found. */
export class PraDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: PraSettings;
    private readonly analysis: PraAnalysisService;
    private readonly language: PraDocumentLanguage;

    constructor(services: PraServices) {
        super(services);
        this.language = services.PraDocumentLanguage;
        this.settings = services.PraSettings;
        this.analysis = services.analysis.PraAnalysisService;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return this.applyAcceptance(document, this.inPlanLanguage(document, diagnostics));
    }

    /**
     * Lexer and parser messages in the language of the plan giving the file its context: a file
     * without its own `language` (an inventory) was parsed before its plan was known.
     */
    protected inPlanLanguage(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const syntax = diagnostics.filter(d => syntaxCodes.has((d.data as { code?: string } | undefined)?.code ?? ''));
        if (syntax.length === 0) return diagnostics;
        const lang = this.language.of(document.uri.toString());
        for (const diagnostic of syntax) {
            if (typeof diagnostic.message === 'string') diagnostic.message = parserMessageIn(diagnostic.message, lang);
        }
        return diagnostics;
    }

    protected applyAcceptance(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const accepts = writtenAccepts(document);
        if (accepts.length === 0) return diagnostics;
        const lang = this.analysis.forDocument(document).lang;
        return applyAcceptance(diagnostics, accepts, this.settings.todayDate(), lang);
    }
}

function writtenAccepts(document: LangiumDocument): WrittenAccept[] {
    const root = document.parseResult.value;
    if (!isPraFile(root)) return [];
    const uri = document.uri.toString();
    return root.elements.flatMap(element => {
        if (!('accept' in element) || element.accept.length === 0) return [];
        const name = 'name' in element && typeof element.name === 'string' ? element.name : undefined;
        const subject = element.$type === 'Plan' || name === undefined ? undefined : { kind: kindOfType[element.$type], name };
        return acceptsOf(element, uri).map(accept => ({ accept, subject }));
    });
}
