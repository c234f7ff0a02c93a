import { AstUtils, GrammarUtils, WorkspaceCache, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import * as ast from '../generated/ast.js';
import { propertyNode } from '../pra-property-node.js';
import { levelInScale } from '../pra-analysis.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import { checkSeverities, isPraCode, praCodes, structuralCodes, type PraCode } from '../pra-codes.js';
import type { PraImports } from '../pra-imports.js';
import { firstKindNamed, firstNamed, PraFileNames, sameLayers, type FileNames, type NameLayer } from '../pra-file-names.js';
import { message, word, type Lang } from '../pra-messages.js';
import { elementKindOfType as kindOfType, type ElementKind } from '../pra-model.js';
import { valueLimits, withinLimit, type LimitedValue } from '../pra-limits.js';
import type { PraServices } from '../pra-module.js';
import { propertiesOf, propertyFact } from '../pra-syntax.js';
import { durationUnitOf, durationUnits, likelyUnit, vocabulary, type VocabularyName } from '../pra-vocabulary.js';

type Info = Parameters<ValidationAcceptor>[2];

/** A finding of checkNames, on a named top-level element. */
interface NameFinding { code: 'duplicate-name' | 'confusing-name'; text: string; element: ast.Element & { name: string } }

interface NameFindings {
    uri: string;
    lang: Lang;
    plan: readonly NameLayer[];
    foreign: readonly NameLayer[];
    found: readonly NameFinding[];
}

/**
 * The checks of the text itself, node by node: names, repeated properties, values, dates, scales,
 * units, imports and `accept` lines. The checks of the plan's meaning are in the other files of
 * this folder and run on the analysis.
 */
export class PraStructureChecks {
    private readonly analysis: PraAnalysisService;
    private readonly imports: PraImports;
    /** By plan root, in this build: the files the plan sees, with their names. */
    private readonly nameIndexes: WorkspaceCache<string, readonly NameLayer[]>;
    /** By file, in this build. */
    private readonly fileNameLayers: WorkspaceCache<string, NameLayer | undefined>;
    private readonly fileNames = new PraFileNames();
    /** By the file's names: the last findings of checkNames and what they were found against. */
    private readonly nameFindings = new WeakMap<FileNames, NameFindings>();

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.imports = services.references.PraImports;
        this.nameIndexes = new WorkspaceCache(services.shared);
        this.fileNameLayers = new WorkspaceCache(services.shared);
    }

    private context(node: AstNode): PlanContext {
        return this.analysis.forDocument(AstUtils.getDocument(node));
    }

    private report(
        accept: ValidationAcceptor, code: PraCode, text: string, info: Info, subject?: { kind: ElementKind; name: string }
    ): void {
        // The range of a single property, found cheaply; Langium finds indexed ones and keywords itself.
        const range = info.range ?? (info.property !== undefined && info.index === undefined
            ? propertyNode(info.node, info.property)?.range : undefined);
        accept(checkSeverities[code], text, {
            ...info, ...(range ? { range } : {}), code, data: { code, element: subject?.name, kind: subject?.kind }
        });
    }

    /** Structural checks by node type, for the validation registry. */
    checks(): ValidationChecks<ast.PraAstType> {
        return {
            PraFile: [this.checkImports, this.checkNames],
            Plan: [this.checkDuplicateProperties, this.checkEnumValues, this.checkDates],
            Scale: this.checkScale,
            Acceptance: this.checkDuplicateProperties,
            Role: this.checkDuplicateProperties,
            Asset: [this.checkDuplicateProperties, this.checkEnumValues, this.checkValueTooLarge],
            Activity: [this.checkDuplicateProperties, this.checkEnumValues],
            ImpactLine: [this.checkEnumValues, this.checkLevels, this.checkValueTooLarge],
            Risk: [this.checkDuplicateProperties, this.checkEnumValues, this.checkLevels, this.checkValueTooLarge],
            Residual: [this.checkLevels, this.checkValueTooLarge],
            Fallback: [this.checkDuplicateProperties, this.checkEnumValues, this.checkDates],
            Crisis: this.checkDuplicateProperties,
            Procedure: [this.checkDuplicateProperties, this.checkEnumValues],
            Exercise: [this.checkDuplicateProperties, this.checkEnumValues, this.checkDates],
            Accept: [this.checkAccept, this.checkDates],
            Revision: this.checkDates,
            Approval: this.checkDates,
            Duration: [this.checkDurationUnit, this.checkValueTooLarge],
            Percent: this.checkPercent,
            Cost: this.checkValueTooLarge,
            Loss: this.checkValueTooLarge,
            ScaleLevel: this.checkValueTooLarge
        };
    }

    checkImports = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(file);
        const visible = new Set(this.imports.visibleUris(document.uri.toString()));
        for (const imp of file.imports) {
            const problem = this.imports.problemOf(document, imp, visible);
            if (problem) {
                const text = message(problem.key, this.context(file).lang, problem.params);
                this.report(accept, problem.code, text, { node: imp, property: 'path' });
            }
        }
    };

    /** The names of a file as it is in this build (kept across builds by PraFileNames). */
    private namesOfFile(uri: string): NameLayer | undefined {
        return this.fileNameLayers.get(uri, () => {
            const root = this.imports.rootOf(uri);
            return root ? { uri, names: this.fileNames.of(root) } : undefined;
        });
    }

    /**
     * The files a plan sees with their names, in the order the plan model reads them: the first element
     * of each kind and name among them is the one the analysis describes, never the one reported.
     */
    private namesOf(rootUri: string): readonly NameLayer[] {
        return this.nameIndexes.get(rootUri, () => this.layersOf(this.imports.planOrder(rootUri)));
    }

    private layersOf(uris: readonly string[]): NameLayer[] {
        const layers: NameLayer[] = [];
        for (const uri of uris) {
            const layer = this.namesOfFile(uri);
            if (layer) layers.push(layer);
        }
        return layers;
    }

    /**
     * The files this one imports that are checked in another plan's context (or their own), with their
     * names: their duplicates with this file are not seen from that context, so they count here.
     */
    private foreignImportedNames(uri: string, root: string): readonly NameLayer[] {
        return this.layersOf(this.imports.visibleUris(uri).filter(imported =>
            imported !== uri && this.imports.contextRoot(imported) !== root));
    }

    /**
     * `duplicate-name` and `confusing-name`, against every name the file's plan sees. They depend on the
     * file's names, on those of the files it is judged with, its URI and the language only: while these are
     * the same objects, the last findings are reported again (their places read anew from the syntax tree).
     */
    checkNames = (file: ast.PraFile, accept: ValidationAcceptor): void => {
        const uri = AstUtils.getDocument(file).uri.toString();
        const lang = this.context(file).lang;
        const root = this.imports.contextRoot(uri);
        const own = this.fileNames.of(file);
        const plan = this.namesOf(root);
        const foreign = this.foreignImportedNames(uri, root);
        const kept = this.nameFindings.get(own);
        const same = kept && kept.uri === uri && kept.lang === lang && sameLayers(kept.plan, plan) && sameLayers(kept.foreign, foreign);
        const found = same ? kept.found : this.findNames(file, uri, lang, plan, foreign);
        this.nameFindings.set(own, { uri, lang, plan, foreign, found });
        for (const { code, text, element } of found) {
            this.report(accept, code, text, { node: element, property: 'name' }, { kind: kindOfType[element.$type], name: element.name });
        }
    };

    private findNames(file: ast.PraFile, uri: string, lang: Lang,
        plan: readonly NameLayer[], foreign: readonly NameLayer[]): NameFinding[] {
        const found: NameFinding[] = [];
        for (const element of file.elements) {
            if (!('name' in element) || typeof element.name !== 'string') continue;
            const key = `${element.$type}:${element.name}`;
            const earlier = firstNamed(foreign, key) ?? firstNamed(plan, key);
            if (earlier && earlier.element !== element) {
                const kind = word(kindOfType[element.$type], lang);
                const where = earlier.uri === uri
                    ? word('this file', lang)
                    : word('in file', lang, { file: earlier.uri.split('/').pop()! });
                found.push({ code: 'duplicate-name', text: message('duplicate-name', lang, { kind, name: element.name, where }), element });
                continue;
            }
            const other = firstKindNamed(plan, element.name);
            if (other && other !== element.$type) {
                const kind = word(kindOfType[element.$type], lang);
                found.push({ code: 'confusing-name', element,
                    text: message('confusing-name', lang, { name: element.name, kind, other: word(kindOfType[other], lang) }) });
            }
        }
        return found;
    }

    /** A property the grammar collects with `+=` but the table (pra-syntax.ts) says is written once, written twice. */
    checkDuplicateProperties = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const name = 'name' in node && typeof node.name === 'string' ? node.name : node.$type.toLowerCase();
        for (const [property, value] of Object.entries(node)) {
            const fact = property.startsWith('$') ? undefined : propertyFact(node.$type, property);
            if (!fact || fact.repeatable || !Array.isArray(value) || value.length < 2) continue;
            const keyword = fact.keyword || property;
            // The nodes of every occurrence found once: one search per repeat was quadratic (10,000 repeats took 70 s).
            const occurrences = GrammarUtils.findNodesForProperty(node.$cstNode, property);
            for (let index = 1; index < value.length; index++) {
                const range = occurrences[index]?.range;
                this.report(accept, 'duplicate-property', message('duplicate-property', lang, { property: keyword, element: name }),
                    { node, property: property as never, index, ...(range ? { range } : {}) }, this.subjectOf(node));
            }
        }
    };

    /** Each value of an enum property (and of each list of an enum-list property) is in its vocabulary. */
    checkEnumValues = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const record = node as unknown as Record<string, unknown>;
        for (const { property, vocabulary: vocabularyName, valueKind } of propertiesOf(node.$type)) {
            if (!vocabularyName) continue;
            const raw = record[property];
            const values: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
            if (valueKind === 'enum-list') {
                for (const list of values as ast.EnumList[]) {
                    list.values.forEach((value, index) =>
                        this.checkEnumValue(list, 'values', index, value, vocabularyName, property, lang, accept));
                }
                continue;
            }
            values.forEach((value, index) => this.checkEnumValue(node, property, Array.isArray(raw) ? index : undefined, value,
                vocabularyName, property, lang, accept));
        }
    };

    private checkEnumValue(node: AstNode, property: string, index: number | undefined, value: unknown, vocabularyName: VocabularyName,
        what: string, lang: Lang, accept: ValidationAcceptor): void {
        const allowed = vocabulary[vocabularyName] as readonly string[];
        if (typeof value !== 'string' || allowed.includes(value)) return;
        this.report(accept, 'unknown-value', message('unknown-value', lang, { what, value, allowed: allowed.join(', ') }),
            { node, property: property as never, index });
    }

    /** Every date property of the node (the table's `date` values) is a real day of the calendar. */
    checkDates = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const record = node as unknown as Record<string, unknown>;
        for (const { property } of propertiesOf(node.$type).filter(fact => fact.valueKind === 'date')) {
            const raw = record[property];
            const values: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
            values.forEach((value, index) => {
                if (!(value instanceof Date) || !Number.isNaN(value.getTime())) return;
                const text = GrammarUtils.findNodesForProperty(node.$cstNode, property)[index]?.text ?? '';
                this.report(accept, 'invalid-date', message('invalid-date', lang, { text }),
                    { node, property: property as never, index: Array.isArray(raw) ? index : undefined }, this.subjectOf(node));
            });
        }
    };

    /** An `accept` names a known code that can be accepted. */
    checkAccept = (node: ast.Accept, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        if (typeof node.code !== 'string') return;
        if (!isPraCode(node.code)) {
            const allowed = praCodes.filter(c => !structuralCodes.has(c)).join(', ');
            this.report(accept, 'unknown-value', message('accept-unknown-code', lang, { code: node.code, allowed }),
                { node, property: 'code' }, this.subjectOf(node));
        } else if (structuralCodes.has(node.code)) {
            this.report(accept, 'cannot-accept', message('cannot-accept', lang, { code: node.code }), { node }, this.subjectOf(node));
        }
    };

    /** Figures too large to lay out or compute with (pra-limits.ts): the model builder drops them too. */
    checkValueTooLarge = (node: AstNode, accept: ValidationAcceptor): void => {
        const lang = this.context(node).lang;
        const values: Array<{ kind: LimitedValue; property: string; index?: number; value: unknown; what: string }> = [];
        if (ast.isDuration(node)) values.push({ kind: 'minutes', property: 'minutes', value: node.minutes, what: word('duration', lang) });
        else if (ast.isCost(node) || ast.isLoss(node)) {
            values.push({ kind: 'amount', property: 'amount', value: node.amount, what: word('amount', lang) });
        } else if (ast.isScaleLevel(node)) values.push({ kind: 'level', property: 'value', value: node.value, what: word('level', lang) });
        else if (ast.isResidual(node) || ast.isRisk(node)) {
            for (const property of ['likelihood', 'impact'] as const) {
                const raw: number | number[] = node[property];
                (Array.isArray(raw) ? raw : [raw]).forEach((value, index) => values.push({
                    kind: 'level', property, index: Array.isArray(raw) ? index : undefined, value, what: word(property, lang)
                }));
            }
        } else if (ast.isImpactLine(node)) values.push({ kind: 'level', property: 'level', value: node.level, what: word('level', lang) });
        else if (ast.isAsset(node)) {
            const what = word('count', lang);
            node.count.forEach((value, index) => values.push({ kind: 'level', property: 'count', index, value, what }));
        }
        for (const { kind, property, index, value, what } of values) {
            if (typeof value !== 'number' || Number.isNaN(value) || withinLimit(kind, value)) continue;
            const written = GrammarUtils.findNodesForProperty(node.$cstNode, property)[index ?? 0]?.text ?? String(value);
            const text = written.length > 24 ? `${written.slice(0, 20)}…` : written;
            const max = kind === 'minutes' ? word('hundred years', lang) : kind === 'amount' ? '10^12' : String(valueLimits.level);
            this.report(accept, 'value-too-large', message('value-too-large', lang, { text, what, max }),
                { node, property: property as never, index }, this.subjectOf(node));
        }
    };

    /** `availability 99.9`: a percent needs its sign, written right after the number. */
    checkPercent = (node: ast.Percent, accept: ValidationAcceptor): void => {
        if (node.bareNumber === undefined) return;
        this.report(accept, 'missing-unit', message('missing-percent', this.context(node).lang, { example: `${node.bareNumber}%` }),
            { node }, this.subjectOf(node));
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
                this.report(accept, 'invalid-scale', message('invalid-scale.gap', lang, { axis, level }),
                    { node: scale, property: 'axis' });
                return;
            }
        }
    };

    checkLevels = (node: ast.Risk | ast.Residual | ast.ImpactLine, accept: ValidationAcceptor): void => {
        const ctx = this.context(node);
        const scales = ctx.analysis.model.scales;
        const check = (
            value: number | undefined, axis: 'likelihood' | 'impact', property: string, index: number | undefined, what: string
        ): void => {
            const levels = scales[axis];
            if (value === undefined || levelInScale(value, levels)) return;
            const max = Math.max(0, ...levels.map(l => l.value));
            const text = message('level-out-of-scale', ctx.lang, { what, level: value, axis: word(axis, ctx.lang), max });
            this.report(accept, 'level-out-of-scale', text, { node, property: property as never, index }, this.subjectOf(node));
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

    /** The named element a node belongs to: the subject of a finding on it. */
    private subjectOf(node: AstNode): { kind: ElementKind; name: string } | undefined {
        for (let current: AstNode | undefined = node; current; current = current.$container) {
            if ('name' in current && typeof current.name === 'string' && kindOfType[current.$type]) {
                return { kind: kindOfType[current.$type], name: current.name };
            }
        }
        return undefined;
    }

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
                { node: duration }, this.subjectOf(duration));
        } else if (duration.minutes !== undefined && Number.isNaN(duration.minutes)) {
            const text = duration.$cstNode?.text ?? '';
            const unit = durationUnitOf(text);
            const example = `${text.slice(0, text.length - unit.length)}${likelyUnit(unit)}`;
            this.report(accept, 'unknown-unit', message('unknown-unit', lang, { unit, text, example }),
                { node: duration }, this.subjectOf(duration));
        }
    };
}
