import {
    DefaultLangiumDocumentFactory, isCompositeCstNode,
    type AstNode, type Cancellation, type CstNode, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, type URI
} from 'langium';
import { isPraFile, type Element } from './generated/ast.js';

/** The fields of Langium 4's CST nodes that hold positions (cst-node-builder.js): moved in place. */
interface LeafFields { _offset: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number }
interface CompositeFields { content: CstNode[]; _rangeCache: unknown; container?: CstNode }
interface RootFields extends CompositeFields { _text: string }
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a text position is: offset, line and column (LSP positions; lines end at \n, \r\n or \r, as Chevrotain counts). */
interface Point { offset: number; line: number; character: number }

/**
 * Langium parses a whole text on every change. Top-level elements of a plan are independent blocks
 * (each starts with its keyword and ends with `}` or, for `exception`, a string; nothing in one
 * block depends on another), so on an edit only the blocks the change touches are parsed again,
 * and the syntax tree of the others is kept, its positions moved by the size of the change.
 *
 * The result is exactly what a full parse gives, or the full parse is done instead:
 * - the previous parse had no lexer or parser error (error recovery may span blocks);
 * - the change lies after the start of the first element (imports are parsed in full);
 * - the text parsed again runs from the start of the first touched block to the end of the last
 *   one, gaps between them included, and parses without any error and without an `import`;
 * - it ends with the last character of its last block (`}` or `"`), or at the end of the text, so
 *   that no token (a `//` comment) can run on into the text after it; it starts where a block
 *   started before, after a `}`, a string, a comment or white space, where every token starts anew.
 * Tokens before and after are then the same as in a full parse, and the grammar reads blocks one
 * after the other, so the elements, the CST (comments between blocks included, at the top level)
 * and every position are those of a full parse. `test/lsp/incremental.test.ts` compares both.
 */
export class PraDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse result of each document being updated, read by `parseAsync`. */
    private readonly previous = new Map<string, ParseResult>();
    /** How many updates parsed only the touched blocks, and how many the whole text (the tests read it). */
    readonly updates = { blocks: 0, full: 0 };

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>,
        cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string,
        cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const reparsed = previous ? this.reparseBlocks(uri, previous, text) : undefined;
        if (previous) this.updates[reparsed ? 'blocks' : 'full']++;
        return reparsed ? Promise.resolve(reparsed as ParseResult<T>) : super.parseAsync(uri, text, cancellationToken);
    }

    private reparseBlocks(uri: URI, previous: ParseResult, text: string): ParseResult | undefined {
        const root = previous.value;
        const rootCst = root.$cstNode as (CstNode & RootFields) | undefined;
        if (!isPraFile(root) || !rootCst || !hasLeafFields(rootCst) || hasErrors(previous)) return undefined;
        const oldText = rootCst._text;
        const elements = root.elements;
        if (elements.length === 0 || elements.some(e => !e.$cstNode)) return undefined;
        // The changed span: [from, oldTo) in the old text became [from, newTo) in the new one.
        const shortest = Math.min(oldText.length, text.length);
        const from = commonPrefix(oldText, text, shortest);
        const tail = commonSuffix(oldText, text, shortest - from);
        const oldTo = oldText.length - tail;
        // The blocks touched: from the last one starting at or before the change to the first one ending at or after it.
        // Elements and top-level syntax nodes are in text order: found by bisection (a composite's offset is read from a leaf).
        const first = countBefore(elements.length, i => elements[i].$cstNode!.offset <= from) - 1;
        if (first < 0) return undefined;
        let last = first;
        while (last < elements.length - 1 && elements[last].$cstNode!.end < oldTo) last++;
        const toEnd = elements[last].$cstNode!.end < oldTo;
        const start = elements[first].$cstNode!.offset;
        const oldStop = toEnd ? oldText.length : elements[last].$cstNode!.end;
        const newStop = oldStop + text.length - oldText.length;
        const region = text.slice(start, newStop);
        const parsed = this.serviceRegistry.getServices(uri).parser.LangiumParser.parse(region);
        const block = parsed.value;
        const blockCst = block.$cstNode as (CstNode & CompositeFields) | undefined;
        if (!isPraFile(block) || !blockCst || hasErrors(parsed) || block.imports.length > 0) return undefined;
        // The last token parsed must end the region (a trailing comment could run on past it).
        if (!toEnd && block.elements[block.elements.length - 1]?.$cstNode?.end !== region.length) return undefined;

        const startPoint = startOf(elements[first].$cstNode!);
        const oldStopPoint = advance(startPoint, oldText, start, oldStop);
        const newStopPoint = advance(startPoint, text, start, newStop);
        // Move the new blocks to their place in the file, then the old ones after them.
        for (const node of blockCst.content) move(node, start, startPoint.line, startPoint.character);
        const lineShift = newStopPoint.line - oldStopPoint.line;
        const columnShift = newStopPoint.character - oldStopPoint.character;
        const content = rootCst.content;
        // Top-level nodes (blocks, comments between them) are in text order: those of the region are replaced.
        const firstIndex = countBefore(content.length, i => content[i].offset < start);
        const afterIndex = countBefore(content.length, i => content[i].offset < oldStop);
        for (let i = afterIndex; i < content.length; i++) {
            shift(content[i], newStop - oldStop, oldStopPoint.line, lineShift, columnShift);
        }
        for (const node of blockCst.content) (node as CstNode & { container?: CstNode }).container = rootCst;
        content.splice(firstIndex, afterIndex - firstIndex, ...blockCst.content);
        rootCst._text = text;
        rootCst._rangeCache = undefined;
        // The AST: the new elements in place of the touched ones.
        const added = block.elements as Element[];
        for (const element of added) {
            (element as Mutable<Element>).$container = root;
        }
        elements.splice(first, last - first + 1, ...added);
        for (let i = first; i < elements.length; i++) {
            (elements[i] as Mutable<Element>).$containerIndex = i;
            (elements[i] as Mutable<Element>).$containerProperty = 'elements';
        }
        return { value: root, lexerErrors: [], parserErrors: [], lexerReport: parsed.lexerReport };
    }
}

