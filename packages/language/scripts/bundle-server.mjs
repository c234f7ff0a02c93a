// Bundles the language server into one CommonJS file: loading one file instead of Langium's
// hundreds of modules is what makes the standalone server and the extension start fast.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleRenderers, lazyRenderers } from './lazy-renderers.mjs';
import { oneInterop } from './one-interop.mjs';

const language = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// main.ts imports ./polyfill.js first: esbuild keeps that order, so Object.groupBy exists before chevrotain runs.
await build({
    entryPoints: [join(language, 'src/main.ts')], outfile: join(language, 'dist/server.cjs'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, supported: { 'dynamic-import': false },
    // Loaded from node_modules on first use, not bundled: exceljs (xlsx export and import, see src/bia/excel.ts) and
    // the native resvg (Word's PNGs; where it is not installed, src/export/svg-png.ts uses dist/resvg.wasm).
    external: ['exceljs', '@resvg/resvg-js'], plugins: [lazyRenderers('./renderers.cjs'), oneInterop(language)],
    logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }
});
await bundleRenderers(language);
console.log('bundle: packages/language/dist/server.cjs, dist/renderers.cjs (the export renderers, loaded on the first export)');
