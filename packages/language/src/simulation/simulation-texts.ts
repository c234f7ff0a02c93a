import { textLookup, type TextLookup, type Texts } from '../pra-messages.js';

/** Every sentence of a simulated timeline (text and Markdown), in English and French. */
const texts = {
    title: { en: 'Outage simulation — {plan}', fr: 'Simulation de panne — {plan}' },
    'down.at': { en: 'Down at {at}: {what}.', fr: 'Panne à {at} : {what}.' },
    'down.risk': { en: '{name} (risk: {assets})', fr: '{name} (risque : {assets})' },
    'down.risk.empty': { en: '{name} (risk with no asset target)', fr: '{name} (risque sans ressource ciblée)' },
    summary: { en: '{failed}, {stopped}, {hit}.', fr: '{failed}, {stopped}, {hit}.' },
    'count.failed.one': { en: '1 asset lost', fr: '1 ressource perdue' },
    'count.failed.many': { en: '{count} assets lost', fr: '{count} ressources perdues' },
    'count.stopped.one': { en: '1 stopped with them', fr: '1 arrêtée par dépendance' },
    'count.stopped.many': { en: '{count} stopped with them', fr: '{count} arrêtées par dépendance' },
    'count.hit.one': { en: '1 activity hit', fr: '1 activité touchée' },
    'count.hit.many': { en: '{count} activities hit', fr: '{count} activités touchées' },
    'all.back': { en: 'Every activity is back at {offset} ({at}).', fr: 'Toutes les activités sont rétablies à {offset} ({at}).' },
    'not.all.back.one': { en: 'The plan gives no return time for {names}.', fr: 'Le plan ne donne pas de délai de reprise pour {names}.' },
    'not.all.back.many': {
        en: 'The plan gives no return time for {count} activities: {names}.',
        fr: 'Le plan ne donne pas de délai de reprise pour {count} activités : {names}.'
    },
    'costs': { en: 'Cost of the interruption: {amounts}.', fr: 'Coût de l\'interruption : {amounts}.' },
    'cost.unknown': { en: 'unknown (no return time)', fr: 'inconnu (pas de délai de reprise)' },
    'section.timeline': { en: 'Timeline', fr: 'Chronologie' },
    'section.assets': { en: 'Assets lost', fr: 'Ressources perdues' },
    'section.activities': { en: 'Activities hit', fr: 'Activités touchées' },
    'section.order': { en: 'Recovery order', fr: 'Ordre de reprise' },
    'section.findings': { en: 'Findings', fr: 'Constats' },
    'section.alerts': { en: 'Alert chain', fr: 'Chaîne d\'alerte' },
    'section.procedures': { en: 'Procedures', fr: 'Procédures' },

    'event.fail': { en: '{assets} lost', fr: 'perte de {assets}' },
    'event.fail.stopped': { en: '{assets} lost; stopped with them: {stopped}', fr: 'perte de {assets} ; arrêtées avec elles : {stopped}' },
    'event.stop': { en: '{activities} stop', fr: 'arrêt de {activities}' },
    'event.alert': { en: 'alert reaches {to}: {how}', fr: 'l\'alerte atteint {to} : {how}' },
    'event.activation': { en: 'plan activated (deadlines count from here)', fr: 'plan activé (les échéances partent d\'ici)' },
    'event.procedure-start': { en: 'procedure {procedure} starts ({phase})', fr: 'début de la procédure {procedure} ({phase})' },
    'event.procedure-end': { en: 'procedure {procedure} done', fr: 'fin de la procédure {procedure}' },
    'event.deadline': { en: 'deadline of {procedure}: {step}', fr: 'échéance de {procedure} : {step}' },
    'event.restore': { en: '{asset} restored ({via})', fr: '{asset} rétablie ({via})' },
    'event.back.direct': { en: '{activity} back by its direct path ({via})', fr: '{activity} reprend par sa reprise directe ({via})' },
    'event.back.asset': {
        en: '{activity} back with its assets (last: {via})',
        fr: '{activity} reprend avec ses ressources (la dernière : {via})'
    },
    'event.impact': { en: '{activity} reaches {category} impact {level}', fr: '{activity} atteint l\'impact {category} {level}' },
    'event.rto': { en: '{activity} crosses its RTO', fr: '{activity} dépasse sa DMIA (RTO)' },
    'event.mtpd': { en: '{activity} crosses its MTPD', fr: '{activity} dépasse sa durée maximale supportable (MTPD)' },
    'event.uncertain': {
        en: '{event}, if still down (return time unknown)',
        fr: '{event}, si elle est encore arrêtée (délai de reprise inconnu)'
    },
    'phase.during': { en: 'during', fr: 'pendant' },
    'phase.after': { en: 'after', fr: 'après' },
    manual: { en: 'manual workaround', fr: 'mode manuel' },

    'restore.known': { en: 'by {via} in {duration}, from {start} to {end}', fr: 'par {via} en {duration}, de {start} à {end}' },
    'restore.waits': { en: ' (waits for {assets})', fr: ' (attend {assets})' },
    'restore.none': {
        en: 'restore time unknown: no active fallback covers it',
        fr: 'délai de reprise inconnu : aucun moyen de secours actif ne la couvre'
    },
    'restore.unstated': {
        en: 'restore time unknown: {fallbacks} state(s) no rto',
        fr: 'délai de reprise inconnu : {fallbacks} n\'indique(nt) pas de rto'
    },
    'restore.blocked': {
        en: 'restore time unknown: {fallbacks} need(s) {needs}, which cannot come back first',
        fr: 'délai de reprise inconnu : {fallbacks} dépend(ent) de {needs}, qui ne peut pas revenir avant'
    },

    'hit.uses': { en: 'uses {chain}', fr: 'utilise {chain}' },
    'hit.depends on': { en: 'through {chain}', fr: 'par {chain}' },
    'hit.needs': { en: 'needs {chain}', fr: 'a besoin de {chain}' },
    'back.known': { en: 'back at {offset} ({at}) by {path}', fr: 'reprend à {offset} ({at}) par {path}' },
    'back.atLeast': {
        en: 'back at {offset} at the earliest, exact time unknown ({why})',
        fr: 'reprend au plus tôt à {offset}, délai exact inconnu ({why})'
    },
    'back.unknown': { en: 'return time unknown ({why})', fr: 'délai de reprise inconnu ({why})' },
    'back.unknown.why': { en: 'no restore time for {assets}', fr: 'aucun délai de reprise pour {assets}' },
    'back.unknown.nothing': { en: 'no path gives a time', fr: 'aucune voie ne donne de délai' },
    'path.direct': { en: 'its direct path ({via})', fr: 'sa reprise directe ({via})' },
    'path.asset': { en: 'its assets (slowest restore: {via})', fr: 'ses ressources (reprise la plus lente : {via})' },
    'limit.rto': { en: 'RTO {limit}', fr: 'DMIA {limit}' },
    'limit.mtpd': { en: 'MTPD {limit}', fr: 'MTPD {limit}' },
    'crossed.yes': { en: 'crossed at {at}', fr: 'dépassée à {at}' },
    'crossed.no': { en: 'met', fr: 'tenue' },
    'crossed.unknown': { en: 'unknown', fr: 'inconnu' },
    'data.lost': { en: 'data lost: {value}', fr: 'données perdues : {value}' },
    'data.none': { en: 'none', fr: 'aucune' },
    'data.unknown': { en: 'unknown', fr: 'inconnues' },
    'cost': { en: 'cost: {value}', fr: 'coût : {value}' },
    'at least': { en: 'at least ', fr: 'au moins ' },
    'impacts': { en: 'impacts: {list}', fr: 'impacts : {list}' },
    'impact.item': { en: '{category} {level} at {offset}', fr: '{category} {level} à {offset}' },

    'wave': { en: 'Wave {wave}{cycle}: {assets}', fr: 'Vague {wave}{cycle} : {assets}' },
    'wave.cycle': {
        en: ' (they wait for one another: restore them together)',
        fr: ' (elles s\'attendent l\'une l\'autre : à rétablir ensemble)'
    },
    'best.case': {
        en: 'Best case (each restore as soon as what it needs is back): all restored at {figure}; critical path {path}.',
        fr: 'Meilleur cas (chaque reprise dès que ce dont elle dépend est revenu) : tout est rétabli à {figure} ; chemin critique {path}.'
    },
    'worst.case': { en: 'Worst case (one restore after the other): {figure}.', fr: 'Pire cas (une reprise après l\'autre) : {figure}.' },
    'case.row': {
        en: '{activity}: best {best} (RTO {rto}, MTPD {mtpd}); worst {worst} (RTO {wrto}, MTPD {wmtpd})',
        fr: '{activity} : meilleur cas {best} (DMIA {rto}, MTPD {mtpd}) ; pire cas {worst} (DMIA {wrto}, MTPD {wmtpd})'
    },
    'meets.yes': { en: 'met', fr: 'tenue' },
    'meets.no': { en: 'missed', fr: 'dépassée' },
    'meets.unknown': { en: '?', fr: '?' },
    'finding.best-case-misses-mtpd': {
        en: '{activity}: even the best case ({best}) misses its MTPD ({mtpd}); critical path {path}. Shorten these restores, or give it a direct path (a fallback covering it, a manual workaround).',
        fr: '{activity} : même le meilleur cas ({best}) dépasse sa durée maximale supportable ({mtpd}) ; chemin critique {path}. Raccourcir ces reprises, ou lui donner une reprise directe (un secours qui la couvre, un mode manuel).'
    },
    'no.findings': {
        en: 'None: in the best case every activity is back within its MTPD.',
        fr: 'Aucun : dans le meilleur cas, chaque activité reprend dans sa durée maximale supportable.'
    },
    'alert.row': { en: '{offset} ({at}) — {to}: {how}', fr: '{offset} ({at}) — {to} : {how}' },
    'no.alerts': { en: 'The plan has no alert chain.', fr: 'Le plan n\'a pas de chaîne d\'alerte.' },
    'procedure.row': { en: '{name} ({phase}, for {for}): {span}', fr: '{name} ({phase}, pour {for}) : {span}' },
    'procedure.span': { en: 'from {start} to {end}', fr: 'de {start} à {end}' },
    'procedure.unknown': { en: 'starts when {for} is back: time unknown', fr: 'démarre au retour de {for} : heure inconnue' },
    'step.row': { en: '{start} → {end}  {text}{by}{due}', fr: '{start} → {end}  {text}{by}{due}' },
    'step.by': { en: ' ({by})', fr: ' ({by})' },
    'step.due': { en: ' — deadline {due}', fr: ' — échéance {due}' },
    'step.parallel': { en: 'at the same time:', fr: 'en même temps :' },
    'no.procedures': {
        en: 'No procedure of the plan serves what is down.',
        fr: 'Aucune procédure du plan ne concerne ce qui est en panne.'
    },
    'more': { en: 'and {count} more', fr: 'et {count} autres' },

    'col.activity': { en: 'Activity', fr: 'Activité' },
    'col.hit': { en: 'Hit', fr: 'Touchée' },
    'col.back': { en: 'Back', fr: 'Reprise' },
    'col.path': { en: 'Path', fr: 'Voie' },
    'col.rto': { en: 'RTO', fr: 'DMIA (RTO)' },
    'col.mtpd': { en: 'MTPD', fr: 'MTPD' },
    'col.data': { en: 'Data lost', fr: 'Données perdues' },
    'col.cost': { en: 'Cost', fr: 'Coût' },
    'col.when': { en: 'When', fr: 'Quand' },
    'col.event': { en: 'Event', fr: 'Événement' },
    'col.asset': { en: 'Asset', fr: 'Ressource' },
    'col.restore': { en: 'Restore', fr: 'Reprise' },
    'col.wave': { en: 'Wave', fr: 'Vague' },
    'col.best': { en: 'Best case', fr: 'Meilleur cas' },
    'col.worst': { en: 'Worst case', fr: 'Pire cas' },
    'unknown': { en: 'unknown', fr: 'inconnu' },
    labelled: { en: '{label}: {value}', fr: '{label} : {value}' },
    'view.down': { en: 'down', fr: 'arrêtée' },
    'view.recovering': { en: 'recovering', fr: 'en reprise' },
    'view.back': { en: 'back', fr: 'rétablie' },
    'view.unknown': { en: 'return time unknown', fr: 'délai de reprise inconnu' },
    'view.back.at': { en: 'back {offset}', fr: 'rétablie {offset}' },
    'view.back.atLeast': { en: 'back ≥ {offset}, exact time unknown', fr: 'rétablie ≥ {offset}, délai exact inconnu' },
    'view.restored': { en: 'restored {offset}', fr: 'rétablie {offset}' },
    'view.restore.unknown': { en: 'restore time unknown', fr: 'délai de reprise inconnu' },
    'view.deadline': { en: 'deadline {offset}', fr: 'échéance {offset}' },
    'view.activated': { en: 'plan activated', fr: 'plan activé' },
    'view.alert.last': { en: '{when}: plan activated', fr: '{when} : plan activé' }
} as const satisfies Readonly<Record<string, Texts>>;

export type SimTextKey = keyof typeof texts;

export const simText: TextLookup<SimTextKey> = textLookup(texts, 'simulation');
