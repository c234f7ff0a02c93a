import type { PlanAnalysis } from '../pra-analysis.js';
import type { Zone } from '../pra-vocabulary.js';
import { simulateOutage } from './simulate.js';
import type { SimulationResult } from './simulation-model.js';

/** One risk of the plan played out: its simulated timeline and recovery order. */
export interface RiskScenario {
    risk: string;
    title?: string;
    score: number;
    zone: Zone;
    simulation: SimulationResult;
}

/**
 * The "strategy per scenario" that continuity standards expect, for the document's Scenarios
 * chapter: each risk in the tolerable or unacceptable zone that targets assets, simulated from 09:00
 * on the plan's date (the reference date when the plan has none), riskiest first, then in the
 * plan's order.
 */
export function riskScenarios(analysis: PlanAnalysis): RiskScenario[] {
    const start = `${analysis.referenceDate}T09:00`;
    const scenarios: RiskScenario[] = [];
    const seen = new Set<string>();
    for (const risk of analysis.model.risks) {
        const figures = analysis.risks.get(risk.name);
        if (!figures || figures.score === undefined || (figures.zone !== 'tolerable' && figures.zone !== 'unacceptable')) continue;
        const assets = risk.targets.filter(t => analysis.data.assets.has(t));
        if (assets.length === 0 || seen.has(risk.name)) continue;
        seen.add(risk.name);
        scenarios.push({
            risk: risk.name, title: risk.title, score: figures.score, zone: figures.zone,
            simulation: simulateOutage(analysis, { down: [{ name: risk.name, kind: 'risk', assets }], start })
        });
    }
    return scenarios.sort((a, b) => b.score - a.score);
}
