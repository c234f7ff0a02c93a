/**
 * Issue 13, the Timeline view's model (the page draws it and computes nothing): one row per hit
 * activity (down until activation, recovering until back, then back; unknown when the plan gives no
 * time), RTO and MTPD marks, restore bars, alert and procedure lanes, an axis, and the element's
 * source to reveal it.
 */
import { describe, expect, it } from 'vitest';
import { answerSimulation, type TimelineView } from '../../packages/language/src/index.js';
import { svgMarkup, timelineSvg } from '../../packages/language/src/render/index.js';
import { analysisOf, hours } from './simulation-helpers.js';

const text = `
plan "Vue" { language en }
role Standard { } role DSI { } role DAF { }
crisis { alert "Call" to Standard within 15min  alert "Call" to DSI within 15min }
activity Paie "Paie des salariés" { rto 8h mtpd 1d uses App impact { financial 2 after 4h } }
activity Stock { rto 2h uses App, Db }
asset App { kind application }
asset Db { kind data }
fallback AppRestore { covers App rto 6h }
risk Panne { targets App, Db }
procedure Bascule { phase during for Paie
    step "Déclarer" by DAF deadline 72h
    parallel { step "A" by Standard within 30min  step "B" by DSI within 2h }
}
`;

async function view(down: string): Promise<TimelineView> {
    const analysis = await analysisOf(text);
    const answer = answerSimulation(analysis, 'en', { down: [down], at: '2026-12-07T09:00' });
    if (!('view' in answer)) throw new Error(JSON.stringify(answer));
    return answer.view;
}

describe('the Timeline view model', () => {
    it('rows: down until activation (30 min), recovering until back (6 h), back after; RTO and MTPD marks; the source', async () => {
        const model = await view('Panne');
        expect(model.title).toBe('Outage simulation — Vue');
        const paie = model.rows.find(r => r.activity === 'Paie')!;
        expect(paie.label).toBe('Paie — Paie des salariés');
        expect(paie.segments).toEqual([
            { state: 'down', from: 0, to: 30 },
            { state: 'recovering', from: 30, to: hours(6) },
            { state: 'back', from: hours(6), to: model.horizonMinutes }
        ]);
        expect(paie.marks.map(m => [m.kind, m.minutes, m.crossed, m.short])).toEqual([
            ['rto', hours(8), 'no', 'RTO 8 h'], ['mtpd', hours(24), 'no', 'MTPD 24 h']
        ]);
        expect(paie.back).toEqual({ minutes: hours(6), label: 'back T+6 h' });
        expect(paie.impacts).toEqual([{ minutes: hours(4), reached: 'yes', label: 'financial 2 at T+4 h' }]);
        expect(paie.source?.range.start.line).toBe(4);
    });

    it('an activity whose return time is unknown: unknown from activation to the end of the axis', async () => {
        const model = await view('Panne');
        const stock = model.rows.find(r => r.activity === 'Stock')!;
        expect(stock.segments).toEqual([
            { state: 'down', from: 0, to: 30 },
            { state: 'unknown', from: 30, to: model.horizonMinutes }
        ]);
        expect(stock.tooltip).toContain('no restore time for Db');
        expect(stock.back).toEqual({ label: 'return time unknown' });
    });

    it('the axis spans the recovery (Paie back at 6 h, its RTO 8 h just past it), not the MTPD nor the 72 h deadline', async () => {
        const model = await view('Panne');
        // The last return and restore at 6 h; Paie's RTO (8 h) is within half again of it, so on the axis; its MTPD
        // (24 h) and the deadline (30 min + 72 h) are past it: arrows at the edge. Round hours, at most 8 intervals,
        // a tenth of headroom past the 8 h: the axis ends at 10 h.
        expect(model.horizonMinutes).toBe(hours(10));
        expect(model.ticks.map(t => t.minutes)).toEqual([0, 2, 4, 6, 8, 10].map(hours));
        expect(model.ticks[1]).toEqual({ minutes: hours(2), label: 'T+2 h', clock: 'Mon 2026-12-07 11:00' });
    });

    it('lanes: restore bars (none when unknown), the alert chain, procedure steps (parallel ones side by side) and deadlines', async () => {
        const model = await view('Panne');
        expect(model.restores.map(r => [r.asset, r.from, r.to])).toEqual([['App', 0, hours(6)], ['Db', undefined, undefined]]);
        expect(model.restores[1].label).toBe('Db: restore time unknown: no active fallback covers it');
        expect(model.restores.map(r => r.short)).toEqual(['restored T+6 h', 'restore time unknown']);
        expect(model.alerts.map(a => [a.to, a.from, a.minutes, a.short])).toEqual([
            ['Standard', 0, 15, 'T+15 min'], ['DSI', 15, 30, 'T+30 min: plan activated']
        ]);
        expect(model.activationMinutes).toBe(30);
        const bascule = model.procedures[0];
        expect(bascule.span).toEqual({ from: 30, to: 150, short: 'T+30 min → T+2 h 30 min' });
        expect(bascule.steps.map(({ title: _title, ...step }) => step)).toEqual([
            { label: 'Déclarer', due: { minutes: 30 + hours(72), short: 'deadline T+72 h 30 min' } },
            { from: 30, to: 60, label: 'A', parallel: 1, short: '30 min', end: 'T+1 h' },
            { from: 30, to: 150, label: 'B', parallel: 1, short: '2 h', end: 'T+2 h 30 min' }
        ]);
        expect(bascule.steps[2].title).toBe('T+30 min → T+2 h 30 min  B (DSI)');
        expect(model.labels.recovering).toBe('recovering');
    });
});

