/**
 * Issue 13, "Done when: pra simulate answers for every example": every asset, site and risk of every
 * example, simulated alone, gives a timeline that holds together.
 */
import { describe, expect, it } from 'vitest';
import {
    resolveDown, simulateOutage, simulationMarkdown, simulationText, parseStart, timelineView
} from '../../packages/language/src/index.js';
import { svgMarkup, timelineSvg } from '../../packages/language/src/render/index.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { exampleFolders } from '../lsp/lsp-helpers.js';

describe.each(Object.entries(exampleFolders()))('example %s', (_folder, files) => {
    it('every asset and risk down alone: each hit activity is back at a time or says why not; each failed asset in one wave', async () => {
        const services = createTestServices({ today: '2026-12-01' });
        const built = await buildFiles(services, files);
        const root = built['plan.pra'] ?? Object.values(built)[0];
        const analysis = services.analysis.PraAnalysisService.forDocument(root).analysis;
        const clock = parseStart('2026-12-07T09:00')!;
        const names = [...analysis.data.assets.keys(), ...analysis.data.risks.keys()];
        expect(names.length).toBeGreaterThan(5);
        for (const name of names) {
            const resolved = resolveDown(analysis, [name]);
            if (!resolved.ok) throw new Error(`${name} must resolve`);
            const result = simulateOutage(analysis, { down: resolved.down, start: clock.start });
            for (const activity of result.activities) {
                const { back } = activity;
                expect(back.backMinutes !== undefined || back.unknownBecause !== undefined, `${name}: ${activity.name}`).toBe(true);
                if (back.backMinutes !== undefined) expect(back.backMinutes).toBeGreaterThanOrEqual(0);
            }
            for (const failed of result.failed) {
                const restore = failed.restore;
                if (restore.state === 'known') expect(restore.endMinutes).toBe(restore.startMinutes + restore.durationMinutes);
            }
            expect(result.order.waves.flatMap(w => w.assets).sort()).toEqual(result.failed.map(f => f.name).sort());
            for (const lang of ['en', 'fr'] as const) {
                const text = simulationText(result, { title: 'T', clock, lang });
                const markdown = simulationMarkdown(result, { title: 'T', clock, lang });
                // Every placeholder filled, every key found: no "{name}" nor a raw key left.
                // The Timeline chart too: every label worded, every coordinate a number, the axis over the recovery.
                const view = timelineView(analysis, result, { title: 'T', clock, lang });
                const chart = svgMarkup(timelineSvg(view, { chartWidth: 470 }));
                for (const output of [text, markdown, chart]) {
                    expect(output, `${name} (${lang})`).not.toMatch(/\{\w+\}|undefined|NaN|\b(event|restore|back|hit|limit|crossed|meets)\.[a-z]/);
                }
                if (result.allBackMinutes !== undefined) expect(view.horizonMinutes).toBeGreaterThanOrEqual(result.allBackMinutes);
            }
        }
    }, 120_000);
});
