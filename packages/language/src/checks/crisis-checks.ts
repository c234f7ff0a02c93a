import { listWords, word } from '../pra-messages.js';
import { about, duration, say, type PlanCheck } from './pra-finding.js';

/** The crisis organisation (seed point 6): who alerts, activates, pilots, and the procedures' timing. */

const noCrisisOrganisation: PlanCheck = (ctx, report) => {
    const { analysis } = ctx;
    const header = analysis.model.header;
    const missing = analysis.plan.missingCrisisParts;
    if (!header || missing.length === 0) return;
    if (missing.includes('crisis')) {
        report({ code: 'no-crisis-organisation', message: say(ctx, 'no-crisis-organisation.missing'), at: header.source });
    } else {
        report({
            code: 'no-crisis-organisation', message: say(ctx, 'no-crisis-organisation.parts', { parts: listWords(missing, ctx.lang) }),
            at: analysis.model.crisis!.source
        });
    }
};

const noCrisisCommunication: PlanCheck = (ctx, report) => {
    const header = ctx.analysis.model.header;
    if (!header || ctx.analysis.plan.hasCrisisCommunication) return;
    // On the crisis block when it is in the plan block's file (where a plan-wide `accept` applies).
    const crisis = ctx.analysis.model.crisis;
    const at = crisis && crisis.source.uri === header.source.uri ? crisis.source : header.source;
    report({ code: 'no-crisis-communication', message: say(ctx, 'no-crisis-communication'), at });
};

const noDeputy: PlanCheck = (ctx, report) => {
    for (const role of ctx.analysis.model.roles) {
        const functions = ctx.analysis.roles.get(role.name)?.crisisFunctions.filter(f => f === 'activation' || f === 'pilot') ?? [];
        if (role.deputy !== undefined || functions.length === 0) continue;
        report(about('role', role, 'no-deputy', say(ctx, 'no-deputy', {
            role: role.name, functions: listWords(functions.map(f => word(f, ctx.lang)), ctx.lang)
        })));
    }
};

const unreachableContact: PlanCheck = (ctx, report) => {
    for (const role of ctx.analysis.model.roles) {
        const figures = ctx.analysis.roles.get(role.name);
        if (!figures || figures.reachable || figures.crisisFunctions.length === 0) continue;
        report(about('role', role, 'unreachable-contact', say(ctx, 'unreachable-contact', {
            role: role.name, functions: listWords(figures.crisisFunctions.map(f => word(f, ctx.lang)), ctx.lang)
        })));
    }
};

const procedureExceedsRto: PlanCheck = (ctx, report) => {
    for (const procedure of ctx.analysis.model.procedures) {
        const figures = ctx.analysis.procedures.get(procedure.name);
        for (const overrun of figures?.overruns ?? []) {
            report(about('procedure', procedure, 'procedure-exceeds-rto', say(ctx, 'procedure-exceeds-rto', {
                procedure: procedure.name, total: duration(ctx, figures!.totalWithinMinutes),
                rto: duration(ctx, overrun.rtoMinutes), activity: overrun.activity
            })));
        }
    }
};


export const crisisChecks: readonly PlanCheck[] = [
    noCrisisOrganisation, noCrisisCommunication, noDeputy, unreachableContact, procedureExceedsRto
];
