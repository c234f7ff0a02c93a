// `npm run bench`: generates plans of 1,000, 5,000 and 20,000 activities (and the dense-dependency
// shape at 5,000 and 20,000) and prints one table of medians (min, max) against the performance
// targets, with a bare Langium grammar of the same shape built in the same run (bench/bare/) and
// `node -e 0` as yardsticks. Not a test: nothing here runs in `npm test` (test/perf/bench-smoke.test.ts
// runs it once on tiny plans).
// Usage: node bench/run.mjs [--runs N] [--sizes S,M,L]
//   N ≥ 5, default 5 (one warm-up run precedes each series); --sizes replaces 1,000, 5,000, 20,000
//   and, with --smoke, N may be 1 and there is no warm-up (the smoke test's tiny run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writePlan } from './generate-plan.mjs';
import { openDocument, repo, startServer, startToFirstDiagnostics } from './language-server.mjs';

const languageOut = path.join(repo, 'packages/language/out');
const cliBin = path.join(repo, 'packages/cli/bin/pra.js');
const smallPlan = path.join(repo, 'examples/clinique-vet/plan.pra');
const runsArg = process.argv.indexOf('--runs');
const SMOKE = process.argv.includes('--smoke');
const RUNS = Math.max(SMOKE ? 1 : 5, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 5 : 5);
const sizesArg = process.argv.indexOf('--sizes');
const [SMALL, MEDIUM, LARGE] = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1000, 5000, 20000];

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = values => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });

/** One warm-up, then `runs` timed runs of `fn` (which returns its own duration in ms, or undefined to time it). */
async function series(fn, runs = RUNS) {
    if (!SMOKE) await fn(); // the smoke run (test/perf/bench-smoke.test.ts) only checks that every figure is produced
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const own = await fn();
        times.push(typeof own === 'number' ? own : performance.now() - start);
    }
    return stats(times);
}

// ---------------------------------------------------------------------------------------------
// Child modes: each measurement that needs its own heap runs in a fresh `node` process.
// ---------------------------------------------------------------------------------------------

async function languageModules() {
    const node = await import(pathToFileURL(path.join(languageOut, 'node.js')).href);
    const { URI } = await import('langium');
    return { ...node, URI };
}

/** Parse, link, every check and the analysis, from the text, with a fresh services instance. */
async function buildOnce(modules, text, file) {
    const services = modules.createNodePraServices();
    const start = performance.now();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, modules.URI.file(file));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    services.analysis.PraAnalysisService.forDocument(document);
    return { ms: performance.now() - start, services, document };
}

async function childBuild(file, jsonFile, runs) {
    const modules = await languageModules();
    const text = readFileSync(file, 'utf8');
    const json = readFileSync(jsonFile, 'utf8');
    const build = await series(async () => {
        globalThis.gc?.();
        return (await buildOnce(modules, text, file)).ms;
    }, runs);
    // JSON.parse is short: time batches so that the timer's resolution does not matter.
    const batch = 10;
    const parse = await series(() => {
        const start = performance.now();
        for (let i = 0; i < batch; i++) JSON.parse(json);
        return (performance.now() - start) / batch;
    }, Math.max(runs, 10));
    return { build, parse };
}

function peakRssMb() {
    const fromStatus = /VmHWM:\s+(\d+)/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
    return (fromStatus ? Number(fromStatus[1]) : process.resourceUsage().maxRSS) / 1024;
}

async function childRss(file) {
    const modules = await languageModules();
    const { document } = await buildOnce(modules, readFileSync(file, 'utf8'), file);
    return { rssMb: peakRssMb(), diagnostics: document.diagnostics?.length ?? 0 };
}

/** The floor: the same text read by the bare grammar of bench/bare/ with Langium's default services. */
async function bareModules() {
    await import(pathToFileURL(path.join(languageOut, 'polyfill.js')).href);
    return import('./bare/bare-language.mjs');
}

async function childBareBuild(file, runs) {
    const bare = await bareModules();
    const text = readFileSync(file, 'utf8');
    let errors = 0;
    const build = await series(async () => {
        globalThis.gc?.();
        const result = await bare.buildBare(await bare.createBareServices(), text, file);
        errors = result.errors;
        return result.ms;
    }, runs);
    if (errors > 0) throw new Error(`the bare grammar does not read ${file}: ${errors} errors`);
    return { build };
}

async function childBareRss(file) {
    const bare = await bareModules();
    const { errors } = await bare.buildBare(await bare.createBareServices(), readFileSync(file, 'utf8'), file);
    return { rssMb: peakRssMb(), errors };
}

