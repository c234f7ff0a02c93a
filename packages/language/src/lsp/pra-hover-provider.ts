import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, type References
} from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import type { Achieved, AssetPath, BestFigure, PlanAnalysis } from '../pra-analysis.js';
import { isPraCode, structuralCodes } from '../pra-codes.js';
import { isFutureExercise, outcomeFor } from '../pra-exercises.js';
import { durationInWords, formatDuration, listWords, titleOf, word, type KeySuffix, type Lang } from '../pra-messages.js';
import { withinLimit } from '../pra-limits.js';
import type { PraServices } from '../pra-module.js';
import { riskMatrix } from '../pra-risk-matrix.js';
import { editorText as t, type EditorTextKey } from './pra-editor-texts.js';

/** The keywords with a definition in the editor texts (`define.rto`…). */
const definedKeywords: ReadonlySet<string> = new Set(['rto', 'rpo', 'mtpd'] satisfies ReadonlyArray<KeySuffix<EditorTextKey, 'define.'>>);

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
            return t(`define.${leaf.text}` as EditorTextKey, ctx.lang);
        }
        const node = leaf.astNode;
        if (ast.isDuration(node) && node.minutes !== undefined && withinLimit('minutes', node.minutes)) {
            return t('duration', ctx.lang, { text: leaf.text, words: durationInWords(node.minutes, ctx.lang) });
        }
        const target = this.references.findDeclarations(leaf)[0];
        if (target) return this.describeElement(target, ctx);
        return ast.isAccept(node) ? this.accept(node, ctx) : undefined;
    }

    /** An `accept` line: the finding it accepts, or why it accepts nothing (read from the document's diagnostics). */
    private accept(node: ast.Accept, ctx: PlanContext): string {
        const { lang } = ctx;
        const code = node.code;
        const carrier = node.$container as { name?: unknown };
        const element = typeof carrier.name === 'string' ? carrier.name : undefined;
        const header = `**accept ${code}**${isPraCode(code) ? ` — ${titleOf(code, lang)}` : ''}`;
        // The date as written (the AST holds a Date).
        const until = GrammarUtils.findNodeForProperty(node.$cstNode, 'until')?.text;
        const who = t(until ? 'accept.by until' : 'accept.by', lang, {
            by: node.by?.$refText ?? '?', until: until ?? '', reason: node.reason,
            element: element ?? word('plan', lang)
        });
        const line = node.$cstNode?.range.start;
        const diagnostics = AstUtils.getDocument(node).diagnostics ?? [];
        type FindingData = { code?: string; element?: string; accepted?: unknown; message?: string };
        const dataOf = (d: { data?: unknown }) => (d.data ?? {}) as FindingData;
        const about = (wanted: string) => diagnostics.find(d => dataOf(d).code === wanted
            && d.range.start.line === line?.line && d.range.start.character === line.character);
        let state: string;
        if (!isPraCode(code)) state = t('accept.unknown', lang);
        else if (structuralCodes.has(code)) state = t('accept.structural', lang);
        else if (about('expired-acceptance')) state = t('accept.expired', lang, { until: until ?? '' });
        else if (about('unused-acceptance')) state = t('accept.unused', lang, { code, element: element ?? word('plan', lang) });
        else {
            const accepted = diagnostics.filter(d => {
                const data = dataOf(d);
                return data.accepted && data.code === code && data.element === element;
            });
            state = accepted.length > 0
                ? t('accept.used', lang, { value: accepted.map(d => dataOf(d).message ?? d.message).join(' ') })
                : t('accept.pending', lang);
        }
        return [header, who, state].join('\n\n');
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
        if (ast.isExercise(node)) return this.exercise(node, analysis, lang, title('exercise', node), lines);
        return undefined;
    }

    private exercise(node: ast.Exercise, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.model.exercises.find(e => e.name === node.name);
        if (!data) return header;
        const measured = (minutes: number | undefined): string => minutes === undefined ? '—' : formatDuration(minutes, lang);
        const results = data.tests.map(target => {
            const outcome = outcomeFor(data, target);
            const result = outcome ? word(outcome, lang) : t('exercise.no result', lang);
            return `- ${t('exercise.outcome', lang, { element: target.name, result })}`;
        });
        return lines(header, [
            t('exercise.type', lang, { type: data.type, date: data.date ?? '—', result: data.result ? word(data.result, lang) : '—' }),
            data.scenario ? t('exercise.scenario', lang, { value: data.scenario }) : undefined,
            data.measuredRtoMinutes !== undefined || data.measuredRpoMinutes !== undefined
                ? t('exercise.measured', lang, { rto: measured(data.measuredRtoMinutes), rpo: measured(data.measuredRpoMinutes) })
                : undefined,
            results.length > 0 ? `${t('exercise.results', lang)}\n${results.join('\n')}` : undefined,
            isFutureExercise(data, analysis.referenceDate) ? t('exercise.future', lang, { date: analysis.referenceDate }) : undefined
        ]);
    }

    private activity(node: ast.Activity, analysis: PlanAnalysis, lang: Lang, header: string): string {
        const data = analysis.data.activities.get(node.name);
        const figures = analysis.activities.get(node.name);
        if (!data || !figures) return header;
        const duration = (minutes: number | undefined): string =>
            minutes === undefined ? t('not stated', lang) : formatDuration(minutes, lang);
        const achieved = (recovery: Achieved | undefined): string => {
            if (!recovery) return '—';
            const value = formatDuration(recovery.minutes, lang);
            return recovery.path === 'direct'
                ? t('achieved.direct', lang, { value, via: recovery.via === 'manual' ? word('manual workaround', lang) : recovery.via })
                : t('achieved.asset', lang, { value, via: recovery.via, bound: recovery.atLeast ? t('at least', lang) : '' });
        };
        const table = [
            t('requirement.header', lang), '|---|---|---|',
            `| ${t('requirement.rto', lang)} | ${duration(data.rtoMinutes)} | ${achieved(figures.achievedRto)} |`,
            `| ${t('requirement.rpo', lang)} | ${duration(data.rpoMinutes)} | ${achieved(figures.achievedRpo)} |`,
            `| ${t('requirement.mtpd', lang)} | ${duration(data.mtpdMinutes)} | |`
        ].join('\n');
        const direct = [...figures.direct.fallbacks, ...(data.manual ? [word('manual workaround', lang)] : [])];
        const pathFigure = (path: AssetPath): string => path.state === 'exact' ? formatDuration(path.minutes, lang)
            : path.state === 'atLeast' && path.minutes !== undefined ? `${t('at least', lang)}${formatDuration(path.minutes, lang)}` : '—';
        const paths = figures.assetPath.rto.state === 'none' ? t('path.assets.none', lang, { missing: figures.assetPath.rto.missing })
            : figures.assetPath.rto.state === 'empty' ? t('path.assets.empty', lang)
                : t('path.assets.figures', lang, { rto: pathFigure(figures.assetPath.rto), rpo: pathFigure(figures.assetPath.rpo) });
        const shown = 12;
        const assets = analysis.assetsOf(node.name);
        // Each asset's best figure: known (with the fallback giving it), unstated, or none (no active fallback).
        const best = (figure: BestFigure | undefined): string => !figure || figure.state === 'none' ? t('best.none', lang)
            : figure.state === 'unstated' ? t('not stated', lang)
                : t('achieved', lang, { value: formatDuration(figure.minutes, lang), via: figure.via });
        const perAsset = assets.slice(0, shown).map(name => {
            const asset = analysis.assets.get(name);
            return `- ${t('asset recovery', lang, {
                asset: name, rto: best(asset?.best.rto), rpo: asset && !asset.holdsData ? t('no data', lang) : best(asset?.best.rpo)
            })}`;
        });
        if (assets.length > shown) perAsset.push(`- ${t('more', lang, { count: assets.length - shown })}`);
        const uncovered = assets.filter(name => analysis.assets.get(name)?.coveredBy.length === 0);
        const gaps = this.analysis.findingsIn(data.source.uri)
            .filter(f => f.subject?.kind === 'activity' && f.subject.name === node.name)
            .map(f => f.message);
        return [
            header,
            [data.criticality ? t('criticality', lang, { value: word(data.criticality, lang) }) : undefined,
                data.owner ? t('owner', lang, { value: data.owner }) : undefined].filter(Boolean).join(' · ') || undefined,
            table,
            direct.length > 0 ? t('path.direct', lang, { value: direct.join(', ') })
                + (figures.direct.rto || figures.direct.rpo ? ` — ${t('path.direct.figures', lang, {
                    rto: figures.direct.rto ? formatDuration(figures.direct.rto.minutes, lang) : '—',
                    rpo: figures.direct.rpo ? formatDuration(figures.direct.rpo.minutes, lang) : '—'
                })}` : '') : t('path.direct.none', lang),
            paths,
            perAsset.length > 0 ? `${t('assets', lang, { value: '' })}\n${perAsset.join('\n')}` : undefined,
            data.manual ? t('manual', lang, { value: data.manual.text }) : undefined,
            uncovered.length > 0 ? t('uncovered', lang, { value: listWords(uncovered, lang) }) : undefined,
            gaps.length > 0 ? t('gaps', lang, { value: gaps.join(' ') }) : t('no gaps', lang)
        ].filter((line): line is string => line !== undefined && line !== '').join('\n\n');
    }

    private asset(node: ast.Asset, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.data.assets.get(node.name);
        const figures = analysis.assets.get(node.name);
        if (!data || !figures) return header;
        const best = (recovery: typeof figures.bestRto): string =>
            recovery ? t('achieved', lang, { value: formatDuration(recovery.minutes, lang), via: recovery.via }) : '—';
        return lines(header, [
            figures.usedBy.length > 0 ? t('used by', lang, { value: figures.usedBy.join(', ') })
                : figures.criticality ? t('needed through', lang, { criticality: word(figures.criticality, lang) })
                    : t('used by none', lang),
            !figures.holdsData ? t('holds no data', lang) : undefined,
            figures.otherMeans.length > 0 ? t('other means', lang, { value: figures.otherMeans.join(', ') }) : undefined,
            figures.coveredBy.length > 0 ? t('covered by', lang, { value: figures.coveredBy.join(', ') }) : t('not covered', lang),
            figures.bestRto || figures.bestRpo ? t('best recovery', lang, {
                rto: best(figures.bestRto),
                rpo: best(figures.bestRpo)
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
            likelihood: level('likelihood', data.likelihood!), impact: level('impact', data.impact!),
            score: figures.score, zone: word(figures.zone, lang)
        }) : undefined;
        const residual = data.residual && figures.residualScore !== undefined && figures.residualZone ? t('risk.residual', lang, {
            likelihood: level('likelihood', data.residual.likelihood), impact: level('impact', data.residual.impact),
            score: figures.residualScore, zone: word(figures.residualZone, lang)
        }) : t('risk.no residual', lang);
        return lines(header, [
            inherent, residual,
            data.mitigatedBy.length > 0 ? t('mitigated by', lang, { value: data.mitigatedBy.join(', ') }) : t('not mitigated', lang),
            figures.mitigationsNotInPlace.length > 0
                ? t('mitigations not in place', lang, { value: figures.mitigationsNotInPlace.join(', ') })
                : undefined
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
            figures.crisisFunctions.length > 0
                ? t('crisis functions', lang, { value: listWords(figures.crisisFunctions.map(f => word(f, lang)), lang) })
                : undefined,
            duties.length > 0 ? t('responsible for', lang, { value: duties.join(' · ') }) : t('responsible for nothing', lang)
        ]);
    }

    private fallback(node: ast.Fallback, analysis: PlanAnalysis, lang: Lang, header: string,
        lines: (header: string, body: Array<string | undefined>) => string): string {
        const data = analysis.data.fallbacks.get(node.name);
        const figures = analysis.fallbacks.get(node.name);
        if (!data || !figures) return header;
        const failed = figures.failedBy;
        const tested = failed
            ? t('fallback.failed', lang, { exercise: failed.exercise, date: failed.date, result: word(failed.result, lang) })
            : figures.testState === 'missing' || figures.testedOn === undefined ? t('fallback.untested', lang)
                : t(figures.testState === 'stale' ? 'fallback.stale' : 'fallback.tested', lang, { value: figures.testedOn });
        const status = figures.active ? t('fallback.active', lang)
            : t('fallback.not active', lang, { status: word(data.status, lang) })
                + (data.due ? ` ${t('fallback.due', lang, { value: data.due })}` : '')
                + (data.reason ? ` ${t('fallback.reason', lang, { value: data.reason })}` : '');
        return lines(header, [
            status,
            data.covers.length > 0 ? t('fallback.covers', lang, { value: data.covers.map(c => c.name).join(', ') }) : undefined,
            t('fallback.achieves', lang, {
                rto: data.rtoMinutes === undefined ? '—' : formatDuration(data.rtoMinutes, lang),
                rpo: data.rpoMinutes === undefined ? '—' : formatDuration(data.rpoMinutes, lang)
            }),
            tested,
            figures.exercises.length > 0 ? t('fallback.exercises', lang, { value: figures.exercises.join(', ') }) : undefined,
            figures.annualCost !== undefined
                ? t('fallback.cost', lang, { value: `${figures.annualCost} ${data.cost?.currency ?? ''}`.trim() })
                : undefined
        ]);
    }
}
