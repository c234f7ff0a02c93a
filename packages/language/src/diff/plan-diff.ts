import type { CheckFinding } from '../pra-check-report.js';
import type { Severity } from '../pra-codes.js';
import { formatDuration, isTextKey, textLookup, type Lang, type Texts } from '../pra-messages.js';
import type { ElementKind, PlanModel } from '../pra-model.js';

/**
 * The semantic changelog between two versions of a plan (`pra diff`): elements added, removed and
 * renamed, each changed property with its old and new value in the plan's units, and the findings
 * that appeared or were resolved. A pure function of the two models and their findings.
 */

/** One version of a plan: its model and the findings of its files. */
export interface PlanSnapshot {
    model: PlanModel;
    findings: ReadonlyArray<CheckFinding & { file: string }>;
}

export type DiffKind = ElementKind | 'plan' | 'crisis' | 'scale';

export interface DiffElement { kind: DiffKind; name: string; title?: string }
export interface DiffRename { kind: DiffKind; from: string; to: string }
export interface DiffChange { kind: DiffKind; name: string; property: string; old?: string; new?: string }
export interface DiffFinding { code: string; severity: Severity; element?: string; message: string; file: string }

export interface PlanDiff {
    version: 1;
    added: DiffElement[];
    removed: DiffElement[];
    renamed: DiffRename[];
    changed: DiffChange[];
    findings: { appeared: DiffFinding[]; resolved: DiffFinding[] };
}

/** An element as the diff compares it: its properties written as the plan reads them. */
interface Described { kind: DiffKind; name: string; title?: string; properties: Map<string, string> }

/** Free texts: never taken for the name of an element when a rename is carried over. */
const freeTexts = new Set(['title', 'notes', 'text', 'reason', 'description', 'how', 'holder', 'phone', 'email', 'provider',
    'contract', 'criteria', 'label', 'meeting', 'scope', 'context', 'assumptions', 'organisation', 'version', 'triggers',
    'standdowns', 'exceptions']);

/** The keyword of each model field, when it is not the field's own name. */
const keywords: Readonly<Record<string, string>> = {
    dependsOn: 'depends on', dependsOnFallbacks: 'depends on', mitigatedBy: 'mitigated by', helperRole: 'helper',
    measuredRto: 'measured rto', measuredRpo: 'measured rpo', assumptions: 'assumption', revisions: 'revision', approvals: 'approval',
    accepts: 'accept', triggers: 'trigger', standdowns: 'standdown', alerts: 'alert', items: 'steps', availabilityPercent: 'availability',
    exceptions: 'exception', tolerableFrom: 'tolerable from', unacceptableFrom: 'unacceptable from'
};

/** Fields that only repeat or locate what others say. */
const skipped = new Set(['name', 'source', 'steps', 'helper', 'uris', 'rootUri', 'duplicates']);

type Rename = (name: string) => string;

/** Fields of a nested value written as a quoted text (a step's text, a revision's version…). */
const quotedFields = new Set(['text', 'how', 'reason', 'description', 'version']);

/** `loss … per day`, `cost … per year | once` as the plan's language says them. */
const periodWords = {
    day: { en: 'per day', fr: 'par jour' }, hour: { en: 'per hour', fr: 'par heure' },
    year: { en: 'per year', fr: 'par an' }, month: { en: 'per month', fr: 'par mois' }, once: { en: 'once', fr: 'une fois' },
    other: { en: 'per {period}', fr: 'par {period}' }, yes: { en: 'yes', fr: 'oui' }
} as const satisfies Readonly<Record<string, Texts>>;
const diffWord = textLookup(periodWords, 'diff values');

/** A scale level as written: `3 "Grave" "Livraisons manquées…"`. */
const levelText = (level: { value: number; label?: string; criteria?: string }): string =>
    [String(level.value), ...[level.label, level.criteria].filter((t): t is string => t !== undefined).map(t => `"${t}"`)].join(' ');

function renderValue(key: string, value: unknown, lang: Lang, rename: Rename): string | undefined {
    if (value === undefined || value === null || value === false) return undefined;
    if (value === true) return diffWord('yes', lang);
    if (typeof value === 'number') {
        if (/Minutes$/.test(key)) return formatDuration(value, lang);
        if (/Percent$/.test(key)) return `${value}%`;
        return String(value);
    }
    if (typeof value === 'string') return freeTexts.has(key) ? value : rename(value);
    if (Array.isArray(value)) {
        const items = value.map(item => renderValue(key, item, lang, rename)).filter((s): s is string => s !== undefined && s !== '');
        if (items.length === 0) return undefined;
        return freeTexts.has(key) ? items.map(i => `"${i}"`).join(', ') : items.join(key === 'items' ? '; ' : ', ');
    }
    if (typeof value === 'object') return renderObject(key, value as Record<string, unknown>, lang, rename);
    return String(value);
}

