// Bundles the extension (client), the language server and the integration test suite with esbuild
// (CommonJS, `vscode` external), the preview webview's script (browser, IIFE) into media/, and copies
// the grammar into dist/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(extension, '../..');
const dist = join(extension, 'dist');
const production = process.argv.includes('--production');

// The protocol (pra-language/protocol) builds its RequestTypes with the server's vscode-jsonrpc; the
// client has its own copy. Resolve the protocol's import from the client's folder: one copy shipped.
const oneJsonRpc = {
    name: 'one-vscode-jsonrpc',
    setup(build) {
        const clientFolder = join(root, 'node_modules/vscode-languageclient');
        build.onResolve({ filter: /^vscode-jsonrpc$/ }, args => args.resolveDir.startsWith(clientFolder) || args.pluginData === 'again'
            ? undefined : build.resolve(args.path, { kind: args.kind, resolveDir: clientFolder, pluginData: 'again' }));
    }
};

const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [oneJsonRpc],
    sourcemap: !production, minify: production, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' }
};

await Promise.all([
    build({ ...common, entryPoints: [join(extension, 'src/extension.ts')], outfile: join(dist, 'extension.cjs') }),
    build({
        ...common, entryPoints: [join(root, 'test/extension/suite/index.ts')], outfile: join(root, 'test/extension/out/index.cjs'),
        external: ['vscode', 'mocha'], sourcemap: true, minify: false
    }),
    // The webview page's script: it imports the protocol's types and the pure matrix drawing only.
    build({
        entryPoints: [join(extension, 'src/webview/main.ts')], outfile: join(extension, 'media/preview.js'),
        bundle: true, platform: 'browser', format: 'iife', target: 'es2022',
        sourcemap: production ? false : 'inline', minify: production, logLevel: 'warning'
    })
]);

// The language server is the language package's bundle (built just before), shipped as is, with the
// export renderers it loads on the first export (dist/renderers.cjs, beside it) and resvg's WebAssembly
// module for Word's pictures (dist/resvg.wasm: no native binary is shipped).
copyFileSync(join(root, 'packages/language/dist/server.cjs'), join(dist, 'server.cjs'));
copyFileSync(join(root, 'packages/language/dist/renderers.cjs'), join(dist, 'renderers.cjs'));
copyFileSync(join(root, 'packages/language/dist/resvg.wasm'), join(dist, 'resvg.wasm'));

mkdirSync(join(dist, 'syntaxes'), { recursive: true });
copyFileSync(join(root, 'syntaxes/pra.tmLanguage.json'), join(dist, 'syntaxes/pra.tmLanguage.json'));

// No snippet file: the language server's completion serves the snippets (pra-snippets.ts) where they
// fit — top-level elements at the top level only — which a VS Code snippet contribution cannot do.
console.log('bundle: dist/extension.cjs, dist/server.cjs, dist/renderers.cjs, dist/resvg.wasm, media/preview.js,'
    + ' test/extension/out/index.cjs');