/** The words of the drawing's text elements carrying `attribute` (not their halos), in order. */
function texts(markup: string, attribute: string): string[] {
    return [...markup.matchAll(/<text ([^>]*)>([^<]*)/g)]
        .filter(m => m[1].includes(attribute) && !m[1].includes('data-halo')).map(m => m[2].replace(/&#39;/g, '\''));
}

describe('the Timeline drawing (render/timeline-svg.ts)', () => {
    it('draws each activity row (segments, RTO/MTPD marks, reached impacts), restores, alerts, procedures; names to reveal', async () => {
        const model = await view('Panne');
        const svg = timelineSvg(model);
        const markup = svgMarkup(svg);
        const groups = (kind: string): string[] =>
            [...markup.matchAll(new RegExp(`data-kind="${kind}" data-name="([^"]+)"`, 'g'))].map(m => m[1]);
        expect(groups('activity')).toEqual(['Paie', 'Stock']);
        expect(groups('asset')).toEqual(['App', 'Db']);
        expect(groups('procedure')).toEqual(['Bascule']);
        expect((markup.match(/data-state="down"/g) ?? []).length).toBe(2);
        expect((markup.match(/data-state="recovering"/g) ?? []).length).toBe(1);
        expect((markup.match(/data-state="unknown"/g) ?? []).length).toBe(1);
        expect((markup.match(/data-mark="rto"/g) ?? []).length).toBe(2);
        // Paie's MTPD (24 h) is past the 8 h axis: no mark on it, an arrow at the edge that says so.
        expect((markup.match(/data-mark="mtpd"/g) ?? []).length).toBe(0);
        expect(texts(markup, 'data-beyond=""')).toEqual(['MTPD 24 h →', 'deadline T+72 h 30 min →']);
        expect((markup.match(/data-impact=""/g) ?? []).length).toBe(1);
        // The 6 h return of Paie on a 10 h axis 760 wide after a 230 label column: x = 230 + 6/10 × 760.
        const back = /<rect x="([\d.]+)"[^>]*data-state="back"/.exec(markup);
        expect(Number(back![1])).toBeCloseTo(230 + 6 / 10 * 760, 5);
        expect(texts(markup, 'data-part="back-label"')).toEqual(['back T+6 h', 'return time unknown']);
        expect(texts(markup, 'data-label="rto"')).toEqual(['RTO 8 h', 'RTO 2 h']);
        expect(texts(markup, 'data-part="restore-label"')).toEqual(['restored T+6 h']);
        expect(texts(markup, 'data-part="unknown-label"')).toEqual(['restore time unknown']);
        expect(texts(markup, 'data-part="alert-label"')).toEqual(['T+15 min', 'T+30 min: plan activated']);
        expect([...markup.matchAll(/data-alert="([^"]+)"/g)].map(m => m[1])).toEqual(['Standard', 'DSI']);
        expect(texts(markup, 'data-part="step-label"')).toEqual(['30 min', '2 h']);
        expect(texts(markup, 'data-part="tick"')).toEqual(['T+0', 'T+2 h', 'T+4 h', 'T+6 h', 'T+8 h', 'T+10 h']);
        expect(markup).toContain('<title>Outage simulation — Vue</title>');
    });

    it('plan text is only ever text: markup in a name or a step is escaped', async () => {
        const analysis = await analysisOf(text.replace('step "A"', 'step "<script>A</script>"'));
        const answer = answerSimulation(analysis, 'en', { down: ['Panne'], at: '2026-12-07T09:00' });
        if (!('view' in answer)) throw new Error('no view');
        const markup = svgMarkup(timelineSvg(answer.view));
        expect(markup).not.toContain('<script>');
        expect(markup).toContain('&lt;script&gt;A&lt;/script&gt;');
    });
});
