// The document renderers, loaded on the first export only (pra-export.ts imports this module
// dynamically): docx, pdfmake and its fonts, and elkjs are most of what a start would otherwise
// load and compile for nothing (`pra check`, the language server until an export). The bundles
// (scripts/bundle-server.mjs) ship it as a file of its own, dist/renderers.cjs.
export { renderExtras } from './diagram-svg.js';
export { renderDocx } from './render-docx.js';
export { renderHtml } from './render-html.js';
export { renderJson } from './render-json.js';
export { renderMarkdown } from './render-markdown.js';
export { renderPdf } from './render-pdf.js';
