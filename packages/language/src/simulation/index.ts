export * from './simulation-model.js';
export { resolveDown, closeNames, type ResolvedDown, type UnknownName } from './resolve-down.js';
export { simulateOutage, type SimulationInput } from './simulate.js';
