import {
    Cancellation, DefaultDocumentBuilder, DocumentState, isOperationCancelled,
    type LangiumDocument, type LangiumSharedCoreServices, type URI
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PraImports } from './pra-imports.js';

/**
 * Langium's builder re-parses the changed files and relinks the files whose references point into
 * them. A file's findings also depend on files it has no reference into: the plan that gives it its
 * context (an inventory is judged in the plan importing it) and the files of that plan. Here those
 * files are validated again too, without a re-parse or a relink, judged by what the plans were
 * before the change and by what they are after it (a new `import`, a new `plan` block). Every
 * other file keeps its diagnostics: an edit in one department file validates that file only.
 */
export class PraDocumentBuilder extends DefaultDocumentBuilder {
    /** Changes of an update whose build was cancelled: their dependants are still to be judged. */
    private pending = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[],
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const touched = new Set([...this.pending, ...changed.map(uri => uri.toString()), ...deleted.map(uri => uri.toString())]);
        this.pending = touched;
        const untouched = new Map<LangiumDocument, Diagnostic[] | undefined>();
        for (const document of this.langiumDocuments.all) {
            if (touched.has(document.uri.toString()) || document.state < DocumentState.Validated) continue;
            if (this.judgedWith(document, touched)) this.resetToState(document, DocumentState.IndexedReferences);
            else untouched.set(document, document.diagnostics);
        }
        try {
            await super.update(changed, deleted, cancelToken);
            const now = [...untouched].filter(([document, diagnostics]) => document.state === DocumentState.Validated
                && document.diagnostics === diagnostics && this.judgedWith(document, touched)).map(([document]) => document);
            if (now.length > 0) {
                for (const document of now) this.resetToState(document, DocumentState.IndexedReferences);
                await this.buildDocuments(now, this.updateBuildOptions, cancelToken);
            }
            this.pending = new Set();
        } catch (error) {
            if (!isOperationCancelled(error)) this.pending = new Set();
            throw error;
        }
    }

    /** Whether the document's findings were (or are now) computed from one of these files. */
    private judgedWith(document: LangiumDocument, files: ReadonlySet<string>): boolean {
        const imports = this.importsOf(document);
        if (!imports) return false;
        const uri = document.uri.toString();
        const root = imports.contextRoot(uri);
        return files.has(root) || imports.planOrder(root).some(file => files.has(file))
            || imports.visibleUris(uri).some(file => files.has(file));
    }

    private importsOf(document: LangiumDocument): PraImports | undefined {
        const references = this.serviceRegistry.getServices(document.uri).references as { PraImports?: PraImports };
        return references.PraImports;
    }
}
