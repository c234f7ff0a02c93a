import type { PlanAnalysis, Achieved } from '../pra-analysis.js';
import type { CheckFinding } from '../pra-check-report.js';
import type { Severity } from '../pra-codes.js';
import { formatDuration, titleOf, word, zoneWord, type Lang } from '../pra-messages.js';
import type { SourceRef } from '../pra-model.js';
import { riskMatrix, type MatrixLevel, type MatrixTray, type RiskMatrix } from '../pra-risk-matrix.js';
import type { Zone } from '../pra-vocabulary.js';
import { previewLabels, type PreviewLabels } from './pra-preview-labels.js';

/** A finding of one of the plan's files (the check report's shape, plus the file). */
export type PlanFinding = CheckFinding & { uri: string };

export interface PreviewPosition { likelihood: number; impact: number; score: number; zone: Zone; zoneLabel: string }
export interface PreviewRisk {
    name: string;
    title?: string;
    inherent?: PreviewPosition;
    /** Where the risk stands after mitigation: its inherent position when no residual is written. */
    residual?: PreviewPosition;
    moved: boolean;
    source: SourceRef;
}
export interface PreviewCell {
    likelihood: number;
    impact: number;
    score: number;
    zone: Zone;
    zoneLabel: string;
    inherent: string[];
    residual: string[];
}
export interface PreviewZone { zone: Zone; label: string; inherent: number; residual: number }
export interface PreviewMatrix {
    likelihood: MatrixLevel[];
    impact: MatrixLevel[];
    /** Rows from the highest likelihood down, columns from the lowest impact up. */
    rows: PreviewCell[][];
    /** How many risks each zone holds as drawn in the grid (the tray's are not in any zone). */
    zones: PreviewZone[];
    /** The risks below the grid, with why: none is ever left out of the picture. */
    tray: MatrixTray;
}
export interface PreviewBar {
    /** False when the activity states no requirement: "not stated", and no bar judged against it. */
    stated: boolean;
    required?: number;
    requiredText?: string;
    achieved?: number;
    achievedText?: string;
    via?: string;
    /** Bar lengths in percent of the longest duration shown (logarithmic: 15 min and 2 weeks both legible). */
    requiredPercent: number;
    achievedPercent: number;
    gap: boolean;
}
export interface PreviewGap {
    code: string;
    title: string;
    severity: Severity;
    message: string;
    element?: string;
    uri: string;
    range: CheckFinding['range'];
}
export interface PreviewActivity {
    name: string;
    title?: string;
    criticality?: string;
    criticalityLabel?: string;
    rto: PreviewBar;
    rpo: PreviewBar;
    gaps: PreviewGap[];
    source: SourceRef;
}
export interface PreviewGapSummary { code: string; title: string; count: number }

/** What the Timeline view can simulate: an asset, a site (an asset of kind site) or a risk (its targets). */
export interface PreviewScenario { name: string; kind: 'asset' | 'site' | 'risk'; title?: string }

/** Everything the preview shows, already computed and worded: the webview only lays it out. */
export interface PreviewModel {
    lang: Lang;
    title: string;
    rootUri: string;
    labels: PreviewLabels;
    matrix: PreviewMatrix;
    risks: PreviewRisk[];
    activities: PreviewActivity[];
    gaps: PreviewGap[];
    gapSummary: PreviewGapSummary[];
    openGaps: number;
    /** The Timeline view's choices, in the plan's order: assets, then sites, then risks. */
    scenarios: PreviewScenario[];
}

const syntaxCodes = new Set(['parsing-error', 'lexing-error', 'linking-error']);

/** A gap is a finding about the plan's content that needs action: errors and warnings, not syntax. */
export function isOpenGap(finding: CheckFinding): boolean {
    return finding.accepted === undefined
        && (finding.severity === 'error' || finding.severity === 'warning')
        && !syntaxCodes.has(finding.code);
}

