import {
    AstUtils, Cancellation, CstUtils, DefaultScopeComputation, EMPTY_SCOPE, interruptAndCheck, MultiMap, WorkspaceCache,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type AstReflection, type DocumentSegment, type IndexManager,
    type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type ScopeProvider, type Stream
} from 'langium';
import { fileWalk } from './pra-element-walk.js';
import { stream } from 'langium';
import type { PraServices } from './pra-module.js';
import type { PraImports } from './pra-imports.js';

/**
 * Names live at the top level of a file only: no local symbol tables to build. The description of a
 * top-level element is kept by its node (the document factory keeps the nodes of untouched blocks):
 * its name and type do not change, and its path and places are read from the node when asked, so they
 * follow the block when an edit before it moves it.
 */
export class PraScopeComputation extends DefaultScopeComputation {
    private readonly locator: AstNodeLocator;
    private readonly kept = new WeakMap<AstNode, { document: LangiumDocument; description: AstNodeDescription | undefined }>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
    }

    /** Langium's exports (the root, then its children, those with a name), offering to yield once. */
    override async collectExportedSymbols(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        await interruptAndCheck(cancelToken);
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        for (const node of fileWalk(root).tops) {
            let kept = this.kept.get(node);
            if (kept?.document !== document) {
                const name = this.nameProvider.getName(node);
                kept = { document, description: name ? this.describe(node, name, document) : undefined };
                this.kept.set(node, kept);
            }
            if (kept.description) exports.push(kept.description);
        }
        return exports;
    }

    /** The description the index has of a top-level node of the document (exported in its last indexing), if any. */
    descriptionOf(node: AstNode, document: LangiumDocument): AstNodeDescription | undefined {
        const kept = this.kept.get(node);
        return kept?.document === document ? kept.description : undefined;
    }

    /** Langium's description (DefaultAstNodeDescriptionProvider), with its path and segments read when asked. */
    private describe(node: AstNode, name: string, document: LangiumDocument): AstNodeDescription {
        const { locator, nameProvider } = this;
        return {
            node, name, type: node.$type, documentUri: document.uri,
            get path(): string { return locator.getAstNodePath(node); },
            get nameSegment(): DocumentSegment | undefined {
                const cst = nameProvider.getNameNode(node) ?? node.$cstNode;
                return cst ? CstUtils.toDocumentSegment(cst) : undefined;
            },
            get selectionSegment(): DocumentSegment | undefined {
                return node.$cstNode ? CstUtils.toDocumentSegment(node.$cstNode) : undefined;
            }
        };
    }
}

/** The names one file sees (in the index's order), and the same by name: made once per build and file. */
interface VisibleNames { list: readonly AstNodeDescription[]; byName: Map<string, AstNodeDescription[]> }

/**
 * The names of one kind a file sees: its file's names by name, filtered by kind when read (one index
 * per file and build, not one per kind). Every name of the kind, grouped by name in the order of the
 * first of each (as Langium's scopes list them), is made only when asked (completion).
 */
class IndexedScope implements Scope {
    private grouped: Map<string, AstNodeDescription[]> | undefined;
    constructor(private readonly names: VisibleNames, private readonly accepts: (description: AstNodeDescription) => boolean) { }
    getElement(name: string): AstNodeDescription | undefined {
        for (const description of this.names.byName.get(name) ?? []) if (this.accepts(description)) return description;
        return undefined;
    }
    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.byName.get(name) ?? []).filter(this.accepts);
    }
    getAllElements(): Stream<AstNodeDescription> {
        if (!this.grouped) {
            this.grouped = new Map();
            for (const description of this.names.list) {
                if (!this.accepts(description)) continue;
                const list = this.grouped.get(description.name);
                if (list) list.push(description); else this.grouped.set(description.name, [description]);
            }
        }
        return stream(this.grouped.values()).flatMap(list => list);
    }
}

/**
 * Resolves a reference among the names of its file and of the files it imports, transitively,
 * keeping only the kinds the reference accepts. Replaces Langium's default, which scans every
 * name of the workspace for every reference.
 */
export class PraScopeProvider implements ScopeProvider {
    private readonly reflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly imports: PraImports;
    private readonly cache: WorkspaceCache<string, Scope>;
    private readonly visibleNames: WorkspaceCache<string, VisibleNames>;

    constructor(services: PraServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.imports = services.references.PraImports;
        this.cache = new WorkspaceCache(services.shared);
        this.visibleNames = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const uri = AstUtils.getDocument(context.container).uri.toString();
        return this.cache.get(`${referenceType}@${uri}`, () => this.createScope(uri, referenceType));
    }

    private createScope(uri: string, referenceType: string): Scope {
        const names = this.visibleNames.get(uri, () => this.namesOf(uri));
        const accepts = (description: AstNodeDescription): boolean => this.reflection.isSubtype(description.type, referenceType);
        return names.list.some(accepts) ? new IndexedScope(names, accepts) : EMPTY_SCOPE;
    }

    private namesOf(uri: string): VisibleNames {
        const list = visibleDescriptions(this.indexManager, this.imports, uri);
        const byName = new Map<string, AstNodeDescription[]>();
        for (const description of list) {
            const named = byName.get(description.name);
            if (named) named.push(description); else byName.set(description.name, [description]);
        }
        return { list, byName };
    }
}

/**
 * The names a file sees, file by file in the order of its imports (imported files first, the file
 * last: `PraImports.planOrder`), each file's in its own order. A name declared twice then resolves to
 * the first declaration in that order, the one the plan model keeps (contract v2: the later one is
 * "the second"), whatever the order in which the workspace loaded or re-indexed the files.
 */
export function visibleDescriptions(indexManager: IndexManager, imports: PraImports, uri: string): AstNodeDescription[] {
    return imports.planOrder(uri).flatMap(file => indexManager.allElements(undefined, new Set([file])).toArray());
}
