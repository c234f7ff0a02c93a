import { describe, expect, test } from 'vitest';
// @ts-expect-error the bench generator is plain JavaScript
import { generateDepartments } from '../../bench/generate-plan.mjs';
import { COMPARE_EVERY, EDITS, replay } from './incremental-helpers.js';

/** Issue 16: edits in department files and in the inventory they share (see incremental-helpers.ts). */
describe('an incremental rebuild equals a full rebuild', () => {
    test(`an inventory and department files: ${EDITS} random edits`, async () => {
        const layout = generateDepartments({ activities: 12, departments: 4 }) as { files: Array<{ name: string; text: string }> };
        const files = Object.fromEntries(layout.files.map(f => [f.name, f.text]));
        const names = Object.keys(files);
        // Mostly the department files, sometimes the inventory they share.
        const department = (next: () => number) => names[1 + Math.floor(next() * (names.length - 1))];
        const chooseFile = (next: () => number) => next() < 0.2 ? 'inventory.pra' : department(next);
        const { compared, blocks, full } = await replay('departments', files, 16, chooseFile);
        expect(compared).toBe(Math.ceil(EDITS / COMPARE_EVERY));
        console.log(`departments: ${blocks} updates parsed the touched blocks only, ${full} the whole text`);
        expect(blocks + full).toBeLessThanOrEqual(EDITS);
        expect(blocks).toBeGreaterThan(EDITS / 5);
    }, 180_000);

    // The findings of a department file's names are kept while its names and those of the files it is
    // judged with are the same: here only the inventory changes, declaring in turn nothing, a role and an
    // activity named as an activity of dept-00.pra (`confusing-name`, then `duplicate-name` there).
    test('an inventory declaring names of a department file in turn: 60 edits', async () => {
        const layout = generateDepartments({ activities: 12, departments: 4 }) as { files: Array<{ name: string; text: string }> };
        const files = Object.fromEntries(layout.files.map(f => [f.name, f.text]));
        // An activity nothing refers to, so that only findings change (the next test moves links).
        const all = Object.values(files).join('\n');
        const name = [...files['dept-00.pra'].matchAll(/^activity (\S+)/gm)].map(m => m[1])
            .find(candidate => all.split(candidate).length === 2)!;
        expect(name).toBeDefined();
        const clashes = ['', `\nrole ${name} "clash" {\n    holder "X"\n}\n`, `\nactivity ${name} "clash" {\n    criticality low\n}\n`];
        const inventory = files['inventory.pra'];
        const { compared } = await replay('departments-clash', files, 17, () => 'inventory.pra', 60,
            (text, edit) => ({ start: 0, end: text.length, insert: inventory + clashes[edit % 3] }));
        expect(compared).toBe(3);
    }, 180_000);

    // A department's references follow a name the inventory declares anew: the first declaration in the
    // plan's order (imported files first) is the one they link to, and the one the model keeps, as in a
    // build from scratch, whatever the order in which the index took the files.
    test('an inventory declaring, then dropping, a name a department file declares and refers to: 60 edits', async () => {
        const layout = generateDepartments({ activities: 12, departments: 4 }) as { files: Array<{ name: string; text: string }> };
        const files = Object.fromEntries(layout.files.map(f => [f.name, f.text]));
        const department = files['dept-00.pra'];
        const name = [...department.matchAll(/^activity (\S+)/gm)].map(m => m[1])
            .find(candidate => new RegExp(`\\b(needs|for|tests)\\b[^\\n]*\\b${candidate}\\b`).test(department))!;
        expect(name, 'an activity of dept-00.pra referred to in that file').toBeDefined();
        const clashes = ['', `\nactivity ${name} "clash" {\n    criticality low\n}\n`];
        const inventory = files['inventory.pra'];
        const { compared } = await replay('departments-moved-links', files, 18, () => 'inventory.pra', 60,
            // Declared on odd edits, dropped on even ones; compared after edits 20, 40 and 60, each a declaration.
            (text, edit) => ({ start: 0, end: text.length, insert: inventory + clashes[(edit + 1) % 2] }));
        expect(compared).toBe(3);
    }, 180_000);
});
