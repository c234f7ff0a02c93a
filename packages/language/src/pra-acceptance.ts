import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkSeverities, isPraCode, structuralCodes, type Severity } from './pra-codes.js';
import { message, type Lang } from './pra-messages.js';
import type { AcceptData, ElementKind, SourceRange } from './pra-model.js';

/** An `accept` line as written in a file, with the element that carries it (none for the plan block). */
export interface WrittenAccept {
    accept: AcceptData;
    subject?: { kind: ElementKind; name: string };
}

/** What an accepted finding carries in its `data`, beside its code and element. */
export interface AcceptedData { by: string; until?: string; reason: string }

interface FindingData { code?: unknown; element?: unknown; kind?: unknown; accepted?: AcceptedData; severity?: Severity; message?: string }

const severityWords: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * Applies the `accept` lines of one file to the diagnostics of that file: a matching finding is
 * shown as Information with the acceptance in front of its message (its original severity kept in
 * `data.severity`); an expired acceptance leaves the finding as it was and says so; an acceptance
 * that matches nothing is reported. Structural codes are refused where the line is checked.
 */
export function applyAcceptance(diagnostics: Diagnostic[], accepts: readonly WrittenAccept[], today: string, lang: Lang): Diagnostic[] {
    if (accepts.length === 0) return diagnostics;
    const used = new Set<WrittenAccept>();
    const expiredUsed = new Set<WrittenAccept>();
    const byKey = new Map<string, WrittenAccept>();
    for (const written of accepts) {
        if (!isPraCode(written.accept.code) || structuralCodes.has(written.accept.code)) continue;
        const key = keyOf(written.accept.code, written.subject?.kind, written.subject?.name);
        if (!byKey.has(key)) byKey.set(key, written);
    }
    const result = diagnostics.map(diagnostic => {
        const data = (diagnostic.data ?? {}) as FindingData;
        if (typeof data.code !== 'string' || data.accepted) return diagnostic;
        const written = byKey.get(keyOf(data.code, typeof data.kind === 'string' ? data.kind : undefined,
            typeof data.element === 'string' ? data.element : undefined));
        if (!written) return diagnostic;
        const { accept } = written;
        if (accept.until !== undefined && accept.until < today) {
            expiredUsed.add(written);
            return diagnostic;
        }
        used.add(written);
        const by = accept.by ?? '?';
        const prefix = accept.until !== undefined
            ? message('accepted.until', lang, { by, until: accept.until, reason: accept.reason })
            : message('accepted', lang, { by, reason: accept.reason });
        const original = diagnostic.severity
            ? severityWords[diagnostic.severity]
            : checkSeverities[data.code as keyof typeof checkSeverities];
        return {
            ...diagnostic,
            severity: DiagnosticSeverity.Information,
            message: prefix + diagnostic.message,
            data: {
                ...data, severity: original, message: diagnostic.message,
                accepted: { by, ...(accept.until !== undefined ? { until: accept.until } : {}), reason: accept.reason }
            }
        } satisfies Diagnostic;
    });
    for (const written of accepts) {
        const { accept, subject } = written;
        if (!isPraCode(accept.code) || structuralCodes.has(accept.code) || used.has(written)) continue;
        const expired = expiredUsed.has(written);
        result.push(acceptDiagnostic(expired ? 'expired-acceptance' : 'unused-acceptance', accept.source.range,
            expired ? message('expired-acceptance', lang, { code: accept.code, until: accept.until!, today })
                : message('unused-acceptance', lang, { code: accept.code, element: subject?.name ?? 'plan' }), subject));
    }
    return result;
}

function keyOf(code: string, kind: string | undefined, name: string | undefined): string {
    return `${code}\u0000${kind ?? ''}\u0000${name ?? ''}`;
}

function acceptDiagnostic(code: 'expired-acceptance' | 'unused-acceptance', range: SourceRange, text: string,
    subject: WrittenAccept['subject']): Diagnostic {
    return {
        range, message: text, code, source: 'pra',
        severity: checkSeverities[code] === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
        data: { code, element: subject?.name, kind: subject?.kind }
    };
}
