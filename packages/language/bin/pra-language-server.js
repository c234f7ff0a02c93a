#!/usr/bin/env node
// The bundled server (`npm run build`) starts fastest; the compiled modules work as well.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundle = new URL('../dist/server.cjs', import.meta.url);
if (existsSync(bundle)) createRequire(import.meta.url)(bundle.pathname);
else await import('../out/main.js');
