/** The closed vocabularies of the language: the single source for checks, completion and docs. */
export const vocabulary = {
    language: ['fr', 'en'],
    assetKind: ['server', 'saas', 'application', 'network', 'internet', 'workstation', 'telephony',
        'printer', 'data', 'facility', 'mobile', 'site', 'other'],
    criticality: ['critical', 'high', 'medium', 'low'],
    impactCategory: ['financial', 'legal', 'reputation', 'operational', 'safety', 'data'],
    riskCategory: ['cyber', 'fire', 'flood', 'power', 'hardware', 'software', 'network', 'supplier',
        'human', 'theft', 'other'],
    fallbackType: ['backup', 'restore', 'failover', 'redundancy', 'network', 'telephony', 'workaround',
        'communication', 'insurance', 'site', 'other'],
    mode: ['technical', 'organisational'],
    resource: ['internal', 'external'],
    audience: ['staff', 'clients', 'suppliers', 'authorities', 'insurers', 'press'],
    phase: ['before', 'during', 'after'],
    result: ['passed', 'partial', 'failed'],
    status: ['active', 'planned', 'option', 'rejected'],
    exerciseType: ['tabletop', 'walkthrough', 'functional', 'full-scale'],
    lossPeriod: ['day', 'hour']
} as const;

/** Kinds of asset that hold no data that can be lost: they never bound an RPO. */
export const statelessAssetKinds: ReadonlySet<string> = new Set([
    'network', 'internet', 'telephony', 'printer', 'facility', 'site', 'mobile'
]);

/**
 * Types of fallback that recover nothing by themselves (they inform or pay): they state no recovery
 * time, and as a mitigation they need not cover the risk's targets.
 */
export const nonRecoveringFallbackTypes: ReadonlySet<string> =
    new Set<typeof vocabulary.fallbackType[number]>(['communication', 'insurance']);

export type VocabularyName = keyof typeof vocabulary;
export type Criticality = typeof vocabulary.criticality[number];
export type PlanLanguage = typeof vocabulary.language[number];
export type Zone = 'acceptable' | 'tolerable' | 'unacceptable';

export function isInVocabulary(name: VocabularyName, value: string): boolean {
    return (vocabulary[name] as readonly string[]).includes(value);
}

/** Minutes per duration unit: `d` is a day of 24 h, `w` a week of 7 days. */
export const durationUnits: Readonly<Record<string, number>> = { min: 1, h: 60, d: 1440, w: 10080 };

/** Converts the text of a duration (`1.5h`) to minutes; NaN when the unit is unknown. */
export function durationToMinutes(text: string): number {
    const match = /^([0-9]+(?:\.[0-9]+)?)(.*)$/.exec(text);
    if (!match) return NaN;
    const perUnit = durationUnits[match[2]];
    return perUnit === undefined ? NaN : Math.round(Number(match[1]) * perUnit * 1000) / 1000;
}

export function durationUnitOf(text: string): string {
    return text.replace(/^[0-9.]+/, '');
}

/** The unit someone most likely meant by an unknown one (`3m` → min, `2j` for jours → d). */
export function likelyUnit(unknown: string): string {
    const byInitial: Readonly<Record<string, string>> = { m: 'min', h: 'h', d: 'd', j: 'd', w: 'w' };
    return byInitial[unknown.charAt(0).toLowerCase()] ?? 'h';
}
