import {
    DefaultScopeComputation, EMPTY_SCOPE, MultiMap, WorkspaceCache, AstUtils,
    type AstNodeDescription, type AstReflection, type IndexManager, type LangiumDocument, type LocalSymbols,
    type ReferenceInfo, type Scope, type ScopeProvider, type Stream
} from 'langium';
import { stream } from 'langium';
import type { PraServices } from './pra-module.js';
import type { PraImports } from './pra-imports.js';

/** Names live at the top level of a file only: no local symbol tables to build. */
export class PraScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
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
