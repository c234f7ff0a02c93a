import { isTextKey, textLookup, type KeySuffix, type Lang, type TextLookup, type Texts } from '../pra-messages.js';

/** Every fixed text of the exported document, in English and French: `{name}` placeholders. */
const texts = {
    // Cover, running texts
    'document.kind': { en: 'IT disaster recovery plan', fr: 'Plan de reprise d\'activité informatique' },
    'document.draft': {
        en: 'DRAFT — the plan still has {count} {count|error|errors}; see the action plan.',
        fr: 'BROUILLON — le plan comporte encore {count} {count|erreur|erreurs} ; voir le plan d\'action.'
    },
    'document.draftShort': { en: 'Draft', fr: 'Brouillon' },
    'document.draftMark': { en: 'DRAFT', fr: 'BROUILLON' },
    'document.final': { en: 'Final — signed off', fr: 'Version définitive — validée' },
    'document.draftErrors': { en: 'Draft — errors to correct', fr: 'Brouillon — erreurs à corriger' },
    'document.draftUnsigned': { en: 'Draft — awaiting sign-off', fr: 'Brouillon — en attente de validation' },
    'document.toc': { en: 'Contents', fr: 'Sommaire' },
    'document.page': { en: '{page} / {pages}', fr: '{page} / {pages}' },
    'document.source': { en: 'Written from {files}.', fr: 'Établi à partir de {files}.' },
    'document.untitled': { en: 'Untitled plan', fr: 'Plan sans titre' },
    'document.tocUpdate': {
        en: 'Page numbers are filled in when the document is opened (update the field if asked).',
        fr: 'Les numéros de page sont calculés à l\'ouverture du document (mettre à jour le champ si demandé).'
    },
    // An abridged PDF (pdf-budget.ts): what it leaves out and where the rest is.
    'pdf.abridged': {
        en: 'Abridged PDF: this plan is too large to lay out as one PDF in a reasonable time ({size} table cells and card lines; '
            + 'a PDF holds about {budget}). Its longest sections are cut, each with a note saying what is left out. '
            + 'The whole plan is in the Word, HTML and JSON exports (pra export --format docx, html or json; in the editor: Export Plan…).',
        fr: 'PDF abrégé : ce plan est trop volumineux pour être mis en page en un seul PDF dans un délai raisonnable ({size} cellules '
            + 'de tableaux et lignes de fiches ; un PDF en contient environ {budget}). Ses sections les plus longues sont coupées, chacune '
            + 'avec une note qui dit ce qui manque. Le plan complet est dans les exports Word, HTML et JSON (pra export --format docx, '
            + 'html ou json ; dans l\'éditeur : Exporter le plan…).'
    },
    'pdf.cut': {
        en: 'The rest of this section is not in this PDF ({parts}): the plan is too large for one PDF. '
            + 'All of it is in the Word, HTML and JSON exports.',
        fr: 'La suite de cette section n\'est pas dans ce PDF ({parts}) : le plan est trop volumineux pour un seul PDF. '
            + 'Tout figure dans les exports Word, HTML et JSON.'
    },
    'pdf.cutRows': { en: '{text} more table {count|row|rows}', fr: 'encore {text} {count|ligne|lignes} de tableau' },
    'pdf.cutCards': { en: '{text} more {count|card|cards}', fr: '{text} {count|fiche|fiches} de plus' },
    'pdf.cutSubsections': { en: '{text} more {count|subsection|subsections}', fr: '{text} {count|sous-section|sous-sections} de plus' },

    // Sections
    'section.history': { en: 'Version history and sign-off', fr: 'Historique des versions et validation' },
    'section.distribution': { en: 'Distribution', fr: 'Diffusion' },
    'section.summary': { en: 'Executive summary', fr: 'Synthèse pour la direction' },
    'section.context': { en: 'Context, scope and assumptions', fr: 'Contexte, périmètre et hypothèses' },
    'section.glossary': { en: 'Glossary', fr: 'Glossaire' },
    'section.bia': { en: 'Business impact analysis', fr: 'Analyse d\'impact sur l\'activité (BIA)' },
    'section.it': { en: 'IT elements and dependencies', fr: 'Éléments informatiques et dépendances' },
    'section.risks': { en: 'Risk assessment', fr: 'Appréciation des risques' },
    'section.strategy': { en: 'Recovery strategy per activity', fr: 'Stratégie de reprise par activité' },
    'section.options': { en: 'Options compared', fr: 'Options comparées' },
    'section.crisis': { en: 'Crisis organisation', fr: 'Organisation de crise' },
    'section.procedures': { en: 'Procedures before, during and after', fr: 'Procédures avant, pendant et après' },
    'section.suppliers': { en: 'Supplier directory', fr: 'Annuaire des fournisseurs' },
    'section.exercises': { en: 'Exercise programme', fr: 'Programme d\'exercices' },
    'section.actions': { en: 'Action plan', fr: 'Plan d\'action' },
    'section.accepted': { en: 'Accepted residual risks', fr: 'Risques résiduels acceptés' },
    'section.annexes': { en: 'Annexes: full registers', fr: 'Annexes : registres complets' },

    // Sub-sections
    'sub.revisions': { en: 'Version history', fr: 'Historique des versions' },
    'sub.approvals': { en: 'Sign-off', fr: 'Validation' },
    'sub.changes': { en: 'Changes since {since}', fr: 'Modifications depuis {since}' },
    'sub.topRisks': { en: 'Top risks', fr: 'Principaux risques' },
    'sub.context': { en: 'Context', fr: 'Contexte' },
    'sub.scope': { en: 'Scope', fr: 'Périmètre' },
    'sub.assumptions': { en: 'Assumptions', fr: 'Hypothèses' },
    'sub.exceptions': { en: 'Exceptions', fr: 'Exclusions' },
    'sub.activityCards': { en: 'Activities', fr: 'Activités' },
    'sub.impacts': { en: 'Impacts over time', fr: 'Impacts dans le temps' },
    'sub.diagram': { en: 'Dependency diagram', fr: 'Schéma des dépendances' },
    'sub.register': { en: 'Risk register', fr: 'Registre des risques' },
    'sub.inherentMatrix': { en: 'Risk matrix before mitigation (inherent)', fr: 'Matrice des risques avant mesures (brut)' },
    'sub.residualMatrix': { en: 'Risk matrix after mitigation (residual)', fr: 'Matrice des risques après mesures (résiduel)' },
    'sub.callTree': { en: 'Alert chain', fr: 'Chaîne d\'alerte' },
    'sub.triggers': { en: 'Activation criteria', fr: 'Critères de déclenchement' },
    'sub.standdown': { en: 'Stand-down', fr: 'Fin de crise' },
    'sub.crisisCell': { en: 'Crisis cell', fr: 'Cellule de crise' },
    'sub.communication': { en: 'Crisis communication', fr: 'Communication de crise' },
    'sub.crisisCard': { en: 'Crisis card (to print)', fr: 'Fiche réflexe (à imprimer)' },
    'sub.phase.before': { en: 'Before: prevention', fr: 'Avant : prévention' },
    'sub.phase.during': { en: 'During: continuity and recovery', fr: 'Pendant : continuité et reprise' },
    'sub.phase.after': { en: 'After: catch-up and return to normal', fr: 'Après : rattrapage et retour à la normale' },
    'sub.phase.unspecified': { en: 'Phase not stated', fr: 'Phase non précisée' },
    'sub.pastExercises': { en: 'Exercises held', fr: 'Exercices réalisés' },
    'sub.dueTests': { en: 'What is due', fr: 'À programmer' },

    // Annexes
    'annex.roles': { en: 'Roles and contacts', fr: 'Rôles et contacts' },
    'annex.activities': { en: 'Activities and impacts', fr: 'Activités et impacts' },
    'annex.assets': { en: 'IT elements', fr: 'Éléments informatiques' },
    'annex.risks': { en: 'Risks and scales', fr: 'Risques et échelles' },
    'annex.fallbacks': { en: 'Recovery means', fr: 'Moyens de secours' },
    'annex.procedures': { en: 'Procedures', fr: 'Procédures' },
    'annex.exercises': { en: 'Exercises', fr: 'Exercices' },
    'annex.findings': { en: 'Findings of the plan check', fr: 'Constats de la vérification du plan' },

    // Empty sentences
    'empty.revisions': { en: 'The plan records no version history.', fr: 'Le plan n\'a pas d\'historique des versions.' },
    'empty.approvals': { en: 'This version has not been signed off.', fr: 'Cette version n\'a pas encore été validée.' },
    'empty.changes': { en: 'No element changed.', fr: 'Aucun élément n\'a changé.' },
    'change.added': { en: 'added', fr: 'ajouté' },
    'change.removed': { en: 'removed', fr: 'supprimé' },
    'change.renamed': { en: 'renamed', fr: 'renommé' },
    'change.changed': { en: 'changed', fr: 'modifié' },
    'text.changeDetail': { en: '{property}: {old} → {new}', fr: '{property} : {old} → {new}' },
    'text.changesFindings': {
        en: 'Findings: {appeared} {appeared|appeared|appeared}, {resolved} {resolved|resolved|resolved} since that version.',
        fr: 'Constats : {appeared} {appeared|apparu|apparus}, {resolved} {resolved|résolu|résolus} depuis cette version.'
    },
    'empty.distribution': { en: 'No distribution list is given.', fr: 'Aucune liste de diffusion n\'est indiquée.' },
    'empty.scope': { en: 'The plan states no scope.', fr: 'Le plan n\'indique pas de périmètre.' },
    'empty.context': { en: 'The plan states no context.', fr: 'Le plan ne décrit pas de contexte.' },
    'empty.assumptions': { en: 'The plan states no assumption.', fr: 'Le plan n\'indique aucune hypothèse.' },
    'empty.exceptions': { en: 'The plan lists no exception.', fr: 'Le plan ne liste aucune exclusion.' },
    'empty.roles': { en: 'The plan names no role.', fr: 'Le plan ne nomme aucun rôle.' },
    'empty.crisis': { en: 'The plan has no crisis organisation.', fr: 'Le plan n\'a pas d\'organisation de crise.' },
    'empty.alerts': { en: 'The plan gives no alert chain.', fr: 'Le plan ne décrit pas de chaîne d\'alerte.' },
    'empty.triggers': { en: 'The plan states no activation criterion.', fr: 'Le plan n\'indique aucun critère de déclenchement.' },
    'empty.standdown': { en: 'The plan states no stand-down criterion.', fr: 'Le plan n\'indique aucun critère de fin de crise.' },
    'empty.activities': { en: 'The plan lists no activity.', fr: 'Le plan ne liste aucune activité.' },
    'empty.impacts': { en: 'No impact over time is described.', fr: 'Aucun impact dans le temps n\'est décrit.' },
    'empty.assets': { en: 'The plan lists no IT element.', fr: 'Le plan ne liste aucun élément informatique.' },
    'empty.providers': { en: 'No element has an outside provider.', fr: 'Aucun élément n\'a de fournisseur externe.' },
    'empty.risks': { en: 'The plan assesses no risk.', fr: 'Le plan n\'évalue aucun risque.' },
    'empty.fallbacks': { en: 'The plan lists no recovery means.', fr: 'Le plan ne liste aucun moyen de secours.' },
    'empty.costs': { en: 'No cost is stated.', fr: 'Aucun coût n\'est indiqué.' },
    'empty.communication': { en: 'No crisis communication means is planned.', fr: 'Aucun moyen de communication de crise n\'est prévu.' },
    'empty.procedures': { en: 'The plan describes no procedure.', fr: 'Le plan ne décrit aucune procédure.' },
    'empty.steps': { en: 'This procedure has no step.', fr: 'Cette procédure n\'a aucune étape.' },
    'empty.exercises': { en: 'No exercise is recorded.', fr: 'Aucun exercice n\'est enregistré.' },
    'empty.due': {
        en: 'Every means in place was tested within twelve months and no exercise is scheduled.',
        fr: 'Tous les moyens en place ont été testés depuis moins de douze mois et aucun exercice n\'est programmé.'
    },
    'empty.gaps': { en: 'The plan check reports no finding.', fr: 'La vérification du plan ne relève aucun constat.' },
    'empty.options': { en: 'No activity has a means to weigh.', fr: 'Aucune activité n\'a de moyen à comparer.' },
    'empty.accepted': { en: 'No residual risk has been accepted.', fr: 'Aucun risque résiduel n\'a été accepté.' },
    'empty.openGaps': { en: 'No open gap: no action is required.', fr: 'Aucun écart ouvert : aucune action n\'est requise.' },

    // Field and column labels
    'field.title': { en: 'Title', fr: 'Titre' },
    'field.organisation': { en: 'Organisation', fr: 'Organisation' },
    'field.version': { en: 'Version', fr: 'Version' },
    'field.date': { en: 'Date', fr: 'Date' },
    'field.description': { en: 'Changes', fr: 'Modifications' },
    'field.signature': { en: 'Signature', fr: 'Signature' },
    'field.change': { en: 'Change', fr: 'Modification' },
    'field.detail': { en: 'Detail', fr: 'Détail' },
    'field.owner': { en: 'Owner', fr: 'Responsable' },
    'field.review': { en: 'Next review', fr: 'Prochaine revue' },
    'field.status': { en: 'Status', fr: 'Statut' },
    'field.scope': { en: 'Scope', fr: 'Périmètre' },
    'field.name': { en: 'Identifier', fr: 'Identifiant' },
    'field.role': { en: 'Role', fr: 'Rôle' },
    'field.holder': { en: 'Holder', fr: 'Titulaire' },
    'field.phone': { en: 'Phone', fr: 'Téléphone' },
    'field.email': { en: 'Email', fr: 'Courriel' },
    'field.deputy': { en: 'Deputy', fr: 'Suppléant' },
    'field.external': { en: 'External', fr: 'Externe' },
    'field.crisisFunctions': { en: 'Crisis functions', fr: 'Fonctions de crise' },
    'field.notes': { en: 'Notes', fr: 'Remarques' },
    'field.activation': { en: 'Activates the plan', fr: 'Déclenche le plan' },
    'field.pilot': { en: 'Leads the recovery', fr: 'Pilote la reprise' },
    'field.team': { en: 'Members', fr: 'Membres' },
    'field.meeting': { en: 'Meeting point', fr: 'Lieu de réunion' },
    'field.triggers': { en: 'Activate when', fr: 'Déclencher si' },
    'field.standdown': { en: 'Stand down when', fr: 'Fin de crise quand' },
    'field.activity': { en: 'Activity', fr: 'Activité' },
    'field.criticality': { en: 'Criticality', fr: 'Criticité' },
    'field.rto': { en: 'RTO', fr: 'DMIA' },
    'field.rpo': { en: 'RPO', fr: 'PDMA' },
    'field.mtpd': { en: 'MTPD', fr: 'DMIS' },
    'field.requiredRto': { en: 'Required RTO', fr: 'DMIA exigée' },
    'field.requiredRpo': { en: 'Required RPO', fr: 'PDMA exigée' },
    'field.achievedRto': { en: 'Achieved RTO', fr: 'DMIA atteinte' },
    'field.achievedRpo': { en: 'Achieved RPO', fr: 'PDMA atteinte' },
    'field.directPath': { en: 'Direct recovery', fr: 'Reprise directe' },
    'field.assetPathRto': { en: 'Through its IT elements (RTO)', fr: 'Par ses éléments informatiques (DMIA)' },
    'field.assetPathRpo': { en: 'Through its IT elements (RPO)', fr: 'Par ses éléments informatiques (PDMA)' },
    'field.manual': { en: 'Manual workaround', fr: 'Mode manuel' },
    'field.helper': { en: 'Outside help', fr: 'Aide extérieure' },
    'field.catchup': { en: 'Catch-up procedure', fr: 'Procédure de rattrapage' },
    'field.uses': { en: 'Uses', fr: 'Utilise' },
    'field.needs': { en: 'Needs the activities', fr: 'Dépend des activités' },
    'field.procedures': { en: 'Procedures', fr: 'Procédures' },
    'field.risks': { en: 'Risks', fr: 'Risques' },
    'field.category': { en: 'Category', fr: 'Catégorie' },
    'field.level': { en: 'Level', fr: 'Niveau' },
    'field.label': { en: 'Label', fr: 'Libellé' },
    'field.criteria': { en: 'Criteria', fr: 'Critères' },
    'field.after': { en: 'After', fr: 'Au bout de' },
    'field.asset': { en: 'IT element', fr: 'Élément informatique' },
    'field.element': { en: 'Element', fr: 'Élément' },
    'field.kind': { en: 'Kind', fr: 'Nature' },
    'field.provider': { en: 'Provider', fr: 'Fournisseur' },
    'field.sla': { en: 'Service level', fr: 'Niveau de service' },
    'field.response': { en: 'Response time', fr: 'Délai d\'intervention' },
    'field.availability': { en: 'Availability', fr: 'Disponibilité' },
    'field.count': { en: 'Count', fr: 'Nombre' },
    'field.dependsOn': { en: 'Depends on', fr: 'Dépend de' },
    'field.usedBy': { en: 'Needed by', fr: 'Nécessaire à' },
    'field.coveredBy': { en: 'Recovery means', fr: 'Moyens de secours' },
    'field.risk': { en: 'Risk', fr: 'Risque' },
    'field.likelihood': { en: 'Likelihood', fr: 'Vraisemblance' },
    'field.impact': { en: 'Impact', fr: 'Gravité' },
    'field.score': { en: 'Score', fr: 'Score' },
    'field.residualScore': { en: 'Residual score', fr: 'Score résiduel' },
    'field.downtime': { en: 'Downtime', fr: 'Indisponibilité' },
    'field.dataloss': { en: 'Data loss', fr: 'Perte de données' },
    'field.targets': { en: 'Targets', fr: 'Cibles' },
    'field.mitigatedBy': { en: 'Mitigated by', fr: 'Réduit par' },
    'field.type': { en: 'Type', fr: 'Type' },
    'field.contract': { en: 'Contract', fr: 'Contrat' },
    'field.covers': { en: 'Covers', fr: 'Couvre' },
    'field.cost': { en: 'Cost', fr: 'Coût' },
    'field.copies': { en: 'Copies', fr: 'Copies' },
    'field.lastTest': { en: 'Last test', fr: 'Dernier test' },
    'field.means': { en: 'Means', fr: 'Moyen' },
    'field.impacts': { en: 'Impacts', fr: 'Impacts' },
    'field.loss': { en: 'Cost of downtime', fr: 'Coût de l\'arrêt' },
    'field.reason': { en: 'Reason', fr: 'Motif' },
    'field.acceptedBy': { en: 'Accepted by', fr: 'Accepté par' },
    'field.accepted': { en: 'Acceptance', fr: 'Acceptation' },
    'field.until': { en: 'Until', fr: 'Jusqu\'au' },
    'field.audience': { en: 'Audience', fr: 'Destinataires' },
    'field.phase': { en: 'Phase', fr: 'Phase' },
    'field.for': { en: 'For', fr: 'Pour' },
    'field.totalWithin': { en: 'Total duration', fr: 'Durée totale' },
    'field.step': { en: 'Step', fr: 'Étape' },
    'field.steps': { en: 'Steps', fr: 'Étapes' },
    'field.by': { en: 'By', fr: 'Par' },
    'field.timing': { en: 'Timing', fr: 'Délai' },
    'field.number': { en: '#', fr: 'N°' },
    'field.exercise': { en: 'Exercise', fr: 'Exercice' },
    'field.scenario': { en: 'Scenario', fr: 'Scénario' },
    'field.tests': { en: 'Tests', fr: 'Teste' },
    'field.result': { en: 'Result', fr: 'Résultat' },
    'field.measured': { en: 'Measured', fr: 'Mesuré' },
    'field.failed': { en: 'Failed', fr: 'En échec' },
    'field.state': { en: 'State', fr: 'État' },
    'field.severity': { en: 'Priority', fr: 'Priorité' },
    'field.code': { en: 'Code', fr: 'Code' },
    'field.finding': { en: 'Gap', fr: 'Écart' },
    'field.action': { en: 'Action', fr: 'Action' },
    'field.due': { en: 'Due', fr: 'Échéance' },
    'field.location': { en: 'Location', fr: 'Emplacement' },
    'field.term': { en: 'Term', fr: 'Terme' },
    'field.definition': { en: 'Definition', fr: 'Définition' },
    'field.tolerableFrom': { en: 'Tolerable from score', fr: 'Niveau moyen à partir du score' },
    'field.unacceptableFrom': { en: 'Unacceptable from score', fr: 'Niveau élevé à partir du score' },
    'field.yes': { en: 'yes', fr: 'oui' },

    // Matrix
    'matrix.likelihoodAxis': { en: 'Likelihood', fr: 'Vraisemblance' },
    'matrix.impactAxis': { en: 'Impact', fr: 'Gravité' },
    'matrix.scoreRange': { en: '{zone}: score {from} to {to}', fr: '{zone} : score de {from} à {to}' },
    'matrix.scoreFrom': { en: '{zone}: score {from} or more', fr: '{zone} : score de {from} ou plus' },
    'matrix.scoreBelow': { en: '{zone}: score below {to}', fr: '{zone} : score inférieur à {to}' },

    // Glossary
    'glossary.rto.term': { en: 'RTO — Recovery time objective', fr: 'DMIA (RTO) — Durée maximale d\'interruption admissible' },
    'glossary.rto.definition': {
        en: 'The longest an activity may be stopped before it must run again, by its normal means or a fallback.',
        fr: 'Durée au-delà de laquelle une activité arrêtée doit avoir redémarré, par ses moyens habituels ou un moyen de secours.'
    },
    'glossary.rpo.term': { en: 'RPO — Recovery point objective', fr: 'PDMA (RPO) — Perte de données maximale admissible' },
    'glossary.rpo.definition': {
        en: 'The most recent work an activity may lose, counted back from the incident: how old the last usable copy may be.',
        fr: 'Quantité de travail récent qu\'une activité peut perdre, comptée depuis l\'incident : l\'âge maximal de la dernière copie utilisable.'
    },
    'glossary.mtpd.term': {
        en: 'MTPD — Maximum tolerable period of disruption',
        fr: 'DMIS (MTPD) — Durée maximale d\'interruption supportable'
    },
    'glossary.mtpd.definition': {
        en: 'Beyond it, the interruption threatens the organisation: the RTO must be shorter.',
        fr: 'Au-delà, l\'interruption met l\'organisation en péril : la DMIA doit être plus courte.'
    },
    'glossary.bia.term': { en: 'BIA — Business impact analysis', fr: 'BIA — Analyse d\'impact sur l\'activité' },
    'glossary.bia.definition': {
        en: 'How the consequences of stopping each activity grow over time; it sets the RTO, RPO and MTPD.',
        fr: 'Évaluation de l\'aggravation des conséquences de l\'arrêt de chaque activité dans le temps ; elle fixe DMIA, PDMA et DMIS.'
    },
    'glossary.bcp.term': { en: 'BCP — Business continuity plan', fr: 'PCA — Plan de continuité d\'activité' },
    'glossary.bcp.definition': {
        en: 'How the organisation keeps its essential activities running during a disruption.',
        fr: 'Dispositif qui maintient les activités essentielles pendant une perturbation.'
    },
    'glossary.drp.term': { en: 'DRP — Disaster recovery plan', fr: 'PRA — Plan de reprise d\'activité' },
    'glossary.drp.definition': {
        en: 'How the IT and the activities it serves are restored after a disaster: this document.',
        fr: 'Dispositif qui rétablit l\'informatique et les activités qu\'elle sert après un sinistre : ce document.'
    },
    'glossary.inherent.term': { en: 'Inherent risk', fr: 'Risque brut' },
    'glossary.inherent.definition': {
        en: 'A risk\'s likelihood and impact before any recovery means.',
        fr: 'Vraisemblance et gravité d\'un risque avant tout moyen de secours.'
    },
    'glossary.residual.term': { en: 'Residual risk', fr: 'Risque résiduel' },
    'glossary.residual.definition': {
        en: 'What remains once the means in place are counted; management may accept it in writing.',
        fr: 'Ce qui reste une fois comptés les moyens en place ; la direction peut l\'accepter par écrit.'
    },
    'glossary.fallback.term': { en: 'Recovery means', fr: 'Moyen de secours' },
    'glossary.fallback.definition': {
        en: 'A backup, a failover, a workaround, a contract or an insurance that restores or replaces an element.',
        fr: 'Sauvegarde, bascule, solution de contournement, contrat ou assurance qui rétablit ou remplace un élément.'
    },
    'glossary.crisisCell.term': { en: 'Crisis cell', fr: 'Cellule de crise' },
    'glossary.crisisCell.definition': {
        en: 'The people who decide and lead while the plan is active.',
        fr: 'Les personnes qui décident et pilotent tant que le plan est déclenché.'
    },
    'glossary.exercise.term': { en: 'Exercise', fr: 'Exercice' },
    'glossary.exercise.definition': {
        en: 'A test of the plan: tabletop, walkthrough, functional or full-scale.',
        fr: 'Mise à l\'épreuve du plan : sur table, revue pas à pas, fonctionnel ou grandeur nature.'
    },
    'glossary.sla.term': { en: 'SLA — Service level agreement', fr: 'SLA — Engagement de niveau de service' },
    'glossary.sla.definition': {
        en: 'What a provider commits to in its contract: restoration time, response time, availability.',
        fr: 'Ce à quoi un fournisseur s\'engage par contrat : délai de rétablissement, délai d\'intervention, disponibilité.'
    },

    // Strategy per scenario (the outage simulation of each tolerable or unacceptable risk)
    'sub.scenarios': { en: 'Strategy per scenario', fr: 'Stratégie par scénario' },
    'sub.scenario': { en: 'Scenario: {risk} (score {score}, {zone})', fr: 'Scénario : {risk} (score {score}, {zone})' },
    'empty.scenarios': {
        en: 'No risk in the tolerable or unacceptable zone targets an IT element.',
        fr: 'Aucun risque de niveau moyen ou élevé ne cible d\'élément informatique.'
    },
    'empty.scenarioActivities': {
        en: 'No activity needs what this risk targets.',
        fr: 'Aucune activité n\'a besoin de ce que ce risque cible.'
    },
    'field.back': { en: 'Back', fr: 'Reprise' },
    'field.dataLost': { en: 'Data lost', fr: 'Données perdues' },
    'text.scenarios': {
        en: 'Each risk in the tolerable or unacceptable zone played out from the morning of the plan date: the activities it stops, when each is back and how, and the order in which to restore what it destroys.',
        fr: 'Chaque risque de niveau moyen ou élevé joué à partir du matin du jour du plan : les activités qu\'il arrête, quand et comment chacune reprend, et l\'ordre dans lequel rétablir ce qu\'il détruit.'
    },

    // Sentences
    'text.summaryLead': {
        en: 'What this plan protects, where it stands and what remains to be done.',
        fr: 'Ce que ce plan protège, où il en est et ce qui reste à faire.'
    },
    'text.activitiesOf': { en: 'Activities: {level}', fr: 'Activités : {level}' },
    'text.rtoMet': { en: 'Recovery time (RTO) met', fr: 'Délai de reprise (DMIA) tenu' },
    'text.rpoMet': { en: 'Data loss (RPO) met', fr: 'Perte de données (PDMA) tenue' },
    'text.metOf': { en: '{met} of {of} activities', fr: '{met} {met|activité|activités} sur {of}' },
    'text.noRequirement': { en: 'no activity states one', fr: 'aucune activité n\'en fixe' },
    'text.count.error': { en: '{count} {count|error|errors}', fr: '{count} {count|erreur|erreurs}' },
    'text.count.warning': { en: '{count} {count|warning|warnings}', fr: '{count} {count|avertissement|avertissements}' },
    'text.count.info': { en: '{count} for information', fr: '{count} pour information' },
    'text.count.hint': { en: '{count} {count|hint|hints}', fr: '{count} {count|suggestion|suggestions}' },
    'text.openGaps': { en: 'Open gaps', fr: 'Écarts ouverts' },
    'text.budgetInPlace': { en: 'Budget of the means in place', fr: 'Budget des moyens en place' },
    'text.budgetPlanned': { en: 'Budget of the means planned', fr: 'Budget des moyens prévus' },
    'text.nextExercise': { en: 'Next exercise', fr: 'Prochain exercice' },
    'text.noExercisePlanned': { en: 'none scheduled', fr: 'aucun programmé' },
    'text.none': { en: 'none', fr: 'aucun' },
    'text.registerOrder': {
        en: 'Risks by score, highest first; the full register is in the annexes.',
        fr: 'Risques par score décroissant ; le registre complet est en annexe.'
    },
    'text.biaOrder': { en: 'Activities by criticality, most critical first.', fr: 'Activités par criticité décroissante.' },
    'text.impactCorner': { en: 'Activity / after', fr: 'Activité / au bout de' },
    'text.impactLine': { en: '{category}: {level} ({label}) after {after}', fr: '{category} : {level} ({label}) au bout de {after}' },
    'text.impactLineNow': {
        en: '{category}: {level} ({label}) from the start{after}',
        fr: '{category} : {level} ({label}) dès l\'arrêt{after}'
    },
    'text.immediately': { en: 'at once', fr: 'immédiat' },
    'text.within': { en: 'within {time}', fr: 'sous {time}' },
    'text.deadline': { en: 'deadline {time} after activation', fr: 'échéance {time} après le déclenchement' },
    'text.parallel': { en: 'in parallel', fr: 'en parallèle' },
    'text.itElements': {
        en: 'IT elements by the criticality of the activities that need them.',
        fr: 'Éléments informatiques par criticité des activités qui en ont besoin.'
    },
    'text.timelineLegend': {
        en: 'Each activity: red while down, amber while recovering, green once back, grey when the plan gives no return time; dashed line: its RTO, solid line: its MTPD. A time past the axis is written at its right edge with an arrow.',
        fr: 'Chaque activité : rouge tant qu\'elle est arrêtée, jaune pendant sa reprise, verte une fois rétablie, grise quand le plan ne donne pas de délai de reprise ; tiret : sa DMIA, trait plein : sa durée maximale supportable. Un temps au-delà de l\'axe est écrit à son bord droit avec une flèche.'
    },
    'text.timelineCharts': {
        en: 'Charts are drawn for the {max} riskiest scenarios; the {rest} {rest|other|others} are given by {rest|its|their} table and restore order.',
        fr: 'Les graphiques sont tracés pour les {max} scénarios les plus risqués ; {rest|l\'autre est donné|les {rest} autres sont donnés} par {rest|son|leur} tableau et {rest|son|leur} ordre de reprise.'
    },
    'text.timelineTooLarge': {
        en: 'The chart of this scenario would have {count} rows: more than the {max} a page can show legibly. The table below gives every activity\'s figures.',
        fr: 'Le graphique de ce scénario aurait {count} lignes : plus que les {max} qu\'une page peut montrer lisiblement. Le tableau ci-dessous donne les chiffres de chaque activité.'
    },
    'text.diagramLegend': {
        en: 'An arrow goes from what needs to what is needed. Activities are framed in the colour of their criticality (red: critical, yellow: high).',
        fr: 'Une flèche va de ce qui a besoin vers ce dont il a besoin. Les activités sont encadrées de la couleur de leur criticité (rouge : critique, jaune : haute).'
    },
    'text.diagramTooLarge': {
        en: 'The plan has {count} activities and IT elements: more than the {max} a diagram can show legibly. Each element\'s dependencies are listed in the annexes.',
        fr: 'Le plan compte {count} activités et éléments informatiques : plus que les {max} qu\'un schéma peut montrer lisiblement. Les dépendances de chaque élément sont listées en annexe.'
    },
    'text.strategy': {
        en: 'For each activity: what is required, what the means in place achieve and how. A requirement that is missed is shown in red.',
        fr: 'Pour chaque activité : ce qui est exigé, ce que les moyens en place permettent et comment. Une exigence non tenue est signalée en rouge.'
    },
    'text.notRecovered': { en: 'not recovered by the means in place', fr: 'non rétablie par les moyens en place' },
    'text.achievedDirect': { en: '{time}, directly by {via}', fr: '{time}, directement par {via}' },
    'text.achievedAsset': { en: '{time}, through its IT elements ({via})', fr: '{time}, par ses éléments informatiques ({via})' },
    'text.atLeast': { en: 'at least ', fr: 'au moins ' },
    'text.missed': { en: 'requirement missed', fr: 'exigence non tenue' },
    'text.requirementMissed': { en: 'Requirement missed', fr: 'Exigence non tenue' },
    'text.pathEmpty': { en: 'needs no IT element', fr: 'n\'a besoin d\'aucun élément informatique' },
    'text.pathNone': { en: 'no means in place for {asset}', fr: 'aucun moyen en place pour {asset}' },
    'text.pathExact': { en: '{time}: slowest is {asset}, by {via}', fr: '{time} : le plus lent est {asset}, par {via}' },
    'text.pathAtLeast': {
        en: 'at least {time} (slowest known: {asset}, by {via}); some means state no figure',
        fr: 'au moins {time} (le plus lent connu : {asset}, par {via}) ; certains moyens n\'indiquent pas de valeur'
    },
    'text.pathUnknown': {
        en: 'unknown: the means in place state no figure',
        fr: 'inconnu : les moyens en place n\'indiquent pas de valeur'
    },
    'text.manualWorkaround': { en: 'manual workaround', fr: 'mode manuel' },
    'text.noDirect': { en: 'none', fr: 'aucune' },
    'text.options': {
        en: 'Every means that could serve each activity, whatever its status, beside what a stop costs: only means in place count in the figures and the budget.',
        fr: 'Tous les moyens qui pourraient servir chaque activité, quel que soit leur statut, face au coût d\'un arrêt : seuls les moyens en place comptent dans les valeurs et le budget.'
    },
    'text.lossOf': { en: 'A stop costs {amount} per {period}.', fr: 'Un arrêt coûte {amount} par {period}.' },
    'text.noLoss': { en: 'The cost of a stop is not stated.', fr: 'Le coût d\'un arrêt n\'est pas indiqué.' },
    'text.per.day': { en: 'day', fr: 'jour' },
    'text.per.hour': { en: 'hour', fr: 'heure' },
    'text.perYear': { en: '{amount} per year', fr: '{amount} par an' },
    'text.perMonth': { en: '{amount} per month', fr: '{amount} par mois' },
    'text.once': { en: '{amount} once', fr: '{amount} une fois' },
    'text.witness': { en: 'Whoever notices the incident', fr: 'Toute personne constatant l\'incident' },
    'text.decidesActivation': { en: 'decides whether to activate the plan', fr: 'décide du déclenchement du plan' },
    'text.callTree': {
        en: 'Each person calls the next; if they cannot be reached, call their deputy.',
        fr: 'Chacun appelle le suivant ; s\'il est injoignable, appeler son suppléant.'
    },
    'text.crisisCard': {
        en: 'One page to keep at hand, printed, away from the IT it protects.',
        fr: 'Une page à garder sous la main, imprimée, loin de l\'informatique qu\'elle protège.'
    },
    'text.calls': { en: 'calls', fr: 'appelle' },
    'text.deputyOf': { en: 'Deputy: {who}', fr: 'Suppléant : {who}' },
    'text.suppliers': {
        en: 'Providers of the IT elements and of the recovery means, with what their contracts commit to.',
        fr: 'Fournisseurs des éléments informatiques et des moyens de secours, avec les engagements de leurs contrats.'
    },
    'text.planned': { en: 'exercise scheduled', fr: 'exercice programmé' },
    'text.dueNow': { en: 'to schedule now', fr: 'à programmer dès maintenant' },
    'text.actionPlan': {
        en: 'The gaps still open, most urgent first. Due dates: errors within a month of this version, warnings within three months, the rest by the next review.',
        fr: 'Les écarts encore ouverts, les plus urgents d\'abord. Échéances : erreurs sous un mois après cette version, avertissements sous trois mois, le reste à la prochaine revue.'
    },
    'text.accepted': {
        en: '{count} {count|gap|gaps} accepted in writing by management, with the reason and the end of the acceptance.',
        fr: '{count} {count|écart accepté|écarts acceptés} par écrit par la direction, avec le motif et la fin de l\'acceptation.'
    },
    'text.acceptedBy': { en: 'accepted by {by}: {reason}', fr: 'accepté par {by} : {reason}' },
    'text.annexes': {
        en: 'The full registers, with the identifiers used in the plan\'s text.',
        fr: 'Les registres complets, avec les identifiants utilisés dans le texte du plan.'
    },
    'text.annex': { en: 'Annex {letter}', fr: 'Annexe {letter}' },
    'text.findingsCount': {
        en: '{count} {count|finding|findings}, {open} open.',
        fr: '{count} {count|constat|constats}, dont {open} {open|ouvert|ouverts}.'
    },
    'text.offsite': { en: 'offsite', fr: 'hors site' },
    'text.offline': { en: 'offline', fr: 'hors ligne' },
    'text.testAge': { en: '{date} ({state})', fr: '{date} ({state})' }
} satisfies Readonly<Record<string, Texts>>;

