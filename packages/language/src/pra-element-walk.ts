import { AstUtils, type AstNode, type ReferenceInfo } from 'langium';

/** The nodes of one top-level node's subtree (itself first) and its references, in Langium's walk order. */
export interface ElementWalk {
    readonly nodes: readonly AstNode[];
    readonly references: readonly ReferenceInfo[];
}

/**
 * A top-level node's subtree never changes once parsed: the document factory keeps the nodes of
 * the blocks an edit did not touch and gives the others new ones. Its walk is therefore cached by
 * the node, and the walks of a whole file over ≈ 200,000 nodes (linking, the reference index,
 * validation) cost one array read per node for every block an edit did not touch, instead of
 * Langium's stream machinery (`streamAst`, `streamReferences`: iterators, `Object.keys` per node).
 */
const walks = new WeakMap<AstNode, ElementWalk>();

export function walkOf(top: AstNode): ElementWalk {
    let walk = walks.get(top);
    if (!walk) {
        const nodes: AstNode[] = [];
        const references: ReferenceInfo[] = [];
        for (const node of AstUtils.streamAst(top)) {
            nodes.push(node);
            AstUtils.streamReferences(node).forEach(info => { references.push(info); });
        }
        walk = { nodes, references };
        walks.set(top, walk);
    }
    return walk;
}

/**
 * A whole file's walk in `streamAst(root)`'s order is: the root (its references), then for each of
 * the root's children in turn (`tops`), `walkOf(top)`.
 */
export function fileWalk(root: AstNode): { rootReferences: readonly ReferenceInfo[]; tops: readonly AstNode[] } {
    return { rootReferences: AstUtils.streamReferences(root).toArray(), tops: AstUtils.streamContents(root).toArray() };
}
