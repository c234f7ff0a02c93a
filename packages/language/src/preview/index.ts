export * from './pra-preview-labels.js';
export * from './pra-preview-model.js';
