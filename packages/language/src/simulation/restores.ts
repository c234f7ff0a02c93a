import type { PlanAnalysis } from '../pra-analysis.js';
import type { FallbackData } from '../pra-model.js';
import type { Outage } from './outage.js';
import type { Restore } from './simulation-model.js';

/** When a means can run: at once, or once the failed assets it needs are back. */
export interface Readiness { startMinutes: number; waitsFor: string[] }

interface Candidate { end: number; fallback: FallbackData; start: number; waitsFor: string[] }

/**
 * The restore of each failed asset in this scenario. The analysis' best figure is taken as it is
 * when its fallback needs nothing that failed. A fallback that needs failed assets starts when the
 * last of them is back; one that needs the asset it restores, or waits in a cycle, is never ready.
 * Earliest ends first (Dijkstra's order, a restore ending when the last thing it waits for is back),
 * so each asset is settled once and cycles end.
 */
export class Restores {
    private readonly settled = new Map<string, Restore>();

    constructor(private readonly analysis: PlanAnalysis, private readonly outage: Outage) {
        const best = new Map<string, Candidate>();
        const waiting = new Map<string, Array<{ asset: string; fallback: FallbackData; left: number }>>();
        const offer = (asset: string, candidate: Candidate): void => {
            const known = best.get(asset);
            if (!known || candidate.end < known.end) best.set(asset, candidate);
        };
        const open: string[] = [];
        for (const { name } of outage.failed) {
            const figure = analysis.assets.get(name)?.best.rto;
            const covering = this.covering(name);
            if (figure?.state === 'known' && !outage.fallbackNeeds.has(figure.via)) {
                const fallback = covering.find(f => f.name === figure.via)!;
                this.settled.set(name, known({ end: figure.minutes, fallback, start: 0, waitsFor: [] }, false));
                continue;
            }
            open.push(name);
            for (const fallback of covering) {
                if (fallback.rtoMinutes === undefined) continue;
                const needs = outage.fallbackNeeds.get(fallback.name) ?? [];
                if (needs.includes(name)) continue;
                if (needs.length === 0) offer(name, { end: fallback.rtoMinutes, fallback, start: 0, waitsFor: [] });
                const wait = { asset: name, fallback, left: needs.length };
                for (const need of needs) waiting.set(need, [...waiting.get(need) ?? [], wait]);
            }
        }
        const release = (asset: string): void => {
            for (const wait of waiting.get(asset) ?? []) {
                if (--wait.left > 0 || this.settled.has(wait.asset)) continue;
                const waitsFor = outage.fallbackNeeds.get(wait.fallback.name)!;
                const start = Math.max(...waitsFor.map(n => this.endOf(n)!));
                offer(wait.asset, { end: start + wait.fallback.rtoMinutes!, fallback: wait.fallback, start, waitsFor });
            }
        };
        // Settled without waiting first, so that what waits on them is released.
        for (const name of this.settled.keys()) release(name);
        for (;;) {
            let next: string | undefined;
            for (const name of open) {
                const candidate = best.get(name);
                if (candidate && !this.settled.has(name) && (next === undefined || candidate.end < best.get(next)!.end)) next = name;
            }
            if (next === undefined) break;
            this.settled.set(next, known(best.get(next)!, true));
            release(next);
        }
        for (const name of open) if (!this.settled.has(name)) this.settled.set(name, this.unknown(name));
    }

    of(asset: string): Restore {
        return this.settled.get(asset) ?? { state: 'unknown', reason: 'none' };
    }

    /** When a fallback can start; undefined when a failed asset it needs is never back. */
    readiness(fallback: string): Readiness | undefined {
        const waitsFor = this.outage.fallbackNeeds.get(fallback) ?? [];
        let startMinutes = 0;
        for (const asset of waitsFor) {
            const end = this.endOf(asset);
            if (end === undefined) return undefined;
            startMinutes = Math.max(startMinutes, end);
        }
        return { startMinutes, waitsFor };
    }

    private endOf(asset: string): number | undefined {
        const restore = this.settled.get(asset);
        return restore?.state === 'known' ? restore.endMinutes : undefined;
    }

    private covering(asset: string): FallbackData[] {
        return (this.analysis.assets.get(asset)?.coveredBy ?? [])
            .map(n => this.analysis.data.fallbacks.get(n)).filter((f): f is FallbackData => f !== undefined);
    }

    private unknown(asset: string): Restore {
        const covering = this.covering(asset);
        if (covering.length === 0) return { state: 'unknown', reason: 'none' };
        const timed = covering.filter(f => f.rtoMinutes !== undefined);
        if (timed.length === 0) return { state: 'unknown', reason: 'unstated', fallbacks: covering.map(f => f.name) };
        const needs = [...new Set(timed.flatMap(f => this.outage.fallbackNeeds.get(f.name) ?? []))];
        return { state: 'unknown', reason: 'blocked', fallbacks: timed.map(f => f.name), needs };
    }
}

function known(candidate: Candidate, delayed: boolean): Restore {
    return {
        state: 'known', via: candidate.fallback.name, durationMinutes: candidate.fallback.rtoMinutes!,
        startMinutes: candidate.start, endMinutes: candidate.end, waitsFor: candidate.waitsFor, delayed
    };
}
