import { textLookup, type TextLookup, type Texts } from '../pra-messages.js';

/** Every sentence the editor shows (hovers, hints, quick fixes, rename), in English and French. */
const texts = {
    // Definitions shown when hovering the keywords.
    'define.rto': {
        en: '**RTO — Recovery Time Objective** (French: *DMIA, durée maximale d\'interruption admissible*). On an activity: the longest time it may stay stopped before it must run again. On a fallback: the time it actually needs to recover what it covers.',
        fr: '**DMIA — durée maximale d\'interruption admissible** (anglais : *RTO, Recovery Time Objective*). Sur une activité : le temps maximal pendant lequel elle peut rester arrêtée avant de devoir redémarrer. Sur un moyen de secours : le temps qu\'il lui faut réellement pour rétablir ce qu\'il couvre.'
    },
    'define.rpo': {
        en: '**RPO — Recovery Point Objective** (French: *PDMA, perte de données maximale admissible*). On an activity: the largest amount of recent data it may lose, as a duration. On a fallback: the data lost at worst (e.g. the interval between backups).',
        fr: '**PDMA — perte de données maximale admissible** (anglais : *RPO, Recovery Point Objective*). Sur une activité : la quantité maximale de données récentes qu\'elle peut perdre, exprimée en durée. Sur un moyen de secours : les données perdues au pire (par ex. l\'intervalle entre deux sauvegardes).'
    },
    'define.mtpd': {
        en: '**MTPD — Maximum Tolerable Period of Disruption** (French: *durée maximale d\'interruption supportable*). Beyond it the interruption is unbearable for the organisation; the RTO must not exceed it.',
        fr: '**Durée maximale d\'interruption supportable** (anglais : *MTPD, Maximum Tolerable Period of Disruption*). Au-delà, l\'interruption met l\'organisation en péril ; la DMIA (RTO) ne doit pas la dépasser.'
    },
    'duration': { en: '**{text}** = {words}', fr: '**{text}** = {words}' },

    // Hover lines.
    'criticality': { en: 'Criticality: {value}', fr: 'Criticité : {value}' },
    'owner': { en: 'Owner: {value}', fr: 'Responsable : {value}' },
    'requirement.header': { en: '| | required | achieved by the plan |', fr: '| | exigé | atteint par le plan |' },
    'requirement.rto': { en: 'RTO', fr: 'DMIA (RTO)' },
    'requirement.rpo': { en: 'RPO', fr: 'PDMA (RPO)' },
    'requirement.mtpd': { en: 'MTPD', fr: 'Durée max. supportable (MTPD)' },
    'achieved': { en: '{value} ({via})', fr: '{value} ({via})' },
    'achieved.direct': { en: '{value} (direct: {via})', fr: '{value} (directe : {via})' },
    'achieved.asset': { en: '{bound}{value} (assets, slowest via {via})', fr: '{bound}{value} (ressources, la plus lente via {via})' },
    'at least': { en: 'at least ', fr: 'au moins ' },
    'path.direct': { en: 'Direct path: {value}', fr: 'Reprise directe : {value}' },
    'path.direct.figures': { en: 'RTO {rto}, RPO {rpo}', fr: 'DMIA {rto}, PDMA {rpo}' },
    'best.none': { en: 'no active fallback', fr: 'aucun secours actif' },
    'no data': { en: 'holds no data', fr: 'sans données' },
    'path.direct.none': { en: 'Direct path: none', fr: 'Reprise directe : aucune' },
    'path.assets.none': { en: 'Asset path: cannot recover {missing} (no active fallback)', fr: 'Reprise par les ressources : impossible pour {missing} (aucun secours actif)' },
    'path.assets.figures': { en: 'Asset path: RTO {rto}, RPO {rpo}', fr: 'Reprise par les ressources : DMIA {rto}, PDMA {rpo}' },
    'path.assets.empty': { en: 'Asset path: no asset needed', fr: 'Reprise par les ressources : aucune ressource nécessaire' },
    'not stated': { en: 'not stated', fr: 'non indiquée' },
    'unknown': { en: 'unknown', fr: 'inconnu' },
    'assets': { en: 'Uses: {value}', fr: 'Utilise : {value}' },
    'asset recovery': { en: '{asset}: rto {rto}, rpo {rpo}', fr: '{asset} : reprise {rto}, perte {rpo}' },
    'uncovered': { en: 'Not covered by any fallback: {value}', fr: 'Couvert par aucun moyen de secours : {value}' },
    'covered by': { en: 'Covered by: {value}', fr: 'Couvert par : {value}' },
    'manual': { en: 'Manual workaround: {value}', fr: 'Mode manuel : {value}' },
    'gaps': { en: 'Open gaps: {value}', fr: 'Écarts ouverts : {value}' },
    'no gaps': { en: 'No open gap.', fr: 'Aucun écart ouvert.' },
    'more': { en: '… and {count} more', fr: '{count|… et {count} autre|… et {count} autres}' },
    'used by': { en: 'Activities that use it: {value}', fr: 'Activités qui l\'utilisent : {value}' },
    'needed through': { en: 'Needed through depends on (most critical activity needing it: {criticality}).', fr: 'Nécessaire via depends on (activité la plus critique qui en a besoin : {criticality}).' },
    'holds no data': { en: 'Holds no data: never bounds an RPO.', fr: 'Ne contient pas de données : ne limite jamais une PDMA.' },
    'other means': { en: 'Means not in place (planned, option, rejected): {value}', fr: 'Moyens non en place (prévus, options, écartés) : {value}' },
    'mitigations not in place': { en: 'Not in place, residual not credited: {value}', fr: 'Non en place, résiduel non pris en compte : {value}' },
    'used by none': { en: 'No activity depends on it.', fr: 'Aucune activité n\'en dépend.' },
    'not covered': { en: 'No fallback covers it.', fr: 'Aucun moyen de secours ne la couvre.' },
    'depends on': { en: 'Depends on: {value}', fr: 'Dépend de : {value}' },
    'targeted by': { en: 'Threatened by: {value}', fr: 'Menacée par : {value}' },
    'best recovery': { en: 'Best recovery: rto {rto}, rpo {rpo}', fr: 'Meilleure reprise : {rto}, perte {rpo}' },
    'risk.inherent': { en: 'Score: {likelihood} × {impact} = **{score}** · {zone}', fr: 'Score : {likelihood} × {impact} = **{score}** · {zone}' },
    'risk.residual': { en: 'Residual: {likelihood} × {impact} = **{score}** · {zone}', fr: 'Résiduel : {likelihood} × {impact} = **{score}** · {zone}' },
    'risk.no residual': { en: 'No residual levels stated: the risk stays at its score after mitigation.', fr: 'Aucun niveau résiduel : le risque garde son score après les mesures.' },
    'risk.level': { en: '{value} ({label})', fr: '{value} ({label})' },
    'mitigated by': { en: 'Mitigated by: {value}', fr: 'Réduit par : {value}' },
    'not mitigated': { en: 'No mitigation.', fr: 'Aucune mesure.' },
    'contact': { en: 'Holder: {holder} · phone: {phone} · email: {email}', fr: 'Titulaire : {holder} · téléphone : {phone} · courriel : {email}' },
    'deputy': { en: 'Deputy: {value}', fr: 'Suppléant : {value}' },
    'crisis functions': { en: 'In the crisis: {value}', fr: 'Dans la crise : {value}' },
    'responsible for': { en: 'Responsible for: {value}', fr: 'Responsable de : {value}' },
    'responsible for nothing': { en: 'Responsible for nothing yet.', fr: 'Responsable de rien pour l\'instant.' },
    'fallback.covers': { en: 'Covers: {value}', fr: 'Couvre : {value}' },
    'fallback.achieves': { en: 'Achieves: rto {rto}, rpo {rpo}', fr: 'Atteint : reprise {rto}, perte {rpo}' },
    'fallback.tested': { en: 'Last tested: {value}', fr: 'Dernier test : {value}' },
    'fallback.stale': { en: 'Last tested: {value} — more than 12 months before the plan date', fr: 'Dernier test : {value} — plus de 12 mois avant la date du plan' },
    'fallback.untested': { en: 'Never tested.', fr: 'Jamais testé.' },
    'fallback.failed': { en: 'Last exercise {exercise} ({date}): {result} — counts as untested until a later passed test.', fr: 'Dernier exercice {exercise} ({date}) : {result} — compte comme non testé jusqu\'à un test réussi.' },
    'fallback.active': { en: 'Status: active (in place, counted).', fr: 'Statut : actif (en place, pris en compte).' },
    'fallback.not active': { en: 'Status: {status} — shown, never counted in figures.', fr: 'Statut : {status} — affiché, jamais compté dans les chiffres.' },
    'fallback.due': { en: 'Due: {value}.', fr: 'Prévu pour le {value}.' },
    'fallback.reason': { en: 'Reason: {value}', fr: 'Motif : {value}' },
    'fallback.exercises': { en: 'Exercises: {value}', fr: 'Exercices : {value}' },
    'exercise.type': { en: 'Type: {type} · date: {date} · result: {result}', fr: 'Type : {type} · date : {date} · résultat : {result}' },
    'exercise.scenario': { en: 'Scenario: {value}', fr: 'Scénario : {value}' },
    'exercise.measured': { en: 'Measured: rto {rto}, rpo {rpo}', fr: 'Mesuré : reprise {rto}, perte {rpo}' },
    'exercise.results': { en: 'Results:', fr: 'Résultats :' },
    'exercise.outcome': { en: '{element}: {result}', fr: '{element} : {result}' },
    'exercise.no result': { en: 'no result', fr: 'sans résultat' },
    'exercise.future': { en: 'Dated after the plan date ({date}): it does not count as a test.', fr: 'Daté après la date du plan ({date}) : ne compte pas comme test.' },
    'accept.by': { en: 'On {element}, accepted by {by}: {reason}', fr: 'Sur {element}, accepté par {by} : {reason}' },
    'accept.by until': { en: 'On {element}, accepted by {by} until {until}: {reason}', fr: 'Sur {element}, accepté par {by} jusqu\'au {until} : {reason}' },
    'accept.used': { en: 'Accepts: {value}', fr: 'Accepte : {value}' },
    'accept.unused': { en: 'Unused: there is no {code} finding on {element}; remove the line.', fr: 'Inutilisée : aucun constat {code} sur {element} ; supprimez la ligne.' },
    'accept.expired': { en: 'Expired on {until}: the finding is reported again.', fr: 'Expirée le {until} : le constat est de nouveau signalé.' },
    'accept.structural': { en: 'This code cannot be accepted: the plan cannot be read as written.', fr: 'Ce code ne peut pas être accepté : le plan ne peut pas être lu tel quel.' },
    'accept.unknown': { en: 'Unknown code: see the list in the error.', fr: 'Code inconnu : voir la liste dans l\'erreur.' },
    'accept.pending': { en: 'No finding accepted yet (checks still running, or none on this element).', fr: 'Aucun constat accepté pour l\'instant.' },
    'fallback.cost': { en: 'Cost per year: {value}', fr: 'Coût annuel : {value}' },
    'procedure.total': { en: 'Steps: {count}, {total} in all', fr: 'Étapes : {count}, {total} au total' },

    // Inlay hints.
    'hint.score': { en: '= {score} · {zone}', fr: '= {score} · {zone}' },

    // Code lenses.
    'lens.simulate': { en: 'Simulate outage', fr: 'Simuler une panne' },
    'lens.simulate.site': { en: 'Simulate the loss of this site', fr: 'Simuler la perte de ce site' },
    'lens.simulate.risk': { en: 'Simulate this risk', fr: 'Simuler ce risque' },
    'hint.achieved.direct': { en: '{value} direct ({via})', fr: '{value} en direct ({via})' },
    'hint.achieved.asset': { en: '{bound}{value} via assets ({via})', fr: '{bound}{value} par les ressources ({via})' },
    'hint.at least': { en: '≥ ', fr: '≥ ' },

    // Quick fixes.
    'fix.add fallback': { en: 'Add a fallback that covers {activity}', fr: 'Ajouter un moyen de secours couvrant {activity}' },
    'fix.fallback title': { en: 'Fallback for {activity}', fr: 'Secours de {activity}' },
    'fix.fallback name': { en: '{activity}-Fallback', fr: 'Secours-{activity}' },
    'fix.add requirements': { en: 'Add {missing} to {activity}', fr: 'Ajouter {missing} à {activity}' },
    'fix.add catchup': { en: 'Create the catch-up procedure of {activity} and link it', fr: 'Créer la procédure de rattrapage de {activity} et la lier' },
    'fix.catchup name': { en: '{activity}-Catchup', fr: 'Rattrapage-{activity}' },
    'fix.catchup title': { en: 'Catch-up after the manual period of {activity}', fr: 'Rattrapage après le mode manuel de {activity}' },
    'fix.catchup step': { en: 'Re-enter the work done by hand', fr: 'Ressaisir le travail fait à la main' },
    'fix.add tested': { en: 'Record a test of {fallback} on {date}', fr: 'Noter un test de {fallback} le {date}' },
    'fix.mitigate': { en: 'Mitigate {risk} by {fallback}', fr: 'Réduire {risk} par {fallback}' },
    'fix.mitigate new': { en: 'Mitigate {risk} by a new fallback', fr: 'Réduire {risk} par un nouveau moyen de secours' },
    'fix.mitigation name': { en: '{risk}-Mitigation', fr: 'Mesure-{risk}' },
    'fix.mitigation title': { en: 'Mitigation of {risk}', fr: 'Mesure contre {risk}' },
    'fix.create': { en: 'Create {kind} {name}', fr: 'Créer l\'élément {kind} {name}' },
    'fix.remove duplicate': { en: 'Remove the repeated \'{property}\'', fr: 'Supprimer le \'{property}\' répété' },
    'fix.accept': { en: 'Accept this finding…', fr: 'Accepter ce constat…' },
    'fix.accept reason': { en: 'Reason to write', fr: 'Raison à écrire' },
    'fix.accept role': { en: 'Role', fr: 'Role' },
    'fix.remove unused acceptance': { en: 'Remove the unused acceptance', fr: 'Supprimer l\'acceptation inutilisée' },
    'fix.remove expired acceptance': { en: 'Remove the expired acceptance', fr: 'Supprimer l\'acceptation expirée' },
    'fix.renew acceptance': { en: 'Renew the acceptance until {date}', fr: 'Prolonger l\'acceptation jusqu\'au {date}' },
    'fix.placeholder title': { en: 'To describe', fr: 'À décrire' },

    // Rename.
    'rename.invalid': {
        en: '\'{name}\' is not a valid name: start with a letter or _, then letters, digits, _ or -.',
        fr: '\'{name}\' n\'est pas un nom valide : commencez par une lettre ou _, puis lettres, chiffres, _ ou -.'
    },
    'rename.clash': {
        en: 'Cannot rename {old} to {name}: another {kind} is already named {name} ({file}).',
        fr: 'Impossible de renommer {old} en {name} : un autre élément {kind} s\'appelle déjà {name} ({file}).'
    },
    'rename.nothing': { en: 'Only the name of an element or a reference to it can be renamed.', fr: 'Seul le nom d\'un élément ou une référence à celui-ci peut être renommé.' },

    // Outline groups.
    'group.Role': { en: 'Roles', fr: 'Rôles' },
    'group.Asset': { en: 'Assets', fr: 'Ressources' },
    'group.Activity': { en: 'Activities', fr: 'Activités' },
    'group.Risk': { en: 'Risks', fr: 'Risques' },
    'group.Fallback': { en: 'Fallbacks', fr: 'Moyens de secours' },
    'group.Procedure': { en: 'Procedures', fr: 'Procédures' },
    'group.Exercise': { en: 'Exercises', fr: 'Exercices' },
    'group.Exception': { en: 'Exceptions', fr: 'Exclusions' }
} as const satisfies Readonly<Record<string, Texts>>;

export type EditorTextKey = keyof typeof texts;

export const editorText: TextLookup<EditorTextKey> = textLookup(texts, 'editor');
