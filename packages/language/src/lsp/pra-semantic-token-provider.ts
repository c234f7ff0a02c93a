import { CstUtils, GrammarAST, GrammarUtils, isReference, type AstNode, type CstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import { propertiesOf } from '../pra-syntax.js';

/** One standard token type per kind of element, so themes colour roles, assets, activities… apart. */
export const tokenTypeOfKind: Readonly<Record<string, string>> = {
    Role: SemanticTokenTypes.class,
    Asset: SemanticTokenTypes.variable,
    Activity: SemanticTokenTypes.function,
    Risk: SemanticTokenTypes.event,
    Fallback: SemanticTokenTypes.interface,
    Procedure: SemanticTokenTypes.method,
    Exercise: SemanticTokenTypes.macro
};

/** A keyword of the grammar written as a word (not `{`, `,`), and not an enum value parsed as a keyword (`after`). */
function isWordKeyword(leaf: CstNode): boolean {
    const source = leaf.grammarSource;
    if (!GrammarAST.isKeyword(source) || !/^[a-z]/.test(leaf.text)) return false;
    let rule: AstNode | undefined = source;
    while (rule && !GrammarAST.isParserRule(rule)) rule = rule.$container;
    return !(GrammarAST.isParserRule(rule) && rule.name === 'EnumValue');
}

/**
 * Names by the kind of element they declare or name, enum values, durations and percentages, and
 * every keyword of the grammar (so that new keywords are highlighted whatever the TextMate grammar knows).
 */
export class PraSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isPraFile(node) && node.$cstNode) {
            CstUtils.flattenCst(node.$cstNode).filter(leaf => !leaf.hidden && isWordKeyword(leaf))
                .forEach(cst => acceptor({ cst, type: SemanticTokenTypes.keyword }));
        }
        const own = tokenTypeOfKind[node.$type];
        if (own && 'name' in node) {
            acceptor({ node, property: 'name' as never, type: own, modifier: SemanticTokenModifiers.declaration });
        }
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$')) continue;
            const values: unknown[] = Array.isArray(value) ? value : [value];
            values.forEach((item, index) => {
                if (isReference(item)) this.highlightReference(node, property, Array.isArray(value) ? index : undefined, item, acceptor);
            });
        }
        for (const { property } of propertiesOf(node.$type).filter(fact => fact.valueKind === 'enum')) {
            GrammarUtils.findNodesForProperty(node.$cstNode, property)
                .forEach(cst => acceptor({ cst, type: SemanticTokenTypes.enumMember }));
        }
        if ((ast.isDuration(node) || ast.isPercent(node)) && node.$cstNode) {
            acceptor({ cst: node.$cstNode, type: SemanticTokenTypes.number });
        }
    }

    private highlightReference(
        node: AstNode, property: string, index: number | undefined, reference: Reference, acceptor: SemanticTokenAcceptor
    ): void {
        const target = reference.ref;
        const type = target ? tokenTypeOfKind[target.$type] : undefined;
        if (!type) return;
        acceptor({ node, property: property as never, index, type });
    }
}
