// An esbuild plugin shared by the server and CLI bundles: the dynamic import of the export renderers
// (src/export/pra-renderers.ts) stays a load at run time of their own bundle, dist/renderers.cjs, so
// that a start parses and compiles none of docx, pdfmake, its fonts or elkjs.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** `runtimePath`: where the renderers bundle is, relative to the bundle being built. */
export function lazyRenderers(runtimePath) {
    return {
        name: 'lazy-renderers',
        setup(esbuild) {
            esbuild.onResolve({ filter: /\/pra-renderers\.js$/ }, () => ({ path: runtimePath, external: true }));
        }
    };
}

/**
 * Builds dist/renderers.cjs of the language package, with resvg's WebAssembly module beside it
 * (dist/resvg.wasm, what src/export/svg-png.ts looks for): Word's pictures where no native resvg is installed.
 */
export async function bundleRenderers(language) {
    await build({
        entryPoints: [join(language, 'src/export/pra-renderers.ts')], outfile: join(language, 'dist/renderers.cjs'),
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, supported: { 'dynamic-import': false },
        external: ['exceljs', '@resvg/resvg-js'], logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }
    });
    const wasm = createRequire(join(language, 'package.json')).resolve('@resvg/resvg-wasm/index_bg.wasm');
    copyFileSync(wasm, join(language, 'dist/resvg.wasm'));
}
