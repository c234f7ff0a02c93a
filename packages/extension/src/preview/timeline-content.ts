import type { SimulationAnswer, TimelineContent } from 'pra-language/protocol';

/** What the Timeline view shows for the server's answer about the scenario `down`. */
export function timelineContent(down: readonly string[], answer: SimulationAnswer): TimelineContent {
    if ('refused' in answer) return { state: 'refused', down: [...down], reason: answer.refused };
    if ('unknown' in answer) return { state: 'vanished', down: [...down], unknown: answer.unknown };
    return { state: 'view', down: [...down], view: answer.view };
}

/**
 * This minute on the user's clock, as `pra/simulate` reads it (`YYYY-MM-DDTHH:MM`): the start of the
 * scenario picked, kept across edits so that the redrawn chart only changes where the plan did.
 */
export function localMinute(now: Date = new Date()): string {
    const two = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** The files the timeline's rows come from (the page may ask to reveal a place in them). */
export function timelineUris(content: TimelineContent): string[] {
    if (content.state !== 'view') return [];
    const { rows, restores, procedures } = content.view;
    return [...rows, ...restores, ...procedures].flatMap(row => row.source ? [row.source.uri] : []);
}
