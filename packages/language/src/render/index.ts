/** Pure renderers (no Node, no DOM, no LSP): the webview bundles them, the exports and the extension call them. */
export * from './risk-matrix-svg.js';
export * from './svg-tree.js';
export * from './timeline-svg.js';
