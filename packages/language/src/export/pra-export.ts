import { URI, UriUtils, type LangiumDocument } from 'langium';
import { isOpen } from '../pra-check-report.js';
import type { Lang } from '../pra-messages.js';
import type { PlanModel } from '../pra-model.js';
import type { PraServices } from '../pra-module.js';
import { renderBiaWorkbook } from '../bia/bia-workbook.js';
import { buildPlanDocument, type DocumentChanges, type PlanDocument, type PlanFinding } from './pra-document-model.js';
export type { DocumentChanges } from './pra-document-model.js';

export type ExportFormat = 'docx' | 'pdf' | 'html' | 'md' | 'json' | 'xlsx';
/** `xlsx` is the business impact analysis workbook (bia/bia-workbook.ts), read back by `pra import`. */
export const exportFormats: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'md', 'json', 'xlsx'];

export interface ExportOptions {
    format: ExportFormat;
    /** The document's language; the plan's own `language` (or the editor's override) by default. */
    lang?: Lang;
    /** Export even when the plan has errors; the document is then marked as a draft. */
    force?: boolean;
    /** What changed since an earlier version: a "changes since" table in the version history. */
    changes?: DocumentChanges;
}

export interface ExportResult {
    content: Uint8Array;
    /** The file extension of the format, without the dot. */
    extension: string;
    draft: boolean;
}

/** A plan with errors that was not forced: nothing is written. */
export class ExportRefusedError extends Error {
    constructor(readonly file: string, readonly errorCount: number) {
        const one = errorCount === 1;
        super(`${file}: the plan has ${errorCount} error${one ? '' : 's'}; `
            + `fix ${one ? 'it' : 'them'} (see pra check) or use --force to export a draft`);
    }
}

/** The checks, the analysis or the layout could not run to the end: nothing is exported, not even a draft. */
export class ExportImpossibleError extends Error {
    constructor(readonly file: string, reason: string, cause?: unknown) {
        super(`${file}: ${reason} Nothing was exported.`, { cause });
    }
}

/**
 * Builds the document of the plan `document` belongs to; throws ExportRefusedError when the plan has
 * errors and !force. `document` (and the files it imports) must have been built with validation.
 */
export async function exportDocument(services: PraServices, document: LangiumDocument, options: ExportOptions): Promise<ExportResult> {
    let context;
    try {
        context = services.analysis.PraAnalysisService.forDocument(document);
    } catch (error) {
        throw new ExportImpossibleError(UriUtils.basename(document.uri), failureText(error), error);
    }
    const { analysis } = context;
    const lang = options.lang ?? context.lang;
    const rootUri = URI.parse(analysis.model.rootUri);
    const rootFolder = UriUtils.dirname(rootUri);
    const fileOf = (uri: string): string => UriUtils.relative(rootFolder, URI.parse(uri));
    const files = analysis.model.uris.map(fileOf);
    const findings: PlanFinding[] = [];
    for (const { uri, ...finding } of services.analysis.PraAnalysisService.planFindingsOf(document.uri.toString())) {
        findings.push({ ...finding, file: fileOf(uri) });
    }
    const failure = findings.find(f => f.code === 'internal-error');
    if (failure) throw new ExportImpossibleError(failure.file, failure.message);
    const errors = findings.filter(f => isOpen(f) && f.severity === 'error').length;
    if (errors > 0 && !options.force) throw new ExportRefusedError(UriUtils.basename(rootUri), errors);
    try {
        return await render(buildPlanDocument(analysis, findings, lang, { sourceFiles: files, changes: options.changes }), options.format,
            analysis.model, lang);
    } catch (error) {
        throw new ExportImpossibleError(UriUtils.basename(rootUri), failureText(error), error);
    }
}

/** `plan` and `lang` for the BIA workbook, which is built from the plan's model, not the document. */
async function render(model: PlanDocument, format: ExportFormat, plan: PlanModel, lang: Lang): Promise<ExportResult> {
    const encoder = new TextEncoder();
    // Loaded here, not at start: see pra-renderers.ts.
    const { renderDocx, renderExtras, renderHtml, renderJson, renderMarkdown, renderPdf } = await import('./pra-renderers.js');
    switch (format) {
        case 'docx': return { content: await renderDocx(model, await renderExtras(model, true)), extension: 'docx', draft: model.draft };
        case 'pdf': return { content: await renderPdf(model, await renderExtras(model)), extension: 'pdf', draft: model.draft };
        case 'html': return { content: encoder.encode(renderHtml(model, await renderExtras(model))), extension: 'html',
            draft: model.draft };
        case 'md': return { content: encoder.encode(renderMarkdown(model)), extension: 'md', draft: model.draft };
        case 'json': return { content: encoder.encode(renderJson(model)), extension: 'json', draft: model.draft };
        case 'xlsx': return { content: await renderBiaWorkbook(plan, lang), extension: 'xlsx', draft: model.draft };
    }
}

/** An exception while analysing or rendering, as the one-line reason of the refusal. */
function failureText(error: unknown): string {
    const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `the export could not be built (${name.split('\n')[0]}); please report it with this file.`;
}
