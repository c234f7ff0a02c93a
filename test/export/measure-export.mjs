// Export time per format, on the built packages (run `npm run build` first):
//   node test/export/measure-export.mjs [activities=1000] [runs=5]
// Prints the median of `runs` exports per format, for the largest example and a generated plan.
import '../../packages/language/out/polyfill.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createNodePraServices, loadPlanDocuments } from '../../packages/language/out/node.js';
import { exportDocument, exportFormats } from '../../packages/language/out/export/pra-export.js';
import { generatePlan } from '../../bench/generate-plan.mjs';

const activities = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label, file) {
    const services = createNodePraServices();
    const start = performance.now();
    const { requested } = await loadPlanDocuments(services, [file]);
    const load = performance.now() - start;
    const rows = [];
    for (const format of exportFormats) {
        const times = [];
        let size = 0;
        for (let i = 0; i < runs; i++) {
            const t = performance.now();
            const result = await exportDocument(services, requested[0], { format, force: true });
            times.push(performance.now() - t);
            size = result.content.length;
        }
        rows.push(`${format.padEnd(5)} ${median(times).toFixed(0).padStart(6)} ms  ${(size / 1024).toFixed(0).padStart(6)} KiB`);
    }
    console.log(`${label}: load, parse, link and check ${load.toFixed(0)} ms; export (median of ${runs}):`);
    for (const row of rows) console.log(`  ${row}`);
}

const folder = await mkdtemp(path.join(tmpdir(), 'pra-measure-'));
try {
    await measure('examples/cabinet-martin (plan.pra + inventaire.pra, 857 lines)', 'examples/cabinet-martin/plan.pra');
    const generated = path.join(folder, 'generated.pra');
    await writeFile(generated, generatePlan({ activities }).text);
    await measure(`generated plan, ${activities} activities`, generated);
} finally {
    await rm(folder, { recursive: true, force: true });
}
