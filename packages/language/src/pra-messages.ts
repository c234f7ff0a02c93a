import type { PraCode } from './pra-codes.js';
import type { PlanLanguage, Zone } from './pra-vocabulary.js';

export type Lang = PlanLanguage;
export type MessageParams = Readonly<Record<string, string | number>>;
/** One sentence in every language the plan can be written in. */
export type Texts = Readonly<Record<Lang, string>>;

/** One catalogue of every user-facing sentence: `{name}` placeholders, English and French. */
const findings: Readonly<Record<string, Texts>> = {
    'critical-without-fallback': {
        en: '{activity} is critical but nothing covers it: no fallback for it or for the assets it uses ({assets}), and no manual workaround.',
        fr: '{activity} est critique mais rien ne la couvre : aucun moyen de secours pour elle ni pour les ressources qu\'elle utilise ({assets}), et aucun mode manuel.'
    },
    'uncovered-dependency': {
        en: '{activity} ({criticality}) depends on {assets}, which no fallback covers: a single point of failure.',
        fr: '{activity} ({criticality}) dépend de {assets}, qu\'aucun moyen de secours ne couvre : point de défaillance unique.'
    },
    'rto-gap': {
        en: '{activity} requires RTO {required} but the best recovery of {target} is {achieved} ({via}).',
        fr: '{activity} exige une DMIA (RTO) de {required} mais la meilleure reprise de {target} est de {achieved} ({via}).'
    },
    'rpo-gap': {
        en: '{activity} requires RPO {required} but {target} can lose up to {achieved} of data ({via}).',
        fr: '{activity} exige une PDMA (RPO) de {required} mais {target} peut perdre jusqu\'à {achieved} de données ({via}).'
    },
    'rto-exceeds-mtpd': {
        en: '{activity}: RTO {rto} is longer than its MTPD {mtpd}; restart must come before the interruption becomes unbearable.',
        fr: '{activity} : la DMIA (RTO) de {rto} dépasse la durée maximale d\'interruption supportable (MTPD) de {mtpd}.'
    },
    'missing-requirement': {
        en: '{activity} is {criticality} but has no {missing}.',
        fr: '{activity} est {criticality} mais n\'a pas de {missing}.'
    },
    'unmitigated-risk': {
        en: '{risk} scores {score} ({zone}) and has no \'mitigated by\'.',
        fr: '{risk} a un score de {score} ({zone}) et aucun \'mitigated by\'.'
    },
    'residual-not-lower': {
        en: '{risk}: residual score {residual} is not lower than its score {score}.',
        fr: '{risk} : le score résiduel {residual} n\'est pas inférieur au score initial {score}.'
    },
    'untested-fallback.missing': {
        en: '{fallback} protects a critical activity but has no \'tested\' date.',
        fr: '{fallback} protège une activité critique mais n\'a pas de date \'tested\'.'
    },
    'untested-fallback.stale': {
        en: '{fallback} was last tested on {tested}, more than 12 months before the plan date {date}.',
        fr: '{fallback} a été testé pour la dernière fois le {tested}, plus de 12 mois avant la date du plan ({date}).'
    },
    'manual-without-catchup': {
        en: '{activity} has a manual workaround but no \'catchup\' procedure to re-enter the work done by hand.',
        fr: '{activity} a un mode manuel mais aucune procédure \'catchup\' pour ressaisir le travail fait à la main.'
    },
    'no-crisis-organisation.missing': {
        en: 'The plan has no crisis block: say who raises the alert, who activates the plan and who pilots the recovery.',
        fr: 'Le plan n\'a pas de bloc crisis : indiquez qui donne l\'alerte, qui active le plan et qui pilote la reprise.'
    },
    'no-crisis-organisation.parts': {
        en: 'The crisis organisation lacks {parts}.',
        fr: 'L\'organisation de crise n\'a pas de {parts}.'
    },
    'no-deputy': {
        en: '{role} ({functions}) has no deputy: nobody takes over if {role} is unavailable.',
        fr: '{role} ({functions}) n\'a pas de suppléant (deputy) : personne ne prend le relais si {role} est indisponible.'
    },
    'unreachable-contact': {
        en: '{role} ({functions}) has no phone number.',
        fr: '{role} ({functions}) n\'a pas de numéro de téléphone.'
    },
    'no-crisis-communication': {
        en: 'No fallback of type communication addresses clients or staff.',
        fr: 'Aucun moyen de secours de type communication ne s\'adresse aux clients ou au personnel.'
    },
    'self-dependent-fallback': {
        en: '{fallback} depends on {assets}, which it is meant to recover.',
        fr: '{fallback} dépend de {assets}, qu\'il est censé rétablir.'
    },
    'sla-gap': {
        en: '{activity} requires RTO {required} but the provider SLA of {asset} is {sla}, and no fallback covering {asset} achieves {required}.',
        fr: '{activity} exige une DMIA (RTO) de {required} mais le SLA du fournisseur de {asset} est de {sla}, et aucun moyen de secours de {asset} n\'atteint {required}.'
    },
    'no-offline-backup': {
        en: 'None of the {count} backups is offline or offsite: one ransomware attack or fire can destroy them with the data.',
        fr: 'Aucune des {count} sauvegardes n\'est offline ni offsite : un rançongiciel ou un incendie peut les détruire avec les données.'
    },
    'procedure-exceeds-rto': {
        en: 'The steps of {procedure} take {total}, more than the RTO {rto} of {activity}.',
        fr: 'Les étapes de {procedure} durent {total}, plus que la DMIA (RTO) de {rto} de {activity}.'
    },
    'dependency-cycle': {
        en: 'Dependency cycle: {cycle}.',
        fr: 'Dépendance circulaire : {cycle}.'
    },
    'level-out-of-scale': {
        en: '{what} {level} is outside the {axis} scale (1 to {max}).',
        fr: '{what} {level} est hors de l\'échelle {axis} (1 à {max}).'
    },
    'invalid-scale.count': {
        en: 'The {axis} scale has {count} levels; it needs 3 to 6, numbered from 1.',
        fr: 'L\'échelle {axis} a {count} niveaux ; il en faut de 3 à 6, numérotés à partir de 1.'
    },
    'invalid-scale.duplicate': {
        en: 'Level {level} appears twice in the {axis} scale.',
        fr: 'Le niveau {level} apparaît deux fois dans l\'échelle {axis}.'
    },
    'invalid-scale.gap': {
        en: 'The {axis} scale must number its levels 1, 2, 3… without gaps: level {level} is missing.',
        fr: 'L\'échelle {axis} doit numéroter ses niveaux 1, 2, 3… sans trou : le niveau {level} manque.'
    },
    'duplicate-name': {
        en: 'Another {kind} is already named {name} ({where}).',
        fr: 'Un autre élément {kind} s\'appelle déjà {name} ({where}).'
    },
    'duplicate-property': {
        en: '\'{property}\' is given twice in {element}; keep one.',
        fr: '\'{property}\' est donné deux fois dans {element} ; n\'en gardez qu\'un.'
    },
    'unused-asset': {
        en: '{asset} is not used by any activity, fallback or risk.',
        fr: '{asset} n\'est utilisé par aucune activité, aucun moyen de secours ni aucun risque.'
    },
    'stale-plan': {
        en: 'The next review ({review}) is before the plan\'s date ({date}): schedule a new review.',
        fr: 'La prochaine revue ({review}) est antérieure à la date du plan ({date}) : planifiez une nouvelle revue.'
    },
    'missing-unit': {
        en: 'A duration needs a unit: add one, e.g. {example} (min, h, d or w).',
        fr: 'Une durée a besoin d\'une unité : ajoutez-la, par ex. {example} (min, h, d ou w).'
    },
    'unknown-unit': {
        en: 'Unknown unit \'{unit}\' in {text}: use min, h, d (days) or w (weeks), e.g. {example}.',
        fr: 'Unité inconnue \'{unit}\' dans {text} : utilisez min, h, d (jours) ou w (semaines), par ex. {example}.'
    },
    'unknown-value': {
        en: 'Unknown {what} \'{value}\': use one of {allowed}.',
        fr: '{what} inconnu \'{value}\' : utilisez l\'une des valeurs {allowed}.'
    },
    'invalid-date': {
        en: '{text} is not a calendar date: write YYYY-MM-DD.',
        fr: '{text} n\'est pas une date du calendrier : écrivez AAAA-MM-JJ.'
    },
    'multiple-plans': {
        en: 'Only one plan per file: this file already has plan "{title}". Move this one to its own file.',
        fr: 'Un seul plan par fichier : ce fichier contient déjà le plan "{title}". Placez celui-ci dans son propre fichier.'
    },
    'import-not-found': {
        en: 'Cannot find the imported file {path} (looked for {resolved}).',
        fr: 'Fichier importé introuvable : {path} (cherché : {resolved}).'
    },
    'value-too-large': {
        en: '{text} is too large for {what}: the most is {max}. Write a realistic figure.',
        fr: '{text} est trop grand pour {what} : le maximum est {max}. Indiquez un chiffre réaliste.'
    },
    'import-not-pra.extension': {
        en: 'Only .pra files can be imported: {path} does not end in .pra (lower case); it was not read.',
        fr: 'Seuls les fichiers .pra peuvent être importés : {path} ne se termine pas par .pra (en minuscules) ; il n\'a pas été lu.'
    },
    'import-not-pra.folder': {
        en: 'The imported path {path} is a folder, not a .pra file.',
        fr: 'Le chemin importé {path} est un dossier, pas un fichier .pra.'
    },
    'import-not-pra.special': {
        en: 'The imported path {path} is not a regular file (a device, a pipe or a socket); it was not read.',
        fr: 'Le chemin importé {path} n\'est pas un fichier ordinaire (périphérique, tube ou socket) ; il n\'a pas été lu.'
    },
    'import-not-pra.large': {
        en: 'The imported file {path} is larger than 10 MB; it was not read.',
        fr: 'Le fichier importé {path} dépasse 10 Mo ; il n\'a pas été lu.'
    },
    'import-not-pra.encoding': {
        en: 'The imported file {path} is not UTF-8 text; save it as UTF-8.',
        fr: 'Le fichier importé {path} n\'est pas du texte UTF-8 ; enregistrez-le en UTF-8.'
    },
    'internal-error': {
        en: 'The checks could not run to the end on this file: {error}. Please report it with this file.',
        fr: 'Les contrôles n\'ont pas pu aller au bout sur ce fichier : {error}. Merci de le signaler avec ce fichier.'
    },
    'confusing-name': {
        en: '{name} names elements of two kinds ({kind} and {other}): allowed, but readers may confuse them.',
        fr: '{name} désigne à la fois un élément {kind} et un élément {other} : permis, mais source de confusion.'
    }
};

