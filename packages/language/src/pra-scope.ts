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

/** The names one file sees, indexed by name once per build for each kind asked. */
class IndexedScope implements Scope {
    constructor(private readonly byName: Map<string, AstNodeDescription[]>) { }
    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.[0];
    }
    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.byName.get(name) ?? []);
    }
    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.byName.values()).flatMap(list => list);
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

    constructor(services: PraServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.imports = services.references.PraImports;
        this.cache = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const uri = AstUtils.getDocument(context.container).uri.toString();
        return this.cache.get(`${referenceType}@${uri}`, () => this.createScope(uri, referenceType));
    }

    private createScope(uri: string, referenceType: string): Scope {
        const visible = this.imports.visibleUris(uri);
        const byName = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements(undefined, new Set(visible))) {
            if (!this.reflection.isSubtype(description.type, referenceType)) continue;
            const list = byName.get(description.name);
            if (list) list.push(description); else byName.set(description.name, [description]);
        }
        return byName.size === 0 ? EMPTY_SCOPE : new IndexedScope(byName);
    }
}
