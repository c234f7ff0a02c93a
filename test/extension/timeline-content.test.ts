import { describe, expect, test } from 'vitest';
import { localMinute, timelineContent, timelineUris } from '../../packages/extension/src/preview/timeline-content.js';
import type { TimelineView } from '../../packages/language/src/protocol.js';

const source = (uri: string) => ({ uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } });
const view = {
    rows: [{ activity: 'Paie', source: source('file:///plan.pra') }],
    restores: [{ asset: 'App', source: source('file:///inventaire.pra') }, { asset: 'Ghost' }],
    procedures: []
} as unknown as TimelineView;

describe('the Timeline view\'s content, from the server\'s answer (preview/timeline-content.ts)', () => {
    test('a chart, the names the plan no longer has, or the refusal; the scenario kept in each', () => {
        expect(timelineContent(['Panne'], { result: {} as never, markdown: '# x', view, lang: 'en' }))
            .toEqual({ state: 'view', down: ['Panne'], view });
        expect(timelineContent(['Panne'], { unknown: [{ name: 'Panne', close: ['Panne2'] }] }))
            .toEqual({ state: 'vanished', down: ['Panne'], unknown: [{ name: 'Panne', close: ['Panne2'] }] });
        expect(timelineContent(['Panne'], { refused: 'no' })).toEqual({ state: 'refused', down: ['Panne'], reason: 'no' });
    });

    test('the start is this minute on the user\'s clock, as pra/simulate reads it', () => {
        expect(localMinute(new Date(2026, 11, 7, 9, 5, 59))).toBe('2026-12-07T09:05');
    });

    test('the page may reveal places in the files the chart\'s rows come from, and no others', () => {
        expect(timelineUris({ state: 'view', down: ['Panne'], view })).toEqual(['file:///plan.pra', 'file:///inventaire.pra']);
        expect(timelineUris({ state: 'none' })).toEqual([]);
    });
});
