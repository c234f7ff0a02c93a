import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkSeverities, isPraCode, praCodes, type Severity } from './pra-codes.js';
import { fixOf, titleOf, type Lang } from './pra-messages.js';

/** One finding as `pra check --format json` prints it (the contract's shape). */
export interface CheckFinding {
    code: string;
    severity: Severity;
    message: string;
    element?: string;
    line: number;
    column: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CheckReport { files: Array<{ file: string; diagnostics: CheckFinding[] }> }

const severityNames: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function codeOf(diagnostic: Diagnostic): string {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = data?.code ?? diagnostic.code;
    return typeof code === 'string' ? code : 'parsing-error';
}

export function findingOf(diagnostic: Diagnostic): CheckFinding {
    const data = diagnostic.data as { element?: unknown } | undefined;
    const code = codeOf(diagnostic);
    const finding: CheckFinding = {
        code,
        severity: severityNames[diagnostic.severity ?? 1] ?? (isPraCode(code) ? checkSeverities[code] : 'error'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        range: { start: { ...diagnostic.range.start }, end: { ...diagnostic.range.end } }
    };
    if (typeof data?.element === 'string') finding.element = data.element;
    return finding;
}

/** Findings of a document in reading order. */
export function documentFindings(document: LangiumDocument): CheckFinding[] {
    return (document.diagnostics ?? []).map(findingOf)
        .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

export function checkReport(files: ReadonlyArray<{ file: string; document: LangiumDocument }>): CheckReport {
    return { files: files.map(({ file, document }) => ({ file, diagnostics: documentFindings(document) })) };
}

export function hasErrors(report: CheckReport): boolean {
    return report.files.some(f => f.diagnostics.some(d => d.severity === 'error'));
}

const sarifLevels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The report as SARIF 2.1.0, one rule per code of the codes table. */
export function toSarif(report: CheckReport, lang: Lang, version: string): object {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'pra',
                    version,
                    rules: praCodes.map(code => ({
                        id: code,
                        name: code,
                        shortDescription: { text: titleOf(code, lang) },
                        fullDescription: { text: `${titleOf(code, lang)}. ${fixOf(code, lang)}` },
                        help: { text: fixOf(code, lang) },
                        defaultConfiguration: { level: sarifLevels[checkSeverities[code]] }
                    }))
                }
            },
            results: report.files.flatMap(({ file, diagnostics }) => diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: Math.max(0, praCodes.indexOf(d.code as never)),
                level: sarifLevels[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: file.split('\\').join('/') },
                        region: {
                            startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
                            endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1
                        }
                    },
                    ...(d.element ? { logicalLocations: [{ name: d.element }] } : {})
                }]
            })))
        }]
    };
}