/** A nested value (a loss, a cost, a step, an accept…) written as one line, the way the plan reads. */
function renderObject(key: string, value: Record<string, unknown>, lang: Lang, rename: Rename): string | undefined {
    if ('kind' in value && 'name' in value && Object.keys(value).length === 2) return rename(String(value.name));
    if ('amount' in value && 'period' in value) {
        const written = String(value.period);
        const period = isTextKey(periodWords, written) ? diffWord(written, lang) : diffWord('other', lang, { period: written });
        return `${value.amount}${value.currency ? ` ${value.currency}` : ''} ${period}`;
    }
    if ('step' in value) return renderObject('step', value.step as Record<string, unknown>, lang, rename);
    if ('parallel' in value) {
        const steps = (value.parallel as Array<Record<string, unknown>>).map(step => renderObject('step', step, lang, rename));
        return `parallel { ${steps.join('; ')} }`;
    }
    const parts: string[] = [];
    for (const [field, inner] of Object.entries(value)) {
        if (field === 'source') continue;
        const isText = quotedFields.has(field);
        const shown = renderValue(isText ? 'text' : field, inner, lang, rename);
        if (shown === undefined) continue;
        if (isText) parts.push(`"${shown}"`);
        else if (field === 'code' || field === 'date' || field === 'role' || (field === 'category' && key === 'impacts')) parts.push(shown);
        else parts.push(`${keywords[field] ?? field.replace(/Minutes$/, '')} ${shown}`);
    }
    return parts.join(' ');
}

function describeObject(kind: DiffKind, name: string, data: object, lang: Lang, rename: Rename): Described {
    const properties = new Map<string, string>();
    for (const [field, value] of Object.entries(data)) {
        if (skipped.has(field)) continue;
        const shown = renderValue(field, value, lang, rename);
        if (shown === undefined) continue;
        const property = keywords[field] ?? field.replace(/Minutes$/, '');
        const earlier = properties.get(property);
        properties.set(property, earlier ? `${earlier}, ${shown}` : shown);
    }
    const title = (data as { title?: unknown }).title;
    return { kind, name, ...(typeof title === 'string' ? { title } : {}), properties };
}

const elementLists: ReadonlyArray<[ElementKind, keyof PlanModel]> = [
    ['role', 'roles'], ['asset', 'assets'], ['activity', 'activities'], ['risk', 'risks'],
    ['fallback', 'fallbacks'], ['procedure', 'procedures'], ['exercise', 'exercises']
];

/** Every element of a plan, by kind then name; the plan, crisis and scales as single entries. */
function describePlan(model: PlanModel, lang: Lang, rename: Rename): Described[] {
    const described: Described[] = [];
    if (model.header) {
        described.push(describeObject('plan', 'plan', { ...model.header, exceptions: model.exceptions }, lang, rename));
    } else if (model.exceptions.length > 0) {
        described.push(describeObject('plan', 'plan', { exceptions: model.exceptions }, lang, rename));
    }
    if (model.crisis) described.push(describeObject('crisis', 'crisis', model.crisis, lang, rename));
    described.push(describeObject('scale', 'scale', {
        likelihood: model.scales.likelihood.map(levelText).join(', '),
        impact: model.scales.impact.map(levelText).join(', '),
        tolerableFrom: model.scales.tolerableFrom, unacceptableFrom: model.scales.unacceptableFrom
    }, lang, rename));
    for (const [kind, list] of elementLists) {
        for (const element of model[list] as Array<{ name: string }>) {
            described.push(describeObject(kind, element.name, element, lang, rename));
        }
    }
    return described;
}

const keyOf = (d: { kind: DiffKind; name: string }): string => `${d.kind}\u0000${d.name}`;

function sameProperties(a: Described, b: Described): boolean {
    if (a.properties.size !== b.properties.size) return false;
    for (const [property, value] of a.properties) if (b.properties.get(property) !== value) return false;
    return true;
}

/**
 * Renames: an element gone and one new of the same kind with exactly the same properties (once
 * the renames already found are carried into the references), found until none is left.
 */
