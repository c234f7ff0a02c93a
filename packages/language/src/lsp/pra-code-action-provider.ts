import {
    CstUtils, GrammarUtils, URI, type AstNode, type AstReflection, type LangiumDocument, type LangiumDocuments, type MaybePromise,
    type ReferenceInfo
} from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { PlanContext, PraAnalysisService } from '../pra-analysis-service.js';
import { isPraCode, structuralCodes, type PraCode } from '../pra-codes.js';
import { listWords, word } from '../pra-messages.js';
import type { ElementKind } from '../pra-model.js';
import type { PraServices } from '../pra-module.js';
import type { PraSettings } from '../pra-settings.js';
import { isValidName } from '../pra-syntax.js';
import { blockLayout, indentAt, lineStart, propertyIndent } from './pra-cst.js';
import { editorText as t, type EditorTextKey } from './pra-editor-texts.js';

type Fix = (diagnostic: Diagnostic, fixer: Fixer) => CodeAction[];

/** The kind of "Accept this finding…": a quick fix of its own sort, so clients can tell it from the repairs. */
export const acceptActionKind = `${CodeActionKind.QuickFix}.accept`;

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

    action(title: string, edits: TextEdit[], preferred = false, kind: string = CodeActionKind.QuickFix): CodeAction {
        return { title, kind, diagnostics: [this.diagnostic], isPreferred: preferred, edit: { changes: { [this.uri]: edits } } };
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
        const closingIndent = indentAt(this.text, node.$cstNode?.offset ?? 0);
        return { range, newText: `${lines.map(line => `\n${indent}${line}`).join('')}\n${closingIndent}` };
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

    /** The range of a property (its first to last CST node) as a deletion: the whole line when it is alone on it. */
    removal(first: number, last: number): TextEdit {
        const start = lineStart(this.text, first);
        const alone = /^[ \t]*$/.test(this.text.slice(start, first));
        const rest = /^[ \t]*(\r?\n|$)?/.exec(this.text.slice(last))!;
        // The whole line when the property is alone on it; otherwise the property and the spaces after it.
        const [from, to] = alone && rest[1] !== undefined
            ? [start, last + rest[0].length]
            : [first, last + /^[ \t]*/.exec(this.text.slice(last))![0].length];
        const textDocument = this.document.textDocument;
        return { range: { start: textDocument.positionAt(from), end: textDocument.positionAt(to) }, newText: '' };
    }

    /** The `accept` line the diagnostic is on. */
    acceptAt(): ast.Accept | undefined {
        const offset = this.document.textDocument.offsetAt(this.diagnostic.range.start);
        const element = this.element();
        const accepts = element && 'accept' in element ? element.accept : [];
        return accepts.find(a => a.$cstNode && a.$cstNode.offset <= offset && offset < a.$cstNode.end);
    }
}

/** The parser rule of each kind of element a finding can be about. */
const typeOfKind: Readonly<Record<ElementKind, string>> = {
    role: 'Role', asset: 'Asset', activity: 'Activity', risk: 'Risk', fallback: 'Fallback', procedure: 'Procedure', exercise: 'Exercise'
};

