/**
 * Issue 13, a readable Timeline: the axis spans the recovery (not the largest MTPD), times past it are
 * labelled arrows at the right edge, each bar says what it is (back time, restore, who is called and
 * when, step durations and deadlines), in the plan's language. Drawn on clinique-vet's PMS outage,
 * where everything is back at 15 minutes while the longest MTPD is a week.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerSimulation, type TimelineView } from '../../packages/language/src/index.js';
import type { Lang } from '../../packages/language/src/pra-messages.js';
import { svgMarkup, timelineSvg } from '../../packages/language/src/render/index.js';
import { timelineAxis } from '../../packages/language/src/simulation/timeline-axis.js';
import { buildFiles, createTestServices } from '../helpers.js';

async function pmsOutage(lang: Lang): Promise<{ view: TimelineView; allBack: number }> {
    const services = createTestServices();
    const text = readFileSync(join(__dirname, '../../examples/clinique-vet/plan.pra'), 'utf8');
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': text });
    const { analysis } = services.analysis.PraAnalysisService.forDocument(document);
    const answer = answerSimulation(analysis, lang, { down: ['PMS'], at: '2026-12-07T09:00' });
    if (!('view' in answer)) throw new Error(JSON.stringify(answer));
    return { view: answer.view, allBack: answer.result.allBackMinutes! };
}

/** The words of the drawing's text elements carrying `attribute` (not their halos), in order. */
function texts(markup: string, attribute: string): string[] {
    return [...markup.matchAll(/<text ([^>]*)>([^<]*)/g)]
        .filter(m => m[1].includes(attribute) && !m[1].includes('data-halo')).map(m => m[2].replace(/&#39;/g, '\''));
}

describe('the Timeline of clinique-vet\'s PMS outage (back at 15 min, MTPDs up to a week)', () => {
    it('the axis ends within a small factor of the last return, far short of the week-long MTPD', async () => {
        const { view, allBack } = await pmsOutage('en');
        expect(allBack).toBe(15);
        // The alert chain (45 min) and the procedure run during the outage (to 2 h 15 min) are shown: 3 h, in hours.
        expect(view.horizonMinutes).toBe(180);
        expect(view.horizonMinutes).toBeLessThanOrEqual(12 * allBack);
        expect(view.ticks.map(t => t.label)).toEqual(['T+0', 'T+1 h', 'T+2 h', 'T+3 h']);
        // Before, the axis ran to the longest MTPD (7 days): the recovery was a sliver at its left edge.
        const longest = Math.max(...view.rows.flatMap(r => r.marks.map(m => m.minutes)));
        expect(longest).toBe(7 * 1440);
    });

    it('each bar says when it is back; limits past the axis are one labelled arrow at the right edge', async () => {
        const { view } = await pmsOutage('en');
        const markup = svgMarkup(timelineSvg(view, { chartWidth: 470 }));
        expect(texts(markup, 'data-part="back-label"')).toEqual(['back T+15 min', 'back T+15 min', 'back T+15 min']);
        // Emergency-Care: RTO 1 h on the axis (a mark and its label), MTPD 4 h past it; Billing: both past it.
        expect(texts(markup, 'data-label="rto"')).toEqual(['RTO 1 h']);
        expect(texts(markup, 'data-beyond=""').slice(0, 3)).toEqual(['MTPD 4 h →', 'RTO 4 h · MTPD 24 h →', 'RTO 24 h · MTPD 7 d →']);
        const billing = /data-name="Billing"[\s\S]*?<\/g><\/g>/.exec(markup)![0];
        expect(billing).toContain('<title>RTO 24 h: met; MTPD 7 d: met</title>');
        expect(billing).not.toContain('data-mark=');
        // The arrow sits at the right edge: its end at the axis' end plus the margin.
        const arrow = /<text x="([\d.]+)"[^>]*data-beyond=""[^>]*data-label="rto mtpd"[^>]*>RTO 24 h · MTPD 7 d →/.exec(markup)!;
        expect(Number(arrow[1])).toBe(230 + 470 + 16);
    });

    it('the alert chain lists who is called and when; procedures give step durations and their deadline', async () => {
        const { view } = await pmsOutage('en');
        const markup = svgMarkup(timelineSvg(view));
        expect([...markup.matchAll(/data-alert="([^"]+)"/g)].map(m => m[1])).toEqual(['Practice-Manager', 'Managing-Vet']);
        expect(texts(markup, 'data-part="alert-label"')).toEqual(['T+15 min', 'T+45 min: plan activated']);
        expect(texts(markup, 'data-part="restore-label"')).toEqual(['restored T+15 min']);
        expect(texts(markup, 'data-part="procedure-label"')).toEqual(['T+45 min → T+2 h 15 min', 'T+15 min → T+120 h 15 min →']);
        // The during procedure's steps on the axis give their duration; the re-keying days later ends past it.
        expect(texts(markup, 'data-part="step-label"'))
            .toEqual(['15 min', '30 min', '30 min', '30 min', 'T+24 h 15 min →', 'T+72 h 15 min →', 'T+120 h 15 min →']);
        expect(texts(markup, 'data-part="deadline-label"')).toEqual(['deadline T+24 h 45 min →']);
    });

    it('speaks the plan\'s language: French back times, limits, days and the activation', async () => {
        const { view } = await pmsOutage('fr');
        const markup = svgMarkup(timelineSvg(view));
        expect(texts(markup, 'data-part="back-label"')[0]).toBe('rétablie T+15 min');
        expect(texts(markup, 'data-beyond=""')).toContain('DMIA 24 h · MTPD 7 j →');
        expect(texts(markup, 'data-part="alert-label"')).toEqual(['T+15 min', 'T+45 min : plan activé']);
        expect(texts(markup, 'data-part="deadline-label"')).toEqual(['échéance T+24 h 45 min →']);
    });
});

describe('the axis ticks (simulation/timeline-axis.ts): round values in the unit of the span', () => {
    it('minutes up to 2 h, hours up to 3 days, then days; at most 8 intervals, ending on a tick past the span', () => {
        // A tenth of headroom: 20 min reaches 22, so the axis ends on the 25-minute tick.
        expect(timelineAxis(20, 'en')).toEqual({
            endMinutes: 25, ticks: [0, 5, 10, 15, 20, 25].map(m => ({ minutes: m, label: m === 0 ? 'T+0' : `T+${m} min` }))
        });
        expect(timelineAxis(100, 'en').ticks.map(t => t.label)).toEqual(['T+0', 'T+15 min', 'T+30 min', 'T+45 min', 'T+60 min',
            'T+75 min', 'T+90 min', 'T+105 min', 'T+120 min']);
        const threeDays = timelineAxis(65 * 60, 'fr');
        expect(threeDays.endMinutes).toBe(72 * 60);
        expect(threeDays.ticks.map(t => t.label)).toEqual(['T+0', 'T+12 h', 'T+24 h', 'T+36 h', 'T+48 h', 'T+60 h', 'T+72 h']);
        const tenDays = timelineAxis(10 * 1440, 'fr');
        expect(tenDays.endMinutes).toBe(12 * 1440);
        expect(tenDays.ticks.at(-1)!.label).toBe('T+12 j');
        expect(tenDays.ticks).toHaveLength(7);
    });
});
