#!/usr/bin/env node
import { main } from '../out/main.js';
import { argvLanguage } from '../out/cli-messages.js';
import { exitOnOutputFailure } from '../out/output.js';

exitOnOutputFailure(process.stdout, process.stderr, argvLanguage(process.argv.slice(2)));
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