export function buildPreviewModel(analysis: PlanAnalysis, findings: readonly PlanFinding[], lang: Lang): PreviewModel {
    const matrix = riskMatrix(analysis, lang);
    const gaps = findings.filter(isOpenGap).map(f => previewGap(f, lang));
    const position = (likelihood: number, impact: number, score: number | undefined, zone: Zone | undefined): PreviewPosition | undefined =>
        score === undefined || zone === undefined ? undefined : { likelihood, impact, score, zone, zoneLabel: zoneWord(zone, lang) };
    const risks = analysis.model.risks.map((risk): PreviewRisk => {
        const figures = analysis.risks.get(risk.name);
        const inherent = risk.likelihood !== undefined && risk.impact !== undefined
            ? position(risk.likelihood, risk.impact, figures?.score, figures?.zone) : undefined;
        const credited = (figures?.mitigationsNotInPlace.length ?? 0) === 0;
        const residual = risk.residual && credited
            ? position(risk.residual.likelihood, risk.residual.impact, figures?.residualScore, figures?.residualZone) : inherent;
        const moved = !!inherent && !!residual && (inherent.likelihood !== residual.likelihood || inherent.impact !== residual.impact);
        return { name: risk.name, title: risk.title, inherent, residual, moved, source: risk.source };
    });
    const longest = longestDuration(analysis);
    const activities = analysis.model.activities.map((activity): PreviewActivity => {
        const figures = analysis.activities.get(activity.name);
        const hasGap = (code: string): boolean => gaps.some(g => g.element === activity.name && g.code === code);
        return {
            name: activity.name, title: activity.title, criticality: activity.criticality,
            criticalityLabel: activity.criticality ? word(activity.criticality, lang) : undefined,
            rto: bar(activity.rtoMinutes, figures?.achievedRto, hasGap('rto-gap'), longest, lang),
            rpo: bar(activity.rpoMinutes, figures?.achievedRpo, hasGap('rpo-gap'), longest, lang),
            gaps: gaps.filter(g => g.element === activity.name),
            source: activity.source
        };
    });
    return {
        lang,
        title: analysis.model.header?.title ?? fileName(analysis.model.rootUri),
        rootUri: analysis.model.rootUri,
        labels: previewLabels(lang),
        matrix: {
            likelihood: matrix.likelihood, impact: matrix.impact,
            rows: matrix.rows.map(row => row.map(cell => ({ ...cell, zoneLabel: zoneWord(cell.zone, lang) }))),
            zones: zones(matrix, lang),
            tray: matrix.tray
        },
        risks, activities, gaps, gapSummary: gapSummary(gaps), openGaps: gaps.length,
        scenarios: scenarios(analysis)
    };
}

/** The names `pra/simulate` accepts (resolve-down.ts): an asset wins over a risk of the same name. */
function scenarios(analysis: PlanAnalysis): PreviewScenario[] {
    const assets = analysis.model.assets.map((asset): PreviewScenario =>
        ({ name: asset.name, kind: asset.kind === 'site' ? 'site' : 'asset', title: asset.title }));
    const taken = new Set(assets.map(a => a.name));
    const risks = analysis.model.risks.filter(risk => !taken.has(risk.name))
        .map((risk): PreviewScenario => ({ name: risk.name, kind: 'risk', title: risk.title }));
    return [...assets.filter(a => a.kind === 'asset'), ...assets.filter(a => a.kind === 'site'), ...risks];
}

function previewGap(finding: PlanFinding, lang: Lang): PreviewGap {
    return {
        code: finding.code, title: titleOf(finding.code, lang), severity: finding.severity, message: finding.message,
        element: finding.element, uri: finding.uri, range: finding.range
    };
}

/** The legend counts what the grid draws: a risk in the tray is in no zone. */
function zones(matrix: RiskMatrix, lang: Lang): PreviewZone[] {
    const cells = matrix.rows.flat();
    const count = (zone: Zone, view: 'inherent' | 'residual'): number =>
        cells.filter(cell => cell.zone === zone).reduce((n, cell) => n + cell[view].length, 0);
    return (['unacceptable', 'tolerable', 'acceptable'] as const)
        .map(zone => ({ zone, label: zoneWord(zone, lang), inherent: count(zone, 'inherent'), residual: count(zone, 'residual') }));
}

function gapSummary(gaps: readonly PreviewGap[]): PreviewGapSummary[] {
    const byCode = new Map<string, PreviewGapSummary>();
    for (const gap of gaps) {
        const entry = byCode.get(gap.code);
        if (entry) entry.count++; else byCode.set(gap.code, { code: gap.code, title: gap.title, count: 1 });
    }
    return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function longestDuration(analysis: PlanAnalysis): number {
    let longest = 0;
    for (const activity of analysis.model.activities) {
        const figures = analysis.activities.get(activity.name);
        for (const minutes of [activity.rtoMinutes, activity.rpoMinutes, figures?.achievedRto?.minutes, figures?.achievedRpo?.minutes]) {
            if (minutes !== undefined && minutes > longest) longest = minutes;
        }
    }
    return longest;
}

function percentOf(minutes: number | undefined, longest: number): number {
    if (minutes === undefined || longest <= 0) return 0;
    return Math.max(2, Math.round(100 * Math.log1p(minutes) / Math.log1p(longest)));
}

function bar(required: number | undefined, achieved: Achieved | undefined, gap: boolean, longest: number, lang: Lang): PreviewBar {
    return {
        stated: required !== undefined,
        required, requiredText: required === undefined ? undefined : formatDuration(required, lang),
        achieved: achieved?.minutes,
        achievedText: achieved ? `${achieved.atLeast ? '≥ ' : ''}${formatDuration(achieved.minutes, lang)}` : undefined,
        via: achieved?.via,
        requiredPercent: percentOf(required, longest), achievedPercent: percentOf(achieved?.minutes, longest),
        gap
    };
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
