/**
 * The largest figures a plan may state (`value-too-large` beyond them). Nothing realistic comes
 * near them, and every view (layout of scales and matrices, sums of costs, durations in words)
 * stays small and finite below them. The checks and the model builder read them here.
 */
export const valueLimits = {
    /** 100 years of 365.25 days, in minutes. */
    minutes: 100 * 365.25 * 24 * 60,
    amount: 1e12,
    /** Scale levels, likelihood, impact, residual, impact lines and asset counts. */
    level: 100
} as const;

export type LimitedValue = keyof typeof valueLimits;

/** Whether a number is within its limit (NaN and infinities never are). */
export function withinLimit(kind: LimitedValue, value: number): boolean {
    return Number.isFinite(value) && Math.abs(value) <= valueLimits[kind];
}

/** The value when within its limit, else undefined: what the model keeps. */
export function limited(kind: LimitedValue, value: number | undefined): number | undefined {
    return value !== undefined && withinLimit(kind, value) ? value : undefined;
}