/** What to do about each finding: the action plan of the export and the README's table. */
const fixes: Readonly<Record<string, Texts>> = {
    'critical-without-fallback': { en: 'Add a fallback that covers the activity or its assets, or a manual workaround.', fr: 'Ajoutez un moyen de secours couvrant l\'activité ou ses ressources, ou un mode manuel.' },
    'uncovered-dependency': { en: 'Add a fallback whose covers names the asset.', fr: 'Ajoutez un moyen de secours dont covers nomme la ressource.' },
    'rto-gap': { en: 'Choose a faster recovery option (lower rto) or accept a longer RTO for the activity.', fr: 'Choisissez une solution de reprise plus rapide ou acceptez une DMIA plus longue.' },
    'rpo-gap': { en: 'Back up more often (lower rpo) or accept a larger data loss for the activity.', fr: 'Sauvegardez plus souvent ou acceptez une perte de données plus grande.' },
    'rto-exceeds-mtpd': { en: 'Lower the rto below the mtpd, or revise the mtpd.', fr: 'Ramenez la DMIA sous la MTPD, ou révisez la MTPD.' },
    'missing-requirement': { en: 'State rto, rpo and owner for every critical or high activity.', fr: 'Indiquez rto, rpo et owner pour chaque activité critique ou haute.' },
    'unmitigated-risk': { en: 'Add mitigated by with the fallbacks that reduce the risk.', fr: 'Ajoutez mitigated by avec les moyens de secours qui réduisent le risque.' },
    'residual-not-lower': { en: 'Review the mitigations or the residual levels.', fr: 'Revoyez les mesures ou les niveaux résiduels.' },
    'untested-fallback': { en: 'Test the fallback and record the date with tested.', fr: 'Testez le moyen de secours et notez la date avec tested.' },
    'manual-without-catchup': { en: 'Write the catch-up procedure and link it with catchup.', fr: 'Rédigez la procédure de rattrapage et liez-la avec catchup.' },
    'no-crisis-organisation': { en: 'Write a crisis block with alert, activation and pilot.', fr: 'Rédigez un bloc crisis avec alert, activation et pilot.' },
    'no-deputy': { en: 'Name a deputy for the role.', fr: 'Désignez un suppléant (deputy) pour le rôle.' },
    'unreachable-contact': { en: 'Add the role\'s phone number.', fr: 'Ajoutez le téléphone du rôle.' },
    'no-crisis-communication': { en: 'Add a communication fallback with audience clients and staff.', fr: 'Ajoutez un moyen de communication de crise vers clients et personnel.' },
    'self-dependent-fallback': { en: 'Keep the fallback on a different asset than the one it recovers.', fr: 'Placez le moyen de secours ailleurs que sur la ressource qu\'il rétablit.' },
    'sla-gap': { en: 'Negotiate a shorter SLA or add a fallback that achieves the RTO.', fr: 'Négociez un SLA plus court ou ajoutez un secours qui tient la DMIA.' },
    'no-offline-backup': { en: 'Keep at least one backup offline or offsite.', fr: 'Gardez au moins une sauvegarde hors ligne ou hors site.' },
    'procedure-exceeds-rto': { en: 'Shorten the steps or revise the activity\'s RTO.', fr: 'Raccourcissez les étapes ou révisez la DMIA de l\'activité.' },
    'dependency-cycle': { en: 'Break the cycle: one of these assets cannot need the others.', fr: 'Cassez le cycle : l\'une de ces ressources ne peut dépendre des autres.' },
    'level-out-of-scale': { en: 'Use a level of the plan\'s scale.', fr: 'Utilisez un niveau de l\'échelle du plan.' },
    'invalid-scale': { en: 'Number the levels 1 to N (3 ≤ N ≤ 6), each once.', fr: 'Numérotez les niveaux de 1 à N (3 ≤ N ≤ 6), une fois chacun.' },
    'duplicate-name': { en: 'Rename one of the elements.', fr: 'Renommez l\'un des éléments.' },
    'duplicate-property': { en: 'Remove the repeated property.', fr: 'Supprimez la propriété répétée.' },
    'unused-asset': { en: 'Link the asset to an activity (uses) or remove it.', fr: 'Reliez la ressource à une activité (uses) ou supprimez-la.' },
    'stale-plan': { en: 'Set a review date after the plan date.', fr: 'Fixez une date de revue postérieure à la date du plan.' },
    'missing-unit': { en: 'Write the unit right after the number: 4h.', fr: 'Écrivez l\'unité collée au nombre : 4h.' },
    'unknown-unit': { en: 'Use min, h, d or w.', fr: 'Utilisez min, h, d ou w.' },
    'unknown-value': { en: 'Use one of the listed values.', fr: 'Utilisez l\'une des valeurs proposées.' },
    'invalid-date': { en: 'Write an existing date as YYYY-MM-DD.', fr: 'Écrivez une date existante au format AAAA-MM-JJ.' },
    'multiple-plans': { en: 'Keep one plan per file.', fr: 'Un seul plan par fichier.' },
    'import-not-found': { en: 'Fix the path (relative to this file).', fr: 'Corrigez le chemin (relatif à ce fichier).' },
    'confusing-name': { en: 'Consider distinct names.', fr: 'Préférez des noms distincts.' },
    'value-too-large': { en: 'Write a figure within the limits: at most 100 years, 10^12 for an amount, 100 for a level or a count.', fr: 'Indiquez un chiffre dans les limites : au plus 100 ans, 10^12 pour un montant, 100 pour un niveau ou un nombre.' },
    'import-not-pra': { en: 'Import only regular .pra files of at most 10 MB, in UTF-8.', fr: 'N\'importez que des fichiers .pra ordinaires de 10 Mo au plus, en UTF-8.' },
    'internal-error': { en: 'Report the problem with the file; meanwhile the file counts as not checked.', fr: 'Signalez le problème avec le fichier ; en attendant, le fichier compte comme non vérifié.' },
    'parsing-error': { en: 'Fix the syntax as the message says.', fr: 'Corrigez la syntaxe comme indiqué.' },
    'lexing-error': { en: 'Remove or quote the unexpected characters.', fr: 'Supprimez ou mettez entre guillemets les caractères inattendus.' },
    'linking-error': { en: 'Declare the missing element or fix the name.', fr: 'Déclarez l\'élément manquant ou corrigez le nom.' }
};

