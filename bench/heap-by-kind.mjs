// The live heap after a build, summed by kind of object (constructor name for objects, V8's type for
// the rest), from a V8 heap snapshot read as a stream of numbers (snapshots of large plans are
// larger than a string may be). After `npm run build`:
//   node --expose-gc bench/heap-by-kind.mjs [activities] [dense] [top]
// e.g. `node --expose-gc bench/heap-by-kind.mjs 20000 dense 25`. It builds the plan the way `pra check` does
// (parse, link, every check, the analysis), keeps what a CLI run keeps alive, then writes and reads the snapshot.
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import '../packages/language/out/polyfill.js';
import { URI } from 'langium';
import { createNodePraServices } from '../packages/language/out/node.js';
import { generatePlan } from './generate-plan.mjs';

/** Streams the integers of the array that starts after `key` (e.g. `"nodes":[`) into `onNumber`; returns where it ended. */
function streamIntegers(fd, from, onNumber) {
    const chunk = Buffer.alloc(1 << 24);
    let position = from, value = 0, inNumber = false;
    for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        if (read === 0) return position;
        for (let i = 0; i < read; i++) {
            const c = chunk[i];
            if (c >= 48 && c <= 57) { value = value * 10 + (c - 48); inNumber = true; continue; }
            if (inNumber) { onNumber(value); value = 0; inNumber = false; }
            if (c === 93 /* ] */) return position + i + 1;
        }
        position += read;
    }
}

/**
 * Reads the snapshot's header, its node and edge tables (streamed) and its strings; returns totals by
 * kind. Plain objects are told apart by their `$type` (Langium's AST nodes); strings and V8's
 * internal arrays by what holds them (the first object that refers to them, and the property).
 */
export function summariseSnapshot(file) {
    const fd = openSync(file, 'r');
    const headBuffer = Buffer.alloc(1 << 20);
    const headRead = readSync(fd, headBuffer, 0, headBuffer.length, 0);
    const head = headBuffer.subarray(0, headRead).toString('latin1');
    const nodesAt = head.indexOf('"nodes":[');
    const meta = JSON.parse(head.slice(head.indexOf('{"meta"'), head.lastIndexOf('}', nodesAt) + 1));
    const fields = meta.meta.node_fields, edgeFields = meta.meta.edge_fields;
    const types = meta.meta.node_types[0], edgeTypes = meta.meta.edge_types[0];
    const width = fields.length, edgeWidth = edgeFields.length;
    const typeIndex = fields.indexOf('type'), nameIndex = fields.indexOf('name'), sizeIndex = fields.indexOf('self_size');
    const edgeCountIndex = fields.indexOf('edge_count');
    const nodeCount = meta.node_count;
    const typeOf = new Uint8Array(nodeCount), nameOf = new Uint32Array(nodeCount), sizeOf = new Float64Array(nodeCount);
    const edgesOf = new Uint32Array(nodeCount);
    let field = 0, node = 0;
    const nodesEnd = streamIntegers(fd, nodesAt + '"nodes":['.length, value => {
        if (field === typeIndex) typeOf[node] = value;
        else if (field === nameIndex) nameOf[node] = value;
        else if (field === sizeIndex) sizeOf[node] = value;
        else if (field === edgeCountIndex) edgesOf[node] = value;
        if (++field === width) { field = 0; node++; }
    });
    // Edges, node by node: the first holder of each node, with the edge's name; the `$type` of objects.
    const holder = new Int32Array(nodeCount).fill(-1), holderEdge = new Int32Array(nodeCount).fill(-1);
    const astType = new Int32Array(nodeCount).fill(-1);
    const probe = Buffer.alloc(64);
    readSync(fd, probe, 0, probe.length, nodesEnd);
    const edgesAt = nodesEnd + probe.toString('latin1').indexOf('[') + 1;
    const typeField = edgeFields.indexOf('type'), nameField = edgeFields.indexOf('name_or_index'), toField = edgeFields.indexOf('to_node');
    const edge = [0, 0, 0];
    let from = 0, left = edgesOf[0], e = 0;
    const propertyType = edgeTypes.indexOf('property'), internalType = edgeTypes.indexOf('internal');
    const pending = [];
    streamIntegers(fd, edgesAt, value => {
        edge[e] = value;
        if (++e < edgeWidth) return;
        e = 0;
        while (left === 0) left = edgesOf[++from];
        left--;
        const to = edge[toField] / width;
        if (edge[typeField] === propertyType || edge[typeField] === internalType) {
            if (holder[to] < 0) { holder[to] = from; holderEdge[to] = edge[nameField]; }
            if (edge[typeField] === propertyType) pending.push(from, edge[nameField], to);
        }
    });
    const size = fstatSync(fd).size;
    const tailStart = findLast(fd, '"strings":[', size);
    const tail = Buffer.alloc(size - tailStart);
    readSync(fd, tail, 0, tail.length, tailStart);
    closeSync(fd);
    const text = tail.toString('utf8');
    const strings = JSON.parse(text.slice('"strings":'.length, text.lastIndexOf(']') + 1));
    for (let i = 0; i < pending.length; i += 3) {
        if (strings[pending[i + 1]] === '$type' && types[typeOf[pending[i + 2]]] === 'string') astType[pending[i]] = nameOf[pending[i + 2]];
    }
    const baseKind = n => {
        const type = types[typeOf[n]];
        if (type === 'object' || type === 'native') return astType[n] >= 0 ? `AST ${strings[astType[n]]}` : strings[nameOf[n]];
        return `(${type})`;
    };
    // Anonymous kinds (plain objects, strings, V8's arrays) are named by what holds them: the first
    // named holder up the chain of first holders, with the property that leads to them.
    const anonymous = kind => kind.startsWith('(') || ['Object', 'Array', 'Map', 'Set', 'system / Context'].includes(kind);
    const edgeName = n => holderEdge[n] >= 0 && holderEdge[n] < strings.length ? strings[holderEdge[n]] : '#';
    const byKind = new Map();
    for (let n = 0; n < nodeCount; n++) {
        let kind = baseKind(n);
        if (anonymous(kind) && kind !== '(code)' && kind !== '(hidden)') {
            let at = n, steps = 0, via = '';
            while (holder[at] >= 0 && steps < 10) {
                via = edgeName(at);
                at = holder[at];
                steps++;
                if (!anonymous(baseKind(at))) break;
            }
            const owner = baseKind(at);
            if (at !== n) kind = `${kind} ← ${owner.startsWith('AST ') ? 'AST node' : owner}${steps > 1 ? ' …' : ''}.${via}`;
        }
        const entry = byKind.get(kind) ?? { count: 0, bytes: 0 };
        entry.count++;
        entry.bytes += sizeOf[n];
        byKind.set(kind, entry);
    }
    return [...byKind].map(([kind, entry]) => ({ kind, ...entry })).sort((a, b) => b.bytes - a.bytes);
}

