/** Every construct of LANGUAGE.md, written as the contract shows it. */
export const contractExample = `
/* A block comment
   over two lines */
plan "Plan de secours informatique 2027" {
    organisation "Cabinet Martin & Associés"
    version "1.3"
    date 2026-11-28            // date of this version
    language fr
    owner DSI
    review 2027-06-01
}

scale likelihood { 1 "Unlikely" 2 "Likely" 3 "Very likely" 4 "Almost certain" }
scale impact     { 1 "Minor"    2 "Significant" 3 "Serious" 4 "Critical" }
acceptance { tolerable from 4  unacceptable from 9 }

role DSI "Directeur des systèmes d'information" {
    holder "Paul Martin"
    phone "+33 6 12 34 56 78"
    email "p.martin@cabinet-martin.example"
    deputy RespInfra
    external
}
role RespInfra { phone "1" deputy DSI }
role DAF { phone "2" deputy DSI }
role DG { phone "3" deputy DSI }
role Comptable { phone "4" }

asset ERP "Gestion commerciale en SaaS" {
    kind saas
    provider "Éditeur X"
    depends on Internet, SSO
    owner DSI
    sla 8h
    count 25
}
asset Internet { kind internet }
asset SSO { kind application }
asset Postes { kind workstation count 25 }
asset FileServer { kind server }
asset Serveur-Fichiers { kind server }
asset Sauvegarde_Été { kind data }

activity Facturation "Facturation clients" {
    owner DAF
    criticality critical
    rto 24h
    rpo 4h
    mtpd 3d
    impact {
        financial 2 after 4h
        financial 4 after 2d
        legal 3
        reputation 2 after 1d
        data 3
    }
    uses ERP, Postes, Internet
    manual "Factures sur modèle numéroté, envoyées par courrier"
    catchup RessaisieFactures
    helper "Cabinet comptable partenaire"
}

risk Rançongiciel "Attaque par rançongiciel" {
    category cyber
    likelihood 3
    impact 4
    downtime 5d
    targets FileServer, ERP
    mitigated by Sauvegarde, AssuranceCyber
    residual likelihood 2 impact 3
    owner DSI
}

fallback Sauvegarde "Sauvegarde externalisée chiffrée" {
    type backup
    mode technical
    resource external
    provider "Prestataire Y"
    contract "CTR-2024-118"
    covers FileServer, ERP
    rto 8h
    rpo 24h
    depends on Internet
    cost 1200 EUR per year
    tested 2026-05-12
    offsite
    offline
    owner RespInfra
    audience clients, suppliers
}
fallback AssuranceCyber { type insurance cost 80 EUR per month covers Facturation }
fallback Annonce { type communication cost 500 EUR once audience staff, clients, authorities, insurers, press }

crisis {
    alert "Toute personne constatant la panne appelle le DSI" to DSI
    activation DG
    pilot DSI
    team DG, DSI, DAF
    meeting "Salle du RDC, ou audio de secours +33 1 00 00 00 00"
}

procedure RessaisieFactures "Ressaisie des factures" {
    phase after
    for Facturation
    step "Saisir les factures émises à la main" by Comptable within 2d
    step "Rapprocher la numérotation" by DAF
}

exercise TestRestauration "Test de restauration annuel" {
    date 2026-05-12
    tests Sauvegarde
    result passed
    notes "Restauration complète en 6 h"
}

exception "Le site vitrine n'est pas couvert par ce plan"
exception "Les \\"postes\\" personnels \\\\ non plus"
`;
