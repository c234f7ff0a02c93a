import { CstUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit
} from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import { blockLayout, firstLeaf, type PropertyLayout } from './pra-cst.js';

/** Properties whose value stays one space after the keyword instead of joining the block's column. */
const unaligned = new Set(['residual', 'impact {']);

const lines = (depth: number, ...counts: number[]): FormattingAction =>
    ({ options: {}, moves: counts.map(count => ({ lines: count, tabs: depth })) });

/**
 * The one canonical layout: an element per line group, one property per line indented by block
 * depth, values aligned on the block's longest keyword, one space elsewhere. Only whitespace
 * between tokens changes; comments stay where they are (their indentation follows the block).
 * Blank lines are kept, at most two between elements and one between properties.
 */
export class PraFormatter extends AbstractFormatter {
    private indentWidth = 4;
    /** Comments that continue a trailing comment on the lines below it, and the column they move to. */
    private continuations = new Map<CstNode, number>();

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        this.indentWidth = options.insertSpaces ? options.tabSize : 1;
        this.continuations = new Map();
        return super.doDocumentFormat(document, options, range);
    }

    protected format(node: AstNode): void {
        if (!ast.isPraFile(node) || !node.$cstNode) return;
        const decided = new Map<CstNode, FormattingAction>();
        for (const item of [...node.imports, ...node.elements]) {
            if (item.$cstNode) decided.set(firstLeaf(item.$cstNode), lines(0, 1, 2, 3));
        }
        for (const element of node.elements) {
            this.layoutBlock(element, 1, decided);
            if (ast.isActivity(element)) element.impact.forEach(block => this.layoutBlock(block, 2, decided));
            if (ast.isProcedure(element)) element.steps.filter(ast.isParallel).forEach(block => this.layoutBlock(block, 2, decided));
        }
        const formatter = this.getNodeFormatter(node);
        let depth = 0;
        let previous: CstNode | undefined;
        let column = 0;
        // The comment column of the line above, before and after formatting, while comments continue it.
        let trailing: { from: number; to: number } | undefined;
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            if (leaf.text === '}' && !leaf.hidden) depth--;
            const action = previous ? this.actionFor(leaf, previous, depth, decided) : undefined;
            if (action) formatter.cst([leaf]).prepend(action);
            const ownLine = !previous || previous.range.end.line < leaf.range.start.line;
            if (leaf.hidden && ownLine && trailing && leaf.range.start.character === trailing.from) {
                this.continuations.set(leaf, trailing.to);
                column = trailing.to;
            } else if (leaf.hidden && ownLine) {
                trailing = undefined;
                column = Math.max(depth, 0) * this.indentWidth;
            } else if (leaf.hidden || !action || !previous) {
                // Langium keeps the spacing before a trailing comment.
                column += previous ? leaf.range.start.character - previous.range.end.character : leaf.range.start.character;
                if (leaf.hidden) trailing = { from: leaf.range.start.character, to: column };
            } else if (action.moves[0].lines !== undefined) {
                column = (action.moves[0].tabs ?? 0) * this.indentWidth;
                trailing = undefined;
            } else if (previous.hidden) {
                // …and the spacing after a comment.
                column = ownLine ? leaf.range.start.character : column + leaf.range.start.character - previous.range.end.character;
            } else {
                column += action.moves[0].characters ?? 1;
            }
            column = leaf.text.includes('\n') ? leaf.text.length - leaf.text.lastIndexOf('\n') - 1 : column + leaf.text.length;
            if (leaf.text === '{' && !leaf.hidden) depth++;
            previous = leaf;
        }
    }

    /** A comment continuing the trailing comment above it keeps lining up with it. */
    protected override createHiddenTextEdits(
        previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext
    ): TextEdit[] {
        const column = this.continuations.get(hidden);
        if (column === undefined) return super.createHiddenTextEdits(previous, hidden, formatting, context);
        const start = hidden.range.start;
        if (start.character === column && /^[ \t]*$/.test(context.document.getText({ start: { line: start.line, character: 0 }, end: start }))) return [];
        return [{ range: { start: { line: start.line, character: 0 }, end: start }, newText: ' '.repeat(column) }];
    }

    private actionFor(
        leaf: CstNode, previous: CstNode | undefined, depth: number, decided: Map<CstNode, FormattingAction>
    ): FormattingAction | undefined {
        if (leaf.hidden) {
            // A comment on its own line takes the indentation of the block; a trailing one stays put.
            return previous && previous.range.end.line < leaf.range.start.line
                ? { options: {}, moves: [{ tabs: Math.max(depth, 0) }] }
                : undefined;
        }
        if (leaf.text === '}') return lines(Math.max(depth, 0), 1);
        if (leaf.text === ',') return Formatting.noSpace();
        return decided.get(leaf) ?? Formatting.oneSpace();
    }

    private layoutBlock(node: AstNode, depth: number, decided: Map<CstNode, FormattingAction>): void {
        const layout = blockLayout(node);
        if (!layout) return;
        // Lines of an impact block or a scale align their second token on the first (`safety  4 after 1h`).
        const entries = layout.properties.map(property => {
            if (property.feature !== '' || property.label !== '') {
                const alignable = property.value !== undefined && property.label !== ''
                    && !unaligned.has(property.label) && !property.value.text.startsWith('{');
                return { property, label: property.label, value: alignable ? property.value : undefined };
            }
            const leaves = CstUtils.flattenCst(property.nodes[0]).filter(l => !l.hidden).toArray();
            return { property, label: leaves[0]?.text ?? '', value: leaves[1] };
        });
        // Values align within runs of properties separated by a blank line or a nested block (`impact { }`).
        const runs: Array<typeof entries> = [];
        let previousEnd: CstNode | undefined;
        for (const entry of entries) {
            const first = firstLeaf(entry.property.nodes[0]);
            const blankBefore = previousEnd !== undefined && /\n[ \t]*\r?\n/.test(first.root.fullText.slice(previousEnd.end, first.offset));
            const nested = entry.property.value?.text.startsWith('{') || ast.isParallel(entry.property.nodes[0].astNode);
            if (runs.length === 0 || blankBefore || nested) runs.push([]);
            runs[runs.length - 1].push(entry);
            if (nested) runs.push([]);
            previousEnd = entry.property.nodes[entry.property.nodes.length - 1];
        }
        const widths = new Map(runs.flatMap(run => {
            const width = Math.max(0, ...run.filter(e => e.value).map(e => e.label.length));
            return run.map(entry => [entry, width] as const);
        }));
        for (const run of runs) {
            const steps = run.map(e => e.property).filter(p => p.feature === 'steps' && ast.isStep(p.nodes[0].astNode));
            this.alignSteps(steps, decided);
        }
        for (const entry of entries) {
            const { property, label, value } = entry;
            decided.set(firstLeaf(property.nodes[0]), lines(depth, 1, 2));
            if (value) decided.set(firstLeaf(value), Formatting.spaces(widths.get(entry)! - label.length + 1));
        }
    }

    /** Consecutive steps line up their `by` and `within` columns. */
    private alignSteps(steps: PropertyLayout[], decided: Map<CstNode, FormattingAction>): void {
        const parts = steps.map(step => {
            const leaves = CstUtils.flattenCst(step.nodes[0]).filter(l => !l.hidden).toArray();
            const by = leaves.findIndex(l => l.text === 'by' && l.grammarSource?.$type === 'Keyword');
            const within = leaves.findIndex(l => l.text === 'within' && l.grammarSource?.$type === 'Keyword');
            const text = leaves[1]?.text.includes('\n') ? Infinity : leaves[1]?.text.length ?? 0;
            // `by A, B`: the keyword, then each role after one space (none before a comma).
            const deadline = leaves.findIndex(l => l.text === 'deadline' && l.grammarSource?.$type === 'Keyword');
            const end = Math.min(...[within, deadline, leaves.length].filter(i => i > by));
            const roles = by >= 0 ? leaves.slice(by, end) : [];
            const role = roles.reduce((width, leaf, i) => width + leaf.text.length + (i > 0 && leaf.text !== ',' ? 1 : 0), 0);
            return { leaves, by, within, text, role };
        });
        if (parts.length < 2 || parts.some(p => p.text === Infinity)) return;
        const textWidth = Math.max(...parts.map(p => p.text));
        const roleWidth = Math.max(...parts.map(p => p.role));
        for (const part of parts) {
            if (part.by >= 0) decided.set(part.leaves[part.by], Formatting.spaces(textWidth - part.text + 1));
            if (part.within >= 0) {
                const gap = part.by >= 0 ? roleWidth - part.role + 1 : textWidth - part.text + 1 + (roleWidth > 0 ? roleWidth + 1 : 0);
                decided.set(part.leaves[part.within], Formatting.spaces(gap));
            }
        }
    }

    // A document with syntax errors has tokens missing from its tree: formatting could delete them.
    private hasSyntaxErrors(document: LangiumDocument): boolean {
        return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
    }

    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return this.hasSyntaxErrors(document) ? [] : super.formatDocument(document, params);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return this.hasSyntaxErrors(document) ? [] : super.formatDocumentRange(document, params);
    }

    override formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return this.hasSyntaxErrors(document) ? [] : super.formatDocumentOnType(document, params);
    }
}

