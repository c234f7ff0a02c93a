import { DocumentState, type LangiumDocument } from 'langium';
import type { PraFile } from './generated/ast.js';
import { readFile, type ReadElement } from './pra-model-builder.js';

/**
 * What each file gives the plan model (`readFile`), kept from one build to the next: an edit in one
 * file of a plan re-reads that file only, and the plan's model is merged from the others' cached
 * parts. A part depends on the file's AST (a new one on each parse) and on the names its references
 * resolve to: PraLinker forgets it when Langium unlinks the document (before a relink), and nothing
 * is kept while a document is not linked yet.
 */
export class PraFileModels {
    private readonly parts = new WeakMap<PraFile, readonly ReadElement[]>();

    of(document: LangiumDocument | undefined, uri: string, root: PraFile): readonly ReadElement[] {
        const known = this.parts.get(root);
        if (known) return known;
        const part = readFile(uri, root);
        if (document && document.state >= DocumentState.Linked && document.parseResult.value === root) this.parts.set(root, part);
        return part;
    }

    /** The document's references are about to resolve again: its part must be read again. */
    forget(document: LangiumDocument): void {
        this.parts.delete(document.parseResult.value as PraFile);
    }
}