async function childExport(file, runs) {
    const exportModule = path.join(languageOut, 'export/pra-export.js');
    if (!existsSync(exportModule)) return { available: false };
    let exporter;
    try {
        exporter = await import(pathToFileURL(exportModule).href);
    } catch (error) {
        return { available: false, reason: String(error?.message ?? error).split('\n')[0] };
    }
    const modules = await languageModules();
    const { services, document } = await buildOnce(modules, readFileSync(file, 'utf8'), file);
    const result = { available: true, formats: {} };
    for (const format of exporter.exportFormats ?? ['docx', 'html', 'md', 'json']) {
        try {
            result.formats[format] = await series(() => exporter.exportDocument(services, document, { format, force: true }), runs);
        } catch (error) {
            result.formats[format] = { error: String(error?.message ?? error).split('\n')[0] };
        }
    }
    return result;
}

/** Issue 13: the outage simulation of the asset the most activities need, from the built analysis. */
async function childSimulate(file, runs) {
    const { services, document } = await buildOnce(await languageModules(), readFileSync(file, 'utf8'), file);
    const language = await import(pathToFileURL(path.join(languageOut, 'index.js')).href);
    const analysis = services.analysis.PraAnalysisService.forDocument(document).analysis;
    const reach = name => analysis.recovery.dependantsOf(name).filter(d => d.node.kind === 'activity').length;
    const shared = analysis.model.assets.map(a => ({ name: a.name, count: reach(a.name) })).sort((a, b) => b.count - a.count)[0].name;
    const { down } = language.resolveDown(analysis, [shared]);
    return series(() => { language.simulateOutage(analysis, { down, start: '2026-12-07T09:00' }); }, runs);
}

const childMode = process.argv.find(a => a.startsWith('--child='))?.slice('--child='.length);
if (childMode) {
    const [file, jsonFile] = process.argv.slice(process.argv.indexOf(`--child=${childMode}`) + 1);
    const result = childMode === 'build' ? await childBuild(file, jsonFile, RUNS)
        : childMode === 'rss' ? await childRss(file)
        : childMode === 'bare-build' ? await childBareBuild(file, RUNS)
        : childMode === 'bare-rss' ? await childBareRss(file)
        : childMode === 'simulate' ? await childSimulate(file, RUNS)
        : await childExport(file, RUNS);
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
}

function runChild(mode, args, nodeFlags = []) {
    const childArgs = [...nodeFlags, fileURLToPath(import.meta.url), `--child=${mode}`, ...args, '--runs', String(RUNS),
        ...(SMOKE ? ['--smoke'] : [])];
    const child = spawnSync(process.execPath, childArgs, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench child ${mode} failed: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    return JSON.parse(child.stdout);
}

// ---------------------------------------------------------------------------------------------
// The language server over stdio.
// ---------------------------------------------------------------------------------------------

/** Its wall time; the server's CPU time until then (from /proc, where there is one) goes to `cpuTimes`. */
async function serverStartToDiagnostics(cpuTimes) {
    const { wall, cpu } = await startToFirstDiagnostics(smallPlan);
    if (cpu !== undefined) cpuTimes.push(cpu);
    return wall;
}

async function editorFigures(file) {
    const server = await startServer();
    const doc = await openDocument(server, file);
    const { connection } = server;
    // An activity in the middle of the plan: its title is edited, its owner completed, a use hovered.
    const middle = doc.lines.findIndex((line, i) => i > doc.lines.length / 2 && line.startsWith('activity '));
    const titleColumn = doc.lines[middle].indexOf('"') + 1;
    const ownerLine = doc.lines.findIndex((line, i) => i > middle && line.trimStart().startsWith('owner '));
    const usesLine = doc.lines.findIndex((line, i) => i > middle && line.trimStart().startsWith('uses '));
    let version = 1;
    let upper = false;
    const edit = async () => {
        upper = !upper;
        const diagnostics = server.nextDiagnostics(doc.uri);
        const start = performance.now();
        connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: doc.uri, version: ++version },
            contentChanges: [{
                range: { start: { line: middle, character: titleColumn }, end: { line: middle, character: titleColumn + 1 } },
                text: upper ? 'B' : 'A'
            }]
        });
        const { at } = await diagnostics;
        return at - start;
    };
    const editToDiagnostics = await series(edit);
    const position = { line: ownerLine, character: doc.lines[ownerLine].indexOf('owner ') + 'owner '.length };
    let completionItems = 0;
    const completion = await series(async () => {
        const result = await connection.sendRequest('textDocument/completion', { textDocument: { uri: doc.uri }, position });
        completionItems = Array.isArray(result) ? result.length : result?.items?.length ?? 0;
    });
    const hoverPosition = { line: usesLine, character: doc.lines[usesLine].indexOf('uses ') + 'uses '.length + 2 };
    let hoverShown = false;
    const hover = await series(async () => {
        const result = await connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: hoverPosition });
        hoverShown = Boolean(result);
    });
    await server.stop();
    return { editToDiagnostics, completion, completionItems, hover, hoverShown };
}

