/**
 * Helpers of the outage simulation tests (issue 13): build a plan (asserted to parse and link),
 * then simulate the failure of the named elements from the analysis the editor and the CLI read.
 */
import { expect } from 'vitest';
import {
    resolveDown, simulateOutage, type ActivityTimeline, type FailedAsset, type PlanAnalysis, type SimulationResult
} from '../../packages/language/src/index.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { expectCleanText } from '../language/v2/v2-helpers.js';

/** Monday 7 December 2026, 9:00. */
export const start = '2026-12-07T09:00';

export async function analysisOf(text: string): Promise<PlanAnalysis> {
    const services = createTestServices({ today: '2026-12-01' });
    const document = (await buildFiles(services, { 'plan.pra': text }))['plan.pra'];
    expectCleanText(document);
    return services.analysis.PraAnalysisService.forDocument(document).analysis;
}

/** Simulates the failure of `down` (assets, risks, sites) in the plan `text`. */
export async function simulate(text: string, ...down: string[]): Promise<SimulationResult> {
    const analysis = await analysisOf(text);
    const resolved = resolveDown(analysis, down);
    if (!resolved.ok) throw new Error(`unknown names: ${JSON.stringify(resolved.unknown)}`);
    return simulateOutage(analysis, { down: resolved.down, start });
}

export function activity(result: SimulationResult, name: string): ActivityTimeline {
    const found = result.activities.find(a => a.name === name);
    expect(found, `${name} is hit`).toBeDefined();
    return found!;
}

export function failed(result: SimulationResult, name: string): FailedAsset {
    const found = result.failed.find(a => a.name === name);
    expect(found, `${name} failed`).toBeDefined();
    return found!;
}

export const hours = (h: number): number => h * 60;
