import { describe, expect, test } from 'vitest';
import { planSkeleton } from '../../packages/language/src/pra-plan-skeleton.js';
import { buildPlan } from '../helpers.js';

describe('PRA: New Plan… skeleton', () => {
    for (const lang of ['fr', 'en'] as const) {
        test(`the ${lang} skeleton parses, links and has no error`, async () => {
            const text = planSkeleton({ organisation: 'Atelier "Dupont" \\ fils', lang, date: '2026-01-15', review: '2027-01-15' });
            const document = await buildPlan(text);
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
            expect(errors).toEqual([]);
            for (const point of ['Point 1', 'Point 2', 'Point 3', 'Point 4', 'Point 6']) expect(text).toContain(point);
            expect(text).toMatch(/Points 4 (et|and) 5/);
            expect(text).toContain(`language     ${lang}`);
        });
    }
});
