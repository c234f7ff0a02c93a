/**
 * Snippets in VS Code snippet syntax, as plain data: served by the language server's completion
 * and reused as is by the VS Code extension's snippet file.
 */
import { vocabulary, type VocabularyName } from './pra-vocabulary.js';

export interface PraSnippet {
    name: string;
    prefix: string;
    description: string;
    body: string[];
    /** Written inside these blocks (parser rule names); absent for the top level. */
    inside?: readonly string[];
}

/** A choice placeholder listing a vocabulary, so the snippets follow pra-vocabulary.ts. */
const choice = (index: number, name: VocabularyName): string => `\${${index}|${vocabulary[name].join(',')}|}`;

/** Every block that takes `accept` lines: the plan and each named element. */
const acceptingBlocks = ['Plan', 'Role', 'Asset', 'Activity', 'Risk', 'Fallback', 'Procedure', 'Exercise'] as const;

export const praSnippets: readonly PraSnippet[] = [
    {
        name: 'Plan skeleton', prefix: 'pra-plan',
        description: 'A whole plan following the six points of the template / un plan complet selon les six points du modèle',
        body: [
            'plan "${1:Plan de secours informatique}" {',
            '    organisation "${2:Organisation}"',
            '    version      "${3:1.0}"',
            '    date         ${4:2026-01-01}',
            '    language     ' + choice(5, 'language'),
            '    owner        ${6:Resp-Informatique}',
            '    review       ${7:2027-01-01}',
            '}',
            '',
            '// Rôles / roles — point 6: qui fait quoi ? / who does what?',
            'role ${6:Resp-Informatique} "${8:Responsable informatique}" {',
            '    holder "${9:Nom}"',
            '    phone  "${10:+33 6 00 00 00 00}"',
            '    deputy ${11:Direction}',
            '}',
            '',
            'role ${11:Direction} "${12:Direction générale}" {',
            '    holder "${13:Nom}"',
            '    phone  "${14:+33 6 00 00 00 01}"',
            '    deputy ${6:Resp-Informatique}',
            '}',
            '',
            '// Point 2 — éléments informatiques indispensables / indispensable IT elements',
            'asset ${15:Serveur} "${16:Serveur de fichiers}" {',
            '    kind  ' + choice(17, 'assetKind'),
            '    owner ${6:Resp-Informatique}',
            '}',
            '',
            '// Point 1 — exigences de continuité par activité / continuity requirements per activity',
            'activity ${18:Facturation} "${19:Facturation clients}" {',
            '    owner       ${11:Direction}',
            '    criticality ' + choice(20, 'criticality'),
            '    rto         ${21:1d}',
            '    rpo         ${22:4h}',
            '    mtpd        ${23:3d}',
            '    uses        ${15:Serveur}',
            '}',
            '',
            '// Point 3 — risques priorisés / prioritised risks (score = likelihood × impact)',
            'risk ${24:Rancongiciel} "${25:Attaque par rançongiciel}" {',
            '    category     ' + choice(26, 'riskCategory'),
            '    likelihood   ${27:3}',
            '    impact       ${28:4}',
            '    targets      ${15:Serveur}',
            '    mitigated by ${29:Sauvegarde}',
            '    residual likelihood ${30:2} impact ${31:3}',
            '}',
            '',
            '// Points 4 et 5 — moyens de secours et options techniques / fallbacks and technical options',
            'fallback ${29:Sauvegarde} "${32:Sauvegarde externalisée}" {',
            '    type     backup',
            '    mode     technical',
            '    resource ' + choice(33, 'resource'),
            '    covers   ${15:Serveur}',
            '    rto      ${34:8h}',
            '    rpo      ${35:24h}',
            '    cost     ${36:1200} EUR per year',
            '    tested   ${37:2026-01-01}',
            '    offsite',
            '}',
            '',
            'fallback ${38:Communication} "${39:Message aux clients et au personnel}" {',
            '    type     communication',
            '    mode     organisational',
            '    audience clients, staff',
            '}',
            '',
            '// Point 6 — organisation de crise / crisis organisation: alerte, activation, pilotage',
            'crisis {',
            '    alert      "${40:Toute personne constatant la panne appelle le responsable informatique}" to ${6:Resp-Informatique}',
            '    activation ${11:Direction}',
            '    pilot      ${6:Resp-Informatique}',
            '    team       ${11:Direction}, ${6:Resp-Informatique}',
            '}',
            '',
            '// Rattrapage / catch-up: consignes après la crise / instructions after the crisis',
            'procedure ${41:Retour-Normale} "${42:Retour à la normale}" {',
            '    phase after',
            '    for   ${18:Facturation}',
            '    step  "${43:Vérifier les données restaurées}" by ${6:Resp-Informatique} within ${44:1d}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Plan header', prefix: 'plan', description: 'The plan block: title, version, date, language, owner / l\'en-tête du plan',
        body: ['plan "${1:Plan de secours informatique}" {', '    organisation "${2:Organisation}"', '    version      "${3:1.0}"', '    date         ${4:2026-01-01}', '    language     ' + choice(5, 'language'), '    owner        ${6:Role}', '    review       ${7:2027-01-01}', '}$0']
    },
    {
        name: 'Role', prefix: 'role', description: 'A role and its contact / un rôle et son contact',
        body: ['role ${1:Name} "${2:Title}" {', '    holder "${3:Holder}"', '    phone  "${4:+33 6 00 00 00 00}"', '    email  "${5:name@example.org}"', '    deputy ${6:Deputy}', '}$0']
    },
    {
        name: 'Asset', prefix: 'asset', description: 'An IT element / un élément informatique',
        body: ['asset ${1:Name} "${2:Title}" {', '    kind  ' + choice(3, 'assetKind'), '    owner ${4:Role}', '}$0']
    },
    {
        name: 'Activity', prefix: 'activity', description: 'An activity and its continuity requirements / une activité et ses exigences de continuité',
        body: ['activity ${1:Name} "${2:Title}" {', '    owner       ${3:Role}', '    criticality ' + choice(4, 'criticality'), '    rto         ${5:4h}', '    rpo         ${6:1d}', '    mtpd        ${7:3d}', '    uses        ${8:Asset}', '}$0']
    },
    {
        name: 'Risk', prefix: 'risk', description: 'A risk with its levels / un risque et ses niveaux',
        body: ['risk ${1:Name} "${2:Title}" {', '    category     ' + choice(3, 'riskCategory'), '    likelihood   ${4:2}', '    impact       ${5:3}', '    targets      ${6:Asset}', '    mitigated by ${7:Fallback}', '    owner        ${8:Role}', '}$0']
    },
    {
        name: 'Fallback', prefix: 'fallback', description: 'A means of recovery / un moyen de secours',
        body: ['fallback ${1:Name} "${2:Title}" {', '    type     ' + choice(3, 'fallbackType'), '    mode     ' + choice(4, 'mode'), '    resource ' + choice(5, 'resource'), '    covers   ${6:Asset}', '    rto      ${7:8h}', '    rpo      ${8:1d}', '    tested   ${9:2026-01-01}', '    owner    ${10:Role}', '}$0']
    },
    {
        name: 'Crisis organisation', prefix: 'crisis', description: 'Alert, activation, pilot and team / alerte, activation, pilotage et cellule',
        body: ['crisis {', '    alert      "${1:How the alert is given}" to ${2:Role}', '    activation ${3:Role}', '    pilot      ${4:Role}', '    team       ${5:Role}', '    meeting    "${6:Where the crisis team meets}"', '}$0']
    },
    {
        name: 'Procedure', prefix: 'procedure', description: 'Instructions before, during or after / consignes avant, pendant ou après',
        body: ['procedure ${1:Name} "${2:Title}" {', '    phase ' + choice(3, 'phase'), '    for   ${4:Activity}', '    step  "${5:What to do}" by ${6:Role} within ${7:1h}', '}$0']
    },
    {
        name: 'Exercise', prefix: 'exercise', description: 'A test of a fallback or procedure / un test de secours',
        body: ['exercise ${1:Name} "${2:Title}" {', '    date   ${3:2026-01-01}', '    type   ' + choice(4, 'exerciseType'), '    tests  ${5:Fallback}', '    result ' + choice(6, 'result'), '}$0']
    },
    {
        name: 'Scales', prefix: 'scale', description: 'Likelihood and impact scales (EBIOS RM) / échelles de vraisemblance et de gravité',
        body: ['scale likelihood {', '    1 "${1:Peu vraisemblable}"', '    2 "${2:Vraisemblable}"', '    3 "${3:Très vraisemblable}"', '    4 "${4:Quasi certain}"', '}', '', 'scale impact {', '    1 "${5:Mineure}"', '    2 "${6:Significative}"', '    3 "${7:Grave}"', '    4 "${8:Critique}"', '}$0']
    },
    {
        name: 'Acceptance', prefix: 'acceptance', description: 'Zones on the risk score / zones du score de risque',
        body: ['acceptance {', '    tolerable from    ${1:4}', '    unacceptable from ${2:9}', '}$0']
    },
    {
        name: 'Exception', prefix: 'exception', description: 'What the plan does not cover / ce que le plan ne couvre pas',
        body: ['exception "${1:What this plan does not cover}"$0']
    },
    {
        name: 'Parallel steps', prefix: 'parallel', inside: ['Procedure'],
        description: 'Steps that run at the same time: the block takes as long as its longest step / des étapes menées en même temps',
        body: ['parallel {', '    step "${1:First task}" by ${2:Role} within ${3:30min}', '    step "${4:Second task}" by ${5:Role} within ${6:1h}', '}$0']
    },
    {
        name: 'Accepted finding', prefix: 'accept', inside: acceptingBlocks,
        description: 'A finding management accepts, with the reason, who and until when / un constat accepté par la direction',
        body: ['accept ${1:rto-gap} "${2:Why it is accepted}" by ${3:Role} until ${4:2027-12-31}$0']
    },
    {
        name: 'Revision', prefix: 'revision', inside: ['Plan'],
        description: 'One line of the version history / une ligne de l\'historique des versions',
        body: ['revision "${1:1.0}" ${2:2026-01-01} "${3:What changed}" by ${4:Role}$0']
    }
];
