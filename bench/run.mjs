// `npm run bench`: generates plans of 1,000, 5,000 and 20,000 activities and prints one table of
// medians (min, max) against the performance targets. Not a test: nothing here runs in `npm test`.
// Usage: node bench/run.mjs [--runs N]   (N ≥ 5, default 5; one warm-up run precedes each series)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writePlan } from './generate-plan.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const languageOut = path.join(repo, 'packages/language/out');
const serverBin = path.join(repo, 'packages/language/bin/pra-language-server.js');
const cliBin = path.join(repo, 'packages/cli/bin/pra.js');
const smallPlan = path.join(repo, 'examples/clinique-vet/plan.pra');
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 5 : 5);

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = values => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });

/** One warm-up, then `runs` timed runs of `fn` (which returns its own duration in ms, or undefined to time it). */
async function series(fn, runs = RUNS) {
    await fn();
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

async function childRss(file) {
    const modules = await languageModules();
    const { document } = await buildOnce(modules, readFileSync(file, 'utf8'), file);
    const fromStatus = /VmHWM:\s+(\d+)/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
    const kb = fromStatus ? Number(fromStatus[1]) : process.resourceUsage().maxRSS;
    return { rssMb: kb / 1024, diagnostics: document.diagnostics?.length ?? 0 };
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
        : childMode === 'simulate' ? await childSimulate(file, RUNS)
        : await childExport(file, RUNS);
    process.stdout.write(JSON.stringify(result));
    process.exit(0);
}

function runChild(mode, args, nodeFlags = []) {
    const childArgs = [...nodeFlags, fileURLToPath(import.meta.url), `--child=${mode}`, ...args, '--runs', String(RUNS)];
    const child = spawnSync(process.execPath, childArgs, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench child ${mode} failed: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    return JSON.parse(child.stdout);
}

// ---------------------------------------------------------------------------------------------
// The language server over stdio.
// ---------------------------------------------------------------------------------------------

async function startServer() {
    const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
    const started = performance.now();
    const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        const at = performance.now();
        for (const waiter of waiters.splice(0)) {
            if (waiter.uri === params.uri) waiter.resolve({ at, diagnostics: params.diagnostics });
            else waiters.push(waiter);
        }
    });
    connection.onNotification(() => undefined);
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: null, workspaceFolders: null,
        capabilities: {
            textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } }
        }
    });
    connection.sendNotification('initialized', {});
    const nextDiagnostics = uri => new Promise(resolve => waiters.push({ uri, resolve }));
    const stop = async () => {
        try {
            await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
            connection.sendNotification('exit');
        } catch { /* already gone */ }
        setTimeout(() => child.kill(), 500).unref();
        connection.dispose();
    };
    return { connection, started, nextDiagnostics, stop };
}

async function openDocument(server, file) {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const diagnostics = server.nextDiagnostics(uri);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pra', version: 1, text } });
    await diagnostics;
    return { uri, text, lines: text.split('\n') };
}

async function serverStartToDiagnostics() {
    const server = await startServer();
    const uri = pathToFileURL(smallPlan).href;
    const diagnostics = server.nextDiagnostics(uri);
    server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'pra', version: 1, text: readFileSync(smallPlan, 'utf8') }
    });
    const { at } = await diagnostics;
    await server.stop();
    return at - server.started;
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

