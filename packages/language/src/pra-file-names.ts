import type { AstNode } from 'langium';
import type { Element, PraFile } from './generated/ast.js';
import { sameItems } from './pra-kept.js';

/** The named elements of one file, in its order: the first of each type and name, the type of the first of each name. */
export interface FileNames {
    /** By `type:name`. */
    readonly first: ReadonlyMap<string, AstNode>;
    readonly firstKindOf: ReadonlyMap<string, string>;
}

/** One file of an ordered list of files (a plan's, or those a file imports) with its names. */
export interface NameLayer {
    readonly uri: string;
    readonly names: FileNames;
}

interface Kept extends FileNames {
    /** The elements the maps were built from (the root's array is spliced in place by the document factory). */
    readonly elements: readonly Element[];
}

/**
 * The names of each file, kept from one build to the next while its top-level elements are the same
 * nodes: an edit in one file builds that file's names again, not those of the files it imports (an
 * inventory is not walked again for each department plan, nor on each edit of a department).
 *
 * Kept by the file's root and checked against its elements by identity: the document factory keeps
 * the root of a file parsed again by blocks and splices the new elements into its array, and an
 * element's type and name never change after its parse (an edit gives a new node).
 */
export class PraFileNames {
    private readonly kept = new WeakMap<PraFile, Kept>();

    of(root: PraFile): FileNames {
        const elements = root.elements;
        const kept = this.kept.get(root);
        if (kept && sameItems(kept.elements, elements)) return kept;
        const first = new Map<string, AstNode>();
        const firstKindOf = new Map<string, string>();
        for (const element of elements) {
            if (!('name' in element) || typeof element.name !== 'string') continue;
            const key = `${element.$type}:${element.name}`;
            if (!first.has(key)) first.set(key, element);
            if (!firstKindOf.has(element.name)) firstKindOf.set(element.name, element.$type);
        }
        const built: Kept = { elements: elements.slice(), first, firstKindOf };
        this.kept.set(root, built);
        return built;
    }
}

/** The first element of `key` (`type:name`) in the layers, in their order, and its file. */
export function firstNamed(layers: readonly NameLayer[], key: string): { element: AstNode; uri: string } | undefined {
    for (const layer of layers) {
        const element = layer.names.first.get(key);
        if (element) return { element, uri: layer.uri };
    }
    return undefined;
}

/** The type of the first element named `name` in the layers, in their order. */
export function firstKindNamed(layers: readonly NameLayer[], name: string): string | undefined {
    for (const layer of layers) {
        const type = layer.names.firstKindOf.get(name);
        if (type !== undefined) return type;
    }
    return undefined;
}

/** Whether two lists of layers are the same files with the same names (by identity). */
export function sameLayers(a: readonly NameLayer[], b: readonly NameLayer[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].uri !== b[i].uri || a[i].names !== b[i].names) return false;
    return true;
}
