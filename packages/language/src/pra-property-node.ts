import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

/**
 * The text of a property of an element, such as its name. Properties sit at the top of their
 * element's syntax node (below the unassigned rule calls that wrap it, like `Element: Activity | …`),
 * so a shallow look stops early where `GrammarUtils.findNodeForProperty` would walk the whole
 * element: this runs for every element of every build.
 */
export function propertyNode(node: AstNode, property: string): CstNode | undefined {
    const cst = node.$cstNode;
    return cst ? shallowPropertyNode(cst, property) ?? GrammarUtils.findNodeForProperty(cst, property) : undefined;
}

function shallowPropertyNode(cst: CstNode, property: string): CstNode | undefined {
    if (!isCompositeCstNode(cst)) return undefined;
    for (const child of cst.content) {
        const feature = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature;
        if (feature === property) return child;
        if (feature === undefined && GrammarAST.isRuleCall(child.grammarSource)) {
            const found = shallowPropertyNode(child, property);
            if (found) return found;
        }
    }
    return undefined;
}
