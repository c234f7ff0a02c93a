import type { PlanDocument } from './pra-document-model.js';

/**
 * The document model as JSON: keys in the model's own fixed order (schemaVersion first), dates ISO,
 * durations `{ minutes, text }`, two-space indentation, a final newline.
 */
export function renderJson(document: PlanDocument): string {
    return JSON.stringify(document, null, 2) + '\n';
}
