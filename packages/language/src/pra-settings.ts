import type { Lang } from './pra-messages.js';

/**
 * The language of messages and documents: the plan's own `language` unless overridden
 * (CLI `--lang`, editor setting `pra.language`); and the day findings are judged on.
 */
export class PraSettings {
    languageOverride: Lang | undefined;
    /** "Today" for `outdated-plan` and `expired-acceptance` (CLI `--today`); the real date when unset. */
    today: string | undefined;

    languageFor(planLanguage: string | undefined): Lang {
        if (this.languageOverride) return this.languageOverride;
        return planLanguage === 'fr' ? 'fr' : 'en';
    }

    todayDate(): string {
        return this.today ?? new Date().toISOString().slice(0, 10);
    }
}
