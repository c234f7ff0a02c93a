import { fileWalk, walkOf } from './pra-element-walk.js';
import {
    Cancellation, CstUtils, interruptAndCheck, isReference, UriUtils, type AstNode, type AstNodeDescription,
    type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumCoreServices, type LangiumDocument,
    type Reference, type ReferenceDescription, type ReferenceDescriptionProvider, type ReferenceInfo, type URI
} from 'langium';

/**
 * The reference index entry of one reference, computed when read. Langium's own entry is built
 * eagerly: an object, a segment, a range, two positions and the source path string for each
 * reference (≈ 60 MB at 20,000 activities), which only find-references, rename and
 * `IndexManager.isAffected` (it reads `local` and `targetUri`) ever look at. The path and the
 * segment are read from the syntax tree the entry was made from, which is the one the index
 * describes: the index is rebuilt with the document.
 */
class LazyReferenceDescription implements ReferenceDescription {
    constructor(
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        readonly local: boolean
    ) {}

    get sourcePath(): string { return this.locator.getAstNodePath(this.container); }
    get targetUri(): URI { return this.target.documentUri; }
    get targetPath(): string { return this.target.path; }
    get segment(): DocumentSegment { return CstUtils.toDocumentSegment(this.refNode); }
}

/**
 * Langium's reference description provider with lazy entries (above): the same entries, in the same
 * order. The entry of a reference is kept while the reference keeps its target (its node
 * description): what it reads of its place is read when asked, so it stays right when the block moves.
 */
export class PraReferenceDescriptionProvider implements ReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly kept = new WeakMap<Reference, LazyReferenceDescription>();

    constructor(services: LangiumCoreServices) {
        this.locator = services.workspace.AstNodeLocator;
    }

    async createDescriptions(
        document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        const add = ({ reference, container }: ReferenceInfo): void => {
            if (reference.error || !reference.$refNode) return;
            if (isReference(reference)) {
                const target = reference.$nodeDescription;
                if (!target) return;
                let entry = this.kept.get(reference);
                if (entry?.target !== target || entry.sourceUri !== sourceUri) {
                    entry = new LazyReferenceDescription(container, reference.$refNode, target, this.locator, sourceUri,
                        UriUtils.equals(target.documentUri, sourceUri));
                    this.kept.set(reference, entry);
                }
                descriptions.push(entry);
                return;
            }
            const targets = reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
            for (const target of targets) {
                descriptions.push(new LazyReferenceDescription(container, reference.$refNode, target, this.locator, sourceUri,
                    UriUtils.equals(target.documentUri, sourceUri)));
            }
        };
        // Langium's walk order (every node, its references), read from the cached walk of each top-level element.
        const { rootReferences, tops } = fileWalk(document.parseResult.value);
        await interruptAndCheck(cancelToken);
        rootReferences.forEach(add);
        for (const top of tops) {
            await interruptAndCheck(cancelToken);
            walkOf(top).references.forEach(add);
        }
        return descriptions;
    }
}
