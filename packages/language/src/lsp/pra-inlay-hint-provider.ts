import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PraAnalysisService } from '../pra-analysis-service.js';
import { formatDuration, word } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import { editorText as t } from './pra-editor-texts.js';

/**
 * `= 12 · unacceptable` after a risk's impact (and its residual impact), and the best recovery the
 * plan achieves after an activity's `rto`. Figures come from the analysis service.
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
            acceptor({ position: impact.range.end, label: t('hint.score', lang, { score: figures.score, zone: word(figures.zone, lang) }), paddingLeft: true, kind: InlayHintKind.Parameter });
        }
        const residual = risk.residual[0];
        const residualImpact = residual && GrammarUtils.findNodeForProperty(residual.$cstNode, 'impact');
        if (residualImpact && figures.residualScore !== undefined && figures.residualZone) {
            acceptor({ position: residualImpact.range.end, label: t('hint.score', lang, { score: figures.residualScore, zone: word(figures.residualZone, lang) }), paddingLeft: true, kind: InlayHintKind.Parameter });
        }
    }

    private activityHint(activity: ast.Activity, acceptor: InlayHintAcceptor): void {
        const { analysis, lang } = this.analysis.forDocument(AstUtils.getDocument(activity));
        if (!this.analysis.describes(activity)) return;
        const achieved = analysis.activities.get(activity.name)?.achievedRto;
        const rto = GrammarUtils.findNodeForProperty(activity.$cstNode, 'rto');
        if (!achieved || !rto) return;
        acceptor({
            position: rto.range.end, paddingLeft: true, kind: InlayHintKind.Parameter,
            label: t('hint.achieved', lang, { value: formatDuration(achieved.minutes, lang), via: achieved.via })
        });
    }
}
