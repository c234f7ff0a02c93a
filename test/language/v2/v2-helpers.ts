/**
 * Helpers of the version 2 check tests (LANGUAGE.md, part "Version 2").
 *
 * Every plan built here is first asserted to parse and link cleanly, so that a failing test means
 * a wrong check, never a wrong plan text. Severities are the contract's (written in each test),
 * not read back from the implementation's table.
 */
import { expect } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildFiles, buildPlan, createTestServices, withCode } from '../../helpers.js';

/** Codes that mean the test's plan text itself is wrong (syntax, linking, a value outside a vocabulary). */
const wrongText = ['parsing-error', 'lexing-error', 'linking-error', 'unknown-value', 'missing-unit', 'unknown-unit', 'invalid-date'];

export type ContractSeverity = 'error' | 'warning' | 'info';
const severityNumber: Record<ContractSeverity, number> = { error: 1, warning: 2, info: 3 };

export interface PlanOptions {
    /** ISO date used as "today" (`PraSettings.today`). */
    today?: string;
    /** Codes of `wrongText` this test expects on purpose (e.g. an unknown code in `accept`). */
    allow?: string[];
}

function describeAll(document: LangiumDocument): string {
    return JSON.stringify((document.diagnostics ?? []).map(d => [d.code, d.message]), undefined, 1);
}

/** Asserts that the document has no syntax, linking or vocabulary error. */
export function expectCleanText(document: LangiumDocument, allow: string[] = []): void {
    expect(document.parseResult.lexerErrors, 'lexer errors').toHaveLength(0);
    expect(document.parseResult.parserErrors, 'parser errors').toHaveLength(0);
    const wrong = (document.diagnostics ?? []).filter(d => {
        const code = codeOfDiagnostic(d);
        return wrongText.includes(code) && !allow.includes(code);
    });
    expect(wrong.map(d => `${codeOfDiagnostic(d)}: ${d.message}`), 'the test plan itself must parse and link').toEqual([]);
}

/** Builds one plan (asserting it parses and links). */
export async function plan(text: string, options: PlanOptions = {}): Promise<LangiumDocument> {
    const document = await buildPlan(text, { today: options.today ?? '2026-12-01' });
    expectCleanText(document, options.allow);
    return document;
}

/** Builds several files together (imports resolve), each asserted to parse and link. */
export async function files(texts: Record<string, string>, options: PlanOptions = {}): Promise<Record<string, LangiumDocument>> {
    const built = await buildFiles(createTestServices({ today: options.today ?? '2026-12-01' }), texts);
    for (const document of Object.values(built)) expectCleanText(document, options.allow);
    return built;
}

export function codeOfDiagnostic(diagnostic: Diagnostic): string {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = data?.code ?? diagnostic.code;
    return typeof code === 'string' ? code : 'parsing-error';
}

/** The findings of one code. */
export function all(document: LangiumDocument, code: string): Diagnostic[] {
    return withCode(document, code);
}

/**
 * The only finding of that code, with the contract's severity, its LSP `code` and `data.code`.
 * `severity` is the contract's default; an accepted finding is checked with `accepted()` instead.
 */
export function one(document: LangiumDocument, code: string, severity: ContractSeverity): Diagnostic {
    const found = withCode(document, code);
    expect(found, `exactly one ${code} in ${describeAll(document)}`).toHaveLength(1);
    const [diagnostic] = found;
    expect(diagnostic.code).toBe(code);
    expect((diagnostic.data as { code?: string }).code).toBe(code);
    expect(diagnostic.severity, `severity of ${code}`).toBe(severityNumber[severity]);
    return diagnostic;
}

/** Asserts that no finding of that code is reported. */
export function none(document: LangiumDocument, code: string): void {
    expect(withCode(document, code).map(d => d.message), `no ${code} expected`).toEqual([]);
}

export function text(document: LangiumDocument, diagnostic: Diagnostic): string {
    return document.textDocument.getText(diagnostic.range);
}

export function element(diagnostic: Diagnostic): string | undefined {
    return (diagnostic.data as { element?: string }).element;
}

export interface Related { element: string; file: string; line: number; column: number }

/** `data.related` (the contract's JSON `related`). */
export function related(diagnostic: Diagnostic): Related[] {
    return (diagnostic.data as { related?: Related[] }).related ?? [];
}

export interface Accepted { by: string; until?: string; reason: string }

export function acceptedOf(diagnostic: Diagnostic): Accepted | undefined {
    return (diagnostic.data as { accepted?: Accepted }).accepted;
}

/** 0-based line of the first occurrence of `needle` in the document (to check ranges on a line). */
export function lineOf(document: LangiumDocument, needle: string, occurrence = 1): number {
    const lines = document.textDocument.getText().split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].includes(needle) && ++seen === occurrence) return i;
    }
    throw new Error(`${needle} not found`);
}

/** 0-based position of the `occurrence`-th match of `needle` in the document. */
export function positionOf(document: LangiumDocument, needle: string, occurrence = 1): { line: number; character: number } {
    const source = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = source.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`${needle} not found`);
    }
    return document.textDocument.positionAt(index);
}

/** A diagnostic message (LSP allows markup content; the checks write plain strings). */
export type Message = string | { value: string };

export function plain(message: Message): string {
    return typeof message === 'string' ? message : message.value;
}

/** Asserts that `names` appear in `message` in that order (e.g. slowest asset first). */
export function expectInOrder(diagnosticMessage: Message, names: string[]): void {
    const message = plain(diagnosticMessage);
    let from = 0;
    for (const name of names) {
        const at = message.indexOf(name, from);
        expect(at, `${name} after position ${from} in "${message}"`).toBeGreaterThanOrEqual(0);
        from = at + name.length;
    }
}

/** Whole-word presence of a name in a message (so `Srv` does not match `Srv2`). */
export function mentions(diagnosticMessage: Message, name: string): boolean {
    const message = plain(diagnosticMessage);
    return new RegExp(`(^|[^\\p{L}\\p{N}_-])${name.replace(/[-]/g, '\\-')}($|[^\\p{L}\\p{N}_-])`, 'u').test(message);
}

/** A complete, quiet crisis organisation (no crisis finding), to add to plans that test something else. */
export const quietCrisis = `
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Call" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
`;

/**
 * Asserts that a duration as `formatDuration` shows it ("4 h", "3 d", "30 min") appears in the
 * message as a whole figure: "4 h" does not match "24 h", "3 h" does not match "3 h 30 min".
 */
export function expectFigure(diagnosticMessage: Message, figure: string): void {
    const message = plain(diagnosticMessage);
    const escaped = figure.replace(/[.]/g, '\\.');
    const pattern = new RegExp(`(^|[^0-9.,])${escaped}(?! [0-9])`);
    expect(message, `figure "${figure}"`).toMatch(pattern);
}

/**
 * Asserts the range covers one of the `allowed` texts: the element's name (the brief's convention)
 * or the property the finding is about (the contract: "a range on the offending element's name or
 * property"). Each test lists exactly which texts are acceptable.
 */
export function expectRangeOn(document: LangiumDocument, diagnostic: Diagnostic, allowed: string[]): void {
    expect(allowed, 'range text').toContain(document.textDocument.getText(diagnostic.range));
}