function findLast(fd, needle, size) {
    const window = 1 << 26;
    for (let end = size; end > 0; end -= window - needle.length) {
        const start = Math.max(0, end - window);
        const buffer = Buffer.alloc(end - start);
        readSync(fd, buffer, 0, buffer.length, start);
        const at = buffer.lastIndexOf(needle, undefined, 'latin1');
        if (at >= 0) return start + at;
    }
    throw new Error(`${needle} not found`);
}

async function main() {
    const activities = Number(process.argv[2] ?? 5000);
    const dense = process.argv[3] === 'dense';
    const top = Number(process.argv[4] ?? 25);
    const { text } = generatePlan({ activities, dense });
    const services = createNodePraServices();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/bench/plan-${activities}.pra`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const context = services.analysis.PraAnalysisService.forDocument(document);
    globalThis.gc?.();
    const used = process.memoryUsage();
    const file = path.join(tmpdir(), `pra-heap-${process.pid}.heapsnapshot`);
    writeHeapSnapshot(file);
    const kinds = summariseSnapshot(file);
    rmSync(file, { force: true });
    const total = kinds.reduce((sum, k) => sum + k.bytes, 0);
    const mb = b => `${(b / 1048576).toFixed(1)} MB`;
    console.log(`${activities} activities${dense ? ' (dense)' : ''}: live heap ${mb(total)} in the snapshot `
        + `(heapUsed ${mb(used.heapUsed)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}), `
        + `${document.diagnostics?.length ?? 0} diagnostics, ${context.analysis.model.activities.length} activities modelled`);
    console.log('| kind | objects | MB | share |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const k of kinds.slice(0, top)) {
        console.log(`| ${k.kind.replace(/\|/g, '\\|').slice(0, 60)} | ${k.count.toLocaleString('en')} | ${(k.bytes / 1048576).toFixed(1)} `
            + `| ${(100 * k.bytes / total).toFixed(1)} % |`);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
