import { AstUtils, DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import type { PraDocumentLanguage } from './pra-document-language.js';
import { isTextKey, textLookup, type Lang, type Texts } from './pra-messages.js';
import type { PraServices } from './pra-module.js';

/** "No <kind> named", by the type the grammar expects, in both languages (French agrees in gender). */
const texts = {
    'none.Role': { en: 'No role named', fr: 'Aucun rôle nommé' },
    'none.Asset': { en: 'No asset named', fr: 'Aucune ressource nommée' },
    'none.Activity': { en: 'No activity named', fr: 'Aucune activité nommée' },
    'none.Risk': { en: 'No risk named', fr: 'Aucun risque nommé' },
    'none.Fallback': { en: 'No fallback named', fr: 'Aucun moyen de secours nommé' },
    'none.Procedure': { en: 'No procedure named', fr: 'Aucune procédure nommée' },
    'none.Coverable': { en: 'No asset or activity named', fr: 'Aucune ressource ni activité nommée' },
    'none.ProcedureTarget': {
        en: 'No activity, asset, risk or fallback named',
        fr: 'Aucun élément (activité, ressource, risque, moyen de secours) nommé'
    },
    'none.ExerciseTarget': { en: 'No fallback or procedure named', fr: 'Aucun moyen de secours ni procédure nommé' },
    'none.Dependable': { en: 'No asset or fallback named', fr: 'Aucune ressource ni moyen de secours nommé' },
    'none.other': { en: 'No {type} named', fr: 'Aucun élément {type} nommé' },
    unresolved: {
        en: '{none} \'{name}\' in what this file sees: declare it, import the file that declares it, or fix the name.',
        fr: '{none} \'{name}\' dans ce que ce fichier voit : déclarez-le, importez le fichier qui le déclare, ou corrigez le nom.'
    }
} as const satisfies Readonly<Record<string, Texts>>;
const linkerText = textLookup(texts, 'linker');

/** The message of an unresolved reference, in the plan's language. */
export function linkingMessage(referenceType: string, name: string, lang: Lang): string {
    const key = `none.${referenceType}`;
    const none = isTextKey(texts, key) ? linkerText(key, lang) : linkerText('none.other', lang, { type: referenceType });
    return linkerText('unresolved', lang, { none, name });
}

/** Langium's linker, with its message for an unresolved name in the plan's language. */
export class PraLinker extends DefaultLinker {
    private readonly language: PraDocumentLanguage;

    constructor(services: PraServices) {
        super(services);
        this.language = services.PraDocumentLanguage;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const uri = AstUtils.getDocument(refInfo.container).uri.toString();
        const referenceType = this.reflection.getReferenceType(refInfo);
        return { ...error, message: linkingMessage(referenceType, refInfo.reference.$refText, this.language.of(uri)) };
    }
}
