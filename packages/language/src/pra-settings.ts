import type { Lang } from './pra-messages.js';

/**
 * The language of messages and documents: the plan's own `language` unless overridden
 * (CLI `--lang`, editor setting `pra.language`).
 */
export class PraSettings {
    languageOverride: Lang | undefined;

    languageFor(planLanguage: string | undefined): Lang {
        if (this.languageOverride) return this.languageOverride;
        return planLanguage === 'fr' ? 'fr' : 'en';
    }
}
