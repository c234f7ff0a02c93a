import {
    GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, InsertTextFormat, type CompletionItem, type CompletionParams, type Range
} from 'vscode-languageserver-protocol';
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ast from '../generated/ast.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import { praCodes, structuralCodes, type PraCode } from '../pra-codes.js';
import { durationInWords, titleOf, word } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import { riskMatrix } from '../pra-risk-matrix.js';
import { praSnippets, type PraSnippet } from '../pra-snippets.js';
import { propertiesOf, propertyFact, syntaxTable } from '../pra-syntax.js';
import { durationUnits, vocabulary, type VocabularyName } from '../pra-vocabulary.js';
import { featureStartedBy, writtenFeatures } from './pra-cst.js';
import { keywordDoc, valueDoc } from './pra-keyword-docs.js';

/** The codes an `accept` line may name: every code but the structural ones. */
const acceptableCodes: readonly PraCode[] = praCodes.filter(code => !structuralCodes.has(code));

/** A number just typed after a keyword that takes a duration (every `duration` property of the syntax table). */
let durationKeywordsCache: RegExp | undefined;
function durationKeywords(): RegExp {
    if (durationKeywordsCache) return durationKeywordsCache;
    const words = [...new Set(syntaxTable().properties.filter(fact => fact.valueKind === 'duration' && fact.keyword !== '')
        .map(fact => fact.keyword.split(' ').pop()!))];
    return durationKeywordsCache = new RegExp(`(?:^|\\s)(?:${words.join('|')})\\s+([0-9]+(?:\\.[0-9]+)?)$`);
}

/** The vocabulary of the enum property an element's keyword introduces (`type` in a fallback → fallbackType). */
function vocabularyAfter(type: string, keyword: string): VocabularyName | undefined {
    return propertiesOf(type).find(fact => fact.inBlock && fact.keyword === keyword)?.vocabulary;
}

interface Position { element?: ast.Element; depth: number }

/** What one completion request knows about where it is; never shared with another request. */
interface CompletionRequest {
    readonly document: LangiumDocument;
    readonly position: Position;
    readonly lineText: string;
    /** Where the completion parser starts reading: the enclosing top-level element, not the file's start. */
    readonly windowStart: number;
}

/**
 * Completion that knows where it is: the properties an element still lacks, the allowed values of
 * enum properties, units after a number in a duration, levels with their scale labels, references
 * of the right kind with their title, and snippets at the top level.
 */
export class PraCompletionProvider extends DefaultCompletionProvider {
    private readonly analysis: PraAnalysisService;
    /** Set only on the per-request view `getCompletion` makes; undefined on the provider itself. */
    private readonly request?: CompletionRequest;

    constructor(services: PraServices) {
        super(services);
        this.analysis = services.analysis.PraAnalysisService;
    }

