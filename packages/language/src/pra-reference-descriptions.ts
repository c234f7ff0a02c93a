import { fileWalk, walkOf } from './pra-element-walk.js';
import {
    Cancellation, CstUtils, interruptAndCheck, isReference, UriUtils, type AstNode, type AstNodeDescription,
    type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumCoreServices, type LangiumDocument,
    type ReferenceDescription, type ReferenceDescriptionProvider, type ReferenceInfo, type URI
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
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        readonly local: boolean
    ) {}

    get sourcePath(): string { return this.locator.getAstNodePath(this.container); }
    get targetUri(): URI { return this.target.documentUri; }
    get targetPath(): string { return this.target.path; }
    get segment(): DocumentSegment { return CstUtils.toDocumentSegment(this.refNode); }
}

/** Langium's reference description provider with lazy entries (above): the same entries, in the same order. */
export class PraReferenceDescriptionProvider implements ReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

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
            const targets = isReference(reference)
                ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
                : reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
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
