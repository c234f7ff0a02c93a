import { expect } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkSeverities, type PraCode } from '../../packages/language/src/pra-codes.js';
import { withCode } from '../helpers.js';

const severityNumber = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** The only diagnostic of that code, checked for its default severity and its `data`. */
export function single(document: LangiumDocument, code: PraCode): Diagnostic {
    const found = withCode(document, code);
    expect(found, `${code} in ${JSON.stringify(document.diagnostics?.map(d => [d.data, d.message]))}`).toHaveLength(1);
    const [diagnostic] = found;
    expect(diagnostic.code).toBe(code);
    expect(diagnostic.severity).toBe(severityNumber[checkSeverities[code]]);
    expect((diagnostic.data as { code: string }).code).toBe(code);
    return diagnostic;
}

/** The source text a diagnostic's range covers. */
export function rangeText(document: LangiumDocument, diagnostic: Diagnostic): string {
    return document.textDocument.getText(diagnostic.range);
}

export function elementOf(diagnostic: Diagnostic): string | undefined {
    return (diagnostic.data as { element?: string }).element;
}

/** A complete, quiet crisis organisation, to add to plans that test something else. */
export const quietCrisis = `
role DG { phone "1" deputy DSI }
role DSI { phone "2" deputy DG }
crisis { alert "Call" to DSI activation DG pilot DSI team DG, DSI }
fallback Com { type communication audience staff, clients }
`;
