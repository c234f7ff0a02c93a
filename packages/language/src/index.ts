import './polyfill.js';

export * as ast from './generated/ast.js';
export * from './pra-analysis.js';
export * from './pra-analysis-service.js';
export * from './pra-codes.js';
export * from './pra-messages.js';
export * from './pra-model.js';
export * from './pra-module.js';
export * from './pra-vocabulary.js';
export * from './pra-check-report.js';
export * from './pra-risk-matrix.js';
export * from './export/pra-export.js';
export * from './diff/index.js';
export * from './bia/index.js';
export * from './simulation/index.js';
