import { yearBefore } from '../pra-exercises.js';
import type { ElementKind, NamedElement } from '../pra-model.js';
import { word } from '../pra-messages.js';
import { about, judgedOnly, say, type PlanCheck } from './pra-finding.js';

/** The plan as a whole: its dates, its blocks, its dependency graph and its inventory. */

const outdatedPlan: PlanCheck = (ctx, report) => {
    const header = ctx.analysis.model.header;
    if (!header) return;
    if (header.date !== undefined && header.date < yearBefore(ctx.today)) {
        const message = say(ctx, 'outdated-plan.date', { date: header.date, today: ctx.today });
        report({ code: 'outdated-plan', message, at: header.source, property: 'date' });
    }
    if (header.review !== undefined && header.review < ctx.today) {
        const message = say(ctx, 'outdated-plan.review', { review: header.review, today: ctx.today });
        report({ code: 'outdated-plan', message, at: header.source, property: 'review' });
    }
};

const stalePlan: PlanCheck = (ctx, report) => {
    const header = ctx.analysis.model.header;
    if (!header || !ctx.analysis.plan.stale) return;
    const message = say(ctx, 'stale-plan', { review: header.review!, date: header.date! });
    report({ code: 'stale-plan', message, at: header.source, property: 'review' });
};

const duplicateElement: PlanCheck = (ctx, report) => {
    for (const duplicate of ctx.analysis.model.duplicates) {
        const what = duplicate.kind === 'scale' ? `scale ${duplicate.axis}` : duplicate.kind;
        report({ code: 'duplicate-element', message: say(ctx, `duplicate-element.${duplicate.kind}`, { what }), at: duplicate.source });
    }
};

/** The names of a cycle shown in its message before "… N more". */
const MAX_CYCLE_NAMES = 10;

const dependencyCycle: PlanCheck = (ctx, report) => {
    const { data } = ctx.analysis;
    const lookup = (name: string): { kind: ElementKind; element: NamedElement; property: string } | undefined => {
        const asset = data.assets.get(name);
        if (asset) return { kind: 'asset', element: asset, property: 'dependsOn' };
        const activity = data.activities.get(name);
        if (activity) return { kind: 'activity', element: activity, property: 'needs' };
        const fallback = data.fallbacks.get(name);
        return fallback ? { kind: 'fallback', element: fallback, property: 'dependsOn' } : undefined;
    };
    for (const cycle of ctx.analysis.plan.cycles) {
        cycle.forEach((name, start) => {
            const found = lookup(name);
            if (!found) return;
            // From this element round the cycle, the first names only: a cycle of 6,000 assets must not
            // give 6,000 messages of 6,000 names each.
            const around = [...cycle.slice(start), ...cycle.slice(0, start), name];
            const path = (around.length > MAX_CYCLE_NAMES
                ? [...around.slice(0, MAX_CYCLE_NAMES), word('more', ctx.lang, { count: around.length - MAX_CYCLE_NAMES })]
                : around).join(' → ');
            report(about(found.kind, found.element, 'dependency-cycle', say(ctx, 'dependency-cycle', { cycle: path }), found.property));
        });
    }
};

const unusedAsset: PlanCheck = (ctx, report) => {
    // Judged in the plan's visible set only: an inventory file alone has no activities to use it.
    if (!ctx.analysis.model.header) return;
    for (const asset of judgedOnly(ctx, ctx.analysis.model.assets)) {
        if (!ctx.analysis.assets.get(asset.name)?.unused) continue;
        report(about('asset', asset, 'unused-asset', say(ctx, 'unused-asset', { asset: asset.name })));
    }
};

export const planChecks: readonly PlanCheck[] = [outdatedPlan, stalePlan, duplicateElement, dependencyCycle, unusedAsset];
