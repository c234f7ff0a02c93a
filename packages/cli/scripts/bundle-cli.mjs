// Bundles the CLI into one CommonJS file, dist/pra.cjs, which bin/pra.js runs: one file to read and
// compile instead of the hundreds of ES modules of Langium, Chevrotain and vscode-languageserver
// (their resolution and loading were ≈ 90 % of `pra check` on a small plan). The export renderers
// stay in the language package's dist/renderers.cjs (`pra-language/renderers`), loaded by
// `pra export` only; exceljs and resvg
// load from node_modules on first use, as in the server bundle.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyRenderers } from '../../language/scripts/lazy-renderers.mjs';
import { oneInterop } from '../../language/scripts/one-interop.mjs';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The entry is bin/pra.js's work; import.meta.url (check-command.ts, output.ts) is the bundle's own
// file, which lies as deep as out/ does, so their relative paths hold.
await build({
    stdin: {
        contents: `import '../language/out/polyfill.js';
import { main } from './out/main.js';
import { argvLanguage } from './out/cli-messages.js';
import { exitOnOutputFailure } from './out/output.js';
exitOnOutputFailure(process.stdout, process.stderr, argvLanguage(process.argv.slice(2)));
main(process.argv.slice(2), process.stdout, process.stderr).then(code => { process.exitCode = code; });`,
        resolveDir: cli, sourcefile: 'pra-cli-entry.js', loader: 'js'
    },
    outfile: join(cli, 'dist/pra.cjs'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, supported: { 'dynamic-import': false },
    external: ['exceljs', '@resvg/resvg-js'], plugins: [lazyRenderers('pra-language/renderers'), oneInterop(cli)],
    define: { 'import.meta.url': '__praBundleUrl' },
    banner: { js: 'const __praBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: 'warning'
});
console.log('bundle: packages/cli/dist/pra.cjs');