async function previewFigures(file) {
    const server = await startServer();
    const doc = await openDocument(server, file);
    let result;
    try {
        await server.connection.sendRequest('pra/previewModel', { uri: doc.uri });
        result = await series(() => server.connection.sendRequest('pra/previewModel', { uri: doc.uri }));
    } catch (error) {
        result = { unavailable: error?.code === -32601 ? 'n/a (not built)' : `n/a (${String(error?.message ?? error).split('\n')[0]})` };
    }
    await server.stop();
    return result;
}

// ---------------------------------------------------------------------------------------------
// `pra check` as a whole process.
// ---------------------------------------------------------------------------------------------

/** One whole `node` process (`args` after the node binary) under `/usr/bin/time -v` when there is one. */
function processOnce(args) {
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const start = performance.now();
    const child = timeBin
        ? spawnSync(timeBin, ['-v', process.execPath, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
        : spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
    if (child.status !== 0 && child.status !== 1) {
        const reason = (child.stderr ?? '').split('\n').find(l => /Error|error/.test(l)) ?? `exit ${child.status}`;
        throw new Error(reason.trim());
    }
    return { ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

/** A warm-up, then RUNS whole processes: wall time and peak RSS. */
function processFigures(args, what = 'pra check') {
    try {
        if (!SMOKE) processOnce(args);
        const runs = Array.from({ length: RUNS }, () => processOnce(args));
        return { time: stats(runs.map(r => r.ms)), rss: runs[0].rssMb === undefined ? undefined : stats(runs.map(r => r.rssMb)) };
    } catch (error) {
        return { unavailable: `n/a (${what} failed: ${error.message})` };
    }
}

const checkProcessFigures = file => processFigures([cliBin, 'check', file]);

/**
 * The incremental rebuild figures (issue 16) come from bench/incremental.mjs: it prints rows of this
 * table's format (`| figure | median | min | max | target | status |`) for the medium size, which are
 * appended as they are. Without it, one row says so.
 */
function incrementalRows() {
    const script = path.join(repo, 'bench/incremental.mjs');
    const failed = reason => [['incremental rebuild figures (bench/incremental.mjs)', `n/a (${reason})`, '', '', '', '']];
    if (!existsSync(script)) return failed('not written yet');
    // The 50-department layout needs at least a few activities per department (the smoke run's sizes are tinier).
    const child = spawnSync(process.execPath, [script, '--runs', String(RUNS), '--activities', String(Math.max(MEDIUM, 200))],
        { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) return failed(`failed: ${child.stderr.trim().split('\n').at(-1)}`);
    return child.stdout.split('\n')
        .filter(line => line.startsWith('| ') && !/^\| figure\s/.test(line) && !/^\| -+ /.test(line))
        .map(line => line.split('|').slice(1, -1).map(cell => cell.trim()));
}

// ---------------------------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------------------------

const ms = v => v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
const mb = v => `${v.toFixed(0)} MB`;
const ratio = v => `${v.toFixed(1)}×`;

const rows = [];
function row(figure, value, format, target) {
    if (value === undefined || typeof value === 'string' || value.unavailable || value.error) {
        const text = typeof value === 'string' ? value : value?.unavailable ?? (value?.error ? `n/a (${value.error})` : 'n/a');
        rows.push([figure, text, '', '', target?.label ?? '', target ? '—' : '']);
        return;
    }
    const s = typeof value === 'number' ? { median: value } : value;
    const status = target ? (s.median <= target.max ? 'PASS' : 'MISS') : '';
    const formatOptional = (v) => v === undefined ? '' : format(v);
    rows.push([figure, format(s.median), formatOptional(s.min), formatOptional(s.max), target?.label ?? '', status]);
}

function printTable(header) {
    const head = ['figure', 'median', 'min', 'max', 'target', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const line = cells => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(header);
    console.log('');
    console.log(line(head));
    console.log(`| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`);
    for (const r of rows) console.log(line(r));
}

const count = n => n.toLocaleString('en');

async function main() {
    // A message vscode-jsonrpc still had queued for a server that was stopped and killed is written
    // after the stream is gone (seen after the long synchronous incremental run), or into its closed
    // pipe (EPIPE, seen in a smoke run on a loaded machine): not a bench failure.
    process.on('uncaughtException', error => {
        if (error?.code !== 'ERR_STREAM_DESTROYED' && error?.code !== 'EPIPE') throw error;
    });
    const began = performance.now();
    const folder = path.join(tmpdir(), `pra-bench-${process.pid}`);
    const plans = {}, dense = {};
    for (const size of [SMALL, MEDIUM, LARGE]) {
        const sub = path.join(folder, String(size));
        mkdirSync(sub, { recursive: true });
        plans[size] = writePlan(size, sub);
        if (size !== SMALL) dense[size] = writePlan(size, sub, true);
    }
    const load = loadavg().map(l => l.toFixed(1)).join(' ');
    const progress = text => process.stderr.write(`bench: ${text}\n`);

    const builds = {}, denseBuilds = {}, bareBuilds = {};
    for (const size of [SMALL, MEDIUM, LARGE]) {
        progress(`build ${size} activities (${(plans[size].text.length / 1e6).toFixed(1)} MB of .pra)`);
        builds[size] = runChild('build', [plans[size].file, plans[size].jsonFile], ['--expose-gc']);
    }
    for (const size of [MEDIUM, LARGE]) {
        progress(`build ${size} activities, dense dependencies`);
        denseBuilds[size] = runChild('build', [dense[size].file, dense[size].jsonFile], ['--expose-gc']);
        progress(`bare Langium grammar, ${size} activities`);
        bareBuilds[size] = runChild('bare-build', [plans[size].file], ['--expose-gc']);
    }
    progress(`peak RSS, ${LARGE} activities (bench shape, dense shape, bare grammar)`);
    const rss = runChild('rss', [plans[LARGE].file]);
    const denseRss = runChild('rss', [dense[LARGE].file]);
    const bareRss = runChild('bare-rss', [plans[LARGE].file]);
    progress(`language server: edit, completion, hover on ${MEDIUM} activities`);
    const editor = await editorFigures(plans[MEDIUM].file);
    progress('language server: start to first diagnostics');
    // A start whose server lives long enough to write its code cache (bin/run-bundle.js): every timed start has it.
    if (!SMOKE) await startToFirstDiagnostics(smallPlan, { linger: 3500 });
    const startupCpuTimes = [];
    const startup = await series(() => serverStartToDiagnostics(startupCpuTimes));
    const startupCpu = startupCpuTimes.slice(SMOKE ? 0 : 1); // not the warm-up's
    progress(`preview view model on ${SMALL} activities`);
    const preview = await previewFigures(plans[SMALL].file);
    progress(`export on ${SMALL} activities`);
    const exports = runChild('export', [plans[SMALL].file]);
    progress(`outage simulation of the most shared asset, ${MEDIUM} activities`);
    const simulation = runChild('simulate', [plans[MEDIUM].file]);
    progress('pra check of a small example and node -e 0, whole processes');
    const smallCheck = checkProcessFigures(smallPlan);
    const bareNode = processFigures(['-e', '0'], 'node -e 0');
    const checks = {}, denseChecks = {};
    for (const size of [MEDIUM, LARGE]) {
        progress(`pra check on ${size} activities, both shapes`);
        checks[size] = checkProcessFigures(plans[size].file);
        denseChecks[size] = checkProcessFigures(dense[size].file);
    }
    progress('incremental rebuilds');
    const incremental = incrementalRows();

    const ratioOf = (a, b) => a?.median !== undefined && b?.median !== undefined ? a.median / b.median : 'n/a';
    const growth = v => v.toFixed(2);
    for (const size of [SMALL, MEDIUM, LARGE]) row(`full build, ${count(size)} activities`, builds[size].build, ms);
    for (const size of [MEDIUM, LARGE]) row(`full build, ${count(size)}, dense dependencies`, denseBuilds[size].build, ms);
    for (const size of [MEDIUM, LARGE]) row(`bare Langium grammar, same text, ${count(size)} (parse + link)`, bareBuilds[size].build, ms);
    row(`full build / bare Langium build, ${count(MEDIUM)}`, ratioOf(builds[MEDIUM].build, bareBuilds[MEDIUM].build), ratio);
    for (const size of [SMALL, MEDIUM, LARGE]) row(`JSON.parse of the same data, ${count(size)}`, builds[size].parse, ms);
    row(`build / JSON.parse, ${count(MEDIUM)}`, ratioOf(builds[MEDIUM].build, builds[MEDIUM].parse), ratio, { max: 60, label: '≤ 60×' });
    row(`bare Langium build / JSON.parse, ${count(MEDIUM)}`, ratioOf(bareBuilds[MEDIUM].build, builds[MEDIUM].parse), ratio);
    row(`growth time(${count(LARGE)}) / time(${count(MEDIUM)}), build`, ratioOf(builds[LARGE].build, builds[MEDIUM].build), growth,
        { max: 4.5, label: '≤ 4.5' });
    row(`growth time(${count(LARGE)}) / time(${count(MEDIUM)}), build, dense`, ratioOf(denseBuilds[LARGE].build, denseBuilds[MEDIUM].build),
        growth, { max: 4.5, label: '≤ 4.5' });
    row(`peak RSS, build of ${count(LARGE)} (own process)`, rss.rssMb, mb, { max: 400, label: '≤ 400 MB' });
    row(`peak RSS, build of ${count(LARGE)}, dense (own process)`, denseRss.rssMb, mb, { max: 400, label: '≤ 400 MB' });
    row(`peak RSS, bare Langium build of ${count(LARGE)} (own process)`, bareRss.rssMb, mb);
    row(`edit → diagnostics, ${count(MEDIUM)} (stdio)`, editor.editToDiagnostics, ms, { max: 250, label: '≤ 250 ms' });
    rows.push(...incremental);
    row(`completion after \`owner \`, ${count(MEDIUM)} (${editor.completionItems} items)`, editor.completion, ms,
        { max: 50, label: '≤ 50 ms' });
    row(`hover, ${count(MEDIUM)}${editor.hoverShown ? '' : ' (empty)'}`, editor.hover, ms, { max: 50, label: '≤ 50 ms' });
    row('server start → first diagnostics, small plan', startup, ms, { max: 250, label: '≤ 250 ms' });
    row('  server CPU time, start → first diagnostics, small plan', startupCpu.length > 0 ? stats(startupCpu) : 'n/a (no /proc)', ms);
    row(`preview view model (pra/previewModel), ${count(SMALL)}`, preview, ms, { max: 50, label: '≤ 50 ms' });
    for (const format of ['docx', 'html', 'md', 'json']) {
        const value = exports.available ? exports.formats[format] : `n/a (not built${exports.reason ? `: ${exports.reason}` : ''})`;
        const target = format === 'docx' ? { max: 1500, label: '≤ 1.5 s' } : undefined;
        row(`export ${format}${format === 'docx' ? ' (Word)' : ''}, ${count(SMALL)}`, value, ms, target);
    }
    row(`simulate the most shared asset down, ${count(MEDIUM)} (in process)`, simulation, ms, { max: 200, label: '≤ 200 ms' });
    row('node -e 0, whole process: wall time', bareNode.unavailable ? bareNode : bareNode.time, ms);
    row('pra check, small example, whole process: wall time', smallCheck.unavailable ? smallCheck : smallCheck.time, ms,
        { max: 250, label: '≤ 250 ms' });
    row('pra check, small example / node -e 0', ratioOf(smallCheck.time, bareNode.time), ratio, { max: 5, label: '≤ 5×' });
    for (const [shape, figures] of [['', checks], [', dense', denseChecks]]) {
        for (const size of [MEDIUM, LARGE]) {
            const f = figures[size];
            row(`pra check, ${count(size)}${shape}, whole process: wall time`, f.unavailable ? f : f.time, ms);
            row(`pra check, ${count(size)}${shape}, whole process: peak RSS`, f.unavailable ? f : f.rss, mb,
                size === LARGE ? { max: 400, label: '≤ 400 MB' } : undefined);
        }
        row(`pra check growth time(${count(LARGE)}) / time(${count(MEDIUM)})${shape}, whole process`,
            ratioOf(figures[LARGE].time, figures[MEDIUM].time), growth, { max: 4.5, label: '≤ 4.5' });
    }

    const header = `PRA benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, `
        + `${cpus().length} cores, load average at start ${load}, at end ${loadavg().map(l => l.toFixed(1)).join(' ')}; `
        + `medians of ${RUNS} runs${SMOKE ? ' (smoke run, no warm-up)' : ' after a warm-up'} `
        + `(bench took ${((performance.now() - began) / 1000).toFixed(0)} s)`;
    printTable(header);
    rmSync(folder, { recursive: true, force: true });
}

await main();
