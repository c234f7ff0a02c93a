import type { PraKeywordNames } from '../generated/ast.js';
import type { Lang, Texts } from '../pra-messages.js';
import { propertiesOf } from '../pra-syntax.js';
import type { vocabulary, VocabularyName } from '../pra-vocabulary.js';

/**
 * One line of documentation per keyword and per value of the language, in the plan's language:
 * completion shows it beside each item. Keys are the keyword or value as written.
 */
const keywordDocs: Readonly<Partial<Record<PraKeywordNames, Texts>>> = {
    // Elements.
    plan: {
        en: 'The plan itself: title, organisation, owner, dates, scope.',
        fr: 'Le plan lui-même : titre, organisation, responsable, dates, périmètre.'
    },
    import: {
        en: 'Reads the elements of another .pra file into this plan.',
        fr: 'Lit les éléments d\'un autre fichier .pra dans ce plan.'
    },
    scale: {
        en: 'The levels of the likelihood or impact scale (3 to 6, from 1).',
        fr: 'Les niveaux de l\'échelle de vraisemblance ou de gravité (3 à 6, à partir de 1).'
    },
    acceptance: {
        en: 'Where the risk score becomes tolerable, then unacceptable.',
        fr: 'À partir de quel score un risque devient tolérable, puis inacceptable.'
    },
    role: {
        en: 'A person or function with a phone: owner, crisis team, step holder.',
        fr: 'Une personne ou fonction joignable : responsable, cellule de crise, acteur d\'une étape.'
    },
    asset: {
        en: 'An IT resource the activities use (server, SaaS, network, site…).',
        fr: 'Une ressource informatique utilisée par les activités (serveur, SaaS, réseau, site…).'
    },
    activity: {
        en: 'A business activity with its recovery requirements (RTO, RPO, MTPD).',
        fr: 'Une activité métier avec ses exigences de reprise (DMIA, PDMA, durée supportable).'
    },
    risk: {
        en: 'A threat with its likelihood, impact and mitigations.',
        fr: 'Une menace avec sa vraisemblance, sa gravité et ses mesures.'
    },
    fallback: {
        en: 'A means of recovery: backup, failover, workaround, insurance…',
        fr: 'Un moyen de secours : sauvegarde, bascule, mode dégradé, assurance…'
    },
    crisis: {
        en: 'The crisis organisation: alert chain, activation, pilot, team.',
        fr: 'L\'organisation de crise : chaîne d\'alerte, activation, pilotage, cellule.'
    },
    procedure: { en: 'Steps to follow before, during or after the crisis.', fr: 'Les étapes à suivre avant, pendant ou après la crise.' },
    exercise: {
        en: 'A test of fallbacks or procedures, with its result.',
        fr: 'Un test de moyens de secours ou de procédures, avec son résultat.'
    },
    exception: { en: 'What this plan deliberately does not cover.', fr: 'Ce que ce plan ne couvre volontairement pas.' },
    // Plan.
    organisation: { en: 'The organisation the plan is for.', fr: 'L\'organisation à qui le plan s\'applique.' },
    owner: { en: 'The role responsible for it.', fr: 'Le rôle qui en est responsable.' },
    version: { en: 'The version of the document.', fr: 'La version du document.' },
    date: { en: 'The date (YYYY-MM-DD).', fr: 'La date (AAAA-MM-JJ).' },
    review: { en: 'The date of the next review of the plan.', fr: 'La date de la prochaine revue du plan.' },
    language: {
        en: 'The language of messages and exported documents: fr or en.',
        fr: 'La langue des messages et des documents exportés : fr ou en.'
    },
    scope: { en: 'What the plan covers, in one sentence.', fr: 'Ce que couvre le plan, en une phrase.' },
    distribution: { en: 'Who receives the plan.', fr: 'Qui reçoit le plan.' },
    context: { en: 'A paragraph of context (repeatable).', fr: 'Un paragraphe de contexte (répétable).' },
    assumption: { en: 'An assumption the plan rests on (repeatable).', fr: 'Une hypothèse sur laquelle repose le plan (répétable).' },
    revision: {
        en: 'One line of the version history: version, date, what changed, by whom.',
        fr: 'Une ligne de l\'historique : version, date, changement, auteur.'
    },
    approval: { en: 'A sign-off: the role and the date.', fr: 'Une validation : le rôle et la date.' },
    accept: {
        en: 'Accepts a finding: code, reason, the role who accepts, optional end date.',
        fr: 'Accepte un constat : code, raison, rôle qui l\'accepte, date de fin facultative.'
    },
    by: { en: 'The role(s) who do it or decide it.', fr: 'Le ou les rôles qui le font ou le décident.' },
    until: { en: 'The last day the acceptance holds.', fr: 'Le dernier jour où l\'acceptation vaut.' },
    tolerable: { en: 'The score from which a risk is tolerable.', fr: 'Le score à partir duquel un risque est tolérable.' },
    unacceptable: { en: 'The score from which a risk is unacceptable.', fr: 'Le score à partir duquel un risque est inacceptable.' },
    from: { en: 'The score the zone starts at.', fr: 'Le score où commence la zone.' },
    // Role.
    holder: { en: 'The person who holds the role.', fr: 'La personne qui tient le rôle.' },
    phone: { en: 'A phone number that works during the crisis.', fr: 'Un numéro joignable pendant la crise.' },
    email: { en: 'An e-mail address.', fr: 'Une adresse e-mail.' },
    deputy: { en: 'The role who stands in when this one is away.', fr: 'Le rôle qui remplace celui-ci en son absence.' },
    // Asset.
    kind: { en: 'What sort of asset it is.', fr: 'La nature de la ressource.' },
    provider: { en: 'The supplier who runs it.', fr: 'Le fournisseur qui l\'exploite.' },
    sla: { en: 'The provider\'s committed restore time.', fr: 'Le délai de rétablissement garanti par le fournisseur.' },
    contract: { en: 'The reference of the provider\'s contract.', fr: 'La référence du contrat fournisseur.' },
    response: {
        en: 'The provider\'s intervention time (information only, never a restore time).',
        fr: 'Le délai d\'intervention du fournisseur (information, jamais un délai de reprise).'
    },
    availability: {
        en: 'The provider\'s availability commitment, in percent.',
        fr: 'L\'engagement de disponibilité du fournisseur, en pourcentage.'
    },
    stateless: {
        en: 'Holds no data that can be lost: never bounds an RPO.',
        fr: 'Ne contient aucune donnée qui puisse être perdue : ne limite jamais une PDMA.'
    },
    count: { en: 'How many there are.', fr: 'Combien il y en a.' },
    depends: { en: 'depends on: what it cannot work without.', fr: 'depends on : ce sans quoi il ne fonctionne pas.' },
    on: { en: 'The elements it depends on.', fr: 'Les éléments dont il dépend.' },
    // Activity.
    criticality: {
        en: 'How critical the activity is: critical, high, medium or low.',
        fr: 'La criticité de l\'activité : critical, high, medium ou low.'
    },
    rto: {
        en: 'RTO (DMIA): the longest the activity may stay stopped; on a fallback, the time it takes.',
        fr: 'DMIA (RTO) : la durée d\'arrêt maximale admise ; sur un secours, le temps qu\'il lui faut.'
    },
    rpo: {
        en: 'RPO (PDMA): the most recent data that may be lost, as a duration.',
        fr: 'PDMA (RPO) : la perte de données maximale admise, exprimée en durée.'
    },
    mtpd: {
        en: 'MTPD: beyond this downtime the organisation is in danger; the RTO must not exceed it.',
        fr: 'Durée maximale d\'interruption supportable : au-delà l\'organisation est en péril ; la DMIA ne doit pas la dépasser.'
    },
    uses: { en: 'The assets the activity runs on.', fr: 'Les ressources sur lesquelles repose l\'activité.' },
    needs: { en: 'The upstream activities it cannot run without.', fr: 'Les activités en amont sans lesquelles elle ne tourne pas.' },
    manual: {
        en: 'A manual workaround, optionally with how fast it runs (within).',
        fr: 'Un mode manuel, avec facultativement son délai de mise en œuvre (within).'
    },
    catchup: { en: 'The procedure that re-enters what was done by hand.', fr: 'La procédure qui ressaisit ce qui a été fait à la main.' },
    helper: { en: 'Who helps to restart it (a role or a name).', fr: 'Qui aide à la redémarrer (un rôle ou un nom).' },
    loss: { en: 'The cost of the interruption, per day or per hour.', fr: 'Le coût de l\'interruption, par jour ou par heure.' },
    per: { en: 'The period of the amount: day or hour.', fr: 'La période du montant : day (jour) ou hour (heure).' },
    measured: {
        en: 'A figure observed in an exercise (measured rto, measured rpo).',
        fr: 'Un chiffre observé lors d\'un exercice (measured rto, measured rpo).'
    },
    // Risk.
    category: { en: 'The family of the threat or impact.', fr: 'La famille de la menace ou de l\'impact.' },
    likelihood: {
        en: 'How likely the risk is, on the plan\'s likelihood scale.',
        fr: 'La vraisemblance du risque, sur l\'échelle du plan.'
    },
    impact: {
        en: 'How serious its consequences are, on the plan\'s impact scale.',
        fr: 'La gravité des conséquences, sur l\'échelle du plan.'
    },
    residual: {
        en: 'Likelihood and impact once the mitigations are in place.',
        fr: 'Vraisemblance et gravité une fois les mesures en place.'
    },
    mitigated: {
        en: 'mitigated by: the fallbacks that reduce the risk.',
        fr: 'mitigated by : les moyens de secours qui réduisent le risque.'
    },
    targets: { en: 'The assets or activities the risk threatens.', fr: 'Les ressources ou activités que le risque menace.' },
    downtime: { en: 'How long the risk would stop what it targets.', fr: 'La durée d\'arrêt que provoquerait le risque.' },
    dataloss: {
        en: 'How much data the risk would destroy, as a duration.',
        fr: 'La quantité de données que détruirait le risque, en durée.'
    },
    // Fallback.
    type: { en: 'What kind of fallback or exercise it is.', fr: 'La nature du moyen de secours ou de l\'exercice.' },
    mode: {
        en: 'technical (IT) or organisational (people and paper).',
        fr: 'technical (informatique) ou organisational (humain, papier).'
    },
    resource: {
        en: 'Run by your own staff (internal) or a provider (external).',
        fr: 'Assuré en interne (internal) ou par un prestataire (external).'
    },
    covers: { en: 'The assets or activities it brings back.', fr: 'Les ressources ou activités qu\'il rétablit.' },
    tested: { en: 'The date it was last tested successfully.', fr: 'La date du dernier test réussi.' },
    offline: {
        en: 'The copy is disconnected from the network: ransomware cannot reach it.',
        fr: 'La copie est déconnectée du réseau : un rançongiciel ne l\'atteint pas.'
    },
    offsite: {
        en: 'The copy is kept at another site: a fire does not destroy it.',
        fr: 'La copie est conservée sur un autre site : un incendie ne la détruit pas.'
    },
    audience: { en: 'Who a communication fallback informs.', fr: 'Qui un moyen de communication informe.' },
    status: {
        en: 'active (in place), planned, option (considered) or rejected; only active counts.',
        fr: 'active (en place), planned (prévu), option (envisagé) ou rejected (écarté) ; seul active compte.'
    },
    due: { en: 'When a planned fallback is expected in place.', fr: 'La date prévue de mise en place.' },
    reason: { en: 'Why it is an option or was rejected.', fr: 'Pourquoi c\'est une option ou pourquoi il a été écarté.' },
    cost: { en: 'What it costs, once and per month or year.', fr: 'Son coût, ponctuel et par mois ou par an.' },
    once: { en: 'A one-off cost.', fr: 'Un coût ponctuel.' },
    month: { en: 'Per month.', fr: 'Par mois.' },
    year: { en: 'Per year.', fr: 'Par an.' },
    day: { en: 'Per day.', fr: 'Par jour.' },
    hour: { en: 'Per hour.', fr: 'Par heure.' },
    // Crisis and procedures.
    alert: {
        en: 'One link of the alert chain: how, to whom, how fast.',
        fr: 'Un maillon de la chaîne d\'alerte : comment, à qui, en combien de temps.'
    },
    to: { en: 'The role who is alerted.', fr: 'Le rôle alerté.' },
    activation: { en: 'The role who triggers the plan.', fr: 'Le rôle qui déclenche le plan.' },
    pilot: { en: 'The role who steers the recovery.', fr: 'Le rôle qui pilote la reprise.' },
    team: { en: 'The roles of the crisis team.', fr: 'Les rôles de la cellule de crise.' },
    meeting: {
        en: 'Where the crisis team meets, with a fallback way.',
        fr: 'Où se réunit la cellule de crise, avec une solution de repli.'
    },
    trigger: { en: 'A criterion that activates the plan.', fr: 'Un critère qui déclenche le plan.' },
    standdown: { en: 'A criterion that ends the crisis.', fr: 'Un critère de fin de crise.' },
    phase: {
        en: 'When the procedure applies: before, during or after the crisis.',
        fr: 'Quand la procédure s\'applique : avant, pendant ou après la crise.'
    },
    for: { en: 'What the procedure serves.', fr: 'Ce que la procédure sert.' },
    step: { en: 'One step: what to do, by whom, how long.', fr: 'Une étape : quoi faire, par qui, en combien de temps.' },
    parallel: {
        en: 'Steps run at the same time: the block lasts as long as its longest step.',
        fr: 'Étapes menées en même temps : le bloc dure autant que la plus longue.'
    },
    within: { en: 'How long it takes (counted in the procedure\'s total).', fr: 'Combien de temps cela prend (compté dans le total).' },
    deadline: { en: 'A deadline from activation (never summed).', fr: 'Une échéance depuis le déclenchement (jamais additionnée).' },
    after: { en: 'Starts after this delay.', fr: 'Commence après ce délai.' },
    // Exercise.
    tests: { en: 'The fallbacks or procedures the exercise tested.', fr: 'Les moyens de secours ou procédures testés.' },
    scenario: { en: 'The risk the exercise played.', fr: 'Le risque joué par l\'exercice.' },
    result: { en: 'How it went: passed, partial or failed.', fr: 'Son résultat : passed (réussi), partial (partiel) ou failed (échoué).' },
    failed: { en: 'What failed during the exercise.', fr: 'Ce qui a échoué pendant l\'exercice.' },
    notes: { en: 'Free notes.', fr: 'Notes libres.' },
    external: { en: 'Run with an outside party.', fr: 'Mené avec un intervenant extérieur.' }
};

