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
});
