#!/usr/bin/env node
// The bundle (`npm run build`, dist/pra.cjs) starts fastest, with V8's code cache (pra-language's
// bin/run-bundle.js); the compiled modules work as well.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/pra.cjs', import.meta.url));
if (existsSync(bundle)) {
    const { runBundle } = await import('pra-language/run-bundle');
    runBundle(bundle);
} else {
    const { main } = await import('../out/main.js');
    const { argvLanguage } = await import('../out/cli-messages.js');
    const { exitOnOutputFailure } = await import('../out/output.js');
    exitOnOutputFailure(process.stdout, process.stderr, argvLanguage(process.argv.slice(2)));
    process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
}
