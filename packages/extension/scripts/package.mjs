// Writes pra-<version>.vsix at the repository root, offline: the extension is bundled (dist/), so
// vsce needs none of the workspace's node_modules (--no-dependencies).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(extension, '../..');
const { version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const built = [
    'dist/extension.cjs', 'dist/server.cjs', 'dist/renderers.cjs', 'dist/resvg.wasm', 'dist/syntaxes/pra.tmLanguage.json',
    'media/preview.js'
];
for (const file of built) {
    if (!existsSync(join(extension, file))) {
        console.error(`package: ${file} missing: run "npm run bundle --workspace packages/extension" (or "npm run build") first`);
        process.exit(1);
    }
}
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const out = join(root, `pra-${version}.vsix`);
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    { cwd: extension, stdio: 'inherit', env: { ...process.env, VSCE_TELEMETRY: 'false' } });
console.log(`package: ${out}`);
