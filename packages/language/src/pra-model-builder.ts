import { GrammarUtils, type AstNode, type Reference } from 'langium';
import * as ast from './generated/ast.js';
import { propertyNode } from './pra-property-node.js';
import type {
    ActivityData, AssetData, CostPeriod, CrisisData, ElementKind, ElementRef, ExerciseData, FallbackData,
    PlanHeader, PlanModel, ProcedureData, RiskData, RoleData, ScaleLevel, Scales, SourceRef
} from './pra-model.js';
import { defaultScales } from './pra-model.js';
import { limited } from './pra-limits.js';

/**
 * Reads the ASTs of the files visible from a root into the plain plan model. The first element of a
 * name wins when a name is declared twice (`duplicate-name` reports the second).
 */
export function buildPlanModel(rootUri: string, files: ReadonlyArray<{ uri: string; root: ast.PraFile }>): PlanModel {
    const model: PlanModel = {
        rootUri, uris: files.map(f => f.uri), scales: { ...defaultScales },
        roles: [], assets: [], activities: [], risks: [], fallbacks: [], procedures: [], exercises: [], exceptions: []
    };
    const seen = new Set<string>();
    const firstOfKind = (kind: string, name: string): boolean => {
        const key = `${kind}:${name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    };
    for (const { uri, root } of files) {
        for (const element of root.elements) {
            addElement(model, uri, element, firstOfKind);
        }
    }
    return model;
}

function addElement(model: PlanModel, uri: string, element: ast.Element, firstOfKind: (kind: string, name: string) => boolean): void {
    switch (element.$type) {
        case 'Plan':
            if (!model.header && uri === model.rootUri) model.header = planHeader(element, uri);
            return;
        case 'Scale':
            if (firstOfKind('Scale', element.axis)) setScale(model.scales, element);
            return;
        case 'Acceptance':
            if (firstOfKind('Acceptance', '')) setAcceptance(model.scales, element);
            return;
        case 'Exception':
            // Recovery after `exception` without its text leaves nothing to state.
            if (typeof element.text === 'string') model.exceptions.push(element.text);
            return;
        case 'Crisis':
            if (!model.crisis) model.crisis = crisisData(element, uri);
            return;
    }
    // A name the parser could not read (recovery after a syntax error) leaves nothing to describe.
    if (typeof element.name !== 'string' || !firstOfKind(element.$type, element.name)) return;
    switch (element.$type) {
        case 'Role': model.roles.push(roleData(element, uri)); break;
        case 'Asset': model.assets.push(assetData(element, uri)); break;
        case 'Activity': model.activities.push(activityData(element, uri)); break;
        case 'Risk': model.risks.push(riskData(element, uri)); break;
        case 'Fallback': model.fallbacks.push(fallbackData(element, uri)); break;
        case 'Procedure': model.procedures.push(procedureData(element, uri)); break;
        case 'Exercise': model.exercises.push(exerciseData(element, uri)); break;
    }
}

function setScale(scales: Scales, scale: ast.Scale): void {
    // A level beyond the limits (`value-too-large`) is dropped: no view lays out 200000 columns.
    const levels: ScaleLevel[] = scale.levels.filter(l => limited('level', l.value) !== undefined).map(l => ({ value: l.value, label: l.label ?? '' }));
    if (scale.axis === 'likelihood') scales.likelihood = levels; else scales.impact = levels;
}

function setAcceptance(scales: Scales, acceptance: ast.Acceptance): void {
    if (Number.isFinite(acceptance.tolerable[0])) scales.tolerableFrom = acceptance.tolerable[0];
    if (Number.isFinite(acceptance.unacceptable[0])) scales.unacceptableFrom = acceptance.unacceptable[0];
}

export function sourceOf(node: AstNode, uri: string, property = 'name'): SourceRef {
    const cst = propertyNode(node, property) ?? node.$cstNode;
    const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, range: { start: { ...range.start }, end: { ...range.end } } };
}

function keywordSource(node: AstNode, uri: string, keyword: string): SourceRef {
    const cst = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword) ?? node.$cstNode;
    const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, range: { start: { ...range.start }, end: { ...range.end } } };
}

const first = <T>(values: readonly T[]): T | undefined => values[0];
const refName = (ref: Reference<ast.Role> | Reference<ast.Procedure> | undefined): string | undefined => ref?.ref?.name;
const names = (lists: ReadonlyArray<{ refs: ReadonlyArray<Reference<ast.Asset | ast.Role | ast.Fallback>> }>): string[] =>
    lists.length === 0 ? [] : lists[0].refs.flatMap(r => r.ref ? [r.ref.name] : []);
/** A duration in minutes; undefined when unknown (NaN) or beyond the limits (`value-too-large`). */
const durationMinutes = (duration: ast.Duration | undefined): number | undefined => limited('minutes', duration?.minutes);
const minutes = (values: readonly ast.Duration[]): number | undefined => durationMinutes(values[0]);
const level = (value: number | undefined): number | undefined => limited('level', value);
const isoDate = (values: readonly Date[]): string | undefined => {
    const d = values[0];
    return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
};

const kindOfType: Readonly<Record<string, ElementKind>> = {
    Role: 'role', Asset: 'asset', Activity: 'activity', Risk: 'risk', Fallback: 'fallback',
    Procedure: 'procedure', Exercise: 'exercise'
};
function elementRefs(lists: ReadonlyArray<{ refs: ReadonlyArray<Reference<ast.Coverable | ast.ProcedureTarget | ast.ExerciseTarget>> }>): ElementRef[] {
    if (lists.length === 0) return [];
    return lists[0].refs.flatMap(r => r.ref ? [{ kind: kindOfType[r.ref.$type], name: r.ref.name }] : []);
}

function planHeader(plan: ast.Plan, uri: string): PlanHeader {
    return {
        title: plan.title ?? '',
        organisation: first(plan.organisation),
        version: first(plan.version),
        date: isoDate(plan.date),
        language: first(plan.language),
        owner: refName(first(plan.owner)),
        review: isoDate(plan.review),
        scope: first(plan.scope),
        distribution: names(plan.distribution),
        source: sourceOf(plan, uri, 'title')
    };
}

function roleData(role: ast.Role, uri: string): RoleData {
    return {
        name: role.name, title: role.title, notes: first(role.notes), source: sourceOf(role, uri),
        holder: first(role.holder), phone: first(role.phone), email: first(role.email),
        deputy: refName(first(role.deputy)), external: role.external.length > 0
    };
}

function assetData(asset: ast.Asset, uri: string): AssetData {
    return {
        name: asset.name, title: asset.title, notes: first(asset.notes), source: sourceOf(asset, uri),
        kind: first(asset.kind), provider: first(asset.provider), dependsOn: names(asset.dependsOn),
        owner: refName(first(asset.owner)), slaMinutes: minutes(asset.sla), count: level(first(asset.count))
    };
}

function activityData(activity: ast.Activity, uri: string): ActivityData {
    const impactBlock = first(activity.impact);
    return {
        name: activity.name, title: activity.title, notes: first(activity.notes), source: sourceOf(activity, uri),
        owner: refName(first(activity.owner)), criticality: first(activity.criticality),
        rtoMinutes: minutes(activity.rto), rpoMinutes: minutes(activity.rpo), mtpdMinutes: minutes(activity.mtpd),
        impacts: (impactBlock?.lines ?? []).flatMap(line => level(line.level) === undefined ? [] : [{
            category: line.category, level: line.level, afterMinutes: durationMinutes(line.after)
        }]),
        uses: names(activity.uses), manual: first(activity.manual),
        catchup: refName(first(activity.catchup)), helper: first(activity.helper)
    };
}

function riskData(risk: ast.Risk, uri: string): RiskData {
    const residual = first(risk.residual);
    return {
        name: risk.name, title: risk.title, notes: first(risk.notes), source: sourceOf(risk, uri),
        category: first(risk.category), likelihood: level(first(risk.likelihood)), impact: level(first(risk.impact)),
        downtimeMinutes: minutes(risk.downtime), datalossMinutes: minutes(risk.dataloss),
        targets: names(risk.targets), mitigatedBy: names(risk.mitigatedBy),
        residual: level(residual?.likelihood) !== undefined && level(residual?.impact) !== undefined
            ? { likelihood: residual!.likelihood, impact: residual!.impact } : undefined,
        owner: refName(first(risk.owner))
    };
}

function fallbackData(fallback: ast.Fallback, uri: string): FallbackData {
    const cost = first(fallback.cost);
    return {
        name: fallback.name, title: fallback.title, notes: first(fallback.notes), source: sourceOf(fallback, uri),
        type: first(fallback.type), mode: first(fallback.mode), resource: first(fallback.resource),
        provider: first(fallback.provider), contract: first(fallback.contract),
        covers: elementRefs(fallback.covers),
        rtoMinutes: minutes(fallback.rto), rpoMinutes: minutes(fallback.rpo),
        dependsOn: names(fallback.dependsOn),
        cost: limited('amount', cost?.amount) !== undefined ? { amount: cost!.amount, currency: cost!.currency, period: costPeriod(cost!.period) } : undefined,
        tested: isoDate(fallback.tested), offsite: fallback.offsite.length > 0, offline: fallback.offline.length > 0,
        owner: refName(first(fallback.owner)), audience: first(fallback.audience)?.values ?? []
    };
}

function costPeriod(text: string | undefined): CostPeriod {
    if (text?.includes('month')) return 'month';
    return text?.includes('year') ? 'year' : 'once';
}

function crisisData(crisis: ast.Crisis, uri: string): CrisisData {
    return {
        alerts: crisis.alert.map(a => ({ how: a.how ?? '', to: a.to?.ref?.name })),
        activation: refName(first(crisis.activation)), pilot: refName(first(crisis.pilot)),
        team: names(crisis.team), meeting: first(crisis.meeting), source: keywordSource(crisis, uri, 'crisis')
    };
}

function procedureData(procedure: ast.Procedure, uri: string): ProcedureData {
    return {
        name: procedure.name, title: procedure.title, notes: first(procedure.notes), source: sourceOf(procedure, uri),
        phase: first(procedure.phase), for: elementRefs(procedure.for),
        steps: procedure.steps.map(s => ({
            text: s.text ?? '', by: s.by?.ref?.name,
            withinMinutes: durationMinutes(s.within)
        })),
        owner: refName(first(procedure.owner))
    };
}

function exerciseData(exercise: ast.Exercise, uri: string): ExerciseData {
    return {
        name: exercise.name, title: exercise.title, notes: first(exercise.notes), source: sourceOf(exercise, uri),
        date: isoDate(exercise.date), tests: elementRefs(exercise.tests), result: first(exercise.result)
    };
}
