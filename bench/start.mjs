// Server start → first diagnostics of a small plan, wall and CPU time, optionally in pairs against
// another server bin (a copy of a previous build: `cp -r packages/language/{bin,dist} /tmp/before/`),
// run alternately so that both see the same load. Prints medians, min, max and the pairs' ratios.
//   node bench/start.mjs [--runs N] [--plan file.pra] [--against /tmp/before/bin/pra-language-server.js]
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { repo, serverBin, startToFirstDiagnostics } from './language-server.mjs';

const option = name => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(option('--runs') ?? 11);
const plan = path.resolve(option('--plan') ?? path.join(repo, 'examples/clinique-vet/plan.pra'));
const against = option('--against');
const bins = against ? [['this build', serverBin], ['against', path.resolve(against)]] : [['this build', serverBin]];

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const describe = values => values.length === 0 ? 'n/a'
    : `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

const load = () => loadavg().map(l => l.toFixed(1)).join(' ');
const results = bins.map(() => ({ wall: [], cpu: [] }));
const loadAtStart = load();
// One warm-up each, long enough for the server to write its code cache, then the pairs, in alternating order.
for (const [, bin] of bins) await startToFirstDiagnostics(plan, { bin, linger: 3500 });
for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...bins.keys()].reverse() : [...bins.keys()];
    for (const i of order) {
        const { wall, cpu } = await startToFirstDiagnostics(plan, { bin: bins[i][1] });
        results[i].wall.push(wall);
        if (cpu !== undefined) results[i].cpu.push(cpu);
    }
}
console.log(`server start → first diagnostics of ${path.relative(repo, plan)}, ${runs} runs${against ? ' in pairs' : ''}, `
    + `load average ${loadAtStart} → ${load()}`);
bins.forEach(([name, bin], i) => {
    console.log(`  ${name} (${path.relative(repo, bin)}): wall ${describe(results[i].wall)}, server CPU ${describe(results[i].cpu)}`);
});
if (against) {
    const ratio = key => median(results[0][key].map((v, i) => v / results[1][key][i])).toFixed(2);
    console.log(`  pair ratio this / against (median): wall ${ratio('wall')}, CPU ${ratio('cpu')}`);
}