/** Short names of the rules, for SARIF rule descriptions and reports. */
const titles: Readonly<Record<string, Texts>> = {
    'critical-without-fallback': { en: 'Critical activity without any fallback', fr: 'Activité critique sans secours' },
    'uncovered-dependency': { en: 'Dependency that no fallback covers', fr: 'Dépendance non couverte' },
    'rto-gap': { en: 'Recovery slower than the required RTO', fr: 'Reprise plus lente que la DMIA' },
    'rpo-gap': { en: 'Data loss larger than the required RPO', fr: 'Perte de données au-delà de la PDMA' },
    'rto-exceeds-mtpd': { en: 'RTO longer than MTPD', fr: 'DMIA supérieure à la MTPD' },
    'missing-requirement': { en: 'Missing continuity requirement', fr: 'Exigence de continuité manquante' },
    'unmitigated-risk': { en: 'Unacceptable risk without mitigation', fr: 'Risque élevé sans mesure' },
    'residual-not-lower': { en: 'Residual risk not lower', fr: 'Risque résiduel non réduit' },
    'untested-fallback': { en: 'Fallback not tested within 12 months', fr: 'Secours non testé depuis 12 mois' },
    'manual-without-catchup': { en: 'Manual workaround without catch-up', fr: 'Mode manuel sans rattrapage' },
    'no-crisis-organisation': { en: 'Incomplete crisis organisation', fr: 'Organisation de crise incomplète' },
    'no-deputy': { en: 'Crisis role without deputy', fr: 'Rôle de crise sans suppléant' },
    'unreachable-contact': { en: 'Crisis contact without phone', fr: 'Contact de crise sans téléphone' },
    'no-crisis-communication': { en: 'No crisis communication', fr: 'Pas de communication de crise' },
    'self-dependent-fallback': { en: 'Fallback depending on what it recovers', fr: 'Secours dépendant de ce qu\'il rétablit' },
    'sla-gap': { en: 'Provider SLA longer than RTO', fr: 'SLA fournisseur supérieur à la DMIA' },
    'no-offline-backup': { en: 'No offline or offsite backup', fr: 'Aucune sauvegarde hors ligne ou hors site' },
    'procedure-exceeds-rto': { en: 'Procedure longer than RTO', fr: 'Procédure plus longue que la DMIA' },
    'dependency-cycle': { en: 'Dependency cycle', fr: 'Dépendance circulaire' },
    'level-out-of-scale': { en: 'Level outside the scale', fr: 'Niveau hors échelle' },
    'invalid-scale': { en: 'Invalid scale', fr: 'Échelle invalide' },
    'duplicate-name': { en: 'Duplicate name', fr: 'Nom en double' },
    'duplicate-property': { en: 'Duplicate property', fr: 'Propriété en double' },
    'unused-asset': { en: 'Unused asset', fr: 'Ressource inutilisée' },
    'stale-plan': { en: 'Review date before plan date', fr: 'Revue antérieure à la date du plan' },
    'missing-unit': { en: 'Duration without unit', fr: 'Durée sans unité' },
    'unknown-unit': { en: 'Unknown duration unit', fr: 'Unité de durée inconnue' },
    'unknown-value': { en: 'Unknown value', fr: 'Valeur inconnue' },
    'invalid-date': { en: 'Invalid date', fr: 'Date invalide' },
    'multiple-plans': { en: 'More than one plan in a file', fr: 'Plusieurs plans dans un fichier' },
    'import-not-found': { en: 'Imported file not found', fr: 'Fichier importé introuvable' },
    'confusing-name': { en: 'Same name for two kinds', fr: 'Même nom pour deux genres' },
    'value-too-large': { en: 'Value too large', fr: 'Valeur trop grande' },
    'import-not-pra': { en: 'Import of something else than a .pra file', fr: 'Import d\'autre chose qu\'un fichier .pra' },
    'internal-error': { en: 'Checks could not run to the end', fr: 'Contrôles interrompus' },
    'parsing-error': { en: 'Syntax error', fr: 'Erreur de syntaxe' },
    'lexing-error': { en: 'Unexpected character', fr: 'Caractère inattendu' },
    'linking-error': { en: 'Unknown reference', fr: 'Référence inconnue' }
};

