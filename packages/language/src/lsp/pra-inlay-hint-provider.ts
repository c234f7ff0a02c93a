import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PraAnalysisService } from '../pra-analysis-service.js';
import type { Achieved } from '../pra-analysis.js';
import { formatDuration, word, type Lang } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import { editorText as t } from './pra-editor-texts.js';

/**
 * `= 12 · unacceptable` after a risk's impact (and its residual impact), and what the plan achieves (and
 * by which path) after an activity's `rto` and `rpo`. Figures come from the analysis service.
 */
export class PraInlayHintProvider extends AbstractInlayHintProvider {
    private readonly analysis: PraAnalysisService;

    constructor(services: PraServices) {
        super();
        this.analysis = services.analysis.PraAnalysisService;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (ast.isRisk(node)) this.riskHints(node, acceptor);
        else if (ast.isActivity(node)) this.activityHint(node, acceptor);
    }

    private riskHints(risk: ast.Risk, acceptor: InlayHintAcceptor): void {
        const { analysis, lang } = this.analysis.forDocument(AstUtils.getDocument(risk));
        const figures = analysis.risks.get(risk.name);
        if (!figures || !this.analysis.describes(risk)) return;
        const impact = GrammarUtils.findNodeForProperty(risk.$cstNode, 'impact');
        if (impact && figures.score !== undefined && figures.zone) {
            const label = t('hint.score', lang, { score: figures.score, zone: word(figures.zone, lang) });
            acceptor({ position: impact.range.end, label, paddingLeft: true, kind: InlayHintKind.Parameter });
        }
        const residual = risk.residual[0];
        const residualImpact = residual && GrammarUtils.findNodeForProperty(residual.$cstNode, 'impact');
        if (residualImpact && figures.residualScore !== undefined && figures.residualZone) {
            const label = t('hint.score', lang, { score: figures.residualScore, zone: word(figures.residualZone, lang) });
            acceptor({ position: residualImpact.range.end, label, paddingLeft: true, kind: InlayHintKind.Parameter });
        }
    }

    /** After `rto` and `rpo`: what the plan achieves and the path giving it; nothing when unknown (never a broken path's figure). */
    private activityHint(activity: ast.Activity, acceptor: InlayHintAcceptor): void {
        const { analysis, lang } = this.analysis.forDocument(AstUtils.getDocument(activity));
        if (!this.analysis.describes(activity)) return;
        const figures = analysis.activities.get(activity.name);
        for (const [property, achieved] of [['rto', figures?.achievedRto], ['rpo', figures?.achievedRpo]] as const) {
            const written = GrammarUtils.findNodeForProperty(activity.$cstNode, property);
            if (!achieved || !written) continue;
            acceptor({
                position: written.range.end, paddingLeft: true, kind: InlayHintKind.Parameter, label: achievedLabel(achieved, lang)
            });
        }
    }
}

export function achievedLabel(achieved: Achieved, lang: Lang): string {
    const value = formatDuration(achieved.minutes, lang);
    return achieved.path === 'direct'
        ? t('hint.achieved.direct', lang, { value, via: achieved.via === 'manual' ? word('manual workaround', lang) : achieved.via })
        : t('hint.achieved.asset', lang, { value, via: achieved.via, bound: achieved.atLeast ? t('hint.at least', lang) : '' });
}