function checkProcessOnce(file) {
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const start = performance.now();
    const child = timeBin
        ? spawnSync(timeBin, ['-v', process.execPath, cliBin, 'check', file], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
        : spawnSync(process.execPath, [cliBin, 'check', file], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - start;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? '');
    if (child.status !== 0 && child.status !== 1) {
        const reason = (child.stderr ?? '').split('\n').find(l => /Error|error/.test(l)) ?? `exit ${child.status}`;
        throw new Error(reason.trim());
    }
    return { ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

function checkProcessFigures(file) {
    try {
        checkProcessOnce(file);
        const runs = Array.from({ length: RUNS }, () => checkProcessOnce(file));
        return { time: stats(runs.map(r => r.ms)), rss: runs[0].rssMb === undefined ? undefined : stats(runs.map(r => r.rssMb)) };
    } catch (error) {
        return { unavailable: `n/a (pra check failed: ${error.message})` };
    }
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

async function main() {
    const began = performance.now();
    const folder = path.join(tmpdir(), `pra-bench-${process.pid}`);
    const plans = {};
    for (const size of [1000, 5000, 20000]) {
        const sub = path.join(folder, String(size));
        mkdirSync(sub, { recursive: true });
        plans[size] = writePlan(size, sub);
    }
    const load = loadavg().map(l => l.toFixed(1)).join(' ');
    const progress = text => process.stderr.write(`bench: ${text}\n`);

    const builds = {};
    for (const size of [1000, 5000, 20000]) {
        progress(`build ${size} activities (${(plans[size].text.length / 1e6).toFixed(1)} MB of .pra)`);
        builds[size] = runChild('build', [plans[size].file, plans[size].jsonFile], ['--expose-gc']);
    }
    progress('peak RSS, 20,000 activities');
    const rss = runChild('rss', [plans[20000].file]);
    progress('language server: edit, completion, hover on 5,000 activities');
    const editor = await editorFigures(plans[5000].file);
    progress('language server: start to first diagnostics');
    const startup = await series(serverStartToDiagnostics);
    progress('preview view model on 1,000 activities');
    const preview = await previewFigures(plans[1000].file);
    progress('export on 1,000 activities');
    const exports = runChild('export', [plans[1000].file]);
    progress('outage simulation of the most shared asset, 5,000 activities');
    const simulation = runChild('simulate', [plans[5000].file]);
    progress('pra check on 5,000 activities');
    const check = checkProcessFigures(plans[5000].file);

    for (const size of [1000, 5000, 20000]) {
        row(`full build, ${size.toLocaleString('en')} activities`, builds[size].build, ms);
    }
    for (const size of [1000, 5000, 20000]) {
        row(`JSON.parse of the same data, ${size.toLocaleString('en')}`, builds[size].parse, ms);
    }
    row('build / JSON.parse, 5,000', builds[5000].build.median / builds[5000].parse.median, ratio, { max: 40, label: '≤ 40×' });
    row('growth time(20,000) / time(5,000)', builds[20000].build.median / builds[5000].build.median, v => v.toFixed(2),
        { max: 4.5, label: '≤ 4.5' });
    row('peak RSS, build of 20,000 (own process)', rss.rssMb, mb, { max: 300, label: '≤ 300 MB' });
    row('edit → diagnostics, 5,000 (stdio)', editor.editToDiagnostics, ms, { max: 100, label: '≤ 100 ms' });
    row(`completion after \`owner \`, 5,000 (${editor.completionItems} items)`, editor.completion, ms, { max: 50, label: '≤ 50 ms' });
    row(`hover, 5,000${editor.hoverShown ? '' : ' (empty)'}`, editor.hover, ms, { max: 50, label: '≤ 50 ms' });
    row('server start → first diagnostics, small plan', startup, ms, { max: 500, label: '≤ 500 ms' });
    row('preview view model (pra/previewModel), 1,000', preview, ms, { max: 50, label: '≤ 50 ms' });
    for (const format of ['docx', 'html', 'md', 'json']) {
        const value = exports.available ? exports.formats[format] : `n/a (not built${exports.reason ? `: ${exports.reason}` : ''})`;
        const target = format === 'docx' ? { max: 1500, label: '≤ 1.5 s' } : undefined;
        row(`export ${format}${format === 'docx' ? ' (Word)' : ''}, 1,000`, value, ms, target);
    }
    row('simulate the most shared asset down, 5,000 (in process)', simulation, ms, { max: 200, label: '≤ 200 ms' });
    row('pra check, 5,000, whole process: wall time', check.unavailable ? check : check.time, ms);
    row('pra check, 5,000, whole process: peak RSS', check.unavailable ? check : check.rss, mb);

    const header = `PRA benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, `
        + `${cpus().length} cores, load average at start ${load}; medians of ${RUNS} runs after a warm-up `
        + `(bench took ${((performance.now() - began) / 1000).toFixed(0)} s)`;
    printTable(header);
    rmSync(folder, { recursive: true, force: true });
}

await main();
