import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AcceptedData } from './pra-acceptance.js';
import { checkSeverities, isPraCode, praCodes, type Severity } from './pra-codes.js';
import { fixOf, titleOf, type Lang } from './pra-messages.js';

/** An element named beside a finding (the slowest assets of an `rto-gap`…), 1-based position. */
export interface RelatedFinding { element: string; file: string; line: number; column: number }

/** One finding as `pra check --format json` prints it (the contract's shape, version 2). */
export interface CheckFinding {
    code: string;
    /** The finding's own severity, even when it is accepted. */
    severity: Severity;
    /** The finding's message, without the acceptance in front. */
    message: string;
    element?: string;
    line: number;
    column: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    accepted?: AcceptedData;
    related?: RelatedFinding[];
}

export interface CheckSummary { errors: number; warnings: number; info: number; accepted: number }
/** `context`: the plan a file without its own `plan` block was judged in (the plan that imports it). */
export interface CheckReport {
    version: 2;
    summary: CheckSummary;
    files: Array<{ file: string; context?: string; diagnostics: CheckFinding[] }>;
}

const severityNames: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
export const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

interface DiagnosticData {
    code?: unknown;
    element?: unknown;
    accepted?: AcceptedData;
    severity?: Severity;
    message?: string;
    related?: RelatedFinding[];
}

export function codeOf(diagnostic: Diagnostic): string {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = data?.code ?? diagnostic.code;
    return typeof code === 'string' ? code : 'parsing-error';
}

export function findingOf(diagnostic: Diagnostic): CheckFinding {
    const data = (diagnostic.data ?? {}) as DiagnosticData;
    const code = codeOf(diagnostic);
    const accepted = data.accepted;
    const finding: CheckFinding = {
        code,
        severity: accepted && data.severity ? data.severity
            : severityNames[diagnostic.severity ?? 1] ?? (isPraCode(code) ? checkSeverities[code] : 'error'),
        message: accepted && typeof data.message === 'string' ? data.message
            : typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        range: { start: { ...diagnostic.range.start }, end: { ...diagnostic.range.end } }
    };
    if (typeof data.element === 'string') finding.element = data.element;
    if (accepted) finding.accepted = { ...accepted };
    if (Array.isArray(data.related) && data.related.length > 0) finding.related = data.related.map(r => ({ ...r }));
    return finding;
}

/** Findings of a document in reading order. */
export function documentFindings(document: LangiumDocument): CheckFinding[] {
    return (document.diagnostics ?? []).map(findingOf)
        .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** The findings that count: not accepted. */
export const isOpen = (finding: CheckFinding): boolean => finding.accepted === undefined;

/**
 * The report of `pra check`: `fileOf` turns the URI of a related element's file into the path shown
 * (the same way as the files checked).
 */
export function checkReport(
    files: ReadonlyArray<{ file: string; context?: string; document: LangiumDocument }>, fileOf: (uri: string) => string = uri => uri
): CheckReport {
    const entries = files.map(({ file, context, document }) => ({
        file,
        ...(context !== undefined ? { context } : {}),
        diagnostics: documentFindings(document).map(finding => finding.related
            ? { ...finding, related: finding.related.map(r => ({ ...r, file: fileOf(r.file) })) } : finding)
    }));
    const summary: CheckSummary = { errors: 0, warnings: 0, info: 0, accepted: 0 };
    for (const finding of entries.flatMap(f => f.diagnostics)) {
        if (!isOpen(finding)) summary.accepted++;
        else if (finding.severity === 'error') summary.errors++;
        else if (finding.severity === 'warning') summary.warnings++;
        else summary.info++;
    }
    return { version: 2, summary, files: entries };
}

export function hasErrors(report: CheckReport): boolean {
    return failsAt(report, 'error');
}

/** Whether an open (not accepted) finding is at or above `level`: what `--fail-on` exits 1 for. */
export function failsAt(report: CheckReport, level: Severity): boolean {
    return report.files.some(f => f.diagnostics.some(d => isOpen(d) && severityRank[d.severity] >= severityRank[level]));
}

/** A short hash that is the same on every machine and run (FNV-1a, twice with two seeds): no crypto needed. */
function stableHash(text: string): string {
    let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193) >>> 0;
        b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const sarifLevels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
    lang: Lang;
    version: string;
    /** The folder artifact URIs are relative to (`%SRCROOT%`): the working directory. */
    sourceRoot: string;
    /** Where each code is documented: an anchor per code is appended. */
    helpBase: string;
    /**
     * Files that could not be read: the run is then not successful, and each is a notification of
     * the run's invocation (the SARIF document stays valid, with the results it has).
     */
    unreadable?: ReadonlyArray<{ file: string; message: string }>;
}

