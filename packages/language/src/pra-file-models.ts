import { DocumentState, WorkspaceCache, type LangiumDocument } from 'langium';
import type { Element, PraFile } from './generated/ast.js';
import type { PraImports } from './pra-imports.js';
import { readElement, readFile, type ReadElement } from './pra-model-builder.js';
import type { PraServices } from './pra-module.js';
import { visibleDescriptions } from './pra-scope.js';

/** One element's read, with the file and the names its references could resolve to when it was read. */
interface ElementRead { uri: string; names: object; read: ReadElement | undefined }

/**
 * What each file gives the plan model (`readFile`), kept from one build to the next: an edit in one
 * file of a plan re-reads that file only, and the plan's model is merged from the others' cached
 * parts. A part depends on the file's AST (a new one on each parse) and on the names its references
 * resolve to: PraLinker forgets it when Langium unlinks the document (before a relink), and nothing
 * is kept while a document is not linked yet.
 *
 * Inside a file, each top-level element's read is kept too, by its AST node: the document factory
 * keeps the nodes of the blocks an edit did not touch, so an edit re-reads the touched blocks only,
 * and an untouched element gives the same data object from one build to the next (the analysis may
 * reuse what it computed from it). A read depends on the name and type of each reference's target:
 * it is reused only while the names the file sees (every named element of the visible files, in the
 * scope's order, with its type) are the same as when it was read.
 */
export class PraFileModels {
    private readonly parts = new WeakMap<PraFile, readonly ReadElement[]>();
    private readonly elements = new WeakMap<Element, ElementRead>();
    /** By file: the names it saw at its last read, and the token standing for them (compared by identity). */
    private readonly names = new Map<string, { names: string; token: object }>();
    /** The token of each file in this build (the index changes only in a build's indexing phase). */
    private readonly tokens: WorkspaceCache<string, object>;
    private readonly services: PraServices;

    constructor(services: PraServices) {
        this.services = services;
        this.tokens = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    of(document: LangiumDocument | undefined, uri: string, root: PraFile): readonly ReadElement[] {
        const known = this.parts.get(root);
        if (known) return known;
        if (!document || document.state < DocumentState.Linked || document.parseResult.value !== root) return readFile(uri, root);
        const names = this.namesSeen(uri);
        const part = readFile(uri, root, (_, element) => {
            const kept = this.elements.get(element);
            if (kept && kept.uri === uri && kept.names === names) return kept.read;
            const read = readElement(uri, element);
            this.elements.set(element, { uri, names, read });
            return read;
        });
        this.parts.set(root, part);
        return part;
    }

    /** The document's references are about to resolve again: its part must be read again. */
    forget(document: LangiumDocument): void {
        this.parts.delete(document.parseResult.value as PraFile);
    }

    /**
     * A token for the names a file's references can resolve to: the same object while they are the same
     * (PraLinker compares it too).
     */
    namesSeen(uri: string): object {
        return this.tokens.get(uri, () => this.computeNamesSeen(uri));
    }

    private computeNamesSeen(uri: string): object {
        const imports: PraImports = this.services.references.PraImports;
        const list: string[] = [];
        // In the scope's order (PraScopeProvider).
        for (const description of visibleDescriptions(this.services.shared.workspace.IndexManager, imports, uri)) {
            list.push(description.type, description.name);
        }
        const names = list.join('\n');
        const last = this.names.get(uri);
        if (last?.names === names) return last.token;
        const token = {};
        this.names.set(uri, { names, token });
        return token;
    }
}
