import { URI, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isPraFile } from './generated/ast.js';
import { analyzePlan, type PlanAnalysis } from './pra-analysis.js';
import type { PraImports } from './pra-imports.js';
import type { Lang } from './pra-messages.js';
import { buildPlanModel } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import type { PraSettings } from './pra-settings.js';

/** The analysis of the plan a document belongs to, and the language to speak about it. */
export interface PlanContext {
    analysis: PlanAnalysis;
    lang: Lang;
}

/**
 * The one place the plan's figures are computed: once per document build per plan root, and read
 * by the checks, the LSP providers, the CLI, the preview and the export.
 */
export class PraAnalysisService {
    private readonly documents: LangiumDocuments;
    private readonly imports: PraImports;
    private readonly settings: PraSettings;
    private readonly cache: WorkspaceCache<string, PlanAnalysis>;
    /** Every check asks for its node's context: resolve the plan root of a file once per build. */
    private readonly contexts: WorkspaceCache<string, PlanContext>;

    constructor(services: PraServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.imports = services.references.PraImports;
        this.settings = services.PraSettings;
        this.cache = new WorkspaceCache(services.shared);
        this.contexts = new WorkspaceCache(services.shared);
    }

    forDocument(document: LangiumDocument): PlanContext {
        return this.forUri(document.uri.toString());
    }

    forUri(uri: string): PlanContext {
        return this.contexts.get(uri, () => this.computeContext(uri));
    }

    private computeContext(uri: string): PlanContext {
        const rootUri = this.imports.contextRoot(uri);
        const analysis = this.cache.get(rootUri, () => analyzePlan(buildPlanModel(rootUri, this.files(rootUri))));
        return { analysis, lang: this.settings.languageFor(analysis.model.header?.language) };
    }

    private files(rootUri: string) {
        return this.imports.visibleUris(rootUri).flatMap(uri => {
            const root = this.documents.getDocument(URI.parse(uri))?.parseResult.value;
            return isPraFile(root) ? [{ uri, root }] : [];
        });
    }
}
