import { CstUtils, type AstNode, type AstReflection, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import { isPraCode, type PraCode } from '../pra-codes.js';
import { listWords, word } from '../pra-messages.js';
import type { PraServices } from '../pra-module.js';
import { blockLayout, indentAt, lineStart, propertyIndent } from './pra-cst.js';
import { editorText as t } from './pra-editor-texts.js';

type Fix = (diagnostic: Diagnostic, fixer: Fixer) => CodeAction[];

/** The element the fixes work on, the text around it and the plan's figures. */
class Fixer {
    readonly text: string;
    readonly uri: string;

    constructor(readonly document: LangiumDocument, readonly ctx: PlanContext, readonly diagnostic: Diagnostic) {
        this.text = document.textDocument.getText();
        this.uri = document.uri.toString();
    }

    get lang() { return this.ctx.lang; }

    /** The top-level element the diagnostic is on. */
    element(): ast.Element | undefined {
        const root = this.document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, this.document.textDocument.offsetAt(this.diagnostic.range.start));
        let node: AstNode | undefined = leaf?.astNode;
        while (node && !ast.isPraFile(node.$container)) node = node.$container;
        return node as ast.Element | undefined;
    }

    action(title: string, edits: TextEdit[], preferred = false): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [this.diagnostic], isPreferred: preferred, edit: { changes: { [this.uri]: edits } } };
    }

    /** New property lines at the end of an element's block. */
    addProperties(node: AstNode, lines: string[]): TextEdit {
        const close = blockLayout(node)?.close;
        const indent = propertyIndent(this.text, node);
        const end = close?.offset ?? node.$cstNode?.end ?? this.text.length;
        const start = lineStart(this.text, end);
        if (/^[ \t]*$/.test(this.text.slice(start, end))) {
            return this.insert(start, lines.map(line => `${indent}${line}\n`).join(''));
        }
        let trimmed = end;
        while (trimmed > 0 && /[ \t]/.test(this.text[trimmed - 1])) trimmed--;
        const range = { start: this.document.textDocument.positionAt(trimmed), end: this.document.textDocument.positionAt(end) };
        return { range, newText: `${lines.map(line => `\n${indent}${line}`).join('')}\n${indentAt(this.text, node.$cstNode?.offset ?? 0)}` };
    }

    /** A new element right after another one. */
    addAfter(node: AstNode, element: string[]): TextEdit {
        return this.insert(node.$cstNode?.end ?? this.text.length, `\n\n${element.join('\n')}`);
    }

    addAtEnd(element: string[]): TextEdit {
        const separator = this.text.length === 0 ? '' : this.text.endsWith('\n') ? '\n' : '\n\n';
        return this.insert(this.text.length, `${separator}${element.join('\n')}\n`);
    }

    insert(offset: number, newText: string): TextEdit {
        const position = this.document.textDocument.positionAt(offset);
        return { range: { start: position, end: position }, newText };
    }

    /** A name not yet taken among the names of that kind the plan sees. */
    freeName(base: string, taken: ReadonlyMap<string, unknown>): string {
        let name = base;
        for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
        return name;
    }

    today(): string {
        return this.ctx.analysis.model.header?.date ?? new Date().toISOString().slice(0, 10);
    }
}

const block = (header: string, lines: string[]): string[] => [`${header} {`, ...lines.map(line => `    ${line}`), '}'];
const quoted = (text: string): string => `"${text.replace(/["\\]/g, c => `\\${c}`)}"`;

/**
 * One repair per finding, keyed by the codes of pra-codes.ts. Each inserts text the checks accept,
 * with placeholders where only the consultant knows the answer.
 */