/** The same day one year later (29 February gives 28 February). */
export function yearAfter(isoDate: string): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    const month = date.getUTCMonth();
    date.setUTCFullYear(date.getUTCFullYear() + 1);
    if (date.getUTCMonth() !== month) date.setUTCDate(0);
    return date.toISOString().slice(0, 10);
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
        'duplicate-property': (d, f) => this.removeDuplicate(d, f),
        'unused-acceptance': (_d, f) => this.removeAcceptance(f, 'fix.remove unused acceptance'),
        'expired-acceptance': (_d, f) => [...this.renewAcceptance(f), ...this.removeAcceptance(f, 'fix.remove expired acceptance')]
    };
    private readonly documents: LangiumDocuments;
    private readonly settings: PraSettings;

    constructor(services: PraServices) {
        this.analysis = services.analysis.PraAnalysisService;
        this.reflection = services.shared.AstReflection;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.settings = services.PraSettings;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const ctx = this.analysis.forDocument(document);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
            const fix = isPraCode(code) ? this.fixes[code] : undefined;
            const fixer = new Fixer(document, ctx, diagnostic);
            if (fix) actions.push(...fix(diagnostic, fixer));
            if (isPraCode(code) && !structuralCodes.has(code)) actions.push(...this.acceptFinding(code, fixer));
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
        const existing = fallback.tested.length > 0
            ? blockLayout(fallback)?.properties.find(p => p.feature === 'tested')?.value
            : undefined;
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
        if (!data?.containerType || !data.property || !data.refText || !isValidName(data.refText)) return [];
        const info = {
            container: { $type: data.containerType }, property: data.property, reference: { $refText: data.refText }
        } as unknown as ReferenceInfo;
        let type: string;
        try { type = this.reflection.getReferenceType(info); } catch { return []; }
        const concreteTypes: Record<string, string> = { Coverable: 'Asset', ProcedureTarget: 'Activity', ExerciseTarget: 'Fallback' };
        const kind = concreteTypes[type] ?? type;
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
            const removal = f.removal(property.nodes[0].offset, property.nodes[property.nodes.length - 1].end);
            return [f.action(t('fix.remove duplicate', f.lang, { property: property.label || property.feature }), [removal], true)];
        }
        return [];
    }

    /**
     * "Accept this finding…": an `accept` line as the last property of the element the finding is
     * about (the plan block for plan-wide findings), by the plan owner (else the element's owner,
     * else the first role), until one year after the plan date (or after today when that is past).
     */
    /**
     * The edit of "Accept this finding…" for a diagnostic of `document`, with the consultant's own
     * reason and role (the Gaps view's "Accept…", through pra/acceptFinding); undefined when the
     * finding cannot be accepted.
     */
    acceptEdit(document: LangiumDocument, diagnostic: Diagnostic, reason: string, by: string): WorkspaceEdit | undefined {
        const code = (diagnostic.data as { code?: unknown } | undefined)?.code ?? diagnostic.code;
        if (!isPraCode(code) || structuralCodes.has(code)) return undefined;
        const fixer = new Fixer(document, this.analysis.forDocument(document), diagnostic);
        return this.acceptFinding(code, fixer, { reason, by })[0]?.edit;
    }

    private acceptFinding(code: PraCode, f: Fixer, given?: { reason: string; by: string }): CodeAction[] {
        const data = (f.diagnostic.data ?? {}) as { element?: unknown; kind?: unknown; accepted?: unknown };
        if (data.accepted) return [];
        const { analysis } = f.ctx;
        let target: AstNode | undefined;
        let fixer = f;
        if (typeof data.element === 'string') {
            const type = typeof data.kind === 'string' ? typeOfKind[data.kind as ElementKind] : undefined;
            const root = f.document.parseResult.value as ast.PraFile;
            target = root.elements.find(e => (type === undefined || e.$type === type) && (e as { name?: string }).name === data.element)
                ?? f.element();
        } else {
            const plan = (f.document.parseResult.value as ast.PraFile).elements.find(ast.isPlan);
            const planUri = analysis.model.header?.source.uri;
            const planDocument = plan || !planUri ? undefined : this.documents.getDocument(URI.parse(planUri));
            if (plan) target = plan;
            else if (planDocument) {
                fixer = new Fixer(planDocument, f.ctx, f.diagnostic);
                target = (planDocument.parseResult.value as ast.PraFile).elements.find(ast.isPlan);
            }
        }
        if (!target) return [];
        const elementOwner = (target as { owner?: Array<{ $refText: string }> }).owner?.[0]?.$refText;
        const by = given?.by ?? analysis.model.header?.owner ?? elementOwner ?? analysis.model.roles[0]?.name
            ?? t('fix.accept role', f.lang);
        const today = this.settings.todayDate();
        const planDate = analysis.model.header?.date;
        const until = yearAfter(planDate !== undefined && yearAfter(planDate) > today ? planDate : today);
        const line = `accept ${code} ${quoted(given?.reason ?? t('fix.accept reason', f.lang))} by ${by} until ${until}`;
        // Its own kind under quickfix: the Gaps view offers it as "Accept…", apart from the repairs.
        return [fixer.action(t('fix.accept', f.lang), [fixer.addProperties(target, [line])], false, acceptActionKind)];
    }

    private removeAcceptance(f: Fixer, title: EditorTextKey): CodeAction[] {
        const accept = f.acceptAt()?.$cstNode;
        return accept ? [f.action(t(title, f.lang), [f.removal(accept.offset, accept.end)], true)] : [];
    }

    /** An expired acceptance renewed for a year from today. */
    private renewAcceptance(f: Fixer): CodeAction[] {
        const until = GrammarUtils.findNodeForProperty(f.acceptAt()?.$cstNode, 'until');
        if (!until) return [];
        const date = yearAfter(this.settings.todayDate());
        return [f.action(t('fix.renew acceptance', f.lang, { date }), [{ range: until.range, newText: date }])];
    }
}
