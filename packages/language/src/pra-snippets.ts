import type { Lang } from './pra-messages.js';
import { planSkeleton } from './pra-plan-skeleton.js';
import { vocabulary, type VocabularyName } from './pra-vocabulary.js';

/**
 * Snippets in VS Code snippet syntax, as plain data: served by the language server's completion
 * and reused as is by the VS Code extension's snippet file.
 */

export interface PraSnippet {
    name: string;
    prefix: string;
    description: string;
    body: string[];
    /** Written inside these blocks (parser rule names); absent for the top level. */
    inside?: readonly string[];
}

/**
 * The New Plan skeleton as a snippet: its text with snippet syntax's `$` and `\\` escaped, its
 * organisation and dates as tab stops (marked by private-use characters no plan text holds).
 */
function skeletonSnippet(lang: Lang, name: string, prefix: string, description: string): PraSnippet {
    const stops: Record<string, string> = { '\uE001': '${1:Organisation}', '\uE002': '${2:2026-01-01}', '\uE003': '${3:2027-01-01}' };
    const text = planSkeleton({ organisation: '\uE001', lang, date: '\uE002', review: '\uE003' })
        .replace(/[$\\]/g, ch => `\\${ch}`)
        .replace(/[\uE001-\uE003]/g, mark => stops[mark]);
    return { name, prefix, description, body: [...text.trimEnd().split('\n'), '$0'] };
}

/** A choice placeholder listing a vocabulary, so the snippets follow pra-vocabulary.ts. */
const choice = (index: number, name: VocabularyName): string => `\${${index}|${vocabulary[name].join(',')}|}`;

/** Every block that takes `accept` lines: the plan and each named element. */
const acceptingBlocks = ['Plan', 'Role', 'Asset', 'Activity', 'Risk', 'Fallback', 'Procedure', 'Exercise'] as const;

export const praSnippets: readonly PraSnippet[] = [
    skeletonSnippet('fr', 'Plan skeleton', 'pra-plan', 'Un plan complet selon les six points du modèle (en français)'),
    skeletonSnippet('en', 'Plan skeleton (English)', 'pra-plan-en', 'A whole plan following the six points of the template (in English)'),
    {
        name: 'Plan header', prefix: 'plan', description: 'The plan block: title, version, date, language, owner / l\'en-tête du plan',
        body: [
            'plan "${1:Plan de secours informatique}" {',
            '    organisation "${2:Organisation}"',
            '    version      "${3:1.0}"',
            '    date         ${4:2026-01-01}',
            '    language     ' + choice(5, 'language'),
            '    owner        ${6:Role}',
            '    review       ${7:2027-01-01}',
            '}$0'
        ]
    },
    {
        name: 'Role', prefix: 'role', description: 'A role and its contact / un rôle et son contact',
        body: [
            'role ${1:Name} "${2:Title}" {',
            '    holder "${3:Holder}"',
            '    phone  "${4:+33 6 00 00 00 00}"',
            '    email  "${5:name@example.org}"',
            '    deputy ${6:Deputy}',
            '}$0'
        ]
    },
    {
        name: 'Asset', prefix: 'asset', description: 'An IT element / un élément informatique',
        body: ['asset ${1:Name} "${2:Title}" {', '    kind  ' + choice(3, 'assetKind'), '    owner ${4:Role}', '}$0']
    },
    {
        name: 'Activity', prefix: 'activity', description: 'An activity and its continuity requirements / une activité et ses exigences de continuité',
        body: [
            'activity ${1:Name} "${2:Title}" {',
            '    owner       ${3:Role}',
            '    criticality ' + choice(4, 'criticality'),
            '    rto         ${5:4h}',
            '    rpo         ${6:1d}',
            '    mtpd        ${7:3d}',
            '    uses        ${8:Asset}',
            '}$0'
        ]
    },
    {
        name: 'Risk', prefix: 'risk', description: 'A risk with its levels / un risque et ses niveaux',
        body: [
            'risk ${1:Name} "${2:Title}" {',
            '    category     ' + choice(3, 'riskCategory'),
            '    likelihood   ${4:2}',
            '    impact       ${5:3}',
            '    targets      ${6:Asset}',
            '    mitigated by ${7:Fallback}',
            '    owner        ${8:Role}',
            '}$0'
        ]
    },
    {
        name: 'Fallback', prefix: 'fallback', description: 'A means of recovery / un moyen de secours',
        body: [
            'fallback ${1:Name} "${2:Title}" {',
            '    type     ' + choice(3, 'fallbackType'),
            '    mode     ' + choice(4, 'mode'),
            '    resource ' + choice(5, 'resource'),
            '    covers   ${6:Asset}',
            '    rto      ${7:8h}',
            '    rpo      ${8:1d}',
            '    tested   ${9:2026-01-01}',
            '    owner    ${10:Role}',
            '}$0'
        ]
    },
    {
        name: 'Crisis organisation', prefix: 'crisis', description: 'Alert, activation, pilot and team / alerte, activation, pilotage et cellule',
        body: [
            'crisis {',
            '    alert      "${1:How the alert is given}" to ${2:Role}',
            '    activation ${3:Role}',
            '    pilot      ${4:Role}',
            '    team       ${5:Role}',
            '    meeting    "${6:Where the crisis team meets}"',
            '}$0'
        ]
    },
    {
        name: 'Procedure', prefix: 'procedure', description: 'Instructions before, during or after / consignes avant, pendant ou après',
        body: [
            'procedure ${1:Name} "${2:Title}" {',
            '    phase ' + choice(3, 'phase'),
            '    for   ${4:Activity}',
            '    step  "${5:What to do}" by ${6:Role} within ${7:1h}',
            '}$0'
        ]
    },
    {
        name: 'Exercise', prefix: 'exercise', description: 'A test of a fallback or procedure / un test de secours',
        body: [
            'exercise ${1:Name} "${2:Title}" {',
            '    date   ${3:2026-01-01}',
            '    type   ' + choice(4, 'exerciseType'),
            '    tests  ${5:Fallback}',
            '    result ' + choice(6, 'result'),
            '}$0'
        ]
    },
    {
        name: 'Scales', prefix: 'scale', description: 'Likelihood and impact scales (EBIOS RM) / échelles de vraisemblance et de gravité',
        body: [
            'scale likelihood {',
            '    1 "${1:Peu vraisemblable}"',
            '    2 "${2:Vraisemblable}"',
            '    3 "${3:Très vraisemblable}"',
            '    4 "${4:Quasi certain}"',
            '}',
            '',
            'scale impact {',
            '    1 "${5:Mineure}"',
            '    2 "${6:Significative}"',
            '    3 "${7:Grave}"',
            '    4 "${8:Critique}"',
            '}$0'
        ]
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
        body: [
            'parallel {',
            '    step "${1:First task}" by ${2:Role} within ${3:30min}',
            '    step "${4:Second task}" by ${5:Role} within ${6:1h}',
            '}$0'
        ]
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
