import { continuityChecks } from './continuity-checks.js';
import { crisisChecks } from './crisis-checks.js';
import { fallbackChecks } from './fallback-checks.js';
import type { CheckContext, Finding, PlanCheck } from './pra-finding.js';
import { planChecks } from './plan-checks.js';
import { riskChecks } from './risk-checks.js';

export type { CheckContext, Finding, PlanCheck, RelatedElement } from './pra-finding.js';

/** Every check over the whole plan, by concern. Structural checks of the text live in structure-checks.ts. */
export const allPlanChecks: readonly PlanCheck[] = [...continuityChecks, ...fallbackChecks, ...riskChecks, ...crisisChecks, ...planChecks];

/** The findings of a plan: pure, from its analysis; computed once per build by the analysis service. */
export function planFindings(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const report = (finding: Finding): void => { findings.push(finding); };
    for (const check of allPlanChecks) check(ctx, report);
    return findings;
}
