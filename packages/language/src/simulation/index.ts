export * from './simulation-model.js';
export { resolveDown, closeNames, type ResolvedDown, type UnknownName } from './resolve-down.js';
export { simulateOutage, type SimulationInput } from './simulate.js';
export { parseStart, clockNow, type Clock } from './clock.js';
export { timelineEvents, type TimelineEvent } from './timeline-events.js';
export { simulationText } from './render-text.js';
export { simulationMarkdown } from './render-markdown.js';
export { answerSimulation, type SimulationAnswer, type SimulationQuestion } from './simulation-answer.js';
export {
    timelineView, type TimelineView, type TimelineRowView, type TimelineRestoreView, type TimelineProcedureView, type TimelineAlertView,
    type TimelineStepView, type SegmentState
} from './timeline-view.js';
export { riskScenarios, type RiskScenario } from './scenarios.js';
