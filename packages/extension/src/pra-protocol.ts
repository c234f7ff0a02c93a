import type { PreviewModelParams, PreviewModelResult } from '../../language/src/pra-requests.js';

export type { ElementSpan, PreviewModelParams, PreviewModelResult } from '../../language/src/pra-requests.js';
export type { PreviewModel } from '../../language/src/preview/pra-preview-model.js';

/** The custom requests of the PRA language server (see packages/language/src/pra-requests.ts). */
export const previewModelRequest = 'pra/previewModel';
export const exportRequest = 'pra/export';

export type { ExportParams, ExportResponse as ExportResult } from '../../language/src/pra-requests.js';
export type { ExportFormat } from '../../language/src/export/pra-export.js';

export type PreviewModelRequest = (params: PreviewModelParams) => Promise<PreviewModelResult | null>;
