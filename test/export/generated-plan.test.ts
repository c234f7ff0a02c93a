import { expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { buildFiles, createTestServices } from '../helpers.js';
// @ts-expect-error the bench's plain ES module generator (no type declarations)
import { generatePlan } from '../../bench/generate-plan.mjs';

async function exportGenerated(activities: number, format: 'json' | 'html' | 'md' | 'docx') {
    const services = createTestServices();
    const document = (await buildFiles(services,
        { 'plan.pra': (generatePlan as (o: { activities: number }) => { text: string })({ activities }).text }))['plan.pra'];
    return exportDocument(services, document, { format, force: true });
}

test('a generated 1,000-activity plan exports completely (JSON)', async () => {
    const json = JSON.parse(new TextDecoder().decode((await exportGenerated(1000, 'json')).content));
    const annex = json.sections.find((s: { id: string }) => s.id === 'annexes');
    const register = annex.blocks.flatMap((b: { blocks?: unknown[] }) => b.blocks
        ?? []).find((b: { id?: string }) => b.id === 'activities');
    expect(register.rows).toHaveLength(1000);
    const cards = json.sections.find((s: { id: string }) => s.id === 'bia').blocks[1].blocks[0];
    expect(cards.type).toBe('cards');
    expect(cards.cards).toHaveLength(1000);
}, 120_000);

test('a generated plan exports in every format', async () => {
    for (const format of ['docx', 'html', 'md'] as const) {
        const result = await exportGenerated(40, format);
        expect(result.content.length).toBeGreaterThan(10_000);
    }
}, 120_000);
