import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { PraGeneratedModule, PraGeneratedSharedModule } from './generated/module.js';
import { PraCodeActionProvider } from './lsp/pra-code-action-provider.js';
import { PraCodeLensProvider } from './lsp/pra-code-lens-provider.js';
import { PraCompletionProvider } from './lsp/pra-completion-provider.js';
import { PraDocumentSymbolProvider } from './lsp/pra-document-symbol-provider.js';
import { PraFormatter } from './lsp/pra-formatter.js';
import { PraHoverProvider } from './lsp/pra-hover-provider.js';
import { PraInlayHintProvider } from './lsp/pra-inlay-hint-provider.js';
import { PraNodeKindProvider } from './lsp/pra-node-kind-provider.js';
import { PraRenameProvider } from './lsp/pra-rename-provider.js';
import { PraSemanticTokenProvider } from './lsp/pra-semantic-token-provider.js';
import { PraAnalysisService } from './pra-analysis-service.js';
import { PraDocumentBuilder } from './pra-document-builder.js';
import { PraDocumentFactory } from './pra-document-factory.js';
import { PraDocumentLanguage } from './pra-document-language.js';
import { PraDocumentValidator } from './pra-document-validator.js';
import { PraFileModels } from './pra-file-models.js';
import { PraImports } from './pra-imports.js';
import { PraLinker } from './pra-linker.js';
import { createPraParser, PraCompletionParser, praParserConfig } from './pra-parser.js';
import { PraReferenceDescriptionProvider } from './pra-reference-descriptions.js';
import { PraLexerErrorMessageProvider, PraParserErrorMessageProvider } from './pra-parser-messages.js';
import { PraScopeComputation, PraScopeProvider } from './pra-scope.js';
import { PraSettings } from './pra-settings.js';
import { PraTokenBuilder } from './pra-token-builder.js';
import { PraValidationRegistry } from './pra-validation-registry.js';
import { PraValidator, registerValidationChecks } from './pra-validator.js';
import { PraValueConverter } from './pra-value-converter.js';

export type PraAddedServices = {
    PraSettings: PraSettings;
    PraDocumentLanguage: PraDocumentLanguage;
    analysis: { PraAnalysisService: PraAnalysisService; PraFileModels: PraFileModels };
    references: { PraImports: PraImports };
    validation: { PraValidator: PraValidator };
};

export type PraServices = LangiumServices & PraAddedServices;

export const PraModule: Module<PraServices, PartialLangiumServices & PraAddedServices> = {
    PraSettings: () => new PraSettings(),
    PraDocumentLanguage: (services) => new PraDocumentLanguage(services),
    analysis: {
        PraAnalysisService: (services) => new PraAnalysisService(services), PraFileModels: (services) => new PraFileModels(services)
    },
    lsp: {
        CodeActionProvider: (services) => new PraCodeActionProvider(services),
        CodeLensProvider: (services) => new PraCodeLensProvider(services),
        CompletionProvider: (services) => new PraCompletionProvider(services),
        DocumentSymbolProvider: (services) => new PraDocumentSymbolProvider(services),
        Formatter: () => new PraFormatter(),
        HoverProvider: (services) => new PraHoverProvider(services),
        InlayHintProvider: (services) => new PraInlayHintProvider(services),
        RenameProvider: (services) => new PraRenameProvider(services),
        SemanticTokenProvider: (services) => new PraSemanticTokenProvider(services)
    },
    parser: {
        LangiumParser: (services) => createPraParser(services),
        ParserConfig: () => praParserConfig,
        CompletionParser: (services) => new PraCompletionParser(services),
        TokenBuilder: () => new PraTokenBuilder(),
        ValueConverter: () => new PraValueConverter(),
        ParserErrorMessageProvider: (services) => new PraParserErrorMessageProvider(services.PraSettings),
        LexerErrorMessageProvider: (services) => new PraLexerErrorMessageProvider(services.PraSettings)
    },
    references: {
        PraImports: (services) => new PraImports(services.shared),
        Linker: (services) => new PraLinker(services),
        ScopeComputation: (services) => new PraScopeComputation(services),
        ScopeProvider: (services) => new PraScopeProvider(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new PraReferenceDescriptionProvider(services)
    },
    validation: {
        PraValidator: (services) => new PraValidator(services),
        DocumentValidator: (services) => new PraDocumentValidator(services),
        ValidationRegistry: (services) => new PraValidationRegistry(services)
    }
};

/**
 * Services shared by every language of the server: one icon per kind of element in symbols and
 * completion; a builder that validates again the files judged in the context of a changed file; a
 * document factory that parses again only the top-level blocks an edit touches.
 */
export const PraSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: { NodeKindProvider: () => new PraNodeKindProvider() },
    workspace: {
        DocumentBuilder: (shared) => new PraDocumentBuilder(shared),
        LangiumDocumentFactory: (shared) => new PraDocumentFactory(shared)
    }
};

export function createPraServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Pra: PraServices } {
    const shared = inject(createDefaultSharedModule(context), PraGeneratedSharedModule, PraSharedModule);
    const Pra = inject(createDefaultModule({ shared }), PraGeneratedModule, PraModule);
    shared.ServiceRegistry.register(Pra);
    registerValidationChecks(Pra);
    if (!context.connection) {
        // No client will send a configuration: mark it as received so builds do not wait for it.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Pra };
}
