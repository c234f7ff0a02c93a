// Completion and edit-to-diagnostics latency of the standalone server over stdio.
// Run after `npm run build`: node test/lsp/latency.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2] ?? 20);
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function generatedPlan(activities) {
    const lines = ['plan "Generated" { language en date 2026-01-01 owner Owner }', 'role Owner { phone "1" deputy Owner }'];
    const assets = Math.ceil(activities / 10);
    for (let i = 0; i < assets; i++) lines.push(`asset Asset-${i} { kind server owner Owner }`);
    for (let i = 0; i < activities; i++) {
        lines.push(`activity Activity-${i} "Activity ${i}" {\n    owner       Owner\n`
            + `    criticality ${['critical', 'high', 'medium', 'low'][i % 4]}\n    rto         4h\n    rpo         1d\n`
            + `    uses        Asset-${i % assets}, Asset-${(i + 1) % assets}\n}`);
    }
    for (let i = 0; i < assets; i += 2) {
        lines.push(`fallback Fallback-${i} { type backup covers Asset-${i} rto 2h rpo 1d tested 2025-12-01 offsite }`);
    }
    lines.push('crisis { alert "Call" to Owner activation Owner pilot Owner team Owner }');
    lines.push('fallback Comms { type communication audience staff, clients }');
    return lines.join('\n') + '\n';
}

async function measure(label, folder, file) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).toString();
    const server = spawn(process.execPath, [join(root, 'packages/language/bin/pra-language-server.js'), '--stdio'],
        { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    let onDiagnostics = () => { };
    connection.onNotification('textDocument/publishDiagnostics', params => { if (params.uri === uri) onDiagnostics(params); });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    try {
        const folderUri = pathToFileURL(folder).toString();
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: label }], capabilities: {}
        });
        await connection.sendNotification('initialized', {});
        const firstStart = performance.now();
        const first = new Promise(resolve => { onDiagnostics = resolve; });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pra', version: 1, text } });
        await first;
        const openMs = performance.now() - firstStart;

        const offset = text.indexOf('criticality ') + 'criticality '.length;
        const before = text.slice(0, offset);
        const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
        const completion = [];
        for (let i = 0; i < runs; i++) {
            const start = performance.now();
            await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
            completion.push(performance.now() - start);
        }

        const rto = text.indexOf('rto ');
        const edits = [];
        for (let i = 0; i < runs; i++) {
            // Alternate a real change of figure: `rto 4h` ↔ `rto 5h` style edit on the first rto.
            const changed = i % 2 === 0 ? text.slice(0, rto) + 'rto 7' + text.slice(rto + 5) : text;
            const arrived = new Promise(resolve => { onDiagnostics = resolve; });
            const start = performance.now();
            await connection.sendNotification('textDocument/didChange',
                { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: changed }] });
            await arrived;
            edits.push(performance.now() - start);
        }
        console.log(`${label}: ${text.split('\n').length} lines; open→diagnostics ${openMs.toFixed(0)} ms; `
            + `completion median ${median(completion).toFixed(1)} ms; `
            + `edit→diagnostics median ${median(edits).toFixed(1)} ms (${runs} runs)`);
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
    } finally {
        connection.dispose();
        server.kill('SIGKILL');
    }
}

await measure('atelier-bois (largest example)', join(root, 'examples/atelier-bois'), join(root, 'examples/atelier-bois/plan.pra'));
const scratch = mkdtempSync(join(tmpdir(), 'pra-latency-'));
try {
    const file = join(scratch, 'plan.pra');
    writeFileSync(file, generatedPlan(5000));
    await measure('generated 5,000 activities', scratch, file);
} finally {
    rmSync(scratch, { recursive: true, force: true });
}
