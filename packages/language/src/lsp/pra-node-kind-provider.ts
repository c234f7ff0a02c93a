import { isAstNode, type AstNode, type AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver-protocol';

const symbolKinds: Readonly<Record<string, SymbolKind>> = {
    Plan: SymbolKind.File, Role: SymbolKind.Class, Asset: SymbolKind.Variable, Activity: SymbolKind.Function,
    Risk: SymbolKind.Event, Fallback: SymbolKind.Interface, Procedure: SymbolKind.Method, Exercise: SymbolKind.Constant,
    Crisis: SymbolKind.Module, Scale: SymbolKind.Enum, Acceptance: SymbolKind.Enum, Exception: SymbolKind.String
};

const completionKinds: Readonly<Record<string, CompletionItemKind>> = {
    Role: CompletionItemKind.Class, Asset: CompletionItemKind.Variable, Activity: CompletionItemKind.Function,
    Risk: CompletionItemKind.Event, Fallback: CompletionItemKind.Interface, Procedure: CompletionItemKind.Method,
    Exercise: CompletionItemKind.Constant
};

/** One symbol and completion icon per kind of element, the same in the outline, search and completion. */
export class PraNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKinds[isAstNode(node) ? node.$type : node.type] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return completionKinds[isAstNode(node) ? node.$type : node.type] ?? CompletionItemKind.Reference;
    }
}
