// Where a build spends its time, phase by phase, on a generated 5,000-activity plan (after `npm run build`):
//   node bench/phases.mjs [activities] [runs]
import '../packages/language/out/polyfill.js';
import { DocumentState, URI } from 'langium';
import { createNodePraServices } from '../packages/language/out/node.js';
import { generatePlan } from './generate-plan.mjs';

const activities = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 4);
const { text } = generatePlan({ activities });
const phases = [
    ['index', DocumentState.IndexedContent], ['scopes', DocumentState.ComputedScopes], ['link', DocumentState.Linked],
    ['references', DocumentState.IndexedReferences], ['validate', DocumentState.Validated]
];
for (let run = 0; run < runs; run++) {
    const services = createNodePraServices();
    const builder = services.shared.workspace.DocumentBuilder;
    const reached = new Map();
    for (const [, state] of phases) builder.onBuildPhase(state, () => reached.set(state, performance.now()));
    const start = performance.now();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/bench/plan-${run}.pra`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    let previous = performance.now();
    const figures = [`parse ${(previous - start).toFixed(0)} ms`];
    await builder.build([document], { validation: true });
    for (const [name, state] of phases) {
        figures.push(`${name} ${(reached.get(state) - previous).toFixed(0)} ms`);
        previous = reached.get(state);
    }
    console.log(`${activities} activities, run ${run + 1}: ${figures.join(', ')}`);
}
