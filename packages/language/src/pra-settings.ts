import type { Lang } from './pra-messages.js';

/**
 * The language of messages and documents: the plan's own `language` unless overridden
 * (CLI `--lang`, editor setting `pra.language`); and the day findings are judged on.
 */
export class PraSettings {
    languageOverride: Lang | undefined;
    /** "Today" for `outdated-plan` and `expired-acceptance` (CLI `--today`); the real date when unset. */
    today: string | undefined;
    /** While a text is lexed and parsed: the `language` it declares (read before parsing). */
    textLanguage: Lang | undefined;

    languageFor(planLanguage: string | undefined): Lang {
        if (this.languageOverride) return this.languageOverride;
        return planLanguage === 'fr' ? 'fr' : 'en';
    }

    /** The language of lexer and parser messages: the override, else the text's own `language`. */
    parsingLanguage(): Lang {
        return this.languageOverride ?? this.textLanguage ?? 'en';
    }

    todayDate(): string {
        return this.today ?? new Date().toISOString().slice(0, 10);
    }
}

/**
 * The `language` a text declares, read cheaply without parsing (comments skipped): what lexer,
 * parser and linker messages are written in before the plan's model exists.
 */
export function languageWritten(text: string): Lang | undefined {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
    const match = /(?:^|[\s{;])language[ \t]+(fr|en)\b/.exec(code);
    return match ? match[1] as Lang : undefined;
}