function findRenames(oldModel: PlanModel, newElements: Described[], lang: Lang): Map<string, DiffRename> {
    const renames = new Map<string, DiffRename>();
    const newKeys = new Set(newElements.map(keyOf));
    for (;;) {
        const byName = new Map([...renames.values()].map(r => [r.from, r.to]));
        const rename: Rename = name => byName.get(name) ?? name;
        const oldElements = describePlan(oldModel, lang, rename);
        const oldKeys = new Set(oldElements.map(keyOf));
        const renamedTo = new Set([...renames.values()].map(r => keyOf({ kind: r.kind, name: r.to })));
        const gone = oldElements.filter(e => !newKeys.has(keyOf(e)) && !renames.has(keyOf(e)));
        const arrived = newElements.filter(e => !oldKeys.has(keyOf(e)) && !renamedTo.has(keyOf(e)));
        let found = false;
        for (const before of gone) {
            const after = arrived.find(e => e.kind === before.kind && !renamedTo.has(keyOf(e)) && sameProperties(before, e));
            if (!after) continue;
            renames.set(keyOf(before), { kind: before.kind, from: before.name, to: after.name });
            renamedTo.add(keyOf(after));
            found = true;
        }
        if (!found) return renames;
    }
}

/** A finding's identity across versions: its code and element (renames carried over), or its message when it has no element. */
function findingKey(finding: CheckFinding, rename: Rename): string {
    return `${finding.code}\u0000${finding.element !== undefined ? rename(finding.element) : `\u0001${finding.message}`}`;
}

const toDiffFinding = (f: CheckFinding & { file: string }): DiffFinding =>
    ({ code: f.code, severity: f.severity, ...(f.element !== undefined ? { element: f.element } : {}), message: f.message, file: f.file });

/** Findings present in `from` and not in `to`, each counted (two identical findings need two to match). */
function missingFrom(from: PlanSnapshot['findings'], fromRename: Rename, to: PlanSnapshot['findings'], toRename: Rename): DiffFinding[] {
    const counts = new Map<string, number>();
    for (const f of to) counts.set(findingKey(f, toRename), (counts.get(findingKey(f, toRename)) ?? 0) + 1);
    const missing: DiffFinding[] = [];
    for (const f of from) {
        const key = findingKey(f, fromRename);
        const left = counts.get(key) ?? 0;
        if (left > 0) counts.set(key, left - 1); else missing.push(toDiffFinding(f));
    }
    return missing;
}

/** What changed from `before` to `after`; values are written in `lang` (the plan's language). */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot, lang: Lang): PlanDiff {
    const identity: Rename = name => name;
    const newElements = describePlan(after.model, lang, identity);
    const renames = findRenames(before.model, newElements, lang);
    const byName = new Map([...renames.values()].map(r => [r.from, r.to]));
    const rename: Rename = name => byName.get(name) ?? name;
    const oldElements = describePlan(before.model, lang, rename);
    const newByKey = new Map(newElements.map(e => [keyOf(e), e]));
    const renamedTo = new Set([...renames.values()].map(r => keyOf({ kind: r.kind, name: r.to })));

    const removed: DiffElement[] = [];
    const changed: DiffChange[] = [];
    const matched = new Set<string>();
    for (const element of oldElements) {
        const rename = renames.get(keyOf(element));
        const counterpart = newByKey.get(rename ? keyOf({ kind: element.kind, name: rename.to }) : keyOf(element));
        if (!counterpart) {
            removed.push({ kind: element.kind, name: element.name, ...(element.title ? { title: element.title } : {}) });
            continue;
        }
        matched.add(keyOf(counterpart));
        // In the newer version's order, then what only the older one had.
        const properties = new Set([...counterpart.properties.keys(), ...element.properties.keys()]);
        for (const property of properties) {
            const old = element.properties.get(property);
            const now = counterpart.properties.get(property);
            if (old === now) continue;
            changed.push({
                kind: counterpart.kind, name: counterpart.name, property,
                ...(old !== undefined ? { old } : {}), ...(now !== undefined ? { new: now } : {})
            });
        }
    }
    const added = newElements.filter(e => !matched.has(keyOf(e)) && !renamedTo.has(keyOf(e)))
        .map(e => ({ kind: e.kind, name: e.name, ...(e.title ? { title: e.title } : {}) }));
    return {
        version: 1,
        added,
        removed,
        renamed: [...renames.values()],
        changed,
        findings: {
            appeared: missingFrom(after.findings, identity, before.findings, rename),
            resolved: missingFrom(before.findings, rename, after.findings, identity)
        }
    };
}
