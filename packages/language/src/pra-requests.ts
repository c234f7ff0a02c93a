import { DocumentState, URI, WorkspaceCache, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ExportTargetRefusedError, writeFileAtomic } from './export/atomic-write.js';
import { ExportImpossibleError, ExportRefusedError, exportDocument, exportFormats } from './export/pra-export.js';
import { isPraFile } from './generated/ast.js';
import { PraInputError } from './pra-input-error.js';
import type { Lang } from './pra-messages.js';
import type { PraServices } from './pra-module.js';
import { isValidName } from './pra-syntax.js';
import { buildPreviewModel, type PlanFinding } from './preview/pra-preview-model.js';
import { PraCodeActionProvider } from './lsp/pra-code-action-provider.js';
import { planGaps } from './pra-gaps.js';
import {
    acceptFindingRequest, exportRequest, gapsRequest, previewModelRequest, simulateRequest, type AcceptFindingParams,
    type AcceptFindingResult, type ElementSpan, type ExportOutcome, type ExportParams, type GapsParams, type GapsResult,
    type PreviewModelParams, type PreviewModelResult, type SimulateParams
} from './protocol.js';
import { answerSimulation, type SimulationAnswer } from './simulation/simulation-answer.js';

/** Custom requests of the PRA language server, answered from the analysis service. */
export function registerPraRequests(connection: Connection, shared: LangiumSharedServices, pra: PraServices): void {
    // The preview asks again on every cursor move and edit: answer from the build's result.
    const previews = new WorkspaceCache<string, PreviewModelResult | null>(shared);
    connection.onRequest(previewModelRequest, (params, token) =>
        previewModel(shared, pra, previews, params, token));
    connection.onRequest(exportRequest, (params, token) => exportPlan(shared, pra, params, token));
    connection.onRequest(gapsRequest, (params, token) => gaps(shared, pra, params, token));
    connection.onRequest(acceptFindingRequest, (params, token) => acceptFinding(shared, pra, params, token));
    connection.onRequest(simulateRequest, (params, token) => simulate(shared, pra, params, token));
    pra.shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'pra') return;
        applyLanguageSetting(shared, pra, (update.configuration as { language?: unknown } | undefined)?.language);
    });
}

async function previewModel(shared: LangiumSharedServices, pra: PraServices, previews: WorkspaceCache<string, PreviewModelResult | null>,
    params: PreviewModelParams, token: CancellationToken): Promise<PreviewModelResult | null> {
    if (typeof params?.uri !== 'string') return null;
    const uri = URI.parse(params.uri);
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.WorkspaceManager.ready;
    if (!documents.hasDocument(uri)) return null;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    // A normal read runs after every queued write: an edit sent just before this request is built.
    return shared.workspace.WorkspaceLock.read(() => documents.hasDocument(uri)
        ? previews.get(params.uri, () => safePreviewOf(pra, params.uri)) : null);
}

/** "What if it fails now?": the outage simulated on the plan as built, after any edit sent before. */
async function simulate(shared: LangiumSharedServices, pra: PraServices, params: SimulateParams,
    token: CancellationToken): Promise<SimulationAnswer | null> {
    if (typeof params?.uri !== 'string' || !Array.isArray(params.down) || !params.down.every(n => typeof n === 'string')
        || (params.at !== undefined && typeof params.at !== 'string')) return null;
    const uri = URI.parse(params.uri);
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.WorkspaceManager.ready;
    if (!documents.hasDocument(uri)) return null;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    return shared.workspace.WorkspaceLock.read(() => {
        if (!documents.hasDocument(uri)) return null;
        try {
            const { analysis, lang } = pra.analysis.PraAnalysisService.forUri(params.uri);
            return answerSimulation(analysis, lang, { down: params.down, at: params.at });
        } catch (error) {
            // A refusal naming the failure, never an internal error for the client (the plan's diagnostics report it).
            const failure = error instanceof Error ? `${error.name}: ${error.message}`.split('\n')[0] : String(error);
            return { refused: `the simulation failed (${failure}); please report it with the plan` };
        }
    });
}

/** No preview rather than an error: the plan's `internal-error` diagnostic already reports the failure. */
function safePreviewOf(pra: PraServices, uri: string): PreviewModelResult | null {
    try {
        return previewOf(pra, uri);
    } catch {
        return null;
    }
}

/** The preview of the plan `uri` belongs to (throws when the analysis fails; the request answers null then). */
export function previewOf(pra: PraServices, uri: string): PreviewModelResult {
    const service = pra.analysis.PraAnalysisService;
    const { analysis, lang } = service.forUri(uri);
    const planDocuments = service.planDocuments(uri);
    const findings: PlanFinding[] = service.planFindingsOf(uri);
    const syntaxErrors = planDocuments.reduce((n, d) => n + d.parseResult.lexerErrors.length + d.parseResult.parserErrors.length, 0);
    return { model: buildPreviewModel(analysis, findings, lang), syntaxErrors, spans: planDocuments.flatMap(elementSpans) };
}

