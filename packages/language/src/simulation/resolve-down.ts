import type { PlanAnalysis } from '../pra-analysis.js';
import type { DownElement } from './simulation-model.js';

/** A name that is neither an asset nor a risk of the plan, with the names it most likely meant. */
export interface UnknownName { name: string; close: string[] }

export type ResolvedDown = { ok: true; down: DownElement[] } | { ok: false; unknown: UnknownName[] };

/**
 * Reads what the user says is down: an asset (a `site` is an asset of kind site) or a risk, which
 * means its `targets`. An asset wins over a risk of the same name (kinds may share names).
 */
export function resolveDown(analysis: PlanAnalysis, names: readonly string[]): ResolvedDown {
    const down: DownElement[] = [];
    const unknown: UnknownName[] = [];
    for (const name of names) {
        if (analysis.data.assets.has(name)) down.push({ name, kind: 'asset', assets: [name] });
        else {
            const risk = analysis.data.risks.get(name);
            if (risk) down.push({ name, kind: 'risk', assets: risk.targets.filter(t => analysis.data.assets.has(t)) });
            else unknown.push({ name, close: closeNames(name, [...analysis.data.assets.keys(), ...analysis.data.risks.keys()]) });
        }
    }
    return unknown.length > 0 ? { ok: false, unknown } : { ok: true, down };
}

/** Up to five names within a small edit distance (case and accents ignored), or that contain the name, closest first. */
export function closeNames(name: string, candidates: Iterable<string>, max = 5): string[] {
    const wanted = fold(name);
    const limit = Math.max(2, Math.floor(wanted.length / 3));
    const scored: Array<{ name: string; score: number }> = [];
    for (const candidate of new Set(candidates)) {
        const folded = fold(candidate);
        // A name that contains the other (or is contained) comes first, the nearest in length first.
        const distance = folded.includes(wanted) || wanted.includes(folded)
            ? Math.abs(folded.length - wanted.length) / 100 : editDistance(wanted, folded, limit);
        if (distance <= limit) scored.push({ name: candidate, score: distance });
    }
    return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, max).map(s => s.name);
}

function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Levenshtein distance, giving up (limit + 1) as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            best = Math.min(best, current[j]);
        }
        if (best > limit) return limit + 1;
        previous = current;
    }
    return previous[b.length];
}
