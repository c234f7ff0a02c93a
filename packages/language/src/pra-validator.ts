import { AstUtils, GrammarUtils, WorkspaceCache, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import * as ast from './generated/ast.js';
import { propertyNode } from './pra-property-node.js';
import type { PlanAnalysis } from './pra-analysis.js';
import { levelInScale } from './pra-analysis.js';
import type { PlanContext, PraAnalysisService } from './pra-analysis-service.js';
import { checkSeverities, type PraCode } from './pra-codes.js';
import type { PraImports } from './pra-imports.js';
import { formatDuration as fmt, listWords, message, word, type Lang, type MessageParams } from './pra-messages.js';
import type { PraServices } from './pra-module.js';
import { durationUnitOf, durationUnits, likelyUnit, vocabulary, type VocabularyName } from './pra-vocabulary.js';
import { valueLimits, withinLimit, type LimitedValue } from './pra-limits.js';

export function registerValidationChecks(services: PraServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.PraValidator;
    const checks: ValidationChecks<ast.PraAstType> = {
        PraFile: [validator.checkPlanWide, validator.checkImports, validator.checkNames],
        Plan: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkDates, validator.checkStalePlan],
        Scale: validator.checkScale,
        Acceptance: validator.checkDuplicateProperties,
        Role: [validator.checkDuplicateProperties, validator.checkDeputy, validator.checkContact],
        Asset: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkUnusedAsset, validator.checkDependencyCycle],
        Activity: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkCriticalWithoutFallback,
            validator.checkUncoveredDependency, validator.checkRtoGap, validator.checkRpoGap, validator.checkRtoExceedsMtpd,
            validator.checkMissingRequirement, validator.checkManualWithoutCatchup, validator.checkSlaGap],
        ImpactLine: [validator.checkEnumValues, validator.checkLevels],
        Risk: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkLevels,
            validator.checkUnmitigatedRisk, validator.checkResidualNotLower],
        Residual: validator.checkLevels,
        Fallback: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkDates,
            validator.checkUntestedFallback, validator.checkSelfDependentFallback],
        Crisis: validator.checkDuplicateProperties,
        Procedure: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkProcedureExceedsRto],
        Exercise: [validator.checkDuplicateProperties, validator.checkEnumValues, validator.checkDates],
        Duration: validator.checkDurationUnit
    };
    registry.register(checks, validator);
    // Issue 9: figures too large to lay out or compute with (self-contained, see checkValueTooLarge).
    registry.register({
        Duration: validator.checkValueTooLarge, Cost: validator.checkValueTooLarge, ScaleLevel: validator.checkValueTooLarge,
        Risk: validator.checkValueTooLarge, Residual: validator.checkValueTooLarge, ImpactLine: validator.checkValueTooLarge,
        Asset: validator.checkValueTooLarge
    }, validator);
}

/** The user-visible keyword of each property, where it differs from the AST name. */
const propertyKeyword: Readonly<Record<string, string>> = {
    dependsOn: 'depends on', mitigatedBy: 'mitigated by', steps: 'step', alert: 'alert'
};
/** Properties that may repeat: everything else is written at most once per element. */
const repeatable = new Set(['steps', 'alert', 'elements', 'imports', 'levels', 'lines', 'refs', 'values']);

/** Enum-valued properties and the vocabulary each takes. */
const enumProperties: Readonly<Record<string, ReadonlyArray<[string, VocabularyName]>>> = {
    Plan: [['language', 'language']],
    Asset: [['kind', 'assetKind']],
    Activity: [['criticality', 'criticality']],
    ImpactLine: [['category', 'impactCategory']],
    Risk: [['category', 'riskCategory']],
    Fallback: [['type', 'fallbackType'], ['mode', 'mode'], ['resource', 'resource']],
    Procedure: [['phase', 'phase']],
    Exercise: [['result', 'result']]
};

const kindOfType: Readonly<Record<string, string>> = {
    Role: 'role', Asset: 'asset', Activity: 'activity', Risk: 'risk', Fallback: 'fallback', Procedure: 'procedure', Exercise: 'exercise'
};

type Info = Parameters<ValidationAcceptor>[2];

/** The assets named in a `dependency-cycle` message before "… N more". */
const maxCycleNames = 10;