/** A key of the document's texts: a key without texts in both languages does not compile. */
export type ExportTextKey = keyof typeof texts;
/** The part after `prefix.` of the keys starting with it (`field.owner` → `owner`). */
export type ExportKeySuffix<P extends string> = KeySuffix<ExportTextKey, `${P}.`>;

/** Words for the closed vocabularies (enum values) that the messages catalogue does not hold. */
const values: Readonly<Record<string, Texts>> = {
    // asset kinds
    'kind.server': { en: 'server', fr: 'serveur' },
    'kind.saas': { en: 'SaaS', fr: 'SaaS' },
    'kind.application': { en: 'application', fr: 'application' },
    'kind.network': { en: 'network', fr: 'réseau' },
    'kind.internet': { en: 'internet', fr: 'internet' },
    'kind.workstation': { en: 'workstation', fr: 'poste de travail' },
    'kind.telephony': { en: 'telephony', fr: 'téléphonie' },
    'kind.printer': { en: 'printer', fr: 'imprimante' },
    'kind.data': { en: 'data', fr: 'données' },
    'kind.facility': { en: 'facility', fr: 'local' },
    'kind.other': { en: 'other', fr: 'autre' },
    'kind.': { en: 'unspecified kind', fr: 'nature non précisée' },
    // impact categories
    'impact.financial': { en: 'financial', fr: 'financier' },
    'impact.legal': { en: 'legal', fr: 'juridique' },
    'impact.reputation': { en: 'reputation', fr: 'image' },
    'impact.operational': { en: 'operational', fr: 'opérationnel' },
    'impact.safety': { en: 'safety', fr: 'sécurité des personnes' },
    'impact.data': { en: 'data', fr: 'données' },
    // risk categories
    'risk.cyber': { en: 'cyber', fr: 'cyber' },
    'risk.fire': { en: 'fire', fr: 'incendie' },
    'risk.flood': { en: 'flood', fr: 'inondation' },
    'risk.power': { en: 'power', fr: 'électricité' },
    'risk.hardware': { en: 'hardware', fr: 'matériel' },
    'risk.software': { en: 'software', fr: 'logiciel' },
    'risk.network': { en: 'network', fr: 'réseau' },
    'risk.supplier': { en: 'supplier', fr: 'fournisseur' },
    'risk.human': { en: 'human', fr: 'humain' },
    'risk.theft': { en: 'theft', fr: 'vol' },
    'risk.other': { en: 'other', fr: 'autre' },
    // fallback types
    'type.backup': { en: 'backup', fr: 'sauvegarde' },
    'type.restore': { en: 'restore', fr: 'restauration' },
    'type.failover': { en: 'failover', fr: 'bascule' },
    'type.redundancy': { en: 'redundancy', fr: 'redondance' },
    'type.network': { en: 'network', fr: 'réseau' },
    'type.telephony': { en: 'telephony', fr: 'téléphonie' },
    'type.workaround': { en: 'workaround', fr: 'solution de contournement' },
    'type.communication': { en: 'communication', fr: 'communication' },
    'type.insurance': { en: 'insurance', fr: 'assurance' },
    'type.site': { en: 'site', fr: 'site de repli' },
    'type.other': { en: 'other', fr: 'autre' },
    'type.': { en: 'unspecified type', fr: 'type non précisé' },
    'mode.technical': { en: 'technical', fr: 'technique' },
    'mode.organisational': { en: 'organisational', fr: 'organisationnel' },
    'resource.internal': { en: 'internal', fr: 'interne' },
    'resource.external': { en: 'external', fr: 'externe' },
    'audience.staff': { en: 'staff', fr: 'personnel' },
    'audience.clients': { en: 'clients', fr: 'clients' },
    'audience.suppliers': { en: 'suppliers', fr: 'fournisseurs' },
    'audience.authorities': { en: 'authorities', fr: 'autorités' },
    'audience.insurers': { en: 'insurers', fr: 'assureurs' },
    'audience.press': { en: 'press', fr: 'presse' },
    'phase.before': { en: 'before', fr: 'avant' },
    'phase.during': { en: 'during', fr: 'pendant' },
    'phase.after': { en: 'after', fr: 'après' },
    'phase.': { en: 'unspecified', fr: 'non précisée' },
    'exercise.tabletop': { en: 'tabletop', fr: 'sur table' },
    'exercise.walkthrough': { en: 'walkthrough', fr: 'revue pas à pas' },
    'exercise.functional': { en: 'functional', fr: 'fonctionnel' },
    'exercise.full-scale': { en: 'full-scale', fr: 'grandeur nature' },
    'result.passed': { en: 'passed', fr: 'réussi' },
    'result.partial': { en: 'partial', fr: 'partiel' },
    'result.failed': { en: 'failed', fr: 'échoué' },
    'test.fresh': { en: 'tested within 12 months', fr: 'testé depuis moins de 12 mois' },
    'test.stale': { en: 'older than 12 months', fr: 'plus de 12 mois' },
    'test.missing': { en: 'never tested', fr: 'jamais testé' },
    'test.failed': { en: 'latest exercise failed', fr: 'dernier exercice échoué' },
    'status.active': { en: 'in place', fr: 'en place' },
    'status.planned': { en: 'planned', fr: 'prévu' },
    'status.option': { en: 'option under study', fr: 'option à l\'étude' },
    'status.rejected': { en: 'rejected', fr: 'écarté' },
    'crisis.alert': { en: 'alerted', fr: 'alerté' },
    'crisis.activation': { en: 'activates', fr: 'déclenche' },
    'crisis.pilot': { en: 'pilots', fr: 'pilote' },
    'crisis.team': { en: 'crisis cell', fr: 'cellule de crise' },
    'severity.error': { en: 'error', fr: 'erreur' },
    'severity.warning': { en: 'warning', fr: 'avertissement' },
    'severity.info': { en: 'information', fr: 'information' },
    'severity.hint': { en: 'hint', fr: 'suggestion' }
};

/** Whether a key built from a value of the plan has texts. */
export const isExportTextKey = (key: string): key is ExportTextKey => isTextKey(texts, key);

export const exportText: TextLookup<ExportTextKey> = textLookup(texts, 'export');

/** Every key of the fixed texts and of the vocabulary words: what the translation test walks. */
export const exportTextKeys: readonly string[] = Object.keys(texts);
export const exportValueEntries: ReadonlyArray<[string, Texts]> = Object.entries(values);
export const exportTextEntries: ReadonlyArray<[string, Texts]> = Object.entries(texts);

/** The word for a vocabulary value (`valueWord('type', 'backup', 'fr')` → "sauvegarde"); the value itself when unknown. */
export function valueWord(vocabulary: string, value: string | undefined, lang: Lang): string {
    const entry = values[`${vocabulary}.${value ?? ''}`];
    return entry ? entry[lang] : value ?? '';
}

/** The BCP 47 locale used for dates and numbers. */
export function localeOf(lang: Lang): string {
    return lang === 'fr' ? 'fr-FR' : 'en-GB';
}