/** The documentation of each value of the closed vocabularies (pra-vocabulary.ts), by vocabulary then value. */
const valueDocs: { readonly [V in VocabularyName]?: Readonly<Partial<Record<typeof vocabulary[V][number], Texts>>> } = {
    language: { fr: { en: 'French.', fr: 'Français.' }, en: { en: 'English.', fr: 'Anglais.' } },
    criticality: {
        critical: {
            en: 'Its stop endangers the organisation: fallback, tests and requirements are checked.',
            fr: 'Son arrêt met l\'organisation en péril : secours, tests et exigences sont vérifiés.'
        },
        high: {
            en: 'Important: requirements and single points of failure are checked.',
            fr: 'Importante : exigences et points de défaillance uniques sont vérifiés.'
        },
        medium: { en: 'Can wait a little.', fr: 'Peut attendre un peu.' },
        low: { en: 'Can wait.', fr: 'Peut attendre.' }
    },
    status: {
        active: {
            en: 'In place: counts for coverage and figures (the default).',
            fr: 'En place : compte pour la couverture et les chiffres (par défaut).'
        },
        planned: {
            en: 'Decided, not yet in place: shown, counts for nothing yet.',
            fr: 'Décidé, pas encore en place : affiché, ne compte pas encore.'
        },
        option: {
            en: 'Considered, not decided: shown in the options, counts for nothing.',
            fr: 'Envisagé, non décidé : affiché parmi les options, ne compte pas.'
        },
        rejected: { en: 'Considered and rejected, with the reason.', fr: 'Envisagé puis écarté, avec la raison.' }
    },
    mode: {
        technical: { en: 'An IT means.', fr: 'Un moyen informatique.' },
        organisational: { en: 'People and paper.', fr: 'Des personnes et du papier.' }
    },
    resource: {
        internal: { en: 'Run by your own staff.', fr: 'Assuré par votre personnel.' },
        external: { en: 'Run by a provider.', fr: 'Assuré par un prestataire.' }
    },
    phase: {
        before: { en: 'Prepared before any crisis.', fr: 'Préparée avant toute crise.' },
        during: {
            en: 'Run during the crisis: its steps count against the RTO.',
            fr: 'Menée pendant la crise : ses étapes comptent dans la DMIA.'
        },
        after: { en: 'Run after the recovery (catch-up, review).', fr: 'Menée après la reprise (ressaisie, retour d\'expérience).' }
    },
    result: {
        passed: {
            en: 'The exercise succeeded: the fallback counts as tested.',
            fr: 'L\'exercice a réussi : le secours compte comme testé.'
        },
        partial: { en: 'Partly successful: counts as untested.', fr: 'Réussi en partie : compte comme non testé.' },
        failed: { en: 'Failed: counts as untested.', fr: 'Échoué : compte comme non testé.' }
    },
    exerciseType: {
        tabletop: { en: 'Played around a table.', fr: 'Joué autour d\'une table.' },
        walkthrough: {
            en: 'The steps are read through (does not count for the programme).',
            fr: 'Les étapes sont relues (ne compte pas pour le programme).'
        },
        functional: { en: 'The fallback is really run.', fr: 'Le secours est réellement mis en œuvre.' },
        'full-scale': { en: 'The whole plan is played for real.', fr: 'Le plan entier est joué en réel.' }
    },
    lossPeriod: { day: { en: 'Per day.', fr: 'Par jour.' }, hour: { en: 'Per hour.', fr: 'Par heure.' } },
    fallbackType: {
        backup: { en: 'A copy of the data.', fr: 'Une copie des données.' },
        restore: { en: 'A way to restore from a copy.', fr: 'Une façon de restaurer depuis une copie.' },
        failover: { en: 'Switching to a standby system.', fr: 'Une bascule vers un système de secours.' },
        redundancy: { en: 'A second system running alongside.', fr: 'Un second système qui tourne en parallèle.' },
        network: { en: 'A backup network link.', fr: 'Un lien réseau de secours.' },
        telephony: { en: 'A backup phone line or routing.', fr: 'Une ligne ou un renvoi téléphonique de secours.' },
        workaround: { en: 'A degraded way of working.', fr: 'Un mode de fonctionnement dégradé.' },
        communication: { en: 'How staff or clients are informed.', fr: 'Comment le personnel ou les clients sont informés.' },
        insurance: { en: 'An insurance covering the loss.', fr: 'Une assurance qui couvre la perte.' },
        site: { en: 'A backup site.', fr: 'Un site de repli.' },
        other: { en: 'Another means.', fr: 'Un autre moyen.' }
    }
};

/** The one-line documentation of a keyword, in the plan's language; undefined when none is written. */
export function keywordDoc(keyword: string, lang: Lang): string | undefined {
    return (keywordDocs as Readonly<Record<string, Texts | undefined>>)[keyword]?.[lang];
}

/** The one-line documentation of a vocabulary value; undefined for values that speak for themselves. */
export function valueDoc(name: VocabularyName, value: string, lang: Lang): string | undefined {
    return (valueDocs[name] as Readonly<Record<string, Texts | undefined>> | undefined)?.[value]?.[lang];
}

/** The property keywords of an element type (from the syntax table) that have no documentation: for the docs test. */
export function undocumentedKeywords(type: string): string[] {
    return propertiesOf(type).filter(fact => fact.inBlock).flatMap(fact => fact.keyword.split(' '))
        .filter(word => word !== '' && keywordDoc(word, 'en') === undefined);
}
