import { GrammarUtils, type AstNode, type CstNode, type Reference } from 'langium';
import * as ast from './generated/ast.js';
import { propertyNode } from './pra-property-node.js';
import type {
    AcceptData, ActivityData, AssetData, CostPeriod, CrisisData, ElementRef, ExerciseData, FallbackData,
    PlanHeader, PlanModel, ProcedureData, ProcedureItem, RiskData, RoleData, ScaleLevel, SourceRange, SourceRef, StepData
} from './pra-model.js';
import { defaultScales, elementKindOfType as kindOfType } from './pra-model.js';
import { limited } from './pra-limits.js';

/** What one element of a file gives the plan model, read from its AST alone (see `readFile`). */
export type ReadElement =
    | { type: 'Plan'; header: PlanHeader }
    | { type: 'Scale'; axis: 'likelihood' | 'impact'; levels: ScaleLevel[]; source: SourceRef }
    | { type: 'Acceptance'; tolerable?: number; unacceptable?: number; source: SourceRef }
    | { type: 'Exception'; text: string }
    | { type: 'Crisis'; crisis: CrisisData }
    | { type: 'Role'; data: RoleData } | { type: 'Asset'; data: AssetData } | { type: 'Activity'; data: ActivityData }
    | { type: 'Risk'; data: RiskData } | { type: 'Fallback'; data: FallbackData } | { type: 'Procedure'; data: ProcedureData }
    | { type: 'Exercise'; data: ExerciseData };

/**
 * What a file gives the plan model, in written order: depends only on the file's AST and on the
 * names its references resolve to, so a plan's model is merged from these without reading the
 * files that did not change (PraFileModels caches them per parse and link of a file).
 */
export function readFile(uri: string, root: ast.PraFile,
    readOne: (uri: string, element: ast.Element) => ReadElement | undefined = readElement): ReadElement[] {
    const read: ReadElement[] = [];
    for (const element of root.elements) {
        const item = readOne(uri, element);
        if (item) read.push(item);
    }
    return read;
}

/**
 * What one top-level element gives the plan model: depends on the element's AST, on its file's URI
 * and on the name and type of what each of its references resolves to. Its source positions are read
 * from the element's syntax tree when asked (`liveSource`): they stay right when the document factory
 * moves the element after an edit before it, so a cached read (PraFileModels) keeps its identity.
 */
export function readElement(uri: string, element: ast.Element): ReadElement | undefined {
    switch (element.$type) {
        case 'Plan': return { type: 'Plan', header: planHeader(element, uri) };
        case 'Scale':
            return { type: 'Scale', axis: element.axis, levels: scaleLevels(element), source: keywordSource(element, uri, 'scale') };
        case 'Acceptance': return {
            type: 'Acceptance', tolerable: element.tolerable[0], unacceptable: element.unacceptable[0],
            source: keywordSource(element, uri, 'acceptance')
        };
        case 'Exception': return typeof element.text === 'string' ? { type: 'Exception', text: element.text } : undefined;
        case 'Crisis': return { type: 'Crisis', crisis: crisisData(element, uri) };
    }
    // A name the parser could not read (recovery after a syntax error) leaves nothing to describe.
    if (typeof element.name !== 'string') return undefined;
    switch (element.$type) {
        case 'Role': return { type: 'Role', data: roleData(element, uri) };
        case 'Asset': return { type: 'Asset', data: assetData(element, uri) };
        case 'Activity': return { type: 'Activity', data: activityData(element, uri) };
        case 'Risk': return { type: 'Risk', data: riskData(element, uri) };
        case 'Fallback': return { type: 'Fallback', data: fallbackData(element, uri) };
        case 'Procedure': return { type: 'Procedure', data: procedureData(element, uri) };
        case 'Exercise': return { type: 'Exercise', data: exerciseData(element, uri) };
    }
}

/**
 * Reads the ASTs of the files visible from a root into the plain plan model. The first element of a
 * name wins when a name is declared twice (`duplicate-name` reports the second). `read` gives what
 * a file contributes (cached by the analysis service); the model never shares a mutable part with it.
 */