    override async getCompletion(
        document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken
    ): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineText = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
        const position = this.positionAt(document, text, offset);
        const values = this.valueItems(lineText, position, this.analysis.forDocument(document), params.position);
        if (values) return CompletionList.create(values, false);
        const request: CompletionRequest = {
            document, position, lineText, windowStart: this.completionWindowStart(document, text, offset, position)
        };
        // Langium's completion calls the hooks below (findFeaturesAt, completionFor, …) across `await`s, with no way to
        // hand them the request. A field of the provider would be shared by two requests in flight (issue 11), so the
        // request runs on a view of this provider of its own: an object whose prototype is the provider, holding `request`.
        const view: PraCompletionProvider = Object.create(this, { request: { value: request } });
        const list = await super.getCompletion.call(view, document, params, cancelToken) ?? CompletionList.create([], true);
        if (/^\s*[\w-]*$/.test(lineText)) {
            const inside = position.depth === 1 ? position.element?.$type : undefined;
            if (position.depth === 0 || inside) list.items.push(...this.snippetItems(lineText, params.position, inside));
        }
        return list;
    }

    /**
     * Top-level elements are independent, so the completion parser only needs the text from the start
     * of the element around the cursor (or the end of the one before it): on a large plan this keeps
     * completion from re-reading the whole file. Falls back to the file's start when the tree is stale.
     */
    private completionWindowStart(document: LangiumDocument, text: string, offset: number, position: Position): number {
        const root = document.parseResult.value as ast.PraFile;
        const cst = position.element?.$cstNode
            ?? [...(root.elements ?? [])].reverse().find(e => e.$cstNode && e.$cstNode.end <= offset)?.$cstNode;
        if (!cst || cst.offset > offset) return 0;
        const start = position.element ? cst.offset : cst.end;
        const current = text.startsWith(cst.text, cst.offset);
        return current ? start : 0;
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): ReturnType<DefaultCompletionProvider['findFeaturesAt']> {
        const start = this.request?.windowStart ?? 0;
        if (start === 0 || start > offset) return super.findFeaturesAt(document, offset);
        const window = TextDocument.create(document.uri, document.languageId, document.version, document.getText().slice(start, offset));
        return super.findFeaturesAt(window, offset - start);
    }

    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        const start = this.request?.windowStart ?? 0;
        if (start === 0 || start > offset) return super.backtrackToAnyToken(text, offset);
        // The window reaches a little past the cursor so that a token under the cursor is whole.
        const found = super.backtrackToAnyToken(text.slice(start, offset + 256), offset - start);
        const shift = (value: number | undefined): number | undefined => value === undefined ? undefined : value + start;
        return {
            nextTokenStart: found.nextTokenStart + start, nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart), previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    /** The top-level element the offset is inside, from the braces of the text (robust to an unfinished block). */
    private positionAt(document: LangiumDocument, text: string, offset: number): Position {
        let depth = 0;
        for (let i = 0; i < offset; i++) {
            const c = text[i];
            if (c === '"') { i++; while (i < offset && text[i] !== '"') { if (text[i] === '\\') i++; i++; } }
            else if (c === '/' && text[i + 1] === '/') { while (i < offset && text[i] !== '\n') i++; }
            else if (c === '/' && text[i + 1] === '*') { const end = text.indexOf('*/', i + 2); i = end < 0 ? offset : end + 1; }
            else if (c === '{') depth++;
            else if (c === '}') depth = Math.max(0, depth - 1);
        }
        if (depth === 0) return { depth };
        const root = document.parseResult.value as ast.PraFile;
        const element = [...(root.elements ?? [])].reverse().find(e => (e.$cstNode?.offset ?? Infinity) < offset);
        return { element, depth };
    }

    private valueItems(
        lineText: string, position: Position, ctx: PlanContext, cursor: CompletionParams['position']
    ): CompletionItem[] | undefined {
        const element = position.element;
        if (!element) return undefined;
        const replace = (length: number): Range => ({ start: { line: cursor.line, character: cursor.character - length }, end: cursor });
        const number = durationKeywords().exec(lineText);
        if (number) return this.unitItems(number[1], replace(number[1].length), ctx);
        const period = ast.isActivity(element) ? /(?:^|\s)loss\s+[0-9.]+\s+(?:\p{L}+\s+)?per\s+(\p{L}*)$/u.exec(lineText) : undefined;
        if (period) return this.enumItems('lossPeriod', replace(period[1].length), ctx.lang);
        const inText = (lineText.match(/"/g)?.length ?? 0) % 2 === 1;
        const accepted = inText ? undefined : /(?:^|[\s{])accept\s+([\w-]*)$/.exec(lineText);
        if (accepted) return this.codeItems(replace(accepted[1].length), ctx);
        if (ast.isActivity(element) && position.depth === 2) {
            const category = /^\s*([\p{L}_-]*)$/u.exec(lineText);
            if (category) return this.enumItems('impactCategory', replace(category[1].length), ctx.lang);
            const level = /^\s*([\p{L}_-]+)\s+([0-9]*)$/u.exec(lineText);
            if (level) return this.levelItems('impact', ctx, replace(level[2].length));
            return undefined;
        }
        if (ast.isRisk(element)) {
            const level = /(?:^|\s)(likelihood|impact)\s+([0-9]*)$/.exec(lineText);
            if (level) return this.levelItems(level[1] as 'likelihood' | 'impact', ctx, replace(level[2].length));
        }
        const enumValue = /^\s*([a-z]+)\s+(?:[\p{L}\w-]+\s*,\s*)*([\p{L}\w-]*)$/u.exec(lineText);
        const vocabularyName = enumValue ? vocabularyAfter(element.$type, enumValue[1]) : undefined;
        if (enumValue && vocabularyName) return this.enumItems(vocabularyName, replace(enumValue[2].length), ctx.lang, enumValue[1]);
        return undefined;
    }

    /** The values of a vocabulary, each with its one line of documentation (else its word, else the property's). */
    private enumItems(name: VocabularyName, range: Range, lang: PlanContext['lang'], property?: string): CompletionItem[] {
        return vocabulary[name].map((value, index) => {
            const translated = word(value, lang);
            const documentation = valueDoc(name, value, lang)
                ?? (translated !== value ? translated : property ? keywordDoc(property, lang) : undefined);
            return {
                label: value, kind: CompletionItemKind.EnumMember, sortText: String(index).padStart(2, '0'),
                ...(documentation ? { detail: documentation, documentation } : {}),
                textEdit: { range, newText: value }
            };
        });
    }

    private codeItems(range: Range, ctx: PlanContext): CompletionItem[] {
        return acceptableCodes.map((code, index) => ({
            label: code, kind: CompletionItemKind.EnumMember, detail: titleOf(code, ctx.lang), sortText: String(index).padStart(2, '0'),
            textEdit: { range, newText: code }
        }));
    }

    private levelItems(axis: 'likelihood' | 'impact', ctx: PlanContext, range: Range): CompletionItem[] {
        return riskMatrix(ctx.analysis, ctx.lang)[axis].map(level => ({
            label: `${level.value} — ${level.label}`, kind: CompletionItemKind.Value, detail: word(axis, ctx.lang),
            filterText: String(level.value), sortText: String(level.value).padStart(2, '0'),
            textEdit: { range, newText: String(level.value) }
        }));
    }

    private unitItems(amount: string, range: Range, ctx: PlanContext): CompletionItem[] {
        return Object.entries(durationUnits).map(([unit, minutes], index) => ({
            label: `${amount}${unit}`, kind: CompletionItemKind.Unit, sortText: String(index),
            detail: durationInWords(Number(amount) * minutes, ctx.lang), filterText: `${amount}${unit}`,
            textEdit: { range, newText: `${amount}${unit}` }
        }));
    }

    /** The snippets of the top level, or those written inside an element of type `inside`. */
    private snippetItems(lineText: string, cursor: CompletionParams['position'], inside?: string): CompletionItem[] {
        const typed = /[\w-]*$/.exec(lineText)![0];
        const range = { start: { line: cursor.line, character: cursor.character - typed.length }, end: cursor };
        const fits = (snippet: PraSnippet): boolean => inside ? snippet.inside?.includes(inside) ?? false : snippet.inside === undefined;
        return praSnippets.filter(fits).map(snippet => ({
            label: snippet.prefix, kind: CompletionItemKind.Snippet, detail: snippet.name,
            documentation: snippet.description, insertTextFormat: InsertTextFormat.Snippet, sortText: `2${snippet.prefix}`,
            textEdit: { range, newText: snippet.body.join('\n') }
        }));
    }

    /** Keywords with their one line of documentation in the plan's language. */
    protected override completionForKeyword(
        context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const lang = this.request ? this.analysis.forDocument(this.request.document).lang : 'en';
        const documentation = keywordDoc(keyword.value, lang);
        acceptor(context, {
            label: keyword.value, kind: this.getKeywordCompletionItemKind(keyword),
            detail: documentation ?? 'Keyword', ...(documentation ? { documentation } : {}), sortText: '1'
        });
    }

    protected override completionFor(
        context: CompletionContext, next: Parameters<DefaultCompletionProvider['completionFor']>[1], acceptor: CompletionAcceptor
    ): MaybePromise<void> {
        if (GrammarAST.isKeyword(next.feature) && !this.keywordFits(next.feature)) return;
        return super.completionFor(context, next, acceptor);
    }

    /** Drops enum values parsed as keywords (`after`, `external`) and properties the element already has. */
    private keywordFits(keyword: GrammarAST.Keyword): boolean {
        const rule = keyword.$container ? findRule(keyword) : undefined;
        if (rule?.name === 'EnumValue') return false;
        const position = this.request?.position;
        if (!position || !rule || !syntaxTable().elementKeywords.has(rule.name)) return true;
        if (position.depth === 0) return true;
        const element = position.element;
        if (!element || element.$type !== rule.name) return false;
        const written = writtenFeatures(element);
        // Keywords shared by several properties (`measured` of `measured rto` and `measured rpo`) stay offered until all are written.
        const sharing = propertiesOf(element.$type).filter(fact => fact.inBlock && fact.keyword.startsWith(`${keyword.value} `));
        if (sharing.length > 1) return sharing.some(fact => !written.has(fact.property));
        const group: AstNode | undefined = keyword.$container;
        const opening = GrammarAST.isGroup(group) ? group.elements[0] : undefined;
        if (GrammarAST.isGroup(group) && GrammarAST.isKeyword(opening) && group.elements[1] === keyword) {
            const second = propertiesOf(element.$type).find(fact => fact.inBlock && fact.keyword === `${opening.value} ${keyword.value}`);
            if (second) return !written.has(second.property);
        }
        const feature = featureStartedBy(keyword);
        if (!feature) return true;
        return (propertyFact(element.$type, feature)?.repeatable ?? false) || !written.has(feature);
    }

    /** Never the element itself (an asset does not depend on itself), nor a name already in the list. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const self = this.request?.position.element;
        const listed = new Set(((refInfo.container as { refs?: Array<{ $refText: string }> }).refs ?? []).map(r => r.$refText));
        // `failed` names what the exercise tested: only those.
        const tested = ast.isExercise(self) && /^\s*failed\s/.test(this.request?.lineText ?? '')
            ? new Set(self.tests.flatMap(list => list.refs.map(r => r.$refText))) : undefined;
        return super.getReferenceCandidates(refInfo, context)
            .filter(d => !listed.has(d.name) && !(self && d.type === self.$type && d.name === (self as { name?: string }).name))
            .filter(d => !tested || tested.size === 0 || tested.has(d.name));
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node as (AstNode & { title?: string }) | undefined;
        const lang = this.request ? this.analysis.forDocument(this.request.document).lang : 'en';
        const kind = word(description.type.toLowerCase(), lang);
        return { ...item, detail: node?.title ? `${kind} — ${node.title}` : kind };
    }
}

function findRule(element: GrammarAST.AbstractElement): GrammarAST.ParserRule | undefined {
    let current: AstNode | undefined = element;
    while (current && !GrammarAST.isParserRule(current)) current = current.$container;
    return current;
}
