import { GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PraAnalysisService } from '../pra-analysis-service.js';
import type { KeySuffix } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import { editorText as t, type EditorTextKey } from './pra-editor-texts.js';

const groupOrder: readonly string[] = ['Role', 'Asset', 'Activity', 'Risk', 'Fallback', 'Procedure', 'Exercise', 'Exception'] satisfies
    ReadonlyArray<KeySuffix<EditorTextKey, 'group.'>>;

/** The outline: the plan, its scales and crisis block, then one group per kind of element. */
export class PraDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly analysis: PraAnalysisService;
    private readonly kinds: NodeKindProvider;

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const root = document.parseResult.value;
        if (!ast.isPraFile(root)) return [];
        const lang = this.analysis.forDocument(document).lang;
        const symbols: DocumentSymbol[] = [];
        const groups = new Map<string, DocumentSymbol[]>();
        for (const element of root.elements) {
            const symbol = this.symbolOf(element);
            if (!symbol) continue;
            if (groupOrder.includes(element.$type)) {
                (groups.get(element.$type) ?? groups.set(element.$type, []).get(element.$type)!).push(symbol);
            } else {
                symbols.push(symbol);
            }
        }
        for (const type of groupOrder) {
            const children = groups.get(type);
            if (!children) continue;
            const range: Range = { start: children[0].range.start, end: children[children.length - 1].range.end };
            symbols.push({
                name: t(`group.${type}` as EditorTextKey, lang), detail: String(children.length), kind: SymbolKind.Namespace,
                range, selectionRange: children[0].selectionRange, children
            });
        }
        return symbols;
    }

    private symbolOf(element: AstNode): DocumentSymbol | undefined {
        const cst = element.$cstNode;
        if (!cst) return undefined;
        const record = element as unknown as Record<string, unknown>;
        const nameProperty = typeof record.name === 'string' ? 'name'
            : ast.isPlan(element) ? 'title'
            : ast.isScale(element) ? 'axis'
            : ast.isException(element) ? 'text'
            : undefined;
        const nameNode = nameProperty ? GrammarUtils.findNodeForProperty(cst, nameProperty) : undefined;
        const name = nameProperty ? String(record[nameProperty]) : element.$type.toLowerCase();
        return {
            name: name || element.$type.toLowerCase(), kind: this.kinds.getSymbolKind(element),
            detail: typeof record.title === 'string' && nameProperty === 'name' ? record.title : element.$type.toLowerCase(),
            range: cst.range, selectionRange: nameNode?.range ?? cst.range
        };
    }
}
