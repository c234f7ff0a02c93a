// Runs `langium generate` (from the repository root, where langium-config.json is) with the
// Object.groupBy polyfill loaded first: chevrotain, inside langium-cli, needs it on Node 20. This runs
// before tsc, so esbuild strips the types of src/polyfill.ts here: one polyfill, no JavaScript copy.
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const language = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { code } = transformSync(readFileSync(join(language, 'src/polyfill.ts'), 'utf8'), { loader: 'ts', format: 'esm' });
await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));

// langium-cli exports its library, not its command: reach the command beside the library.
process.argv = [process.argv[0], 'langium', 'generate', ...process.argv.slice(2)];
await import(new URL('../bin/langium.js', import.meta.resolve('langium-cli')).href);
