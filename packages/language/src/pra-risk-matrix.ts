import { scoreZone, type PlanAnalysis } from './pra-analysis.js';
import { defaultScaleLabel, type Lang } from './pra-messages.js';
import type { Zone } from './pra-vocabulary.js';

export interface MatrixLevel { value: number; label: string }
export interface MatrixCell {
    likelihood: number;
    impact: number;
    score: number;
    zone: Zone;
    /** Risks at this position before mitigation, then after (residual, or unchanged when none). */
    inherent: string[];
    residual: string[];
}

/** The likelihood × impact grid of a plan, with its own scale labels and acceptance zones. */
export interface RiskMatrix {
    likelihood: MatrixLevel[];
    impact: MatrixLevel[];
    tolerableFrom: number;
    unacceptableFrom: number;
    /** Rows from the highest likelihood down, columns from the lowest impact up. */
    rows: MatrixCell[][];
}

function levels(axis: 'likelihood' | 'impact', analysis: PlanAnalysis, lang: Lang): MatrixLevel[] {
    const declared = analysis.model.scales[axis];
    const highest = Math.max(0, ...declared.map(l => l.value));
    const result: MatrixLevel[] = [];
    for (let value = 1; value <= highest; value++) {
        const label = declared.find(l => l.value === value)?.label ?? defaultScaleLabel(axis, value, lang) ?? String(value);
        result.push({ value, label });
    }
    return result;
}

export function riskMatrix(analysis: PlanAnalysis, lang: Lang): RiskMatrix {
    const { scales } = analysis.model;
    const likelihood = levels('likelihood', analysis, lang);
    const impact = levels('impact', analysis, lang);
    const cells = new Map<string, MatrixCell>();
    const rows = [...likelihood].reverse().map(l => impact.map(i => {
        const cell: MatrixCell = {
            likelihood: l.value, impact: i.value, score: l.value * i.value,
            zone: scoreZone(l.value * i.value, scales), inherent: [], residual: []
        };
        cells.set(`${l.value}x${i.value}`, cell);
        return cell;
    }));
    for (const risk of analysis.model.risks) {
        if (risk.likelihood === undefined || risk.impact === undefined) continue;
        cells.get(`${risk.likelihood}x${risk.impact}`)?.inherent.push(risk.name);
        // A residual level relying on means not in place is not credited: the risk stays where it is.
        const credited = (analysis.risks.get(risk.name)?.mitigationsNotInPlace.length ?? 0) === 0;
        const after = (credited ? risk.residual : undefined) ?? { likelihood: risk.likelihood, impact: risk.impact };
        cells.get(`${after.likelihood}x${after.impact}`)?.residual.push(risk.name);
    }
    return { likelihood, impact, tolerableFrom: scales.tolerableFrom, unacceptableFrom: scales.unacceptableFrom, rows };
}
