import { CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, type References } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import type { PlanAnalysis, RecoveryGap } from '../pra-analysis.js';
import { durationInWords, formatDuration, listWords, word, type Lang } from '../pra-messages.js';
import { withinLimit } from '../pra-limits.js';
import type { PraServices } from '../pra-module.js';
import { riskMatrix } from '../pra-risk-matrix.js';
import { editorText as t } from './pra-editor-texts.js';

const definedKeywords = new Set(['rto', 'rpo', 'mtpd']);

/**
 * Explains what is under the cursor with the figures of the analysis service: an element's
 * requirements and what the plan achieves, a duration in words, the meaning of rto/rpo/mtpd.
 */
export class PraHoverProvider implements HoverProvider {
    private readonly analysis: PraAnalysisService;
    private readonly references: References;

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.references = services.references.References;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        try {
            return this.hoverAt(document, params);
        } catch {
            // The analysis failed: the file's `internal-error` diagnostic says so; the hover stays empty.
            return undefined;
        }
    }

    private hoverAt(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.hidden) return undefined;
        const ctx = this.analysis.forDocument(document);
        const value = this.describe(leaf, ctx);
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    private describe(leaf: CstNode, ctx: PlanContext): string | undefined {
        if (GrammarAST.isKeyword(leaf.grammarSource) && definedKeywords.has(leaf.text)) {
            return t(`define.${leaf.text}`, ctx.lang);
        }
        const node = leaf.astNode;
        if (ast.isDuration(node) && node.minutes !== undefined && withinLimit('minutes', node.minutes)) {
            return t('duration', ctx.lang, { text: leaf.text, words: durationInWords(node.minutes, ctx.lang) });
        }
        const target = this.references.findDeclarations(leaf)[0];
        return target ? this.describeElement(target, ctx) : undefined;
    }

    private describeElement(node: AstNode, ctx: PlanContext): string | undefined {
        const { analysis, lang } = ctx;
        const lines = (header: string, body: Array<string | undefined>): string =>
            [header, ...body.filter((line): line is string => line !== undefined)].join('\n\n');
        const title = (kind: string, element: { name: string; title?: string }): string =>
            `**${word(kind, lang)} ${element.name}**${element.title ? ` — ${element.title}` : ''}`;
        if (ast.isActivity(node)) return this.activity(node, analysis, lang, lines(title('activity', node), []));
        if (ast.isAsset(node)) return this.asset(node, analysis, lang, title('asset', node), lines);
        if (ast.isRisk(node)) return this.risk(node, ctx, title('risk', node), lines);
        if (ast.isRole(node)) return this.role(node, analysis, lang, title('role', node), lines);
        if (ast.isFallback(node)) return this.fallback(node, analysis, lang, title('fallback', node), lines);
        if (ast.isProcedure(node)) {
            const figures = analysis.procedures.get(node.name);
            return lines(title('procedure', node), [figures ? t('procedure.total', lang, {
                count: node.steps.length, total: formatDuration(figures.totalWithinMinutes, lang)
            }) : undefined]);
        }
        if (ast.isExercise(node)) return title('exercise', node);
        return undefined;
    }

    private activity(node: ast.Activity, analysis: PlanAnalysis, lang: Lang, header: string): string {
        const data = analysis.data.activities.get(node.name);
        const figures = analysis.activities.get(node.name);
        if (!data || !figures) return header;
        const duration = (minutes: number | undefined): string => minutes === undefined ? t('not stated', lang) : formatDuration(minutes, lang);
        const achieved = (recovery: { minutes: number; via: string } | undefined): string =>
            recovery ? t('achieved', lang, { value: formatDuration(recovery.minutes, lang), via: recovery.via }) : '—';
        const table = [
            t('requirement.header', lang), '|---|---|---|',
            `| ${t('requirement.rto', lang)} | ${duration(data.rtoMinutes)} | ${achieved(figures.achievedRto)} |`,
            `| ${t('requirement.rpo', lang)} | ${duration(data.rpoMinutes)} | ${achieved(figures.achievedRpo)} |`,
            `| ${t('requirement.mtpd', lang)} | ${duration(data.mtpdMinutes)} | |`
        ].join('\n');
        const perAsset = figures.assets.map(name => {
            const asset = analysis.assets.get(name);
            return `- ${t('asset recovery', lang, {
                asset: name, rto: asset?.bestRto ? formatDuration(asset.bestRto.minutes, lang) : '—',
                rpo: asset?.bestRpo ? formatDuration(asset.bestRpo.minutes, lang) : '—'
            })}`;
        });
        const gap = (figure: string) => (g: RecoveryGap): string => t('gap', lang, {
            figure, target: g.asset ?? node.name, achieved: formatDuration(g.achievedMinutes, lang), required: formatDuration(g.requiredMinutes, lang)
        });
        const gaps = [...figures.rtoGaps.map(gap(t('requirement.rto', lang))), ...figures.rpoGaps.map(gap(t('requirement.rpo', lang)))];
        return [
            header,
            [data.criticality ? t('criticality', lang, { value: word(data.criticality, lang) }) : undefined,
                data.owner ? t('owner', lang, { value: data.owner }) : undefined].filter(Boolean).join(' · ') || undefined,
            table,
            perAsset.length > 0 ? `${t('assets', lang, { value: '' })}\n${perAsset.join('\n')}` : undefined,
            figures.coveredBy.length > 0 ? t('covered by', lang, { value: figures.coveredBy.join(', ') }) : undefined,
            data.manual ? t('manual', lang, { value: data.manual }) : undefined,
            figures.uncoveredAssets.length > 0 ? t('uncovered', lang, { value: listWords(figures.uncoveredAssets, lang) }) : undefined,
            gaps.length > 0 ? t('gaps', lang, { value: gaps.join('; ') }) : t('no gaps', lang)
        ].filter((line): line is string => line !== undefined && line !== '').join('\n\n');
    }

    private asset(node: ast.Asset, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.data.assets.get(node.name);
        const figures = analysis.assets.get(node.name);
        if (!data || !figures) return header;
        return lines(header, [
            figures.usedBy.length > 0 ? t('used by', lang, { value: figures.usedBy.join(', ') }) : t('used by none', lang),
            figures.coveredBy.length > 0 ? t('covered by', lang, { value: figures.coveredBy.join(', ') }) : t('not covered', lang),
            figures.bestRto || figures.bestRpo ? t('best recovery', lang, {
                rto: figures.bestRto ? t('achieved', lang, { value: formatDuration(figures.bestRto.minutes, lang), via: figures.bestRto.via }) : '—',
                rpo: figures.bestRpo ? t('achieved', lang, { value: formatDuration(figures.bestRpo.minutes, lang), via: figures.bestRpo.via }) : '—'
            }) : undefined,
            data.dependsOn.length > 0 ? t('depends on', lang, { value: data.dependsOn.join(', ') }) : undefined,
            figures.targetedBy.length > 0 ? t('targeted by', lang, { value: figures.targetedBy.join(', ') }) : undefined
        ]);
    }

    private risk(node: ast.Risk, ctx: PlanContext, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const { analysis, lang } = ctx;
        const data = analysis.data.risks.get(node.name);
        const figures = analysis.risks.get(node.name);
        if (!data || !figures) return header;
        const matrix = riskMatrix(analysis, lang);
        const level = (axis: 'likelihood' | 'impact', value: number): string => {
            const label = matrix[axis].find(l => l.value === value)?.label;
            return label ? t('risk.level', lang, { value, label }) : String(value);
        };
        const inherent = figures.score !== undefined && figures.zone ? t('risk.inherent', lang, {
            likelihood: level('likelihood', data.likelihood!), impact: level('impact', data.impact!), score: figures.score, zone: word(figures.zone, lang)
        }) : undefined;
        const residual = data.residual && figures.residualScore !== undefined && figures.residualZone ? t('risk.residual', lang, {
            likelihood: level('likelihood', data.residual.likelihood), impact: level('impact', data.residual.impact),
            score: figures.residualScore, zone: word(figures.residualZone, lang)
        }) : t('risk.no residual', lang);
        return lines(header, [
            inherent, residual,
            data.mitigatedBy.length > 0 ? t('mitigated by', lang, { value: data.mitigatedBy.join(', ') }) : t('not mitigated', lang)
        ]);
    }

    private role(node: ast.Role, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.data.roles.get(node.name);
        const figures = analysis.roles.get(node.name);
        if (!data || !figures) return header;
        const byKind = new Map<string, string[]>();
        for (const duty of figures.responsibilities) {
            const kind = duty.kind === 'deputy' ? 'deputy' : word(duty.kind === 'plan' ? 'plan' : duty.kind, lang);
            (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(duty.name);
        }
        const duties = [...byKind].map(([kind, names]) => `${kind}: ${names.join(', ')}`);
        return lines(header, [
            t('contact', lang, { holder: data.holder ?? '—', phone: data.phone ?? '—', email: data.email ?? '—' }),
            data.deputy ? t('deputy', lang, { value: data.deputy }) : undefined,
            figures.crisisFunctions.length > 0 ? t('crisis functions', lang, { value: listWords(figures.crisisFunctions.map(f => word(f, lang)), lang) }) : undefined,
            duties.length > 0 ? t('responsible for', lang, { value: duties.join(' · ') }) : t('responsible for nothing', lang)
        ]);
    }

    private fallback(node: ast.Fallback, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.data.fallbacks.get(node.name);
        const figures = analysis.fallbacks.get(node.name);
        if (!data || !figures) return header;
        const tested = figures.testState === 'missing' ? t('fallback.untested', lang)
            : t(figures.testState === 'stale' ? 'fallback.stale' : 'fallback.tested', lang, { value: data.tested! });
        return lines(header, [
            data.covers.length > 0 ? t('fallback.covers', lang, { value: data.covers.map(c => c.name).join(', ') }) : undefined,
            t('fallback.achieves', lang, {
                rto: data.rtoMinutes === undefined ? '—' : formatDuration(data.rtoMinutes, lang),
                rpo: data.rpoMinutes === undefined ? '—' : formatDuration(data.rpoMinutes, lang)
            }),
            tested,
            figures.annualCost !== undefined ? t('fallback.cost', lang, { value: `${figures.annualCost} ${data.cost?.currency ?? ''}`.trim() }) : undefined
        ]);
    }
}
