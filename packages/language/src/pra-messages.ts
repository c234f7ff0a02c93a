import { isPraCode, type PraCode } from './pra-codes.js';
import type { PlanLanguage, Zone } from './pra-vocabulary.js';

export type Lang = PlanLanguage;
export type MessageParams = Readonly<Record<string, string | number>>;
/** One sentence in every language the plan can be written in. */
export type Texts = Readonly<Record<Lang, string>>;

/** One catalogue of every user-facing sentence: `{name}` placeholders, English and French. */
const findings = {
    'critical-without-fallback': {
        en: '{activity} is critical but nothing covers it: no active fallback for it or for the assets it needs ({assets}), and no manual workaround.',
        fr: '{activity} est critique mais rien ne la couvre : aucun moyen de secours actif pour elle ni pour les ressources dont elle a besoin ({assets}), et aucun mode manuel.'
    },
    'uncovered-dependency': {
        en: '{activity} ({criticality}) needs {assets}, which no active fallback covers: a single point of failure.',
        fr: '{activity} ({criticality}) a besoin de {assets}, qu\'aucun moyen de secours actif ne couvre : point de défaillance unique.'
    },
    'rto-gap': {
        en: '{activity} requires RTO {required}, but {direct}; {assets}.',
        fr: '{activity} exige une DMIA (RTO) de {required}, mais {direct} ; {assets}.'
    },
    'rpo-gap': {
        en: '{activity} requires RPO {required}, but {direct}; {assets}.',
        fr: '{activity} exige une PDMA (RPO) de {required}, mais {direct} ; {assets}.'
    },
    'gap.direct.none.rto': {
        en: 'nothing recovers it directly in a stated time (no active fallback covering it with an rto, no manual workaround with \'within\')',
        fr: 'rien ne la reprend directement dans un délai indiqué (aucun secours actif qui la couvre avec un rto, aucun mode manuel avec \'within\')'
    },
    'gap.direct.none.rpo': {
        en: 'nothing bounds its data loss directly (no active fallback covering it states an rpo; a manual workaround keeps no data)',
        fr: 'rien ne borne directement sa perte de données (aucun secours actif qui la couvre n\'indique de rpo ; un mode manuel ne garde aucune donnée)'
    },
    'gap.direct.slow.rto': { en: 'its direct recovery takes {figure} ({via})', fr: 'sa reprise directe prend {figure} ({via})' },
    'gap.direct.slow.rpo': { en: 'its direct recovery can lose {figure} of data ({via})', fr: 'sa reprise directe peut perdre {figure} de données ({via})' },
    'gap.assets.none': {
        en: '{missing} has no active fallback, so its assets cannot all be brought back{slow}',
        fr: '{missing} n\'a aucun moyen de secours actif : ses ressources ne peuvent pas toutes être rétablies{slow}'
    },
    'gap.assets.rto': { en: 'bringing back its assets takes {bound}{figure}: {slow}', fr: 'rétablir ses ressources prend {bound}{figure} : {slow}' },
    'gap.assets.rpo': { en: 'its assets can lose {bound}{figure} of data: {slow}', fr: 'ses ressources peuvent perdre {bound}{figure} de données : {slow}' },
    'gap.assets.empty': { en: 'it needs no asset', fr: 'elle n\'a besoin d\'aucune ressource' },
    'gap.slowest': { en: ' (slowest: {slow})', fr: ' (les plus lentes : {slow})' },
    'gap.slow': { en: '{asset} {figure} ({via})', fr: '{asset} {figure} ({via})' },
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
    'untested-fallback.failed': {
        en: '{fallback} protects a critical activity, but its latest exercise {exercise} ({date}) was {result}: it counts as untested until an exercise passes.',
        fr: '{fallback} protège une activité critique, mais son dernier exercice {exercise} ({date}) est {result} : il compte comme non testé jusqu\'à un exercice réussi.'
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
        en: '{fallback} depends on {assets}, which it is meant to recover: {chain}.',
        fr: '{fallback} dépend de {assets}, qu\'il est censé rétablir : {chain}.'
    },
    'sla-gap': {
        en: '{activity} requires RTO {required}, but the provider SLA of {assets} is longer, and no active fallback of theirs achieves {required}.',
        fr: '{activity} exige une DMIA (RTO) de {required}, mais le SLA fournisseur de {assets} est plus long, et aucun de leurs moyens de secours actifs n\'atteint {required}.'
    },
    'no-offline-backup': {
        en: '{count|The only active backup ({backups}) is not offline or offsite: one ransomware attack or fire can destroy it with the data.|None of the {count} active backups ({backups}) is offline or offsite: one ransomware attack or fire can destroy them with the data.}',
        fr: '{count|La seule sauvegarde active ({backups}) n\'est ni offline ni offsite : un rançongiciel ou un incendie peut la détruire avec les données.|Aucune des {count} sauvegardes actives ({backups}) n\'est offline ni offsite : un rançongiciel ou un incendie peut les détruire avec les données.}'
    },
    'unquantified-fallback': {
        en: '{fallback} protects a critical activity but states no rto: how long it takes to recover is unknown.',
        fr: '{fallback} protège une activité critique mais n\'indique aucun rto : sa durée de reprise est inconnue.'
    },
    'common-mode-mitigation': {
        en: '{risk} is mitigated by {fallback}, which itself needs {targets}, a target of the risk: {chain}.',
        fr: '{risk} est atténué par {fallback}, qui dépend lui-même de {targets}, cible du risque : {chain}.'
    },
    'ineffective-mitigation': {
        en: '{risk} is mitigated by {fallback}, which covers none of its targets ({targets}) nor anything that needs them.',
        fr: '{risk} est atténué par {fallback}, qui ne couvre aucune de ses cibles ({targets}) ni rien qui en dépende.'
    },
    'mitigation-not-in-place': {
        en: '{risk} is mitigated by {fallbacks}, not in place: its residual score is not credited.',
        fr: '{risk} est atténué par {fallbacks}, non en place : son score résiduel n\'est pas retenu.'
    },
    'risk-exceeds-mtpd': {
        en: '{risk} can stop its targets for {downtime}, longer than the MTPD of {activities}, and no active mitigation recovers them.',
        fr: '{risk} peut arrêter ses cibles {downtime}, plus que la MTPD de {activities}, et aucune mesure active ne les rétablit.'
    },
    'failed-exercise': {
        en: 'The latest exercise of {element}, {exercise} ({date}), was {result}: it counts as untested until a later exercise passes.',
        fr: 'Le dernier exercice de {element}, {exercise} ({date}), est {result} : il compte comme non testé jusqu\'à un exercice réussi.'
    },
    'future-exercise': {
        en: '{exercise} is dated {date}, after the plan date {planDate}, but already has a result: record it once the exercise has taken place.',
        fr: '{exercise} est daté du {date}, après la date du plan ({planDate}), mais a déjà un résultat : notez-le une fois l\'exercice passé.'
    },
    'exercise-missed-target': {
        en: '{exercise} passed but measured more than {fallback} declares: {misses}.',
        fr: '{exercise} est réussi mais a mesuré plus que ce que {fallback} annonce : {misses}.'
    },
    'exercise-missed-target.figure': { en: '{figure} {measured} measured, {declared} declared', fr: '{figure} mesurée {measured}, annoncée {declared}' },
    'exercise-programme': {
        en: '{activity} is critical, but none of its active fallbacks ({fallbacks}) had a passed functional or full-scale exercise in the 12 months before {date}.',
        fr: '{activity} est critique, mais aucun de ses moyens de secours actifs ({fallbacks}) n\'a eu d\'exercice fonctionnel ou grandeur nature réussi dans les 12 mois avant le {date}.'
    },
    'catchup-not-after': {
        en: '{activity} names {procedure} as its catch-up, but {reasons}.',
        fr: '{activity} désigne {procedure} comme rattrapage, mais {reasons}.'
    },
    'catchup-not-after.phase': { en: 'its phase is {phase}, not after', fr: 'sa phase est {phase}, pas after' },
    'catchup-not-after.for': { en: 'it is not for {activity}', fr: 'elle n\'est pas for {activity}' },
    'duplicate-element.plan': {
        en: 'A second plan in the files this plan sees: keep one plan, and import inventories rather than other plans.',
        fr: 'Un second plan parmi les fichiers que voit ce plan : gardez un seul plan, et importez des inventaires plutôt que d\'autres plans.'
    },
    'duplicate-element.crisis': {
        en: 'A second crisis block: it is read with the first, but keep one block.',
        fr: 'Un second bloc crisis : il est lu avec le premier, mais gardez un seul bloc.'
    },
    'duplicate-element.acceptance': {
        en: 'A second acceptance block: only the first is used; keep one.',
        fr: 'Un second bloc acceptance : seul le premier est utilisé ; gardez-en un.'
    },
    'duplicate-element.scale': {
        en: 'A second {what}: only the first is used; keep one.',
        fr: 'Une seconde {what} : seule la première est utilisée ; gardez-en une.'
    },
    'outdated-plan.date': {
        en: 'The plan is dated {date}, more than 12 months before today ({today}): review it.',
        fr: 'Le plan est daté du {date}, plus de 12 mois avant aujourd\'hui ({today}) : révisez-le.'
    },
    'outdated-plan.review': {
        en: 'The review planned for {review} is past (today {today}): review the plan and set the next date.',
        fr: 'La revue prévue le {review} est passée (aujourd\'hui {today}) : révisez le plan et fixez la prochaine date.'
    },
    'unused-acceptance': {
        en: 'This accept of {code} matches no finding of {element}: remove it.',
        fr: 'Cette acceptation de {code} ne correspond à aucun constat sur {element} : supprimez-la.'
    },
    'expired-acceptance': {
        en: 'The acceptance of {code} ended on {until} (today {today}): the finding is reported again. Renew or remove it.',
        fr: 'L\'acceptation de {code} a pris fin le {until} (aujourd\'hui {today}) : le constat est de nouveau signalé. Renouvelez-la ou supprimez-la.'
    },
    'cannot-accept': {
        en: '{code} cannot be accepted: the plan cannot be read as written. Fix it instead.',
        fr: '{code} ne peut pas être accepté : le plan ne peut pas être lu tel qu\'écrit. Corrigez-le.'
    },
    'accept-unknown-code': {
        en: 'Unknown code \'{code}\' in accept: use one of {allowed}.',
        fr: 'Code inconnu \'{code}\' dans accept : utilisez l\'un de {allowed}.'
    },
    'accepted.until': { en: 'Accepted by {by} until {until}: {reason} — ', fr: 'Accepté par {by} jusqu\'au {until} : {reason} — ' },
    'accepted': { en: 'Accepted by {by}: {reason} — ', fr: 'Accepté par {by} : {reason} — ' },
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
        en: 'The {axis} scale has {count} {count|level|levels}; it needs 3 to 6, numbered from 1.',
        fr: 'L\'échelle {axis} a {count} {count|niveau|niveaux} ; il en faut de 3 à 6, numérotés à partir de 1.'
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
    'missing-percent': {
        en: 'A percentage needs its sign right after the number: {example}.',
        fr: 'Un pourcentage a besoin de son signe collé au nombre : {example}.'
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
} as const satisfies Readonly<Record<string, Texts>>;

/** The keys of the findings' messages: a code, or a code and the variant of its message (`untested-fallback.stale`). */
export type FindingTextKey = keyof typeof findings;

/** What to do about each finding: the action plan of the export and the README's table. */
const fixes: Readonly<Record<PraCode, Texts>> = {
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
    'unquantified-fallback': { en: 'State the fallback\'s rto (how long it takes to recover what it covers).', fr: 'Indiquez le rto du moyen de secours (durée de reprise de ce qu\'il couvre).' },
    'common-mode-mitigation': { en: 'Make the mitigation independent of the risk\'s targets, or keep a copy offsite or offline.', fr: 'Rendez la mesure indépendante des cibles du risque, ou gardez une copie hors site ou hors ligne.' },
    'ineffective-mitigation': { en: 'Make the fallback cover a target of the risk, or remove it from mitigated by.', fr: 'Faites couvrir une cible du risque par ce secours, ou retirez-le de mitigated by.' },
    'mitigation-not-in-place': { en: 'Put the means in place (status active) or do not count it as a mitigation yet.', fr: 'Mettez le moyen en place (status active) ou ne le comptez pas encore comme mesure.' },
    'risk-exceeds-mtpd': { en: 'Add an active mitigation that recovers the activity or the risk\'s targets within the MTPD.', fr: 'Ajoutez une mesure active qui rétablit l\'activité ou les cibles du risque dans la MTPD.' },
    'failed-exercise': { en: 'Fix what failed and run the exercise again.', fr: 'Corrigez ce qui a échoué et refaites l\'exercice.' },
    'future-exercise': { en: 'Remove the result until the exercise has taken place, or fix its date.', fr: 'Retirez le résultat jusqu\'à l\'exercice, ou corrigez sa date.' },
    'exercise-missed-target': { en: 'Improve the fallback or declare the figures the exercise measured.', fr: 'Améliorez le secours ou annoncez les valeurs mesurées.' },
    'exercise-programme': { en: 'Schedule a functional or full-scale exercise of one of the activity\'s fallbacks.', fr: 'Planifiez un exercice fonctionnel ou grandeur nature d\'un des secours de l\'activité.' },
    'catchup-not-after': { en: 'Make the catch-up procedure phase after, for the activity.', fr: 'Mettez la procédure de rattrapage en phase after, pour l\'activité.' },
    'duplicate-element': { en: 'Keep one block of each kind.', fr: 'Gardez un seul bloc de chaque sorte.' },
    'outdated-plan': { en: 'Review the plan: update its date and its next review.', fr: 'Révisez le plan : mettez à jour sa date et sa prochaine revue.' },
    'unused-acceptance': { en: 'Remove the accept line.', fr: 'Supprimez la ligne accept.' },
    'expired-acceptance': { en: 'Renew the acceptance with a new until date, or fix the finding.', fr: 'Renouvelez l\'acceptation avec une nouvelle date until, ou corrigez le constat.' },
    'cannot-accept': { en: 'Fix the finding: it cannot be accepted.', fr: 'Corrigez le constat : il ne peut pas être accepté.' },
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
const titles: Readonly<Record<PraCode, Texts>> = {
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
    'unquantified-fallback': { en: 'Fallback without recovery time', fr: 'Secours sans durée de reprise' },
    'common-mode-mitigation': { en: 'Mitigation sharing the risk\'s target', fr: 'Mesure dépendant de la cible du risque' },
    'ineffective-mitigation': { en: 'Mitigation that covers no target', fr: 'Mesure ne couvrant aucune cible' },
    'mitigation-not-in-place': { en: 'Mitigation not in place', fr: 'Mesure non en place' },
    'risk-exceeds-mtpd': { en: 'Risk downtime beyond MTPD', fr: 'Indisponibilité au-delà de la MTPD' },
    'failed-exercise': { en: 'Failed exercise', fr: 'Exercice échoué' },
    'future-exercise': { en: 'Result of a future exercise', fr: 'Résultat d\'un exercice futur' },
    'exercise-missed-target': { en: 'Exercise slower than declared', fr: 'Exercice plus lent qu\'annoncé' },
    'exercise-programme': { en: 'Critical activity never drilled', fr: 'Activité critique jamais exercée' },
    'catchup-not-after': { en: 'Catch-up procedure not after', fr: 'Rattrapage hors phase after' },
    'duplicate-element': { en: 'Duplicate block', fr: 'Bloc en double' },
    'outdated-plan': { en: 'Outdated plan', fr: 'Plan périmé' },
    'unused-acceptance': { en: 'Unused acceptance', fr: 'Acceptation inutilisée' },
    'expired-acceptance': { en: 'Expired acceptance', fr: 'Acceptation expirée' },
    'cannot-accept': { en: 'Finding that cannot be accepted', fr: 'Constat non acceptable' },
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
const words = {
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
    'and more': { en: 'and {count} more', fr: '{count|et {count} autre|et {count} autres}' },
    plan: { en: 'plan', fr: 'plan' },
    crisis: { en: 'crisis organisation', fr: 'organisation de crise' },
    scale: { en: 'scale', fr: 'échelle' },
    'at least': { en: 'at least ', fr: 'au moins ' },
    'manual workaround': { en: 'manual workaround', fr: 'mode manuel' },
    passed: { en: 'passed', fr: 'réussi' },
    partial: { en: 'partial', fr: 'partiel' },
    failed: { en: 'failed', fr: 'échoué' },
    active: { en: 'active', fr: 'actif' },
    planned: { en: 'planned', fr: 'prévu' },
    option: { en: 'option', fr: 'option' },
    rejected: { en: 'rejected', fr: 'rejeté' },
    itself: { en: '{name} itself', fr: '{name} elle-même' },
    'this file': { en: 'in this file', fr: 'dans ce fichier' },
    'in file': { en: 'in {file}', fr: 'dans {file}' }
} as const satisfies Readonly<Record<string, Texts>>;

/** A plural choice `{count|one form|other form}`: the form `Intl.PluralRules` picks for the number (French 0 and 1 are singular). */
const pluralChoice = /\{(\w+)\|((?:[^{}|]|\{\w+\})*)\|((?:[^{}|]|\{\w+\})*)\}/g;
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The form of `{count|one|other}` that fits `count` in `lang`. */
export function plural(count: number, one: string, other: string, lang: Lang): string {
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, rules = new Intl.PluralRules(lang));
    return rules.select(count) === 'one' ? one : other;
}

/**
 * Replaces `{name}` placeholders, after choosing the forms of `{name|one|other}` plural choices by the
 * number `name` in `lang` (English when no language is given); an unknown placeholder stays visible.
 */
export function fill(template: string, params: MessageParams, lang: Lang = 'en'): string {
    // Most texts (labels, column headings) have no placeholder: a large document looks up hundreds of thousands.
    if (!template.includes('{')) return template;
    const chosen = template.replace(pluralChoice, (whole, key: string, one: string, other: string) =>
        typeof params[key] === 'number' ? plural(params[key], one, other, lang) : whole);
    return chosen.replace(/\{(\w+)\}/g, (whole, key: string) => key in params ? String(params[key]) : whole);
}

/** What follows `Prefix` in the keys that start with it (`KeySuffix<'group.Role' | 'other', 'group.'>` = Role). */
export type KeySuffix<K extends string, Prefix extends string> = K extends `${Prefix}${infer Rest}` ? Rest : never;

/** A catalogue's lookup, typed by its keys: a key without its texts, or a text without a language, does not compile. */
export type TextLookup<K extends string = string> = (key: K, lang: Lang, params?: MessageParams) => string;

/** Every catalogue made into a lookup, by the name it was given: the texts test walks them all. */
const catalogues = new Map<string, Readonly<Record<string, Texts>>>();

export function textCatalogues(): ReadonlyMap<string, Readonly<Record<string, Texts>>> {
    return catalogues;
}

/** A catalogue's lookup: the sentence of `key` in `lang` with its placeholders filled. */
export function textLookup<K extends string>(
    catalogue: Readonly<Record<K, Texts>>, name = `catalogue ${catalogues.size + 1}`
): TextLookup<K> {
    catalogues.set(name, catalogue);
    return (key, lang, params = {}) => {
        const entry: Texts | undefined = catalogue[key];
        return entry ? fill(entry[lang], params, lang) : key;
    };
}

/** Whether `key` has texts in `catalogue`: for values read from a plan, which may have none. */
export function isTextKey<K extends string>(catalogue: Readonly<Record<K, Texts>>, key: string): key is K {
    return Object.hasOwn(catalogue, key);
}

export const message: TextLookup<FindingTextKey> = textLookup(findings, 'findings');

export function fixOf(code: PraCode | string, lang: Lang): string {
    return isPraCode(code) ? fixes[code][lang] : '';
}

export function titleOf(code: PraCode | string, lang: Lang): string {
    return isPraCode(code) ? titles[code][lang] : code;
}

/**
 * A word of the catalogue, or a value of the plan translated when the catalogue has it (`critical` →
 * critique) and else given as written: callers pass values read from the plan, so the key is any text.
 */
export const word: TextLookup = textLookup<string>(words, 'words');

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
        parts.push(`${count} ${lang === 'fr' ? plural(count, un, plusieurs, lang) : plural(count, one, many, lang)}`);
    }
    return parts.join(' ');
}

/** The code a message key belongs to: `untested-fallback.stale` → untested-fallback. */
type CodeOfKey<K extends string> = K extends `${infer Code}.${string}` ? Code : K;
/** Codes with no message in the catalogue, but those whose messages the parser, lexer and linker build. */
type CodesWithoutMessage = Exclude<PraCode, CodeOfKey<FindingTextKey> | 'parsing-error' | 'lexing-error' | 'linking-error'>;
/** Compiles only when every code has a message: a new code without one names itself in the error. */
function everyCodeHasAMessage(_: [CodesWithoutMessage] extends [never] ? true : CodesWithoutMessage): void { /* a check of the types */ }
everyCodeHasAMessage(true);
