// The PRA protocol, in one place: the custom requests of the language server (`pra/previewModel`,
// `pra/export`) and the messages between the VS Code extension and its preview webview. The server,
// the extension, the webview and the tests import it as `pra-language/protocol`; the webview imports
// types only, so nothing of the JSON-RPC library reaches the browser bundle.
import { RequestType } from 'vscode-jsonrpc';
import type { ExportFormat } from './export/pra-export.js';
import type { Lang } from './pra-messages.js';
import type { PreviewModel } from './preview/pra-preview-model.js';
import type { MatrixView } from './render/risk-matrix-svg.js';
import type { UnknownName } from './simulation/resolve-down.js';
import type { SimulationAnswer, SimulationQuestion } from './simulation/simulation-answer.js';
import type { TimelineView } from './simulation/timeline-view.js';

export type { ExportFormat } from './export/pra-export.js';
export type { Lang } from './pra-messages.js';
export type * from './preview/pra-preview-model.js';
export type { PreviewLabels } from './preview/pra-preview-labels.js';
export type { SimulationAnswer, SimulationQuestion } from './simulation/simulation-answer.js';
export type { SimulationResult } from './simulation/simulation-model.js';
export type { UnknownName } from './simulation/resolve-down.js';
export type {
    TimelineView, TimelineRowView, TimelineRestoreView, TimelineProcedureView, TimelineAlertView, TimelineStepView, SegmentState
} from './simulation/timeline-view.js';

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
export type ExportOutcome = { written: string; draft: boolean }
    /** `errorCount`: refused because the plan has errors (the editor words its own dialog, in its language). */
    | { refused: string; canForce: boolean; errorCount?: number };

/** Writes the plan's document to `target`, on the server's side (it reads the plan as built). */
export const exportRequest: PraRequest<ExportParams, ExportOutcome> = new RequestType('pra/export');

// ---- pra/gaps -----------------------------------------------------------------------------------

/** A plain LSP range (0-based). */
export interface GapRange { start: { line: number; character: number }; end: { line: number; character: number } }

/** One finding of the plan, as the Gaps view lists it: everything worded by the server. */
export interface GapItem {
    code: string;
    /** The check's title in the plan's language. */
    title: string;
    /** The finding's own severity, even when accepted. */
    severity: 'error' | 'warning' | 'info' | 'hint';
    /** The message, without the acceptance in front. */
    message: string;
    uri: string;
    range: GapRange;
    /** The element the finding is about (where its `accept` goes); none for plan-wide findings. */
    element?: string;
    kind?: string;
    /** The group of the element view: "activity Facturation", or the plan's title for plan-wide findings. */
    group: string;
    accepted?: { by: string; until?: string; reason: string };
    /** Whether an `accept` line can accept it (not structural, not accepted yet). */
    acceptable: boolean;
}

export interface GapsParams { uri: string }
export interface GapsResult {
    rootUri: string;
    title: string;
    lang: Lang;
    /** Every finding of the plan's files, in reading order, file by file. */
    items: GapItem[];
    /** The roles of the plan, for "Accept…" (who accepts). */
    roles: string[];
}

/** The findings of the plan a document belongs to (all its files); null when the document is not known. */
export const gapsRequest: PraRequest<GapsParams, GapsResult | null> = new RequestType('pra/gaps');

// ---- pra/acceptFinding --------------------------------------------------------------------------

export interface AcceptFindingParams { uri: string; code: string; range: GapRange; reason: string; by: string }
/** The `accept` line the "Accept this finding…" quick fix would write, with this reason and role. */
export interface AcceptFindingResult {
    edit?: { changes: Record<string, Array<{ range: GapRange; newText: string }>> };
    /** Why nothing can be written (the finding is gone, structural or already accepted). */
    refused?: string;
}

export const acceptFindingRequest: PraRequest<AcceptFindingParams, AcceptFindingResult> = new RequestType('pra/acceptFinding');

// ---- pra/simulate -------------------------------------------------------------------------------

/** An outage to simulate in the plan a document belongs to: assets, risks or sites down, and when. */
export interface SimulateParams extends SimulationQuestion { uri: string }

/**
 * The simulated timeline and recovery order (and its Markdown, in the plan's language), the names
 * the plan lacks with close names, or why the question is wrong; null when the document is not known.
 */
export const simulateRequest: PraRequest<SimulateParams, SimulationAnswer | null> = new RequestType('pra/simulate');

/**
 * The client command the "Simulate outage" code lens runs, with the document's URI and the name of
 * the asset, risk or site as arguments.
 */
export const simulateOutageCommand = 'pra.simulateOutage';

// ---- the preview webview ------------------------------------------------------------------------

/** Which risk positions the matrix shows: before mitigation, or after (the drawing's view). */
export type PreviewMode = MatrixView;

/** The preview's views: the plan (matrix, coverage, gaps), or the timeline of a simulated outage. */
export type PreviewView = 'plan' | 'timeline';

/**
 * What the Timeline view shows, as the server answered `pra/simulate` for the scenario picked (the
 * names that fail): nothing picked yet, the chart's view model, the names the plan no longer has (with
 * close names), or why the simulation was refused.
 */
export type TimelineContent =
    | { state: 'none' }
    | { state: 'view'; down: string[]; view: TimelineView }
    | { state: 'vanished'; down: string[]; unknown: UnknownName[] }
    | { state: 'refused'; down: string[]; reason: string };

/** What the extension sends the preview webview. */
export type ToWebviewMessage =
    | { type: 'model'; documentUri: string; model: PreviewModel; stale: boolean; mode: PreviewMode }
    | { type: 'stale'; stale: boolean }
    | { type: 'setMode'; mode: PreviewMode }
    | { type: 'highlight'; name: string | null }
    | { type: 'activate'; kind: PreviewTargetKind; name: string }
    | { type: 'showView'; view: PreviewView }
    | { type: 'timeline'; timeline: TimelineContent };

/**
 * The clickable things of the preview, for `activate` (tests and commands click them as a user would);
 * `bar` is a row of the timeline (an activity, an asset or a procedure), by name.
 */
export type PreviewTargetKind = 'risk' | 'activity' | 'gap' | 'bar';

/**
 * What the preview page keeps across reloads (VS Code's getState/setState); VS Code hands it back to
 * the extension's webview serializer when it restores the panel, which trusts none of it.
 */
export interface PreviewPageState {
    model?: PreviewModel;
    documentUri?: string;
    mode?: PreviewMode;
    stale?: boolean;
    view?: PreviewView;
    timeline?: TimelineContent;
}

/** What the preview webview sends the extension. The extension checks each one: the page is not trusted. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; uri: string; line: number; character: number }
    | { type: 'saveSvg' }
    | { type: 'mode'; mode: PreviewMode }
    | { type: 'rendered'; mode: PreviewMode; stale: boolean; cells: Record<string, string[]>; tray: string[] }
    /** The user switched views, or picked the scenario (the names that fail) of the Timeline view. */
    | { type: 'view'; view: PreviewView }
    | { type: 'scenario'; down: string[] }
    /** Opens the timeline shown as a Markdown document beside (the extension has the server's text). */
    | { type: 'openMarkdown' }
    /** What the Timeline view drew: its state and the activities of its rows, in order (tests read it). */
    | { type: 'timelineRendered'; state: TimelineContent['state']; down: string[]; rows: string[] };
