// Bundles the language server into one CommonJS file: loading one file instead of Langium's
// hundreds of modules is what makes the standalone server and the extension start fast.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const language = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// main.ts imports ./polyfill.js first: esbuild keeps that order, so Object.groupBy exists before chevrotain runs.
await build({
    entryPoints: [join(language, 'src/main.ts')], outfile: join(language, 'dist/server.cjs'),
    // exceljs (xlsx export and import) is loaded from node_modules on first use: see src/bia/excel.ts.
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, external: ['exceljs'],
    logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }
});
console.log('bundle: packages/language/dist/server.cjs');
