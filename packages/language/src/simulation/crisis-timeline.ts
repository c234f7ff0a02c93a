import type { PlanAnalysis } from '../pra-analysis.js';
import type { ElementRef, ProcedureData } from '../pra-model.js';
import type { AlertLink, ProcedureRun, StepRun } from './simulation-model.js';

/** The alert chain in written order: each link's `within` added up; once a link states none, the times are lower bounds. */
export function alertChain(analysis: PlanAnalysis): { alerts: AlertLink[]; activationMinutes: number; activationAtLeast: boolean } {
    let clock = 0;
    let atLeast = false;
    const alerts = (analysis.model.crisis?.alerts ?? []).map(alert => {
        if (alert.withinMinutes === undefined) atLeast = true; else clock += alert.withinMinutes;
        return { how: alert.how, to: alert.to, withinMinutes: alert.withinMinutes, reachedMinutes: clock, atLeast };
    });
    return { alerts, activationMinutes: clock, activationAtLeast: atLeast };
}

/**
 * What the scenario knows of each element a procedure can be `for`: whether it is concerned, and
 * when it is back (undefined: unknown).
 */
export interface ScenarioState {
    concerned(ref: ElementRef): boolean;
    backOf(ref: ElementRef): number | undefined;
}

/**
 * The procedures that run: those `for` something the outage concerns. A `during` procedure (or
 * one with no phase) starts at activation; an `after` procedure when everything it serves is back.
 * Sequential steps add up, a parallel block takes its longest step, a `deadline` counts from
 * activation and is never added. `before` procedures are preparation: they do not run now.
 */
export function procedureRuns(analysis: PlanAnalysis, state: ScenarioState, activationMinutes: number): ProcedureRun[] {
    const runs: ProcedureRun[] = [];
    for (const procedure of analysis.model.procedures) {
        if (procedure.phase === 'before') continue;
        const served = procedure.for.filter(ref => state.concerned(ref));
        if (served.length === 0) continue;
        const phase = procedure.phase === 'after' ? 'after' : 'during';
        let start: number | undefined = activationMinutes;
        if (phase === 'after') {
            start = 0;
            for (const ref of served) {
                const back = state.backOf(ref);
                start = back === undefined || start === undefined ? undefined : Math.max(start, back);
            }
        }
        const durationMinutes = analysis.procedures.get(procedure.name)?.totalWithinMinutes ?? 0;
        runs.push({
            name: procedure.name, title: procedure.title, phase, for: served.map(r => r.name),
            startMinutes: start, endMinutes: start === undefined ? undefined : start + durationMinutes,
            durationMinutes, steps: stepRuns(procedure, start, activationMinutes)
        });
    }
    return runs;
}

function stepRuns(procedure: ProcedureData, start: number | undefined, activationMinutes: number): StepRun[] {
    const steps: StepRun[] = [];
    let clock = start;
    const run = (step: ProcedureData['steps'][number], at: number | undefined, parallel?: number): StepRun => ({
        text: step.text, by: step.by, parallel,
        startMinutes: at, endMinutes: at === undefined ? undefined : at + (step.withinMinutes ?? 0),
        dueMinutes: step.deadlineMinutes === undefined ? undefined : activationMinutes + step.deadlineMinutes,
        untimed: step.withinMinutes === undefined
    });
    procedure.items.forEach((item, index) => {
        if ('step' in item) {
            const done = run(item.step, clock);
            steps.push(done);
            clock = done.endMinutes;
            return;
        }
        const block = item.parallel.map(step => run(step, clock, index));
        steps.push(...block);
        if (clock !== undefined) clock += Math.max(0, ...item.parallel.map(s => s.withinMinutes ?? 0));
    });
    return steps;
}
