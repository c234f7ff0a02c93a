import type { PlanAnalysis } from '../pra-analysis.js';
import type { PraCode } from '../pra-codes.js';
import { formatDuration, listWords, message, word, type FindingTextKey, type Lang, type MessageParams } from '../pra-messages.js';
import type { ElementKind, NamedElement, SourceRef } from '../pra-model.js';

/** An element a finding names beside its subject (the slowest assets of an `rto-gap`…). */
export interface RelatedElement { kind: ElementKind; name: string; source: SourceRef }

/**
 * One finding of the plan checks: pure data computed from the analysis, placed on a file and range.
 * The validator turns it into a diagnostic of the document it is in.
 */
export interface Finding {
    code: PraCode;
    message: string;
    /** The element the finding is about (where its `accept` is written); omitted for plan-wide findings. */
    subject?: { kind: ElementKind; name: string };
    /** Where to show it: the subject's name, or the element or block concerned. */
    at: SourceRef;
    /** A property of the element at `at` whose range is more precise, when written. */
    property?: string;
    related?: RelatedElement[];
}

/** What every plan check reads: the analysis and how to word a finding. */
export interface CheckContext {
    analysis: PlanAnalysis;
    lang: Lang;
    /** The day findings are judged on (`outdated-plan`, `expired-acceptance`). */
    today: string;
    /**
     * The files whose findings are wanted, when not every file of the plan: a file imported by
     * several plans is judged in one of them only (PraImports.contextRoot), so a department plan
     * needs no finding placed in the shared inventory. A check may skip the elements of the other
     * files (`judgedOnly`); findings placed there are dropped anyway.
     */
    judged?: ReadonlySet<string>;
}

export type Report = (finding: Finding) => void;
/** A check over the whole plan; each concern's file exports a list of them. */
export type PlanCheck = (ctx: CheckContext, report: Report) => void;

export const say = (ctx: CheckContext, key: FindingTextKey, params: MessageParams = {}): string => message(key, ctx.lang, params);
export const duration = (ctx: CheckContext, minutes: number): string => formatDuration(minutes, ctx.lang);

/** "A, B and C", or the first `max` then "and N more" in the plan's language. */
export function namesUpTo(names: readonly string[], max: number, lang: Lang): string {
    return firstNamesOf(names, names.length, max, lang);
}

/** `namesUpTo` of a list known by its first names (at least `max`, or all of them) and its length. */
export function firstNamesOf(first: readonly string[], count: number, max: number, lang: Lang): string {
    if (count <= max) return listWords(first.slice(0, count), lang);
    return `${first.slice(0, max).join(', ')} ${word('and more', lang, { count: count - max })}`;
}

/** The elements whose findings are wanted (see `CheckContext.judged`), for checks that place each finding on its element. */
export function judgedOnly<T extends NamedElement>(ctx: CheckContext, elements: readonly T[]): readonly T[] {
    const judged = ctx.judged;
    return judged ? elements.filter(element => judged.has(element.source.uri)) : elements;
}

/** A finding about a named element, shown on its name unless a property is given. */
export function about(kind: ElementKind, element: NamedElement, code: PraCode, text: string, property?: string,
    related?: RelatedElement[]): Finding {
    return {
        code, message: text, subject: { kind, name: element.name }, at: element.source,
        ...(property ? { property } : {}), ...(related && related.length > 0 ? { related } : {})
    };
}

/** The related elements for asset names, in the order given (unknown names are skipped). */
export function relatedAssets(ctx: CheckContext, names: readonly string[]): RelatedElement[] {
    return names.flatMap(name => {
        const asset = ctx.analysis.data.assets.get(name);
        return asset ? [{ kind: 'asset' as const, name, source: asset.source }] : [];
    });
}