/** Words used inside messages: zones, criticalities, element kinds, property names. */
const words: Readonly<Record<string, Texts>> = {
    acceptable: { en: 'acceptable', fr: 'faible' },
    tolerable: { en: 'tolerable', fr: 'moyen' },
    unacceptable: { en: 'unacceptable', fr: 'élevé' },
    critical: { en: 'critical', fr: 'critique' },
    high: { en: 'high', fr: 'haute' },
    medium: { en: 'medium', fr: 'moyenne' },
    low: { en: 'low', fr: 'faible' },
    role: { en: 'role', fr: 'rôle' },
    asset: { en: 'asset', fr: 'ressource' },
    activity: { en: 'activity', fr: 'activité' },
    risk: { en: 'risk', fr: 'risque' },
    fallback: { en: 'fallback', fr: 'moyen de secours' },
    procedure: { en: 'procedure', fr: 'procédure' },
    exercise: { en: 'exercise', fr: 'exercice' },
    likelihood: { en: 'likelihood', fr: 'vraisemblance' },
    impact: { en: 'impact', fr: 'gravité' },
    level: { en: 'level', fr: 'niveau' },
    duration: { en: 'a duration', fr: 'une durée' },
    amount: { en: 'an amount', fr: 'un montant' },
    count: { en: 'a count', fr: 'un nombre' },
    'hundred years': { en: '100 years', fr: '100 ans' },
    more: { en: '… {count} more', fr: '… {count} de plus' },
    alert: { en: 'alert', fr: 'alerte' },
    activation: { en: 'activation', fr: 'activation' },
    pilot: { en: 'pilot', fr: 'pilotage' },
    team: { en: 'crisis team', fr: 'cellule de crise' },
    and: { en: 'and', fr: 'et' },
    itself: { en: '{name} itself', fr: '{name} elle-même' },
    'this file': { en: 'in this file', fr: 'dans ce fichier' },
    'in file': { en: 'in {file}', fr: 'dans {file}' }
};

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: MessageParams): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => key in params ? String(params[key]) : whole);
}

