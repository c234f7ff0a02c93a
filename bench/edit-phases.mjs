// Where an edit's time goes, phase by phase, in process (after `npm run build`):
//   node bench/edit-phases.mjs [one|departments] [activities] [edits]
// `one`: one file of N activities; `departments`: inventory.pra + 50 dept-NN.pra importing it, the
// edit in dept-07. Each edit changes one letter of an activity title in the middle of the file.
// The CPU time of the process is printed too: on a loaded machine it moves less than the wall time.
import '../packages/language/out/polyfill.js';
import { DocumentState, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createNodePraServices } from '../packages/language/out/node.js';
import { generateDepartments, generatePlan } from './generate-plan.mjs';

const layout = process.argv[2] ?? 'one';
const activities = Number(process.argv[3] ?? 5000);
const edits = Number(process.argv[4] ?? 6);
const files = layout === 'one'
    ? [{ name: 'plan.pra', text: generatePlan({ activities }).text }] : generateDepartments({ activities }).files;
const edited = layout === 'one' ? files[0] : files.find(f => f.name === 'dept-07.pra');

const services = createNodePraServices();
const shared = services.shared;
const builder = shared.workspace.DocumentBuilder;
const textDocuments = shared.workspace.TextDocuments;
const uriOf = name => URI.file(`/bench/${layout}/${name}`);
for (const file of files) {
    textDocuments.set(TextDocument.create(uriOf(file.name).toString(), 'pra', 0, file.text));
    shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(file.text, uriOf(file.name)));
}
let start = performance.now();
// As the language server: the workspace is built without validation, edits validate (updateBuildOptions).
await builder.build(shared.workspace.LangiumDocuments.all.toArray(), {});
console.log(`${layout}, ${activities} activities, ${files.length} files: first build ${(performance.now() - start).toFixed(0)} ms`);

const phases = [
    ['parse', DocumentState.Parsed], ['index', DocumentState.IndexedContent], ['scopes', DocumentState.ComputedScopes],
    ['link', DocumentState.Linked], ['references', DocumentState.IndexedReferences], ['validate', DocumentState.Validated]
];
const reached = new Map();
for (const [, state] of phases) builder.onBuildPhase(state, () => reached.set(state, performance.now()));
const lines = edited.text.split('\n');
const middle = lines.findIndex((line, i) => i > lines.length / 2 && line.startsWith('activity '));
const column = lines[middle].indexOf('"') + 1;
const uri = uriOf(edited.name).toString();
for (let run = 0; run < edits; run++) {
    lines[middle] = lines[middle].slice(0, column) + (run % 2 ? 'A' : 'B') + lines[middle].slice(column + 1);
    const text = lines.join('\n');
    reached.clear();
    let validated = 0;
    const listener = builder.onDocumentPhase(DocumentState.Validated, () => validated++);
    const cpu = process.cpuUsage();
    start = performance.now();
    textDocuments.set(TextDocument.create(uri, 'pra', run + 1, text));
    await builder.update([URI.parse(uri)], []);
    const total = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    listener.dispose();
    let previous = start;
    const figures = phases.map(([name, state]) => {
        const at = reached.get(state) ?? previous;
        const figure = `${name} ${(at - previous).toFixed(0)}`;
        previous = at;
        return figure;
    });
    console.log(`edit ${run + 1}: ${total.toFixed(0)} ms, CPU ${((user + system) / 1000).toFixed(0)} ms `
        + `(${figures.join(', ')} ms; ${validated} documents validated)`);
}
