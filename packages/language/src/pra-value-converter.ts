import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { durationToMinutes } from './pra-vocabulary.js';

/** Turns duration literals into minutes and ISO dates into Date values, once, at parse time. */
export class PraValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'DurationMinutes') {
            return durationToMinutes(input);
        }
        if (rule.name === 'DateValue') {
            return parseIsoDate(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}

/** A calendar date at UTC midnight; an Invalid Date for impossible days such as 2026-02-30. */
export function parseIsoDate(text: string): Date {
    const date = new Date(`${text}T00:00:00Z`);
    return !isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : new Date(NaN);
}
