#!/usr/bin/env node
// The bundled server (`npm run build`) starts fastest, with V8's code cache (run-bundle.js, written
// a few seconds after a start); the compiled modules work as well.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBundle } from './run-bundle.js';

const bundle = fileURLToPath(new URL('../dist/server.cjs', import.meta.url));
if (existsSync(bundle)) runBundle(bundle, 3000);
else await import('../out/main.js');