export type TextLookup = (key: string, lang: Lang, params?: MessageParams) => string;

/** A catalogue's lookup: the sentence of `key` in `lang` with its placeholders filled; the key itself when missing. */
export function textLookup(catalogue: Readonly<Record<string, Texts>>): TextLookup {
    return (key, lang, params = {}) => {
        const entry = catalogue[key];
        return entry ? fill(entry[lang], params) : key;
    };
}

export const message: TextLookup = textLookup(findings);

export function fixOf(code: PraCode | string, lang: Lang): string {
    return fixes[code]?.[lang] ?? '';
}

export function titleOf(code: PraCode | string, lang: Lang): string {
    return titles[code]?.[lang] ?? code;
}

export const word: TextLookup = textLookup(words);

export function zoneWord(zone: Zone, lang: Lang): string {
    return word(zone, lang);
}

/** "A, B and C" in the plan's language. */
export function listWords(items: readonly string[], lang: Lang): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${word('and', lang)} ${items[items.length - 1]}`;
}

const defaultScaleLabels: Readonly<Record<'likelihood' | 'impact', Readonly<Record<Lang, readonly string[]>>>> = {
    likelihood: {
        en: ['Unlikely', 'Likely', 'Very likely', 'Almost certain'],
        fr: ['Peu vraisemblable', 'Vraisemblable', 'Très vraisemblable', 'Quasi certain']
    },
    impact: {
        en: ['Minor', 'Significant', 'Serious', 'Critical'],
        fr: ['Mineure', 'Significative', 'Grave', 'Critique']
    }
};

export function defaultScaleLabel(axis: 'likelihood' | 'impact', level: number, lang: Lang): string | undefined {
    return defaultScaleLabels[axis][lang][level - 1];
}

/** A duration as people write it: "15 min", "4 h", "1 h 45 min", "3 d" / "3 j". */
export function formatDuration(minutes: number, lang: Lang): string {
    const number = (n: number): string => {
        const rounded = Math.round(n * 10) / 10;
        return lang === 'fr' ? String(rounded).replace('.', ',') : String(rounded);
    };
    if (minutes < 60) return `${number(minutes)} min`;
    if (minutes <= 72 * 60 || minutes % 1440 !== 0) {
        const hours = Math.floor(minutes / 60);
        const rest = Math.round(minutes - hours * 60);
        return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
    }
    return `${number(minutes / 1440)} ${lang === 'fr' ? 'j' : 'd'}`;
}

/** A duration in words, for hovers: "1 hour 30 minutes" / "1 heure 30 minutes". */
export function durationInWords(minutes: number, lang: Lang): string {
    const units: Array<[number, string, string, string, string]> = [
        [10080, 'week', 'weeks', 'semaine', 'semaines'],
        [1440, 'day', 'days', 'jour', 'jours'],
        [60, 'hour', 'hours', 'heure', 'heures'],
        [1, 'minute', 'minutes', 'minute', 'minutes']
    ];
    if (minutes === 0) return lang === 'fr' ? '0 minute' : '0 minutes';
    const parts: string[] = [];
    let rest = Math.round(minutes);
    for (const [size, one, many, un, plusieurs] of units) {
        const count = Math.floor(rest / size);
        if (count === 0) continue;
        rest -= count * size;
        parts.push(`${count} ${lang === 'fr' ? (count > 1 ? plusieurs : un) : (count > 1 ? many : one)}`);
    }
    return parts.join(' ');
}