function elementSpans(document: LangiumDocument): ElementSpan[] {
    const root = document.parseResult.value;
    if (!isPraFile(root)) return [];
    return root.elements.flatMap(element => {
        const name = (element as { name?: unknown }).name;
        const range = element.$cstNode?.range;
        if (typeof name !== 'string' || !range) return [];
        return [{
            uri: document.uri.toString(), kind: element.$type.toLowerCase(), name,
            startLine: range.start.line, endLine: range.end.line
        }];
    });
}

function applyLanguageSetting(shared: LangiumSharedServices, pra: PraServices, setting: unknown): void {
    const override: Lang | undefined = setting === 'fr' || setting === 'en' ? setting : undefined;
    if (pra.PraSettings.languageOverride === override) return;
    pra.PraSettings.languageOverride = override;
    // Messages are worded at validation: rebuild every document in the new language.
    const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
    void shared.workspace.DocumentBuilder.update(uris, []);
}

async function exportPlan(shared: LangiumSharedServices, pra: PraServices, params: ExportParams,
    token: CancellationToken): Promise<ExportOutcome> {
    if (typeof params?.uri !== 'string' || typeof params.target !== 'string' || !params.target
        || !exportFormats.includes(params.format)) {
        return { canForce: false, refused: 'pra/export needs a uri, a target path and a format among ' + exportFormats.join(', ') };
    }
    const uri = URI.parse(params.uri);
    await shared.workspace.WorkspaceManager.ready;
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) return { canForce: false, refused: `${params.uri}: not a plan of the workspace` };
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    const lang = params.lang === 'fr' || params.lang === 'en' ? params.lang : undefined;
    try {
        const result = await shared.workspace.WorkspaceLock.read(() =>
            exportDocument(pra, documents.getDocument(uri)!, { format: params.format, lang, force: params.force === true }));
        await writeFileAtomic(params.target, result.content, { force: params.force === true });
        return { written: params.target, draft: result.draft };
    } catch (error) {
        if (error instanceof ExportRefusedError || error instanceof PraInputError || error instanceof ExportImpossibleError) {
            const canForce = error instanceof ExportRefusedError || (error instanceof ExportTargetRefusedError && error.canForce);
            return error instanceof ExportRefusedError
                ? { refused: error.message, canForce, errorCount: error.errorCount } : { refused: error.message, canForce };
        }
        // Never an internal error for the client: a one-line refusal that names the failure.
        const failure = error instanceof Error ? `${error.name}: ${error.message}`.split('\n')[0] : String(error);
        return { refused: `${params.target}: the export failed (${failure}); please report it with the plan.`, canForce: false };
    }
}

/** The document of a request's `uri` once built and validated, read under the workspace lock; undefined when unknown. */
async function validated<T>(shared: LangiumSharedServices, uri: unknown, token: CancellationToken,
    read: (document: LangiumDocument) => T): Promise<T | undefined> {
    if (typeof uri !== 'string') return undefined;
    const parsed = URI.parse(uri);
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.WorkspaceManager.ready;
    if (!documents.hasDocument(parsed)) return undefined;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
    return shared.workspace.WorkspaceLock.read(() => documents.hasDocument(parsed) ? read(documents.getDocument(parsed)!) : undefined);
}

async function gaps(
    shared: LangiumSharedServices, pra: PraServices, params: GapsParams, token: CancellationToken
): Promise<GapsResult | null> {
    const result = await validated(shared, params?.uri, token, document =>
        planGaps(pra.analysis.PraAnalysisService, document.uri.toString()));
    return result ?? null;
}

const isPosition = (p: unknown): p is { line: number; character: number } =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line?: unknown }).line)
    && Number.isInteger((p as { character?: unknown }).character);

/** The `accept` line for one finding, with the consultant's reason and role: the quick fix's own logic. */
async function acceptFinding(shared: LangiumSharedServices, pra: PraServices, params: AcceptFindingParams,
    token: CancellationToken): Promise<AcceptFindingResult> {
    const reason = typeof params?.reason === 'string' ? params.reason.trim() : '';
    const by = typeof params?.by === 'string' ? params.by.trim() : '';
    if (!reason || /[\r\n]/.test(reason) || !isValidName(by) || typeof params.code !== 'string' || !isPosition(params.range?.start)) {
        return { refused: 'pra/acceptFinding needs a uri, a code, a range, a one-line reason and a role name' };
    }
    const provider = pra.lsp.CodeActionProvider;
    if (!(provider instanceof PraCodeActionProvider)) return { refused: 'no code actions in this server' };
    const result = await validated(shared, params.uri, token, (document): AcceptFindingResult => {
        const start = params.range.start;
        const diagnostic = (document.diagnostics ?? []).find(d => d.range.start.line === start.line
            && d.range.start.character === start.character && ((d.data as { code?: unknown } | undefined)?.code ?? d.code) === params.code);
        if (!diagnostic) return { refused: `${params.code}: no such finding at ${start.line + 1}:${start.character + 1}` };
        const edit = provider.acceptEdit(document, diagnostic, reason, by);
        return edit?.changes ? { edit: { changes: edit.changes } } : { refused: `${params.code} cannot be accepted here` };
    });
    return result ?? { refused: `${params.uri}: not a plan of the workspace` };
}
