// The PRA protocol, in one place: the custom requests of the language server (`pra/previewModel`,
// `pra/export`) and the messages between the VS Code extension and its preview webview. The server,
// the extension, the webview and the tests import it as `pra-language/protocol`; the webview imports
// types only, so nothing of the JSON-RPC library reaches the browser bundle.
import { RequestType } from 'vscode-jsonrpc';
import type { ExportFormat } from './export/pra-export.js';
import type { Lang } from './pra-messages.js';
import type { PreviewModel } from './preview/pra-preview-model.js';
import type { MatrixView } from './render/risk-matrix-svg.js';

export type { ExportFormat } from './export/pra-export.js';
export type { Lang } from './pra-messages.js';
export type * from './preview/pra-preview-model.js';
export type { PreviewLabels } from './preview/pra-preview-labels.js';

/** A request of the protocol: its method name, the type of its parameters and of its result. */
export type PraRequest<P, R> = RequestType<P, R, void>;

// ---- pra/previewModel ---------------------------------------------------------------------------

/** Where an element is written, whole: the preview highlights the element under the cursor. */
export interface ElementSpan { uri: string; kind: string; name: string; startLine: number; endLine: number }

export interface PreviewModelParams { uri: string }
export interface PreviewModelResult {
    model: PreviewModel;
    /** Syntax errors in the plan's files: the client keeps its last good picture while there are some. */
    syntaxErrors: number;
    spans: ElementSpan[];
}

/** The preview's view model of the plan a document belongs to; null when the document is not known. */
export const previewModelRequest: PraRequest<PreviewModelParams, PreviewModelResult | null> = new RequestType('pra/previewModel');

// ---- pra/export ---------------------------------------------------------------------------------

export interface ExportParams { uri: string; format: ExportFormat; lang?: Lang; force?: boolean; target: string }
/**
 * Written, or refused with the one-line reason (errors in the plan, or a file that cannot be written).
 * Not to be confused with the export library's `ExportResult` (the bytes of the document).
 */
export type ExportOutcome = { written: string; draft: boolean } | { refused: string; canForce: boolean };

/** Writes the plan's document to `target`, on the server's side (it reads the plan as built). */
export const exportRequest: PraRequest<ExportParams, ExportOutcome> = new RequestType('pra/export');

// ---- the preview webview ------------------------------------------------------------------------

/** Which risk positions the matrix shows: before mitigation, or after (the drawing's view). */
export type PreviewMode = MatrixView;

/** What the extension sends the preview webview. */
export type ToWebviewMessage =
    | { type: 'model'; documentUri: string; model: PreviewModel; stale: boolean; mode: PreviewMode }
    | { type: 'stale'; stale: boolean }
    | { type: 'setMode'; mode: PreviewMode }
    | { type: 'highlight'; name: string | null }
    | { type: 'activate'; kind: PreviewTargetKind; name: string };

/** The clickable things of the preview, for `activate` (tests and commands click them as a user would). */
export type PreviewTargetKind = 'risk' | 'activity' | 'gap';

/**
 * What the preview page keeps across reloads (VS Code's getState/setState); VS Code hands it back to
 * the extension's webview serializer when it restores the panel, which trusts none of it.
 */
export interface PreviewPageState {
    model?: PreviewModel;
    documentUri?: string;
    mode?: PreviewMode;
    stale?: boolean;
}

/** What the preview webview sends the extension. The extension checks each one: the page is not trusted. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; uri: string; line: number; character: number }
    | { type: 'saveSvg' }
    | { type: 'mode'; mode: PreviewMode }
    | { type: 'rendered'; mode: PreviewMode; stale: boolean; cells: Record<string, string[]> };
