#!/usr/bin/env node
// The bundle (`npm run build`, dist/pra.cjs) starts fastest, with V8's code cache (pra-language's
// bin/run-bundle.js); the compiled modules work as well. CommonJS (bin/package.json): node then
// starts without its ES module loader.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '../dist/pra.cjs');
if (existsSync(bundle)) {
    require('pra-language/run-bundle').runBundle(bundle);
} else {
    (async () => {
        const { main } = await import('../out/main.js');
        const { argvLanguage } = await import('../out/cli-messages.js');
        const { exitOnOutputFailure } = await import('../out/output.js');
        exitOnOutputFailure(process.stdout, process.stderr, argvLanguage(process.argv.slice(2)));
        process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
    })();
}
