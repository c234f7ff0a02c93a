// Runs `pra check` in this process and prints its peak resident memory on the last line of stderr,
// so a test can bound the memory of a whole run without an external `time` command.
import { Writable } from 'node:stream';
import { main } from '../../packages/cli/out/main.js';

const discard = new Writable({ write(_chunk, _encoding, done) { done(); } });
const started = performance.now();
const code = await main(process.argv.slice(2), discard, process.stderr);
process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS} KB, ${Math.round(performance.now() - started)} ms\n`);
process.exitCode = code;
