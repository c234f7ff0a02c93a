// Edit → diagnostics with the real language server over stdio, on the two layouts of issue 16:
// one file of 5,000 activities, and 5,000 activities in 50 department files over one inventory
// (the edit in dept-07). Prints markdown table rows in the format of bench/run.mjs, and the server's
// CPU time per edit (from /proc, 10 ms resolution), which moves less with the machine's load.
//   node bench/incremental.mjs [--runs N] [--activities N]   (after `npm run build`; N ≥ 5)
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeDepartments, writePlan } from './generate-plan.mjs';
import { openDocument, startServer } from './language-server.mjs';

const argument = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) || fallback : fallback;
};
const RUNS = Math.max(5, argument('--runs', 7));
const ACTIVITIES = argument('--activities', 5000);

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Opens `file`, then edits one letter of an activity title in its middle `RUNS` times after a warm-up. */
async function editToDiagnostics(folder, file) {
    const server = await startServer({ folder });
    const { uri, lines } = await openDocument(server, file);
    const middle = lines.findIndex((line, i) => i > lines.length / 2 && line.startsWith('activity '));
    const column = lines[middle].indexOf('"') + 1;
    let version = 1;
    const times = [];
    const cpuTimes = [];
    for (let run = 0; run <= RUNS; run++) {
        const cpuBefore = server.cpu();
        version++;
        const diagnostics = server.nextDiagnostics(uri, version);
        const start = performance.now();
        server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: { line: middle, character: column }, end: { line: middle, character: column + 1 } },
                text: version % 2 ? 'A' : 'B' }]
        });
        const { at } = await diagnostics;
        const cpuAfter = server.cpu();
        if (run > 0) times.push(at - start);
        if (run > 0 && cpuBefore !== undefined && cpuAfter !== undefined) cpuTimes.push(cpuAfter - cpuBefore);
    }
    await server.stop();
    const stats = values => values.length === 0 ? undefined
        : { median: median(values), min: Math.min(...values), max: Math.max(...values) };
    return { wall: stats(times), cpu: stats(cpuTimes) };
}

const ms = v => v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
function row(figure, s, target) {
    if (!s) return `| ${figure} | n/a | | | | |`;
    const status = target ? (s.median <= target.max ? 'PASS' : 'MISS') : '';
    return `| ${[figure, ms(s.median), ms(s.min), ms(s.max), target?.label ?? '', status].join(' | ')} |`;
}

const folder = path.join(tmpdir(), `pra-bench-incremental-${process.pid}`);
const load = loadavg().map(l => l.toFixed(1)).join(' ');
try {
    mkdirSync(path.join(folder, 'one'), { recursive: true });
    mkdirSync(path.join(folder, 'departments'), { recursive: true });
    const plan = writePlan(ACTIVITIES, path.join(folder, 'one'));
    const layout = writeDepartments(ACTIVITIES, path.join(folder, 'departments'));
    const n = ACTIVITIES.toLocaleString('en');
    process.stderr.write(`bench: edit → diagnostics, ${n} activities in one file\n`);
    const one = await editToDiagnostics(plan.folder, plan.file);
    process.stderr.write(`bench: edit → diagnostics, ${n} activities in 50 department files\n`);
    const departments = await editToDiagnostics(layout.folder, layout.paths.find(p => p.endsWith('dept-07.pra')));
    console.log(`<!-- incremental bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, `
        + `${cpus().length} cores, load average at start ${load}; medians of ${RUNS} edits after a warm-up -->`);
    console.log(row(`edit → diagnostics, ${n} in one file (stdio)`, one.wall, { max: 250, label: '≤ 250 ms' }));
    console.log(row(`edit → diagnostics, ${n} in 50 department files, edit in one (stdio)`, departments.wall,
        { max: 100, label: '≤ 100 ms' }));
    console.log(row(`  server CPU time per edit, ${n} in one file`, one.cpu));
    console.log(row(`  server CPU time per edit, ${n} in 50 department files`, departments.cpu));
} finally {
    rmSync(folder, { recursive: true, force: true });
}
