import type { Diagnostic } from 'vscode-languageserver-types';
import type { PraAnalysisService } from './pra-analysis-service.js';
import { findingOf } from './pra-check-report.js';
import { isPraCode, structuralCodes } from './pra-codes.js';
import { titleOf, word } from './pra-messages.js';
import type { GapItem, GapsResult } from './protocol.js';

/**
 * The Gaps view's list (pra/gaps): every finding of the plan a document belongs to, from the
 * diagnostics of the plan's files as validated (the checks' findings with their acceptances applied),
 * worded in the plan's language. Nothing is computed here that the checks did not find.
 */
export function planGaps(analysis: PraAnalysisService, uri: string): GapsResult {
    const { analysis: plan, lang } = analysis.forUri(uri);
    const title = plan.model.header?.title ?? decodeURIComponent(plan.model.rootUri.slice(plan.model.rootUri.lastIndexOf('/') + 1));
    const planDocuments = analysis.planDocuments(uri);
    const items = planDocuments.flatMap(document => sorted(document.diagnostics ?? []).map((diagnostic): GapItem => {
        const finding = findingOf(diagnostic);
        const data = (diagnostic.data ?? {}) as { kind?: unknown };
        const kind = typeof data.kind === 'string' ? data.kind : undefined;
        return {
            code: finding.code, title: titleOf(finding.code, lang), severity: finding.severity, message: finding.message,
            uri: document.uri.toString(), range: finding.range,
            ...(finding.element !== undefined ? { element: finding.element } : {}),
            ...(kind !== undefined ? { kind } : {}),
            group: finding.element !== undefined ? `${kind ? `${word(kind, lang)} ` : ''}${finding.element}` : title,
            ...(finding.accepted ? { accepted: finding.accepted } : {}),
            acceptable: !finding.accepted && isPraCode(finding.code) && !structuralCodes.has(finding.code)
        };
    }));
    return { rootUri: plan.model.rootUri, title, lang, items, roles: plan.model.roles.map(r => r.name) };
}

function sorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
