import type { Lang } from './pra-messages.js';

export interface SkeletonOptions { organisation: string; lang: Lang; date: string; review: string }

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A new plan that walks the six points of the template, with a comment on each, in French or English:
 * written by the extension's New Plan command, and the `pra-plan` snippets (pra-snippets.ts).
 */
export function planSkeleton({ organisation, lang, date, review }: SkeletonOptions): string {
    const org = quote(organisation);
    if (lang === 'fr') {
        return `// Plan de reprise d'activité informatique — ${organisation.replace(/[\r\n]+/g, ' ')}
// Ce squelette suit les six points du modèle. Remplacez les exemples, puis ouvrez l'aperçu
// (PRA : Ouvrir l'aperçu de la matrice des risques sur le côté) pour voir matrice et couverture.

plan ${quote(`Plan de reprise d'activité informatique — ${organisation}`)} {
    organisation ${org}
    version      "0.1 (brouillon)"
    date         ${date}
    review       ${review}
    language     fr
    owner        Resp-Informatique
}

// Point 6 (d'abord les personnes) — qui fait quoi ? Chaque rôle a un suppléant et un téléphone.
role Resp-Informatique "Responsable informatique" {
    holder "À compléter"
    phone  "+33 6 00 00 00 00"
    deputy Direction
}

role Direction "Direction générale" {
    holder "À compléter"
    phone  "+33 6 00 00 00 01"
    deputy Resp-Informatique
}

// Point 2 — quels éléments informatiques sont indispensables ? Pensez à la téléphonie,
// aux logiciels, aux imprimantes, au réseau (point 5 : serveurs, SaaS, postes, applications).
asset Serveur "Serveur de fichiers" {
    kind  server
    owner Resp-Informatique
}

// Point 1 — pour chaque activité : exigences de continuité (DMIA = rto, PDMA = rpo),
// durée maximale supportable (mtpd) et ce qui peut se faire à la main.
activity Facturation "Facturation des clients" {
    owner       Direction
    criticality high
    rto         1d
    rpo         4h
    mtpd        3d
    uses        Serveur
}

// Point 3 — prioriser les risques : vraisemblance × gravité, puis le niveau après les mesures.
risk Rançongiciel "Attaque par rançongiciel" {
    category     cyber
    likelihood   3
    impact       4
    targets      Serveur
    mitigated by Sauvegarde
    residual likelihood 2 impact 3
    owner        Resp-Informatique
}

// Points 4 et 5 — moyens de secours techniques et organisationnels, délais et coûts.
fallback Sauvegarde "Sauvegarde externalisée" {
    type     backup
    mode     technical
    resource external
    covers   Serveur
    rto      8h
    rpo      1d
    offsite
    owner    Resp-Informatique
}

fallback Communication "Messages aux clients, fournisseurs et au personnel" {
    type     communication
    mode     organisational
    audience clients, staff
}

// Point 4 — lister les exceptions : ce que le plan ne couvre pas.
exception "À compléter : ce que ce plan ne couvre pas."

// Point 6 — alerte, activation, pilotage ; puis consignes avant, pendant et après (rattrapage).
crisis {
    alert      "Toute personne constatant la panne appelle le responsable informatique" to Resp-Informatique
    activation Direction
    pilot      Resp-Informatique
    team       Direction, Resp-Informatique
}

procedure Retour-Normale "Retour à la normale et rattrapage" {
    phase after
    for   Facturation
    step  "Vérifier les données restaurées" by Resp-Informatique within 4h
}
`;
    }
    return `// IT disaster-recovery plan — ${organisation.replace(/[\r\n]+/g, ' ')}
// This skeleton walks the six points of the template. Replace the examples, then open the preview
// (PRA: Open Risk Matrix Preview to the Side) to see the risk matrix and the coverage.

plan ${quote(`IT disaster-recovery plan — ${organisation}`)} {
    organisation ${org}
    version      "0.1 (draft)"
    date         ${date}
    review       ${review}
    language     en
    owner        IT-Manager
}

// Point 6 (people first) — who does what? Every role has a deputy and a phone number.
role IT-Manager "IT manager" {
    holder "To be completed"
    phone  "+44 7700 900000"
    deputy Management
}

role Management "Management" {
    holder "To be completed"
    phone  "+44 7700 900001"
    deputy IT-Manager
}

// Point 2 — which IT elements are indispensable? Think of telephony, software, printers,
// the network (point 5: servers, SaaS, workstations, applications).
asset File-Server "File server" {
    kind  server
    owner IT-Manager
}

// Point 1 — for each activity: continuity requirements (rto, rpo), the maximum tolerable
// period of disruption (mtpd), and what can be done by hand.
activity Invoicing "Customer invoicing" {
    owner       Management
    criticality high
    rto         1d
    rpo         4h
    mtpd        3d
    uses        File-Server
}

// Point 3 — prioritise the risks: likelihood × impact, then the level after mitigation.
risk Ransomware "Ransomware attack" {
    category     cyber
    likelihood   3
    impact       4
    targets      File-Server
    mitigated by Offsite-Backup
    residual likelihood 2 impact 3
    owner        IT-Manager
}

// Points 4 and 5 — technical and organisational fallbacks, their delays and costs.
fallback Offsite-Backup "Offsite backup" {
    type     backup
    mode     technical
    resource external
    covers   File-Server
    rto      8h
    rpo      1d
    offsite
    owner    IT-Manager
}

fallback Communication "Messages to customers, suppliers and staff" {
    type     communication
    mode     organisational
    audience clients, staff
}

// Point 4 — list the exceptions: what the plan does not cover.
exception "To be completed: what this plan does not cover."

// Point 6 — alert, activation, pilot; then instructions before, during and after (catch-up).
crisis {
    alert      "Whoever notices the outage calls the IT manager" to IT-Manager
    activation Management
    pilot      IT-Manager
    team       Management, IT-Manager
}

procedure Back-To-Normal "Back to normal and catch-up" {
    phase after
    for   Invoicing
    step  "Check the restored data" by IT-Manager within 4h
}
`;
}