function fileUri(folder: string): string {
    const normal = folder.split('\\').join('/');
    const withSlash = normal.endsWith('/') ? normal : `${normal}/`;
    return `file://${withSlash.startsWith('/') ? '' : '/'}${encodeURI(withSlash)}`;
}

/** The artifact location of a file: relative to the source root when inside it, else as given. */
function artifactOf(file: string, sourceRoot: string): { uri: string; uriBaseId?: string } {
    const normal = file.split('\\').join('/');
    const root = sourceRoot.split('\\').join('/').replace(/\/?$/, '/');
    if (normal.startsWith(root)) return { uri: encodeURI(normal.slice(root.length)), uriBaseId: '%SRCROOT%' };
    if (!normal.startsWith('/') && !/^[a-zA-Z]:\//.test(normal) && !normal.startsWith('../')) return { uri: encodeURI(normal), uriBaseId: '%SRCROOT%' };
    return { uri: encodeURI(normal) };
}

/** The run's invocation: successful unless a file could not be read, each such file a notification. */
function invocationOf(options: SarifOptions): object {
    const unreadable = options.unreadable ?? [];
    return {
        executionSuccessful: unreadable.length === 0,
        ...(unreadable.length > 0 ? {
            toolExecutionNotifications: unreadable.map(({ file, message }) => ({
                level: 'error',
                message: { text: message },
                locations: [{ physicalLocation: { artifactLocation: artifactOf(file, options.sourceRoot) } }]
            }))
        } : {})
    };
}

/** The report as SARIF 2.1.0, one rule per code of the codes table, for code-scanning tools. */
export function toSarif(report: CheckReport, options: SarifOptions): object {
    const { lang } = options;
    const seen = new Map<string, number>();
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'pra',
                    version: options.version,
                    informationUri: options.helpBase,
                    rules: praCodes.map(code => ({
                        id: code,
                        name: code,
                        shortDescription: { text: titleOf(code, lang) },
                        fullDescription: { text: `${titleOf(code, lang)}. ${fixOf(code, lang)}` },
                        help: { text: fixOf(code, lang) },
                        helpUri: `${options.helpBase}#${code}`,
                        defaultConfiguration: { level: sarifLevels[checkSeverities[code]] }
                    }))
                }
            },
            invocations: [invocationOf(options)],
            originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(options.sourceRoot) } },
            results: report.files.flatMap(({ file, diagnostics }) => diagnostics.map(d => {
                const artifact = artifactOf(file, options.sourceRoot);
                // Stable across runs for the same code, element and file; numbered when they repeat.
                const key = `${d.code}\u0000${d.element ?? ''}\u0000${artifact.uri}`;
                const occurrence = seen.get(key) ?? 0;
                seen.set(key, occurrence + 1);
                const fingerprint = stableHash(`${key}\u0000${occurrence}`);
                return {
                    ruleId: d.code,
                    ruleIndex: Math.max(0, praCodes.indexOf(d.code as never)),
                    level: sarifLevels[d.severity],
                    message: { text: d.message },
                    locations: [{
                        physicalLocation: {
                            artifactLocation: artifact,
                            region: {
                                startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
                                endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1
                            }
                        },
                        ...(d.element ? { logicalLocations: [{ name: d.element }] } : {})
                    }],
                    partialFingerprints: { 'praFinding/v1': fingerprint },
                    ...(d.accepted ? {
                        suppressions: [{
                            kind: 'inSource',
                            justification: `${d.accepted.reason} (${d.accepted.by}${d.accepted.until ? `, until ${d.accepted.until}` : ''})`
                        }]
                    } : {})
                };
            }))
        }]
    };
}
