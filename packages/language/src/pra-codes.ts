/**
 * The stable codes of every finding, with default severity. Checks, quick fixes, the CLI (JSON,
 * SARIF) and the export all key on this one table.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const checkSeverities = {
    'critical-without-fallback': 'error',
    'uncovered-dependency': 'warning',
    'rto-gap': 'warning',
    'rpo-gap': 'warning',
    'rto-exceeds-mtpd': 'error',
    'missing-requirement': 'warning',
    'unmitigated-risk': 'warning',
    'residual-not-lower': 'warning',
    'untested-fallback': 'warning',
    'manual-without-catchup': 'warning',
    'no-crisis-organisation': 'warning',
    'no-deputy': 'warning',
    'unreachable-contact': 'warning',
    'no-crisis-communication': 'warning',
    'self-dependent-fallback': 'warning',
    'sla-gap': 'warning',
    'no-offline-backup': 'warning',
    'procedure-exceeds-rto': 'warning',
    'dependency-cycle': 'error',
    'level-out-of-scale': 'error',
    'invalid-scale': 'error',
    'duplicate-name': 'error',
    'duplicate-property': 'error',
    'unused-asset': 'info',
    'stale-plan': 'info',
    // Version 2 of the contract.
    'unquantified-fallback': 'warning',
    'common-mode-mitigation': 'warning',
    'ineffective-mitigation': 'warning',
    'mitigation-not-in-place': 'warning',
    'risk-exceeds-mtpd': 'warning',
    'failed-exercise': 'warning',
    'future-exercise': 'error',
    'exercise-missed-target': 'warning',
    'exercise-programme': 'info',
    'catchup-not-after': 'warning',
    'duplicate-element': 'error',
    'outdated-plan': 'warning',
    'unused-acceptance': 'info',
    'expired-acceptance': 'warning',
    'cannot-accept': 'error',
    // Added to the contract's table: value errors the parser lets through so they get a clear message.
    'missing-unit': 'error',
    'unknown-unit': 'error',
    'unknown-value': 'error',
    'invalid-date': 'error',
    'import-not-found': 'error',
    'confusing-name': 'info',
    // Version 2: nothing lost, nothing hidden.
    'value-too-large': 'error',
    'import-not-pra': 'error',
    'internal-error': 'error',
    // Langium's own syntax and linking diagnostics.
    'parsing-error': 'error',
    'lexing-error': 'error',
    'linking-error': 'error'
} as const satisfies Record<string, Severity>;

export type PraCode = keyof typeof checkSeverities;
export const praCodes = Object.keys(checkSeverities) as PraCode[];

/**
 * Findings that say the plan cannot be read as written: they cannot be accepted (`cannot-accept`).
 * The contract's list, plus the project's own value errors of the same nature.
 */
export const structuralCodes: ReadonlySet<PraCode> = new Set<PraCode>([
    'parsing-error', 'lexing-error', 'linking-error', 'duplicate-name', 'duplicate-property', 'duplicate-element',
    'dependency-cycle', 'level-out-of-scale', 'invalid-scale', 'value-too-large', 'import-not-pra', 'internal-error',
    'missing-unit', 'unknown-unit', 'unknown-value', 'invalid-date', 'import-not-found',
    'unused-acceptance', 'expired-acceptance', 'cannot-accept'
]);

export function isPraCode(code: unknown): code is PraCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(checkSeverities, code);
}
