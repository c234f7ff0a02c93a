import { CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode } from 'langium';

/** One property as written inside an element's `{ }`: its leading keywords, then its value. */
export interface PropertyLayout {
    /** The AST property it fills (`dependsOn`), or '' for a line of an impact block or a scale. */
    feature: string;
    /** The leading keywords as written (`depends on`); '' when the property starts with its value. */
    label: string;
    /** The CST children of the block that make this property, in order (comments excluded). */
    nodes: CstNode[];
    /** The first node after the label. */
    value?: CstNode;
}

export interface BlockLayout {
    open: CstNode;
    close?: CstNode;
    properties: PropertyLayout[];
}

const isKeywordLeaf = (node: CstNode): boolean => isLeafCstNode(node) && GrammarAST.isKeyword(node.grammarSource);

/** The assignment a property starts with when it is one alternative of `( … | … )*`. */
function startedFeature(node: CstNode): string | undefined {
    return node.grammarSource ? featureStartedBy(node.grammarSource) : undefined;
}

/** The AST property a grammar element starts when it opens one alternative of a block (`'depends'` → dependsOn). */
export function featureStartedBy(source: GrammarAST.AbstractElement): string | undefined {
    const container = source.$container;
    // `steps+=(Step | Parallel)`: the rule call sits in alternatives inside the assignment.
    const assignment = GrammarAST.isAssignment(source) ? source
        : GrammarAST.isAssignment(container) ? container
            : GrammarAST.isAlternatives(container) && GrammarAST.isAssignment(container.$container) ? container.$container : undefined;
    if (assignment && GrammarAST.isAlternatives(assignment.$container)) return assignment.feature;
    const group = source.$container;
    if (GrammarAST.isKeyword(source) && GrammarAST.isGroup(group) && group.elements[0] === source
        && GrammarAST.isAlternatives(group.$container)) {
        return group.elements.find(GrammarAST.isAssignment)?.feature;
    }
    return undefined;
}

/** Blocks whose lines are all of one kind (`impact { … }`, `scale … { … }`): each child is a line. */
const lineBlocks = new Set(['ImpactBlock', 'Scale']);
/** Blocks holding one repeated property: each child is one of it (`parallel { step … step … }`). */
const ownLines: Readonly<Record<string, string>> = { Parallel: 'steps' };

/** The `{ }` of a node and the properties written inside it, or undefined when it has no block. */
export function blockLayout(node: AstNode): BlockLayout | undefined {
    if (!node.$cstNode || !isCompositeCstNode(node.$cstNode)) return undefined;
    let cst: CompositeCstNode = node.$cstNode;
    let children = cst.content.filter(child => !child.hidden);
    // An element called through `Element: Plan | Role | …` sits inside one more composite node.
    while (children.length === 1 && isCompositeCstNode(children[0])) {
        cst = children[0];
        children = cst.content.filter(child => !child.hidden);
    }
    const openIndex = children.findIndex(child => isKeywordLeaf(child) && child.text === '{');
    if (openIndex < 0) return undefined;
    let closeIndex = children.length - 1;
    while (closeIndex > openIndex && !(isKeywordLeaf(children[closeIndex]) && children[closeIndex].text === '}')) closeIndex--;
    const inner = children.slice(openIndex + 1, closeIndex > openIndex ? closeIndex : undefined);
    const properties: PropertyLayout[] = [];
    const lines = lineBlocks.has(node.$type);
    for (const child of inner) {
        const feature = lines ? '' : ownLines[node.$type] ?? startedFeature(child);
        if (feature !== undefined || properties.length === 0) {
            properties.push({ feature: feature ?? '', label: '', nodes: [child] });
        } else {
            properties[properties.length - 1].nodes.push(child);
        }
    }
    for (const property of properties) {
        const keywords = lines ? [] : takeWhile(property.nodes, isKeywordLeaf);
        property.label = keywords.map(k => k.text).join(' ');
        property.value = property.nodes[keywords.length];
    }
    return { open: children[openIndex], close: closeIndex > openIndex ? children[closeIndex] : undefined, properties };
}

function takeWhile<T>(items: readonly T[], predicate: (item: T) => boolean): T[] {
    const index = items.findIndex(item => !predicate(item));
    return items.slice(0, index < 0 ? items.length : index);
}

export function firstLeaf(node: CstNode): CstNode {
    return CstUtils.flattenCst(node).filter(leaf => !leaf.hidden).head() ?? node;
}

/** The properties written in an element's block, by AST property name. */
export function writtenFeatures(node: AstNode): Set<string> {
    return new Set(blockLayout(node)?.properties.map(p => p.feature).filter(f => f !== '') ?? []);
}

/** Start offset of the line holding `offset`, and the text before it on that line. */
export function lineStart(text: string, offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation of the first property line of a block, or the element's own plus four spaces. */
export function propertyIndent(text: string, node: AstNode): string {
    const layout = blockLayout(node);
    const own = indentAt(text, node.$cstNode?.offset ?? 0);
    const first = layout?.properties[0]?.nodes[0];
    if (first) {
        const start = lineStart(text, first.offset);
        const before = text.slice(start, first.offset);
        if (/^[ \t]*$/.test(before)) return before;
    }
    return own + '    ';
}

export function indentAt(text: string, offset: number): string {
    const start = lineStart(text, offset);
    return /^[ \t]*/.exec(text.slice(start, offset))![0];
}