export function buildPlanModel(rootUri: string, files: ReadonlyArray<{ uri: string; root: ast.PraFile }>,
    read: (uri: string, root: ast.PraFile) => readonly ReadElement[] = readFile): PlanModel {
    const model: PlanModel = {
        rootUri, uris: files.map(f => f.uri), scales: { ...defaultScales },
        roles: [], assets: [], activities: [], risks: [], fallbacks: [], procedures: [], exercises: [], exceptions: [],
        duplicates: []
    };
    const seen = new Set<string>();
    const firstOfKind = (kind: string, name: string): boolean => {
        const key = `${kind}:${name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    };
    for (const { uri, root } of files) {
        for (const element of read(uri, root)) addElement(model, uri, element, firstOfKind);
    }
    return model;
}

function addElement(model: PlanModel, uri: string, element: ReadElement, firstOfKind: (kind: string, name: string) => boolean): void {
    switch (element.type) {
        case 'Plan':
            // Only the root's plan heads the model; a plan in an imported file is one too many.
            if (firstOfKind('Plan', '') && uri === model.rootUri) model.header = element.header;
            else model.duplicates.push({ kind: 'plan', source: copySource(element.header.source) });
            return;
        case 'Scale':
            if (firstOfKind('Scale', element.axis)) {
                if (element.axis === 'likelihood') model.scales.likelihood = element.levels; else model.scales.impact = element.levels;
            } else model.duplicates.push({ kind: 'scale', axis: element.axis, source: copySource(element.source) });
            return;
        case 'Acceptance':
            if (firstOfKind('Acceptance', '')) {
                if (element.tolerable !== undefined) model.scales.tolerableFrom = element.tolerable;
                if (element.unacceptable !== undefined) model.scales.unacceptableFrom = element.unacceptable;
            } else model.duplicates.push({ kind: 'acceptance', source: copySource(element.source) });
            return;
        case 'Exception':
            model.exceptions.push(element.text);
            return;
        case 'Crisis':
            // Every block is read (completeness is judged on all of them); the extra ones are reported.
            // The merge writes into a copy: the read block may be cached and read again.
            if (!model.crisis) model.crisis = copyCrisis(element.crisis);
            else {
                mergeCrisis(model.crisis, element.crisis);
                model.duplicates.push({ kind: 'crisis', source: copySource(element.crisis.source) });
            }
            return;
    }
    if (!firstOfKind(element.type, element.data.name)) return;
    switch (element.type) {
        case 'Role': model.roles.push(element.data); break;
        case 'Asset': model.assets.push(element.data); break;
        case 'Activity': model.activities.push(element.data); break;
        case 'Risk': model.risks.push(element.data); break;
        case 'Fallback': model.fallbacks.push(element.data); break;
        case 'Procedure': model.procedures.push(element.data); break;
        case 'Exercise': model.exercises.push(element.data); break;
    }
}

const copySource = (source: SourceRef): SourceRef =>
    ({ uri: source.uri, range: { start: { ...source.range.start }, end: { ...source.range.end } } });

function copyCrisis(crisis: CrisisData): CrisisData {
    return {
        ...crisis, alerts: [...crisis.alerts], team: [...crisis.team], triggers: [...crisis.triggers],
        standdowns: [...crisis.standdowns], source: copySource(crisis.source)
    };
}

function scaleLevels(scale: ast.Scale): ScaleLevel[] {
    // A level beyond the limits (`value-too-large`) is dropped: no view lays out 200000 columns.
    return scale.levels.filter(l => limited('level', l.value) !== undefined)
        .map(l => ({ value: l.value, label: l.label ?? '', ...(l.criteria !== undefined ? { criteria: l.criteria } : {}) }));
}

export function sourceOf(node: AstNode, uri: string, property = 'name'): SourceRef {
    return liveSource(uri, propertyNode(node, property) ?? node.$cstNode);
}

function keywordSource(node: AstNode, uri: string, keyword: string): SourceRef {
    return liveSource(uri, GrammarUtils.findNodeForKeyword(node.$cstNode, keyword) ?? node.$cstNode);
}

/**
 * The place of a syntax node, its range read from the node when asked (a fresh copy each time): the
 * document factory moves the nodes of untouched blocks in place. The range is an own enumerable
 * property (a getter), so spreads, JSON and structured clones see it as a plain value.
 */
function liveSource(uri: string, cst: CstNode | undefined): SourceRef {
    return {
        uri,
        get range(): SourceRange {
            const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            const { start, end } = range;
            return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
        }
    };
}

const first = <T>(values: readonly T[]): T | undefined => values[0];
/** Repeatable paragraphs (`notes`) read as one text, a blank line between them. */
const paragraphs = (values: readonly string[]): string | undefined => values.length === 0 ? undefined : values.join('\n\n');
const refName = (ref: Reference<ast.Role> | Reference<ast.Procedure> | undefined): string | undefined => ref?.ref?.name;
const names = (lists: ReadonlyArray<{ refs: ReadonlyArray<Reference<ast.Asset | ast.Role | ast.Fallback | ast.Activity>> }>): string[] =>
    lists.length === 0 ? [] : lists[0].refs.flatMap(r => r.ref ? [r.ref.name] : []);
/** A duration in minutes; undefined when unknown (NaN) or beyond the limits (`value-too-large`). */
const durationMinutes = (duration: ast.Duration | undefined): number | undefined => limited('minutes', duration?.minutes);
/** Levels, counts and amounts within their limits, else undefined: no view sees Infinity or a huge figure. */
const level = (value: number | undefined): number | undefined => limited('level', value);
const amount = (value: number | undefined): number | undefined => limited('amount', value);
const minutes = (values: readonly ast.Duration[]): number | undefined => durationMinutes(values[0]);
const dateOf = (value: Date | undefined): string | undefined =>
    value && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : undefined;
const isoDate = (values: readonly Date[]): string | undefined => dateOf(values[0]);

export function acceptsOf(node: { accept: readonly ast.Accept[] }, uri: string): AcceptData[] {
    return node.accept.flatMap(a => typeof a.code === 'string' ? [{
        code: a.code, reason: a.reason ?? '', by: a.by?.ref?.name, until: dateOf(a.until), source: wholeSource(a, uri)
    }] : []);
}

function wholeSource(node: AstNode, uri: string): SourceRef {
    return liveSource(uri, node.$cstNode);
}

type ElementReference = Reference<ast.Coverable | ast.ProcedureTarget | ast.ExerciseTarget>;
function elementRefs(lists: ReadonlyArray<{ refs: readonly ElementReference[] }>): ElementRef[] {
    if (lists.length === 0) return [];
    return lists[0].refs.flatMap(r => r.ref ? [{ kind: kindOfType[r.ref.$type], name: r.ref.name }] : []);
}

function planHeader(plan: ast.Plan, uri: string): PlanHeader {
    return {
        title: plan.title,
        organisation: first(plan.organisation),
        version: first(plan.version),
        date: isoDate(plan.date),
        language: first(plan.language),
        owner: refName(first(plan.owner)),
        review: isoDate(plan.review),
        scope: first(plan.scope),
        distribution: names(plan.distribution),
        context: [...plan.context],
        assumptions: [...plan.assumption],
        revisions: plan.revision.map(r => ({
            version: r.version ?? '', date: dateOf(r.date), description: r.description ?? '', by: r.by?.ref?.name
        })),
        approvals: plan.approval.flatMap(a => a.role?.ref ? [{ role: a.role.ref.name, date: dateOf(a.date) }] : []),
        notes: paragraphs(plan.notes),
        accepts: acceptsOf(plan, uri),
        source: sourceOf(plan, uri, 'title')
    };
}

function roleData(role: ast.Role, uri: string): RoleData {
    return {
        name: role.name, title: role.title, notes: paragraphs(role.notes), accepts: acceptsOf(role, uri), source: sourceOf(role, uri),
        holder: first(role.holder), phone: first(role.phone), email: first(role.email),
        deputy: refName(first(role.deputy)), external: role.external.length > 0
    };
}

function assetData(asset: ast.Asset, uri: string): AssetData {
    return {
        name: asset.name, title: asset.title, notes: paragraphs(asset.notes), accepts: acceptsOf(asset, uri), source: sourceOf(asset, uri),
        kind: first(asset.kind), provider: first(asset.provider), dependsOn: names(asset.dependsOn),
        owner: refName(first(asset.owner)), slaMinutes: minutes(asset.sla), count: level(first(asset.count)),
        stateless: asset.stateless.length > 0, contract: first(asset.contract), responseMinutes: minutes(asset.response),
        availabilityPercent: finite(first(asset.availability)?.value)
    };
}

const finite = (value: number | undefined): number | undefined => value !== undefined && Number.isFinite(value) ? value : undefined;

function activityData(activity: ast.Activity, uri: string): ActivityData {
    const impactBlock = first(activity.impact);
    const manual = first(activity.manual);
    const helper = first(activity.helper);
    const loss = first(activity.loss);
    return {
        name: activity.name, title: activity.title, notes: paragraphs(activity.notes), accepts: acceptsOf(activity, uri),
        source: sourceOf(activity, uri),
        owner: refName(first(activity.owner)), criticality: first(activity.criticality),
        rtoMinutes: minutes(activity.rto), rpoMinutes: minutes(activity.rpo), mtpdMinutes: minutes(activity.mtpd),
        impacts: (impactBlock?.lines ?? []).flatMap(line => typeof line.category === 'string' && level(line.level) !== undefined ? [{
            category: line.category, level: line.level, afterMinutes: durationMinutes(line.after)
        }] : []),
        uses: names(activity.uses),
        manual: typeof manual?.text === 'string' ? { text: manual.text, withinMinutes: durationMinutes(manual.within) } : undefined,
        catchup: refName(first(activity.catchup)),
        helper: helper?.role?.ref?.name ?? helper?.text, helperRole: helper?.role?.ref?.name,
        needs: names(activity.needs),
        loss: loss && amount(loss.amount) !== undefined
            ? { amount: loss.amount, currency: loss.currency, period: loss.period?.includes('hour') ? 'hour' : 'day' } : undefined
    };
}

function riskData(risk: ast.Risk, uri: string): RiskData {
    const residual = first(risk.residual);
    return {
        name: risk.name, title: risk.title, notes: paragraphs(risk.notes), accepts: acceptsOf(risk, uri), source: sourceOf(risk, uri),
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
        name: fallback.name, title: fallback.title, notes: paragraphs(fallback.notes), accepts: acceptsOf(fallback, uri),
        source: sourceOf(fallback, uri),
        type: first(fallback.type), mode: first(fallback.mode), resource: first(fallback.resource),
        provider: first(fallback.provider), contract: first(fallback.contract),
        covers: elementRefs(fallback.covers),
        rtoMinutes: minutes(fallback.rto), rpoMinutes: minutes(fallback.rpo),
        dependsOn: dependable(fallback.dependsOn, 'Asset'),
        dependsOnFallbacks: dependable(fallback.dependsOn, 'Fallback'),
        cost: amount(cost?.amount) !== undefined
            ? { amount: cost!.amount, currency: cost!.currency, period: costPeriod(cost!.period) }
            : undefined,
        tested: isoDate(fallback.tested), offsite: fallback.offsite.length > 0, offline: fallback.offline.length > 0,
        owner: refName(first(fallback.owner)), audience: first(fallback.audience)?.values ?? [],
        status: first(fallback.status) ?? 'active', due: isoDate(fallback.due), reason: first(fallback.reason)
    };
}

function dependable(lists: readonly ast.DependableRefs[], type: 'Asset' | 'Fallback'): string[] {
    return lists.length === 0 ? [] : lists[0].refs.flatMap(r => r.ref?.$type === type ? [r.ref.name] : []);
}

function costPeriod(text: string | undefined): CostPeriod {
    if (text?.includes('month')) return 'month';
    return text?.includes('year') ? 'year' : 'once';
}

function crisisData(crisis: ast.Crisis, uri: string): CrisisData {
    return {
        alerts: crisis.alert.flatMap(a => typeof a.how === 'string'
            ? [{ how: a.how, to: a.to?.ref?.name, withinMinutes: durationMinutes(a.within) }]
            : []),
        activation: refName(first(crisis.activation)), pilot: refName(first(crisis.pilot)),
        team: names(crisis.team), meeting: first(crisis.meeting),
        triggers: [...crisis.trigger], standdowns: [...crisis.standdown],
        source: keywordSource(crisis, uri, 'crisis')
    };
}

/** A later crisis block adds its alerts, team and criteria, and fills what the first left out. */
function mergeCrisis(into: CrisisData, extra: CrisisData): void {
    into.alerts.push(...extra.alerts);
    into.activation ??= extra.activation;
    into.pilot ??= extra.pilot;
    into.meeting ??= extra.meeting;
    for (const role of extra.team) if (!into.team.includes(role)) into.team.push(role);
    into.triggers.push(...extra.triggers);
    into.standdowns.push(...extra.standdowns);
}

function stepData(step: ast.Step): StepData {
    return {
        text: step.text ?? '', by: step.by ? step.by.refs.flatMap(r => r.ref ? [r.ref.name] : []) : [],
        withinMinutes: durationMinutes(step.within), deadlineMinutes: durationMinutes(step.deadline)
    };
}

function procedureData(procedure: ast.Procedure, uri: string): ProcedureData {
    const items: ProcedureItem[] = procedure.steps.map(item => ast.isParallel(item)
        ? { parallel: item.steps.map(stepData) } : { step: stepData(item) });
    return {
        name: procedure.name, title: procedure.title, notes: paragraphs(procedure.notes), accepts: acceptsOf(procedure, uri),
        source: sourceOf(procedure, uri),
        phase: first(procedure.phase), for: elementRefs(procedure.for),
        items, steps: items.flatMap(item => 'step' in item ? [item.step] : item.parallel),
        owner: refName(first(procedure.owner))
    };
}

function exerciseData(exercise: ast.Exercise, uri: string): ExerciseData {
    return {
        name: exercise.name, title: exercise.title, notes: paragraphs(exercise.notes), accepts: acceptsOf(exercise, uri),
        source: sourceOf(exercise, uri),
        date: isoDate(exercise.date), tests: elementRefs(exercise.tests), result: first(exercise.result),
        type: first(exercise.type) ?? 'walkthrough', scenario: first(exercise.scenario)?.ref?.name,
        measuredRtoMinutes: minutes(exercise.measuredRto), measuredRpoMinutes: minutes(exercise.measuredRpo),
        failed: elementRefs(exercise.failed)
    };
}
