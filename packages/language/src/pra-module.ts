import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { PraGeneratedModule, PraGeneratedSharedModule } from './generated/module.js';
import { PraAnalysisService } from './pra-analysis-service.js';
import { PraImports } from './pra-imports.js';
import { PraParserErrorMessageProvider } from './pra-parser-messages.js';
import { PraScopeComputation, PraScopeProvider } from './pra-scope.js';
import { PraSettings } from './pra-settings.js';
import { PraValidator, registerValidationChecks } from './pra-validator.js';
import { PraValueConverter } from './pra-value-converter.js';

export type PraAddedServices = {
    PraSettings: PraSettings;
    analysis: { PraAnalysisService: PraAnalysisService };
    references: { PraImports: PraImports };
    validation: { PraValidator: PraValidator };
};

export type PraServices = LangiumServices & PraAddedServices;

export const PraModule: Module<PraServices, PartialLangiumServices & PraAddedServices> = {
    PraSettings: () => new PraSettings(),
    analysis: { PraAnalysisService: (services) => new PraAnalysisService(services) },
    parser: {
        ValueConverter: () => new PraValueConverter(),
        ParserErrorMessageProvider: (services) => new PraParserErrorMessageProvider(services.PraSettings)
    },
    references: {
        PraImports: (services) => new PraImports(services.shared),
        ScopeComputation: (services) => new PraScopeComputation(services),
        ScopeProvider: (services) => new PraScopeProvider(services)
    },
    validation: { PraValidator: (services) => new PraValidator(services) }
};

export function createPraServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Pra: PraServices } {
    const shared = inject(createDefaultSharedModule(context), PraGeneratedSharedModule);
    const Pra = inject(createDefaultModule({ shared }), PraGeneratedModule, PraModule);
    shared.ServiceRegistry.register(Pra);
    registerValidationChecks(Pra);
    if (!context.connection) {
        // No client will send a configuration: mark it as received so builds do not wait for it.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Pra };
}
