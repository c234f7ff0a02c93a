#!/usr/bin/env node
// The bundled server (`npm run build`) starts fastest, with V8's code cache (run-bundle.js, written
// a few seconds after a start); the compiled modules work as well. CommonJS (bin/package.json), like
// run-bundle.js: node then starts without its ES module loader.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { runBundle } = require('./run-bundle.js');

const bundle = path.join(__dirname, '../dist/server.cjs');
if (existsSync(bundle)) runBundle(bundle, 3000);
else import('../out/main.js');
