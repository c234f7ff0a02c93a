import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { durationToMinutes } from './pra-vocabulary.js';

/**
 * Turns duration literals into minutes and ISO dates into Date values, once, at parse time.
 * Numbers come out finite: a literal too long for a double (`1` and 400 zeros) becomes the largest
 * double, so `value-too-large` reports it (see pra-limits.ts) and no Infinity is ever computed with.
 * Names are NFC-normalised: the ID terminal also accepts combining accents (U+0300–U+036F), so a
 * name typed with a decomposed "é" (e + U+0301) is the same name as with the composed one, and the
 * text itself is left as typed, so that every position stays exact.
 * Strings are unquoted in one operation: Langium's converter appends character by character, which
 * leaves every string value a rope of one V8 object per character (≈ 25 MB at 20,000 activities).
 */
export class PraValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'DurationMinutes') {
            return finite(durationToMinutes(input));
        }
        if (rule.name === 'DateValue') {
            return parseIsoDate(input);
        }
        if (rule.name === 'ID') {
            return input.normalize('NFC');
        }
        if (rule.name === 'STRING') {
            return unquote(input);
        }
        const value = super.runConverter(rule, input, cstNode);
        return typeof value === 'number' ? finite(value) : value;
    }
}

const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

/** The value of a STRING token, as Langium's ValueConverter.convertString gives it, as one flat string. */
export function unquote(input: string): string {
    const inner = input.slice(1, -1);
    return inner.includes('\\') ? inner.replace(/\\(.)/gs, (_, c: string) => escapes[c] ?? c) : inner;
}

/** NaN stays NaN (an unknown unit); an overflow becomes the largest finite number. */
function finite(value: number): number {
    return value === Infinity ? Number.MAX_VALUE : value;
}

/** A calendar date at UTC midnight; an Invalid Date for impossible days such as 2026-02-30. */
export function parseIsoDate(text: string): Date {
    const date = new Date(`${text}T00:00:00Z`);
    return !isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : new Date(NaN);
}
