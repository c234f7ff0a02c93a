import type { PlanAnalysis } from '../pra-analysis.js';
import type { Lang } from '../pra-messages.js';
import { clockNow, parseStart } from './clock.js';
import { simulationMarkdown } from './render-markdown.js';
import { resolveDown, type UnknownName } from './resolve-down.js';
import { simulateOutage } from './simulate.js';
import type { SimulationResult } from './simulation-model.js';
import { timelineView, type TimelineView } from './timeline-view.js';

/** What to simulate: names of assets, risks or sites down, and when (ISO date-time; now when absent). */
export interface SimulationQuestion { down: readonly string[]; at?: string }

/**
 * The timeline, its Markdown and the view model of its Gantt chart, in the plan's language; or the
 * names the plan lacks; or why the question is wrong.
 */
export type SimulationAnswer =
    | { result: SimulationResult; markdown: string; view: TimelineView; lang: Lang }
    | { unknown: UnknownName[] }
    | { refused: string };

/** The whole answer to "what if these fail at that time?", as the language server gives it. */
export function answerSimulation(analysis: PlanAnalysis, lang: Lang, question: SimulationQuestion, now?: Date): SimulationAnswer {
    const clock = question.at === undefined ? clockNow(now) : parseStart(question.at);
    if (!clock) return { refused: `${question.at} is not a date-time written YYYY-MM-DDTHH:MM` };
    if (question.down.length === 0) return { refused: 'name at least one asset, risk or site that fails' };
    const resolved = resolveDown(analysis, question.down);
    if (!resolved.ok) return { unknown: resolved.unknown };
    const result = simulateOutage(analysis, { down: resolved.down, start: clock.start });
    const title = analysis.model.header?.title ?? question.down.join(', ');
    const options = { title, clock, lang };
    return { result, markdown: simulationMarkdown(result, options), view: timelineView(analysis, result, options), lang };
}
