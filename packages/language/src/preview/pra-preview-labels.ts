import { textLookup, type Lang, type Texts } from '../pra-messages.js';

/**
 * The preview's own words (headings, buttons): the webview shows these and computes none, and fills
 * their placeholders (`{from}`, `{names}`) itself.
 */
const labels = {
    matrix: { en: 'Risk matrix', fr: 'Matrice des risques' },
    coverage: { en: 'Coverage', fr: 'Couverture' },
    inherent: { en: 'Inherent', fr: 'Initial' },
    residual: { en: 'Residual', fr: 'Résiduel' },
    likelihood: { en: 'Likelihood', fr: 'Vraisemblance' },
    impact: { en: 'Impact', fr: 'Gravité' },
    rto: { en: 'RTO', fr: 'RTO' },
    rpo: { en: 'RPO', fr: 'RPO' },
    required: { en: 'required', fr: 'exigé' },
    achieved: { en: 'achievable', fr: 'atteignable' },
    none: { en: 'none', fr: 'aucun' },
    notStated: { en: 'not stated', fr: 'non indiqué' },
    gaps: { en: 'Open gaps', fr: 'Écarts ouverts' },
    noGaps: { en: 'No open gap.', fr: 'Aucun écart ouvert.' },
    noRisks: { en: 'No risk is declared yet.', fr: 'Aucun risque n\'est encore déclaré.' },
    noActivities: { en: 'No activity is declared yet.', fr: 'Aucune activité n\'est encore déclarée.' },
    saveSvg: { en: 'Save matrix as SVG', fr: 'Enregistrer la matrice en SVG' },
    stale: {
        en: 'The plan has syntax errors: this picture is the last correct one.',
        fr: 'Le plan contient des erreurs de syntaxe : cette image est la dernière correcte.'
    },
    movedFrom: { en: 'moved from {from}', fr: 'déplacé depuis {from}' },
    score: { en: 'score', fr: 'score' },
    // The Timeline view (a simulated outage of the scenario picked).
    planView: { en: 'Plan', fr: 'Plan' },
    timeline: { en: 'Timeline', fr: 'Chronologie' },
    views: { en: 'Views of the preview', fr: 'Vues de l\'aperçu' },
    scenario: { en: 'Outage of', fr: 'Panne de' },
    pickScenario: { en: 'Pick an asset, site or risk: its outage is simulated from now.', fr: 'Choisissez une ressource, un site ou un risque : sa panne est simulée à partir de maintenant.' },
    noScenario: { en: 'The plan declares no asset, site or risk to simulate.', fr: 'Le plan ne déclare aucune ressource, aucun site ni aucun risque à simuler.' },
    vanished: {
        en: '{names} is no longer in the plan: nothing to simulate until it is back, or pick another scenario.',
        fr: '{names} n\'est plus dans le plan : rien à simuler tant qu\'il n\'y est pas revenu, ou choisissez un autre scénario.'
    },
    closeTo: { en: 'did you mean {names}?', fr: 'vouliez-vous dire {names} ?' },
    refused: { en: 'The simulation failed: {reason}', fr: 'La simulation a échoué : {reason}' },
    assetsGroup: { en: 'Assets', fr: 'Ressources' },
    sitesGroup: { en: 'Sites', fr: 'Sites' },
    risksGroup: { en: 'Risks', fr: 'Risques' },
    openMarkdown: { en: 'Open as Markdown', fr: 'Ouvrir en Markdown' }
} as const satisfies Readonly<Record<string, Texts>>;

const previewText = textLookup(labels, 'preview');

export type PreviewLabels = { [K in keyof typeof labels]: string };

export function previewLabels(lang: Lang): PreviewLabels {
    const result = {} as Record<keyof typeof labels, string>;
    for (const key of Object.keys(labels) as Array<keyof typeof labels>) result[key] = previewText(key, lang);
    return result;
}
