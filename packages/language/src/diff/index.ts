export * from './plan-diff.js';
export * from './diff-render.js';
export * from './plan-snapshot.js';