/** How many of the first items satisfy `before`, which holds for a prefix of the items and not after it. */
function countBefore(length: number, before: (index: number) => boolean): number {
    let low = 0;
    let high = length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(middle)) low = middle + 1; else high = middle;
    }
    return low;
}

/** Characters compared at once (native string equality) before the character-by-character search. */
const CHUNK = 1024;

/** The length of the common start of two texts, at most `max`. */
function commonPrefix(a: string, b: string, max: number): number {
    let at = 0;
    while (at + CHUNK <= max && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
    while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
    return at;
}

/** The length of the common end of two texts, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
    let tail = 0;
    while (tail + CHUNK <= max && a.slice(a.length - tail - CHUNK, a.length - tail) === b.slice(b.length - tail - CHUNK, b.length - tail)) {
        tail += CHUNK;
    }
    while (tail < max && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
    return tail;
}

function hasErrors(result: ParseResult): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** Whether the CST is built by the Langium version these fields were read from (else: full parses only). */
function hasLeafFields(root: CstNode): boolean {
    let node: CstNode | undefined = root;
    while (node && isCompositeCstNode(node)) node = node.content[0];
    return node !== undefined && '_offset' in node && '_startLine' in node && '_endColumn' in node && '_rangeCache' in root;
}

function startOf(cst: CstNode): Point {
    return { offset: cst.offset, line: cst.range.start.line, character: cst.range.start.character };
}

/** The point `to` of the text, from a known point `from` of it. */
function advance(point: Point, text: string, from: number, to: number): Point {
    let { line, character } = point;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { line++; character = 0; } else character++;
    }
    return { offset: to, line, character };
}

/** Places a node parsed alone at `offset`, `line`, `character` of the file (its first line starts at `character`). */
function move(node: CstNode, offset: number, line: number, character: number): void {
    if (isCompositeCstNode(node)) {
        (node as unknown as CompositeFields)._rangeCache = undefined;
        for (const child of node.content) move(child, offset, line, character);
        return;
    }
    const leaf = node as unknown as LeafFields;
    leaf._offset += offset;
    if (leaf._startLine === 0) leaf._startColumn += character;
    if (leaf._endLine === 0) leaf._endColumn += character;
    leaf._startLine += line;
    leaf._endLine += line;
}

/** Moves a node after the change: by `offset` characters and `lines` lines; on the line the change ended, by `columns`. */
function shift(node: CstNode, offset: number, changedLine: number, lines: number, columns: number): void {
    if (isCompositeCstNode(node)) {
        (node as unknown as CompositeFields)._rangeCache = undefined;
        for (const child of node.content) shift(child, offset, changedLine, lines, columns);
        return;
    }
    const leaf = node as unknown as LeafFields;
    leaf._offset += offset;
    if (leaf._startLine === changedLine) leaf._startColumn += columns;
    if (leaf._endLine === changedLine) leaf._endColumn += columns;
    leaf._startLine += lines;
    leaf._endLine += lines;
}