interface NameIndex {
    first: Map<string, { element: AstNode; uri: string }>;
    /** The kind of the first element of each name: a later element of another kind is confusing. */
    firstKindOf: Map<string, string>;
}

/**
 * Every check of the contract. Each reads figures the analysis service computed once per build;
 * none scans the document.
 */
export class PraValidator {
    private readonly analysis: PraAnalysisService;
    private readonly imports: PraImports;
    private readonly nameIndexes: WorkspaceCache<string, NameIndex>;

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.imports = services.references.PraImports;
        this.nameIndexes = new WorkspaceCache(services.shared);
    }

    private context(node: AstNode): PlanContext {
        return this.analysis.forDocument(AstUtils.getDocument(node));
    }

    private report(accept: ValidationAcceptor, code: PraCode, text: string, info: Info, element?: string): void {
        // The range of a single property, found cheaply; Langium finds indexed ones and keywords itself.
        const range = info.range ?? (info.property !== undefined && info.index === undefined
            ? propertyNode(info.node, info.property)?.range : undefined);
        accept(checkSeverities[code], text, { ...info, ...(range ? { range } : {}), code, data: { code, element } });
    }

    private say(ctx: PlanContext, key: string, params: MessageParams): string {
        return message(key, ctx.lang, params);
    }

    private planFileContext(file: ast.PraFile): PlanContext | undefined {
        const ctx = this.context(file);
        const uri = AstUtils.getDocument(file).uri.toString();
        return ctx.analysis.model.header && ctx.analysis.model.rootUri === uri ? ctx : undefined;
    }

    checkPlanWide = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const plans = file.elements.filter(ast.isPlan);
        plans.slice(1).forEach(extra => this.report(accept, 'multiple-plans',
            message('multiple-plans', this.context(file).lang, { title: plans[0].title }), { node: extra, property: 'title' }));
        const ctx = this.planFileContext(file);
        if (!ctx) return;
        const plan = plans[0];
        const figures = ctx.analysis.plan;
        const crisis = file.elements.find(ast.isCrisis);
        if (figures.missingCrisisParts.includes('crisis')) {
            this.report(accept, 'no-crisis-organisation', this.say(ctx, 'no-crisis-organisation.missing', {}), { node: plan, property: 'title' });
        } else if (figures.missingCrisisParts.length > 0) {
            const parts = listWords(figures.missingCrisisParts, ctx.lang);
            this.report(accept, 'no-crisis-organisation', this.say(ctx, 'no-crisis-organisation.parts', { parts }),
                crisis ? { node: crisis, keyword: 'crisis' } : { node: plan, property: 'title' });
        }
        if (!figures.hasCrisisCommunication) {
            this.report(accept, 'no-crisis-communication', this.say(ctx, 'no-crisis-communication', {}), { node: plan, property: 'title' });
        }
        if (figures.backupCount > 0 && !figures.hasOfflineBackup) {
            this.report(accept, 'no-offline-backup', this.say(ctx, 'no-offline-backup', { count: figures.backupCount }), { node: plan, property: 'title' });
        }
    };

    checkImports = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(file);
        const visible = new Set(this.imports.visibleUris(document.uri.toString()));
        for (const imp of file.imports) {
            const problem = this.imports.problemOf(document, imp, visible);
            if (problem) {
                this.report(accept, problem.code, message(problem.key, this.context(file).lang, problem.params), { node: imp, property: 'path' });
            }
        }
    };

    /**
     * The first element of each kind and name in the files a plan sees, in the order the plan
     * model reads them (so the element the analysis describes is never the one reported).
     */
    private namesOf(rootUri: string): NameIndex {
        return this.nameIndexes.get(rootUri, () => {
            const first = new Map<string, { element: AstNode; uri: string }>();
            const firstKindOf = new Map<string, string>();
            for (const uri of this.imports.visibleUris(rootUri)) {
                for (const element of this.imports.rootOf(uri)?.elements ?? []) {
                    if (!('name' in element) || typeof element.name !== 'string') continue;
                    const key = `${element.$type}:${element.name}`;
                    if (!first.has(key)) first.set(key, { element, uri });
                    if (!firstKindOf.has(element.name)) firstKindOf.set(element.name, element.$type);
                }
            }
            return { first, firstKindOf };
        });
    }

    /**
     * Names of the files this one imports that are checked in another plan's context (or their
     * own): their duplicates with this file are not seen from that context, so they count here.
     */
    private foreignImportedNames(uri: string, root: string): Map<string, { element: AstNode; uri: string }> {
        const names = new Map<string, { element: AstNode; uri: string }>();
        for (const imported of this.imports.visibleUris(uri)) {
            if (imported === uri || this.imports.contextRoot(imported) === root) continue;
            for (const element of this.imports.rootOf(imported)?.elements ?? []) {
                const key = 'name' in element && typeof element.name === 'string' ? `${element.$type}:${element.name}` : undefined;
                if (key && !names.has(key)) names.set(key, { element, uri: imported });
            }
        }
        return names;
    }

    /** `duplicate-name` and `confusing-name`, against every name the file's plan sees. */
    checkNames = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const uri = AstUtils.getDocument(file).uri.toString();
        const lang = this.context(file).lang;
        const root = this.imports.contextRoot(uri);
        const { first, firstKindOf } = this.namesOf(root);
        const foreign = this.foreignImportedNames(uri, root);
        for (const element of file.elements) {
            if (!('name' in element) || typeof element.name !== 'string') continue;
            const kind = word(kindOfType[element.$type], lang);
            const key = `${element.$type}:${element.name}`;
            const earlier = foreign.get(key) ?? first.get(key);
            if (earlier && earlier.element !== element) {
                const where = earlier.uri === uri ? word('this file', lang) : word('in file', lang, { file: earlier.uri.split('/').pop()! });
                this.report(accept, 'duplicate-name', message('duplicate-name', lang, { kind, name: element.name, where }),
                    { node: element, property: 'name' }, element.name);
                continue;
            }
            const other = firstKindOf.get(element.name);
            if (other && other !== element.$type) {
                this.report(accept, 'confusing-name', message('confusing-name', lang,
                    { name: element.name, kind, other: word(kindOfType[other], lang) }), { node: element, property: 'name' }, element.name);
            }
        }
    };

    checkDuplicateProperties = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const name = 'name' in node && typeof node.name === 'string' ? node.name : node.$type.toLowerCase();
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$') || repeatable.has(property) || !Array.isArray(value) || value.length < 2) continue;
            const keyword = propertyKeyword[property] ?? property;
            // The nodes of every occurrence found once: one search per repeat was quadratic (10,000 repeats took 70 s).
            const occurrences = GrammarUtils.findNodesForProperty(node.$cstNode, property);
            for (let index = 1; index < value.length; index++) {
                const range = occurrences[index]?.range;
                this.report(accept, 'duplicate-property', message('duplicate-property', lang, { property: keyword, element: name }),
                    { node, property: property as never, index, ...(range ? { range } : {}) }, typeof (node as { name?: unknown }).name === 'string' ? name : undefined);
            }
        }
    };

    checkEnumValues = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const properties: Array<[string, VocabularyName]> = [...(enumProperties[node.$type] ?? [])];
        const record = node as unknown as Record<string, unknown>;
        for (const [property, vocabularyName] of properties) {
            const raw = record[property];
            const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
            values.forEach((value, index) => this.checkEnumValue(node, property, Array.isArray(raw) ? index : undefined, value, vocabularyName, lang, accept));
        }
        if (ast.isFallback(node)) {
            for (const list of node.audience) {
                list.values.forEach((value, index) => this.checkEnumValue(list, 'values', index, value, 'audience', lang, accept));
            }
        }
    };

    private checkEnumValue(node: AstNode, property: string, index: number | undefined, value: unknown, vocabularyName: VocabularyName,
        lang: Lang, accept: ValidationAcceptor): void {
        const allowed = vocabulary[vocabularyName] as readonly string[];
        if (typeof value !== 'string' || allowed.includes(value)) return;
        const what = property === 'values' ? 'audience' : property;
        this.report(accept, 'unknown-value', message('unknown-value', lang, { what, value, allowed: allowed.join(', ') }),
            { node, property: property as never, index });
    }

    checkDates = (node: ast.Plan | ast.Fallback | ast.Exercise, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const record = node as unknown as Record<string, unknown>;
        for (const property of ['date', 'review', 'tested']) {
            const values = record[property];
            if (!Array.isArray(values)) continue;
            values.forEach((value: Date, index) => {
                if (!Number.isNaN(value.getTime())) return;
                const text = GrammarUtils.findNodesForProperty(node.$cstNode, property)[index]?.text ?? '';
                this.report(accept, 'invalid-date', message('invalid-date', lang, { text }), { node, property: property as never, index });
            });
        }
    };

    checkStalePlan = (plan: ast.Plan, accept: ValidationAcceptor): void => {
        const ctx = this.context(plan);
        const header = ctx.analysis.model.header;
        if (!ctx.analysis.plan.stale || !header || header.source.uri !== AstUtils.getDocument(plan).uri.toString()) return;
        this.report(accept, 'stale-plan', this.say(ctx, 'stale-plan', { review: header.review!, date: header.date! }), { node: plan, property: 'review' });
    };

    checkScale = (scale: ast.Scale, accept: ValidationAcceptor): void => {
        const lang = this.context(scale).lang;
        const axis = word(scale.axis, lang);
        const seen = new Set<number>();
        scale.levels.forEach((level, index) => {
            if (seen.has(level.value)) {
                this.report(accept, 'invalid-scale', message('invalid-scale.duplicate', lang, { axis, level: level.value }),
                    { node: scale, property: 'levels', index });
            }
            seen.add(level.value);
        });
        const count = seen.size;
        if (count < 3 || count > 6) {
            this.report(accept, 'invalid-scale', message('invalid-scale.count', lang, { axis, count }), { node: scale, property: 'axis' });
            return;
        }
        for (let level = 1; level <= count; level++) {
            if (!seen.has(level)) {
                this.report(accept, 'invalid-scale', message('invalid-scale.gap', lang, { axis, level }), { node: scale, property: 'axis' });
                return;
            }
        }
    };

    checkLevels = (node: ast.Risk | ast.Residual | ast.ImpactLine, accept: ValidationAcceptor): void => {
        const ctx = this.context(node);
        const scales = ctx.analysis.model.scales;
        const check = (value: number | undefined, axis: 'likelihood' | 'impact', property: string, index: number | undefined, what: string): void => {
            const levels = scales[axis];
            if (value === undefined || levelInScale(value, levels)) return;
            const max = Math.max(0, ...levels.map(l => l.value));
            this.report(accept, 'level-out-of-scale', this.say(ctx, 'level-out-of-scale', { what, level: value, axis: word(axis, ctx.lang), max }),
                { node, property: property as never, index }, this.elementName(node));
        };
        if (ast.isRisk(node)) {
            node.likelihood.forEach((v, i) => check(v, 'likelihood', 'likelihood', i, word('likelihood', ctx.lang)));
            node.impact.forEach((v, i) => check(v, 'impact', 'impact', i, word('impact', ctx.lang)));
        } else if (ast.isResidual(node)) {
            check(node.likelihood, 'likelihood', 'likelihood', undefined, `residual ${word('likelihood', ctx.lang)}`);
            check(node.impact, 'impact', 'impact', undefined, `residual ${word('impact', ctx.lang)}`);
        } else {
            check(node.level, 'impact', 'level', undefined, `${word('impact', ctx.lang)} ${node.category}`);
        }
    };

    private elementName(node: AstNode): string | undefined {
        for (let current: AstNode | undefined = node; current; current = current.$container) {
            if ('name' in current && typeof current.name === 'string') return current.name;
        }
        return undefined;
    }

    checkDeputy = (role: ast.Role, accept: ValidationAcceptor): void => {
        const ctx = this.context(role);
        const figures = ctx.analysis.roles.get(role.name);
        if (!figures || role.deputy.length > 0 || !this.analysis.describes(role)) return;
        const functions = figures.crisisFunctions.filter(f => f === 'activation' || f === 'pilot');
        if (functions.length === 0) return;
        this.report(accept, 'no-deputy', this.say(ctx, 'no-deputy', { role: role.name, functions: listWords(functions.map(f => word(f, ctx.lang)), ctx.lang) }),
            { node: role, property: 'name' }, role.name);
    };

    checkContact = (role: ast.Role, accept: ValidationAcceptor): void => {
        const ctx = this.context(role);
        const figures = ctx.analysis.roles.get(role.name);
        if (!figures || figures.reachable || !this.analysis.describes(role)) return;
        const functions = figures.crisisFunctions.filter(f => f !== 'alert');
        if (functions.length === 0) return;
        this.report(accept, 'unreachable-contact', this.say(ctx, 'unreachable-contact', { role: role.name, functions: listWords(functions.map(f => word(f, ctx.lang)), ctx.lang) }),
            { node: role, property: 'name' }, role.name);
    };

    checkUnusedAsset = (asset: ast.Asset, accept: ValidationAcceptor): void => {
        const ctx = this.context(asset);
        if (!ctx.analysis.assets.get(asset.name)?.unused || !this.analysis.describes(asset)) return;
        this.report(accept, 'unused-asset', this.say(ctx, 'unused-asset', { asset: asset.name }), { node: asset, property: 'name' }, asset.name);
    };

    checkDependencyCycle = (asset: ast.Asset, accept: ValidationAcceptor): void => {
        const ctx = this.context(asset);
        if (!this.analysis.describes(asset)) return;
        const cycle = ctx.analysis.plan.cycles.find(c => c.includes(asset.name));
        if (!cycle) return;
        const start = cycle.indexOf(asset.name);
        const around = [...cycle.slice(start), ...cycle.slice(0, start)];
        // A long cycle is shown by its first assets: the full path in each of its findings was quadratic.
        const shown = around.length > maxCycleNames
            ? [...around.slice(0, maxCycleNames), word('more', ctx.lang, { count: around.length - maxCycleNames })] : around;
        const path = [...shown, asset.name].join(' → ');
        this.report(accept, 'dependency-cycle', this.say(ctx, 'dependency-cycle', { cycle: path }),
            asset.dependsOn.length > 0 ? { node: asset, property: 'dependsOn' } : { node: asset, property: 'name' }, asset.name);
    };

    private activityContext(activity: ast.Activity): { ctx: PlanContext; analysis: PlanAnalysis } | undefined {
        const ctx = this.context(activity);
        return this.analysis.describes(activity) ? { ctx, analysis: ctx.analysis } : undefined;
    }

    checkCriticalWithoutFallback = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        const found = this.activityContext(activity);
        const figures = found?.analysis.activities.get(activity.name);
        if (!found || !figures || activity.criticality[0] !== 'critical' || figures.hasFallback) return;
        const assets = figures.assets.length > 0 ? figures.assets.join(', ') : '—';
        this.report(accept, 'critical-without-fallback', this.say(found.ctx, 'critical-without-fallback', { activity: activity.name, assets }),
            { node: activity, property: 'name' }, activity.name);
    };

    checkUncoveredDependency = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        const found = this.activityContext(activity);
        const figures = found?.analysis.activities.get(activity.name);
        if (!found || !figures || figures.uncoveredAssets.length === 0) return;
        const { lang } = found.ctx;
        this.report(accept, 'uncovered-dependency', this.say(found.ctx, 'uncovered-dependency', {
            activity: activity.name, criticality: word(activity.criticality[0], lang), assets: listWords(figures.uncoveredAssets, lang)
        }), activity.uses.length > 0 ? { node: activity, property: 'uses' } : { node: activity, property: 'name' }, activity.name);
    };

    checkRtoGap = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        this.checkRecoveryGaps(activity, 'rto', accept);
    };

    checkRpoGap = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        this.checkRecoveryGaps(activity, 'rpo', accept);
    };

    private checkRecoveryGaps(activity: ast.Activity, figure: 'rto' | 'rpo', accept: ValidationAcceptor): void {
        const found = this.activityContext(activity);
        const figures = found?.analysis.activities.get(activity.name);
        if (!found || !figures) return;
        const { lang } = found.ctx;
        for (const gap of figure === 'rto' ? figures.rtoGaps : figures.rpoGaps) {
            const target = gap.asset ?? word('itself', lang, { name: activity.name });
            this.report(accept, `${figure}-gap`, this.say(found.ctx, `${figure}-gap`, {
                activity: activity.name, required: fmt(gap.requiredMinutes, lang), target, achieved: fmt(gap.achievedMinutes, lang), via: gap.via
            }), { node: activity, property: figure }, activity.name);
        }
    }

    checkRtoExceedsMtpd = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        const found = this.activityContext(activity);
        const data = found?.analysis.data.activities.get(activity.name);
        if (!found || data?.rtoMinutes === undefined || data.mtpdMinutes === undefined || data.rtoMinutes <= data.mtpdMinutes) return;
        const { lang } = found.ctx;
        this.report(accept, 'rto-exceeds-mtpd', this.say(found.ctx, 'rto-exceeds-mtpd', {
            activity: activity.name, rto: fmt(data.rtoMinutes, lang), mtpd: fmt(data.mtpdMinutes, lang)
        }), { node: activity, property: 'rto' }, activity.name);
    };

    checkMissingRequirement = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        const found = this.activityContext(activity);
        const missing = found?.analysis.activities.get(activity.name)?.missingRequirements ?? [];
        if (!found || missing.length === 0) return;
        const { lang } = found.ctx;
        this.report(accept, 'missing-requirement', this.say(found.ctx, 'missing-requirement', {
            activity: activity.name, criticality: word(activity.criticality[0], lang), missing: listWords(missing, lang)
        }), { node: activity, property: 'name' }, activity.name);
    };

    checkManualWithoutCatchup = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        if (activity.manual.length === 0 || activity.catchup.length > 0) return;
        const ctx = this.context(activity);
        this.report(accept, 'manual-without-catchup', this.say(ctx, 'manual-without-catchup', { activity: activity.name }),
            { node: activity, property: 'manual' }, activity.name);
    };

    checkSlaGap = (activity: ast.Activity, accept: ValidationAcceptor): void => {
        const found = this.activityContext(activity);
        const figures = found?.analysis.activities.get(activity.name);
        if (!found || !figures) return;
        const { lang } = found.ctx;
        for (const gap of figures.slaGaps) {
            this.report(accept, 'sla-gap', this.say(found.ctx, 'sla-gap', {
                activity: activity.name, required: fmt(gap.requiredMinutes, lang), asset: gap.asset, sla: fmt(gap.slaMinutes, lang)
            }), { node: activity, property: 'rto' }, activity.name);
        }
    };

    checkUnmitigatedRisk = (risk: ast.Risk, accept: ValidationAcceptor): void => {
        const ctx = this.context(risk);
        const figures = ctx.analysis.risks.get(risk.name);
        if (!figures || figures.zone !== 'unacceptable' || risk.mitigatedBy.length > 0
            || !this.analysis.describes(risk)) return;
        this.report(accept, 'unmitigated-risk', this.say(ctx, 'unmitigated-risk', {
            risk: risk.name, score: figures.score!, zone: word(figures.zone, ctx.lang)
        }), { node: risk, property: 'name' }, risk.name);
    };

    checkResidualNotLower = (risk: ast.Risk, accept: ValidationAcceptor): void => {
        const ctx = this.context(risk);
        const figures = ctx.analysis.risks.get(risk.name);
        if (!figures || figures.score === undefined || figures.residualScore === undefined || figures.residualScore < figures.score
            || !this.analysis.describes(risk)) return;
        this.report(accept, 'residual-not-lower', this.say(ctx, 'residual-not-lower', {
            risk: risk.name, residual: figures.residualScore, score: figures.score
        }), { node: risk, property: 'residual' }, risk.name);
    };

    checkUntestedFallback = (fallback: ast.Fallback, accept: ValidationAcceptor): void => {
        const ctx = this.context(fallback);
        const figures = ctx.analysis.fallbacks.get(fallback.name);
        const data = ctx.analysis.data.fallbacks.get(fallback.name);
        if (!figures || !data || !figures.protectsCritical || figures.testState === 'fresh' || !this.analysis.describes(fallback)) return;
        if (figures.testState === 'missing') {
            this.report(accept, 'untested-fallback', this.say(ctx, 'untested-fallback.missing', { fallback: fallback.name }),
                { node: fallback, property: 'name' }, fallback.name);
        } else {
            this.report(accept, 'untested-fallback', this.say(ctx, 'untested-fallback.stale', {
                fallback: fallback.name, tested: data.tested!, date: ctx.analysis.model.header?.date ?? ''
            }), { node: fallback, property: 'tested' }, fallback.name);
        }
    };

    checkSelfDependentFallback = (fallback: ast.Fallback, accept: ValidationAcceptor): void => {
        const ctx = this.context(fallback);
        const self = ctx.analysis.fallbacks.get(fallback.name)?.selfDependencies ?? [];
        if (self.length === 0 || !this.analysis.describes(fallback)) return;
        this.report(accept, 'self-dependent-fallback', this.say(ctx, 'self-dependent-fallback', {
            fallback: fallback.name, assets: listWords(self, ctx.lang)
        }), { node: fallback, property: 'dependsOn' }, fallback.name);
    };

    checkProcedureExceedsRto = (procedure: ast.Procedure, accept: ValidationAcceptor): void => {
        const ctx = this.context(procedure);
        const figures = ctx.analysis.procedures.get(procedure.name);
        if (!figures || !this.analysis.describes(procedure)) return;
        for (const overrun of figures.overruns) {
            this.report(accept, 'procedure-exceeds-rto', this.say(ctx, 'procedure-exceeds-rto', {
                procedure: procedure.name, total: fmt(figures.totalWithinMinutes, ctx.lang), rto: fmt(overrun.rtoMinutes, ctx.lang), activity: overrun.activity
            }), { node: procedure, property: 'name' }, procedure.name);
        }
    };

    /**
     * `value-too-large`: a duration over 100 years, an amount over 10^12, a level or count over 100
     * (pra-limits.ts). The model builder drops such values, so no view ever lays them out.
     */
    checkValueTooLarge = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const values: Array<{ kind: LimitedValue; property: string; index?: number; value: unknown; what: string }> = [];
        if (ast.isDuration(node)) values.push({ kind: 'minutes', property: 'minutes', value: node.minutes, what: word('duration', lang) });
        else if (ast.isCost(node)) values.push({ kind: 'amount', property: 'amount', value: node.amount, what: word('amount', lang) });
        else if (ast.isScaleLevel(node)) values.push({ kind: 'level', property: 'value', value: node.value, what: word('level', lang) });
        else if (ast.isResidual(node) || ast.isRisk(node)) {
            for (const property of ['likelihood', 'impact'] as const) {
                const raw = node[property];
                (Array.isArray(raw) ? raw : [raw]).forEach((value, index) => values.push({
                    kind: 'level', property, index: Array.isArray(raw) ? index : undefined, value, what: word(property, lang)
                }));
            }
        } else if (ast.isImpactLine(node)) values.push({ kind: 'level', property: 'level', value: node.level, what: word('level', lang) });
        else if (ast.isAsset(node)) node.count.forEach((value, index) => values.push({ kind: 'level', property: 'count', index, value, what: word('count', lang) }));
        for (const { kind, property, index, value, what } of values) {
            if (typeof value !== 'number' || Number.isNaN(value) || withinLimit(kind, value)) continue;
            const written = GrammarUtils.findNodesForProperty(node.$cstNode, property)[index ?? 0]?.text ?? String(value);
            const text = written.length > 24 ? `${written.slice(0, 20)}…` : written;
            const max = kind === 'minutes' ? word('hundred years', lang) : kind === 'amount' ? '10^12' : String(valueLimits.level);
            this.report(accept, 'value-too-large', message('value-too-large', lang, { text, what, max }),
                { node, property: property as never, index }, this.elementName(node));
        }
    };

    private isFollowedByUnit(duration: ast.Duration): boolean {
        const end = duration.$cstNode?.end;
        if (end === undefined) return false;
        const after = AstUtils.getDocument(duration).textDocument.getText().slice(end, end + 20);
        const unit = /^[ \t]+([a-z]+)/.exec(after)?.[1];
        return unit !== undefined && durationUnits[unit] !== undefined;
    }

    checkDurationUnit = (duration: ast.Duration, accept: ValidationAcceptor): void => {
        const lang = this.context(duration).lang;
        if (duration.bareNumber !== undefined) {
            if (this.isFollowedByUnit(duration)) return; // `4 h`: the syntax error already says to glue the unit
            this.report(accept, 'missing-unit', message('missing-unit', lang, { example: `${duration.bareNumber}h` }),
                { node: duration }, this.elementName(duration));
        } else if (duration.minutes !== undefined && Number.isNaN(duration.minutes)) {
            const text = duration.$cstNode?.text ?? '';
            const unit = durationUnitOf(text);
            this.report(accept, 'unknown-unit', message('unknown-unit', lang, { unit, text, example: `${text.slice(0, text.length - unit.length)}${likelyUnit(unit)}` }),
                { node: duration }, this.elementName(duration));
        }
    };
}
