import { describe, expect, test } from 'vitest';
// @ts-expect-error the bench generator is plain JavaScript
import { generatePlan } from '../../bench/generate-plan.mjs';
import { COMPARE_EVERY, EDITS, replay } from './incremental-helpers.js';

/** Issue 16: edits inside one file, the touched blocks parsed again (see incremental-helpers.ts). */
describe('an incremental rebuild equals a full rebuild', () => {
    test(`one file: ${EDITS} random edits`, async () => {
        const text = (generatePlan({ activities: 10 }) as { text: string }).text;
        const { compared, blocks, full } = await replay('one', { 'plan.pra': text }, 20261201, () => 'plan.pra');
        expect(compared).toBe(Math.ceil(EDITS / COMPARE_EVERY));
        // Both paths are exercised: the touched blocks only, and the whole text (after a syntax error).
        // (An edit that leaves the text as it was, such as an undo of a no-op, parses nothing.)
        console.log(`one file: ${blocks} updates parsed the touched blocks only, ${full} the whole text`);
        expect(blocks + full).toBeLessThanOrEqual(EDITS);
        expect(blocks).toBeGreaterThan(EDITS / 5);
        expect(full).toBeGreaterThan(EDITS / 10);
    }, 180_000);

    // Every block on one line with the blocks around it: an edit in a block moves the next ones along
    // their first line (the columns of the findings and sources kept for untouched blocks).
    test('one file, blocks sharing lines: 500 random edits', async () => {
        const text = (generatePlan({ activities: 10 }) as { text: string }).text.replace(/\n}\n\n/g, ' } ').replace(/\n {4}/g, ' ');
        expect(text.split('\n').length).toBeLessThan(10);
        const { compared, blocks } = await replay('one', { 'plan.pra': text }, 20261202, () => 'plan.pra', 500);
        expect(compared).toBe(Math.ceil(500 / COMPARE_EVERY));
        expect(blocks).toBeGreaterThan(25);
    }, 180_000);

    // Builds cancelled midway (during the parse, the linking, the validation…), as when edits come fast.
    test('one file, builds cancelled midway: 1000 edits', async () => {
        const text = (generatePlan({ activities: 10 }) as { text: string }).text;
        const { compared, cancelled } = await replay('one', { 'plan.pra': text }, 20261204, () => 'plan.pra', 1000, undefined, true);
        expect(compared).toBe(Math.ceil(1000 / COMPARE_EVERY));
        console.log(`one file: ${cancelled} builds cancelled`);
        expect(cancelled).toBeGreaterThan(300);
    }, 180_000);

    // A block without a name added before the others each time: the names are the same, the links of
    // the untouched blocks are kept, and the paths of their targets (`/elements@i`) move.
    test('one file, unnamed blocks inserted before referenced ones: 40 edits', async () => {
        const text = (generatePlan({ activities: 10 }) as { text: string }).text;
        const insertAt = (current: string) => current.indexOf('\nrole Role-00001') + 1;
        const { compared, blocks } = await replay('one', { 'plan.pra': text }, 20261203, () => 'plan.pra', 40,
            (current, edit) => ({ start: insertAt(current), end: insertAt(current), insert: `exception "added ${edit}"\n\n` }));
        expect(compared).toBe(2);
        expect(blocks).toBe(40);
    }, 180_000);
});