export class PraCodeActionProvider implements CodeActionProvider {
    private readonly analysis: PraAnalysisService;
    private readonly reflection: AstReflection;
    private readonly fixes: Partial<Record<PraCode, Fix>> = {
        'critical-without-fallback': (_d, f) => this.addFallback(f),
        'missing-requirement': (_d, f) => this.addRequirements(f),
        'manual-without-catchup': (_d, f) => this.addCatchup(f),
        'untested-fallback': (_d, f) => this.addTested(f),
        'unmitigated-risk': (_d, f) => this.mitigate(f),
        'linking-error': (d, f) => this.createMissing(d, f),
        'duplicate-property': (d, f) => this.removeDuplicate(d, f)
    };

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.reflection = services.shared.AstReflection;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const ctx = this.analysis.forDocument(document);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
            const fix = isPraCode(code) ? this.fixes[code] : undefined;
            if (fix) actions.push(...fix(diagnostic, new Fixer(document, ctx, diagnostic)));
        }
        return actions.length > 0 ? actions : undefined;
    }

    private addFallback(f: Fixer): CodeAction[] {
        const activity = f.element();
        if (!ast.isActivity(activity)) return [];
        const name = f.freeName(t('fix.fallback name', f.lang, { activity: activity.name }), f.ctx.analysis.data.fallbacks);
        const rto = activity.rto[0]?.$cstNode?.text ?? '4h';
        const owner = activity.owner[0]?.$refText;
        const fallback = block(`fallback ${name} ${quoted(t('fix.fallback title', f.lang, { activity: activity.name }))}`, [
            'type     workaround', 'mode     organisational', `covers   ${activity.name}`, `rto      ${rto}`,
            ...(owner ? [`owner    ${owner}`] : [])
        ]);
        return [f.action(t('fix.add fallback', f.lang, { activity: activity.name }), [f.addAfter(activity, fallback)], true)];
    }

    private addRequirements(f: Fixer): CodeAction[] {
        const activity = f.element();
        if (!ast.isActivity(activity)) return [];
        const missing = f.ctx.analysis.activities.get(activity.name)?.missingRequirements ?? [];
        if (missing.length === 0) return [];
        const owner = f.ctx.analysis.model.header?.owner ?? f.ctx.analysis.model.roles[0]?.name ?? 'Owner';
        const lines = missing.map(property => property === 'rto' ? 'rto 4h' : property === 'rpo' ? 'rpo 1d' : `owner ${owner}`);
        return [f.action(t('fix.add requirements', f.lang, { missing: listWords(missing, f.lang), activity: activity.name }),
            [f.addProperties(activity, lines)], true)];
    }

    private addCatchup(f: Fixer): CodeAction[] {
        const activity = f.element();
        if (!ast.isActivity(activity)) return [];
        const name = f.freeName(t('fix.catchup name', f.lang, { activity: activity.name }), f.ctx.analysis.data.procedures);
        const owner = activity.owner[0]?.$refText;
        const procedure = block(`procedure ${name} ${quoted(t('fix.catchup title', f.lang, { activity: activity.name }))}`, [
            'phase after', `for   ${activity.name}`, `step  ${quoted(t('fix.catchup step', f.lang))}${owner ? ` by ${owner}` : ''}`
        ]);
        return [f.action(t('fix.add catchup', f.lang, { activity: activity.name }),
            [f.addProperties(activity, [`catchup ${name}`]), f.addAfter(activity, procedure)], true)];
    }

    private addTested(f: Fixer): CodeAction[] {
        const fallback = f.element();
        if (!ast.isFallback(fallback)) return [];
        const date = f.today();
        const existing = fallback.tested.length > 0 ? blockLayout(fallback)?.properties.find(p => p.feature === 'tested')?.value : undefined;
        const edit = existing
            ? { range: existing.range, newText: date }
            : f.addProperties(fallback, [`tested ${date}`]);
        return [f.action(t('fix.add tested', f.lang, { fallback: fallback.name, date }), [edit], true)];
    }

    private mitigate(f: Fixer): CodeAction[] {
        const risk = f.element();
        if (!ast.isRisk(risk)) return [];
        const { analysis } = f.ctx;
        const targets = analysis.data.risks.get(risk.name)?.targets ?? [];
        const covering = (name: string): boolean => analysis.data.fallbacks.get(name)?.covers.some(c => targets.includes(c.name)) ?? false;
        const candidates = [...analysis.data.fallbacks.keys()].sort((a, b) => Number(covering(b)) - Number(covering(a))).slice(0, 5);
        const actions = candidates.map((fallback, index) => f.action(t('fix.mitigate', f.lang, { risk: risk.name, fallback }),
            [f.addProperties(risk, [`mitigated by ${fallback}`])], index === 0));
        const name = f.freeName(t('fix.mitigation name', f.lang, { risk: risk.name }), analysis.data.fallbacks);
        const fallback = block(`fallback ${name} ${quoted(t('fix.mitigation title', f.lang, { risk: risk.name }))}`, [
            'type     other', 'mode     technical', ...(targets.length > 0 ? [`covers   ${targets.join(', ')}`] : [])
        ]);
        actions.push(f.action(t('fix.mitigate new', f.lang, { risk: risk.name }),
            [f.addProperties(risk, [`mitigated by ${name}`]), f.addAfter(risk, fallback)], actions.length === 0));
        return actions;
    }

    private createMissing(diagnostic: Diagnostic, f: Fixer): CodeAction[] {
        const data = diagnostic.data as { containerType?: string; property?: string; refText?: string } | undefined;
        if (!data?.containerType || !data.property || !data.refText || !/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(data.refText)) return [];
        const info = { container: { $type: data.containerType }, property: data.property, reference: { $refText: data.refText } } as unknown as ReferenceInfo;
        let type: string;
        try { type = this.reflection.getReferenceType(info); } catch { return []; }
        const kind = ({ Coverable: 'Asset', ProcedureTarget: 'Activity', ExerciseTarget: 'Fallback' } as Record<string, string>)[type] ?? type;
        const placeholder = quoted(t('fix.placeholder title', f.lang));
        const properties: Record<string, string[]> = {
            Role: [`holder ${placeholder}`, `phone  ${placeholder}`],
            Asset: ['kind other'],
            Activity: ['criticality medium'],
            Fallback: ['type other', 'mode technical'],
            Procedure: ['phase after'],
            Risk: ['likelihood 1', 'impact 1']
        };
        if (!properties[kind]) return [];
        const keyword = kind.toLowerCase();
        const element = block(`${keyword} ${data.refText} ${placeholder}`, properties[kind]);
        return [f.action(t('fix.create', f.lang, { kind: word(keyword, f.lang), name: data.refText }), [f.addAtEnd(element)], true)];
    }

    private removeDuplicate(diagnostic: Diagnostic, f: Fixer): CodeAction[] {
        const offset = f.document.textDocument.offsetAt(diagnostic.range.start);
        let node: AstNode | undefined = f.element();
        const candidates: AstNode[] = [];
        if (node) candidates.push(node);
        if (ast.isActivity(node)) candidates.push(...node.impact);
        for (node of candidates) {
            const property = blockLayout(node)?.properties.find(p => p.nodes.some(n => n.offset <= offset && offset < n.end));
            if (!property || property.nodes.length === 0) continue;
            const first = property.nodes[0].offset;
            const last = property.nodes[property.nodes.length - 1].end;
            const start = lineStart(f.text, first);
            const alone = /^[ \t]*$/.test(f.text.slice(start, first));
            const rest = /^[ \t]*(\r?\n|$)?/.exec(f.text.slice(last))!;
            // The whole line when the property is alone on it; otherwise the property and the spaces after it.
            const [from, to] = alone && rest[1] !== undefined ? [start, last + rest[0].length] : [first, last + /^[ \t]*/.exec(f.text.slice(last))![0].length];
            const range = { start: f.document.textDocument.positionAt(from), end: f.document.textDocument.positionAt(to) };
            return [f.action(t('fix.remove duplicate', f.lang, { property: property.label || property.feature }), [{ range, newText: '' }], true)];
        }
        return [];
    }
}
