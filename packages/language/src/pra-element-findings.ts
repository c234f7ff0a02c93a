import type { AstNode } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';

/** The findings of the node-by-node checks on one top-level element, and where the element started then. */
interface Kept { inputs: object; line: number; character: number; diagnostics: readonly Diagnostic[] }

/**
 * The findings of the node-by-node (structure) checks of each top-level element, kept by its AST
 * node. Those checks read the element's own nodes and text, and, of the rest of the plan, only the
 * inputs the validator names (the plan's language and scales, and the check categories asked): while
 * these are the same, an element the document factory kept (an edit did not touch it) gives the same
 * findings, at places moved as the factory moved its syntax tree: by whole lines, and on the
 * element's first line by the columns its start moved (pra-document-factory.ts, `shift`). A finding
 * with related places (elsewhere) is never kept. The plan-wide checks run on the file's root, every time.
 */
export class PraElementFindings {
    private readonly kept = new WeakMap<AstNode, Kept>();
    /** By file: the inputs of its last validation, by their text, and the token standing for them (compared by identity). */
    private readonly last = new Map<string, { text: string; token: object }>();

    /** The token of a file's inputs: the same object while they are the same. */
    inputs(uri: string, text: string): object {
        let last = this.last.get(uri);
        if (last?.text !== text) {
            last = { text, token: {} };
            this.last.set(uri, last);
        }
        return last.token;
    }

    /** The element's findings, moved to where it is now, if it was validated with these inputs. */
    replay(top: AstNode, inputs: object): Diagnostic[] | undefined {
        const kept = this.kept.get(top);
        const start = top.$cstNode?.range.start;
        if (!kept || kept.inputs !== inputs || !start) return undefined;
        const lines = start.line - kept.line;
        const columns = start.character - kept.character;
        const move = (position: Position): Position => ({
            line: position.line + lines, character: position.line === kept.line ? position.character + columns : position.character
        });
        return kept.diagnostics.map(diagnostic =>
            ({ ...diagnostic, range: { start: move(diagnostic.range.start), end: move(diagnostic.range.end) } }));
    }

    record(top: AstNode, inputs: object, diagnostics: readonly Diagnostic[]): void {
        const start = top.$cstNode?.range.start;
        if (!start || diagnostics.some(d => d.relatedInformation !== undefined || !within(d.range, top))) {
            this.kept.delete(top);
            return;
        }
        const copies = diagnostics.map(diagnostic => ({ ...diagnostic, range: copyRange(diagnostic.range) }));
        this.kept.set(top, { inputs, line: start.line, character: start.character, diagnostics: copies });
    }
}

const copyPosition = (position: Position): Position => ({ line: position.line, character: position.character });
const copyRange = (range: Range): Range => ({ start: copyPosition(range.start), end: copyPosition(range.end) });

/** Whether a finding lies in the element's text (else its place would not move with it). */
function within(range: Range, top: AstNode): boolean {
    const element = top.$cstNode?.range;
    if (!element) return false;
    const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(element.start, range.start) && before(range.end, element.end);
}
