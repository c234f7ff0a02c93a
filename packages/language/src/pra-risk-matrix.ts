import { scoreZone, type PlanAnalysis } from './pra-analysis.js';
import { defaultScaleLabel, textLookup, type Lang, type Texts } from './pra-messages.js';
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

/** A risk the grid cannot place, with why, in the plan's language. */
export interface TrayRisk { name: string; reason: string }

/** The risks drawn below the grid in each view, so that no risk is ever silently left out. */
export interface MatrixTray {
    title: string;
    inherent: TrayRisk[];
    residual: TrayRisk[];
}

/** The likelihood × impact grid of a plan, with its own scale labels and acceptance zones. */
export interface RiskMatrix {
    likelihood: MatrixLevel[];
    impact: MatrixLevel[];
    tolerableFrom: number;
    unacceptableFrom: number;
    /** Rows from the highest likelihood down, columns from the lowest impact up. */
    rows: MatrixCell[][];
    tray: MatrixTray;
}

const trayTexts = {
    title: { en: 'Not in the grid', fr: 'Hors de la grille' },
    'no likelihood': { en: 'no likelihood', fr: 'vraisemblance non indiquée' },
    'no impact': { en: 'no impact', fr: 'gravité non indiquée' },
    'no likelihood nor impact': { en: 'no likelihood nor impact', fr: 'ni vraisemblance ni gravité indiquées' },
    'out of scale': { en: '{axis} {value} is outside the scale (1 to {highest})', fr: '{axis} {value} hors de l\'échelle (1 à {highest})' },
    'residual out of scale': { en: 'residual {axis} {value} is outside the scale (1 to {highest})', fr: '{axis} résiduelle {value} hors de l\'échelle (1 à {highest})' },
    likelihood: { en: 'likelihood', fr: 'vraisemblance' },
    impact: { en: 'impact', fr: 'gravité' }
} as const satisfies Readonly<Record<string, Texts>>;
const trayText = textLookup(trayTexts, 'risk matrix tray');

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
    const tray: MatrixTray = { title: trayText('title', lang), inherent: [], residual: [] };
    const highest = { likelihood: likelihood.length, impact: impact.length };
    /** Why a position is not a cell of the grid; undefined when it is one. */
    const outside = (position: { likelihood: number; impact: number }, key: keyof typeof trayTexts): string | undefined => {
        for (const axis of ['likelihood', 'impact'] as const) {
            const value = position[axis];
            if (!Number.isInteger(value) || value < 1 || value > highest[axis]) {
                return trayText(key, lang, { axis: trayText(axis, lang), value, highest: highest[axis] });
            }
        }
        return undefined;
    };
    for (const risk of analysis.model.risks) {
        if (risk.likelihood === undefined || risk.impact === undefined) {
            const reason = trayText(risk.likelihood === undefined && risk.impact === undefined ? 'no likelihood nor impact'
                : risk.likelihood === undefined ? 'no likelihood' : 'no impact', lang);
            tray.inherent.push({ name: risk.name, reason });
            tray.residual.push({ name: risk.name, reason });
            continue;
        }
        const before = { likelihood: risk.likelihood, impact: risk.impact };
        const inherentOutside = outside(before, 'out of scale');
        if (inherentOutside) tray.inherent.push({ name: risk.name, reason: inherentOutside });
        else cells.get(`${before.likelihood}x${before.impact}`)!.inherent.push(risk.name);
        // A residual level relying on means not in place is not credited: the risk stays where it is.
        const credited = (analysis.risks.get(risk.name)?.mitigationsNotInPlace.length ?? 0) === 0;
        const residual = credited ? risk.residual : undefined;
        const after = residual ?? before;
        const residualOutside = outside(after, residual ? 'residual out of scale' : 'out of scale');
        if (residualOutside) tray.residual.push({ name: risk.name, reason: residualOutside });
        else cells.get(`${after.likelihood}x${after.impact}`)!.residual.push(risk.name);
    }
    return { likelihood, impact, tolerableFrom: scales.tolerableFrom, unacceptableFrom: scales.unacceptableFrom, rows, tray };
}
