import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { isPraFile, type Activity } from '../generated/ast.js';
import { textLookup, type Lang, type Texts } from '../pra-messages.js';
import { propertyFact } from '../pra-syntax.js';
import type { ActivityData, AssetData, FallbackData, ImpactData, PlanModel } from '../pra-model.js';
import type { BiaData, BiaRow, BiaValue, CellProblem } from './bia-read.js';
import { durationSource } from './bia-sheets.js';

/**
 * Bringing a BIA workbook back into a plan (`pra import`): each row is matched by name with an
 * element of the plan; each cell the row holds replaces that property's value when it differs
 * (an empty cell is not held: nothing is ever dropped for it); a row with a new name becomes a
 * new element at the end of the plan's file. The plan's text is edited in place, so comments,
 * layout and everything the workbook does not hold stay as written.
 */

type Kind = 'activity' | 'asset' | 'fallback';
const astTypes: Readonly<Record<Kind, string>> = { activity: 'Activity', asset: 'Asset', fallback: 'Fallback' };

/** One property the workbook holds: the grammar feature, its keyword, how the model reads it, how it is written. */
interface Property {
    key: string;
    /** The AST property it fills; its keyword is the syntax table's (pra-syntax.ts). */
    feature: string;
    current: (data: never) => BiaValue | undefined;
    write: (value: BiaValue) => string;
}

/** The keyword of a property of an element of `kind`, as the grammar writes it (`depends on`). */
const keywordOf = (kind: Kind, property: Property): string =>
    propertyFact(kind.charAt(0).toUpperCase() + kind.slice(1), property.feature)?.keyword || property.feature;

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const plain = (value: BiaValue): string => String(value);
const list = (value: BiaValue): string => (value as string[]).join(', ');
const duration = (value: BiaValue): string => durationSource(value as number);

const properties: Readonly<Record<Kind, readonly Property[]>> = {
    activity: [
        { key: 'owner', feature: 'owner', current: (a: ActivityData) => a.owner, write: plain },
        { key: 'criticality', feature: 'criticality', current: (a: ActivityData) => a.criticality, write: plain },
        { key: 'rto', feature: 'rto', current: (a: ActivityData) => a.rtoMinutes, write: duration },
        { key: 'rpo', feature: 'rpo', current: (a: ActivityData) => a.rpoMinutes, write: duration },
        { key: 'mtpd', feature: 'mtpd', current: (a: ActivityData) => a.mtpdMinutes, write: duration },
        { key: 'uses', feature: 'uses', current: (a: ActivityData) => a.uses, write: list },
        { key: 'needs', feature: 'needs', current: (a: ActivityData) => a.needs, write: list }
    ],
    asset: [
        { key: 'kind', feature: 'kind', current: (a: AssetData) => a.kind, write: plain },
        { key: 'owner', feature: 'owner', current: (a: AssetData) => a.owner, write: plain },
        { key: 'provider', feature: 'provider', current: (a: AssetData) => a.provider, write: v => quote(String(v)) },
        { key: 'sla', feature: 'sla', current: (a: AssetData) => a.slaMinutes, write: duration },
        { key: 'stateless', feature: 'stateless', current: (a: AssetData) => a.stateless, write: () => '' },
        { key: 'dependsOn', feature: 'dependsOn', current: (a: AssetData) => a.dependsOn, write: list }
    ],
    fallback: [
        { key: 'type', feature: 'type', current: (f: FallbackData) => f.type, write: plain },
        { key: 'status', feature: 'status', current: (f: FallbackData) => f.status, write: plain },
        { key: 'covers', feature: 'covers', current: (f: FallbackData) => f.covers.map(c => c.name), write: list },
        { key: 'rto', feature: 'rto', current: (f: FallbackData) => f.rtoMinutes, write: duration },
        { key: 'rpo', feature: 'rpo', current: (f: FallbackData) => f.rpoMinutes, write: duration },
        { key: 'due', feature: 'due', current: (f: FallbackData) => f.due, write: plain },
        { key: 'owner', feature: 'owner', current: (f: FallbackData) => f.owner, write: plain }
    ]
};

/** `loss` and `cost` are one property written from three cells: amount, currency, period. */
interface AmountData { amount: number; currency?: string; period: string }
interface AmountProperty { key: string; feature: string; periods: readonly string[]; current: (data: never) => AmountData | undefined }
const amounts: Readonly<Partial<Record<Kind, AmountProperty>>> = {
    activity: { key: 'loss', feature: 'loss', periods: ['day', 'hour'], current: (a: ActivityData) => a.loss },
    fallback: { key: 'cost', feature: 'cost', periods: ['year', 'month', 'once'], current: (f: FallbackData) => f.cost }
};

const same = (a: BiaValue | undefined, b: BiaValue | undefined): boolean =>
    Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a ?? []) === JSON.stringify(b ?? []) : a === b;

interface Edit { start: number; end: number; text: string }

export interface MergeResult {
    /** The new text of each file that changed, by URI. */
    texts: Map<string, string>;
    /** Elements whose properties changed, and elements added. */
    updated: string[];
    added: string[];
    /** Cells whose value could not be applied (a name the plan does not know). */
    problems: CellProblem[];
}

const mergeTexts = {
    unknown: {
        en: 'no {what} named \'{name}\' in the plan or the workbook: the cell is not applied',
        fr: 'aucun {what} nommé \'{name}\' dans le plan ni dans le classeur : la cellule n\'est pas appliquée'
    }
} as const satisfies Readonly<Record<string, Texts>>;
const mergeText = textLookup(mergeTexts, 'BIA merge');
const kindWords = {
    role: { en: 'role', fr: 'rôle' }, asset: { en: 'asset', fr: 'ressource' }, activity: { en: 'activity', fr: 'activité' },
    'asset or activity': { en: 'asset or activity', fr: 'ressource ou activité' }
} as const satisfies Readonly<Record<string, Texts>>;
const kindWord = textLookup(kindWords, 'BIA kinds');

function splitAt(at: string): { sheet: string; cell: string } {
    const index = at.lastIndexOf('!');
    return { sheet: at.slice(0, index), cell: at.slice(index + 1) };
}

/** The keywords written before a property's value (`depends on`), so that the whole property can be removed. */
function propertyStart(node: CstNode): number {
    const container = node.container;
    if (!container || !isCompositeCstNode(container)) return node.offset;
    let index = container.content.indexOf(node);
    let start = node.offset;
    const isKeyword = (cst: CstNode): boolean => GrammarAST.isKeyword(cst.grammarSource) && !['{', '}'].includes(cst.text);
    while (index > 0 && isKeyword(container.content[index - 1])) {
        index--;
        start = container.content[index].offset;
    }
    return start;
}

class PlanText {
    private readonly edits = new Map<string, Edit[]>();

    constructor(private readonly documents: readonly LangiumDocument[]) { }

    add(uri: string, edit: Edit): void {
        const list = this.edits.get(uri) ?? [];
        list.push(edit);
        this.edits.set(uri, list);
    }

    /** Sets a property: its first value replaced, any repetition removed; or a new line in the block. */
    set(node: AstNode, feature: string, keyword: string, value: string, flag = false): void {
        const uri = AstUtils.getDocument(node).uri.toString();
        const nodes = GrammarUtils.findNodesForProperty(node.$cstNode, feature);
        if (nodes.length > 0) {
            if (!flag) this.add(uri, { start: nodes[0].offset, end: nodes[0].end, text: value });
            for (const extra of nodes.slice(1)) this.remove(uri, extra);
            return;
        }
        this.insert(node, flag ? keyword : `${keyword} ${value}`);
    }

    /** Removes a property (keywords and value) and the blank it leaves. */
    unset(node: AstNode, feature: string): void {
        const uri = AstUtils.getDocument(node).uri.toString();
        for (const extra of GrammarUtils.findNodesForProperty(node.$cstNode, feature)) this.remove(uri, extra);
    }

    private remove(uri: string, node: CstNode): void {
        const text = this.documents.find(d => d.uri.toString() === uri)!.textDocument.getText();
        let start = propertyStart(node);
        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        let end = node.end;
        // A property alone on its line goes with its line.
        if (text[start - 1] === '\n' && /^[ \t]*\r?\n/.test(text.slice(end))) end += /^[ \t]*\r?\n/.exec(text.slice(end))![0].length;
        this.add(uri, { start, end, text: '' });
    }

    /** A new property line before the block's closing brace, indented like the others. */
    insert(node: AstNode, line: string): void {
        const uri = AstUtils.getDocument(node).uri.toString();
        const text = AstUtils.getDocument(node).textDocument.getText();
        const close = node.$cstNode!.end - 1;
        const lineStart = text.lastIndexOf('\n', close - 1) + 1;
        const beforeClose = text.slice(lineStart, close);
        if (/^[ \t]*$/.test(beforeClose) && text.lastIndexOf('{', close) < lineStart) {
            const open = text.lastIndexOf('\n', text.lastIndexOf('{', close)) + 1;
            const outer = /^[ \t]*/.exec(text.slice(open))![0];
            const firstProperty = /\{[ \t]*\r?\n([ \t]+)\S/.exec(text.slice(node.$cstNode!.offset, close));
            const indent = firstProperty?.[1] ?? `${outer}    `;
            this.add(uri, { start: lineStart, end: lineStart, text: `${indent}${line}\n` });
        } else {
            this.add(uri, { start: close, end: close, text: `${/\s$/.test(text.slice(0, close)) ? '' : ' '}${line} ` });
        }
    }

    result(): Map<string, string> {
        const texts = new Map<string, string>();
        for (const [uri, edits] of this.edits) {
            let text = this.documents.find(d => d.uri.toString() === uri)!.textDocument.getText();
            // From the end, so that earlier offsets stay right; inserts at one place keep their order.
            const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.i - a.i);
            for (const { edit } of ordered) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
            texts.set(uri, text);
        }
        return texts;
    }
}

const impactLine = (i: ImpactData): string =>
    `${i.category} ${i.level}${i.afterMinutes !== undefined ? ` after ${durationSource(i.afterMinutes)}` : ''}`;

function impactBlock(impacts: readonly ImpactData[], indent: string): string {
    return `{\n${impacts.map(i => `${indent}    ${impactLine(i)}`).join('\n')}\n${indent}}`;
}

/** The text of a new element from a row (and its impacts). */
function newElement(kind: Kind, row: BiaRow, impacts: readonly ImpactData[] | undefined): string {
    const lines: string[] = [];
    for (const property of properties[kind]) {
        const value = row.values.get(property.key);
        if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
        if (property.key === 'stateless') { if (value === true) lines.push('stateless'); continue; }
        lines.push(`${keywordOf(kind, property)} ${property.write(value)}`);
    }
    const amount = amounts[kind];
    if (amount && typeof row.values.get(amount.key) === 'number') {
        lines.push(`${amount.key} ${amountText(row, amount.key, undefined, amount.periods)}`);
    }
    if (impacts && impacts.length > 0) lines.push(`impact ${impactBlock(impacts, '    ')}`);
    const title = row.values.get('title');
    const titled = typeof title === 'string' && title ? ` ${quote(title)}` : '';
    return `${kind} ${row.name}${titled} {\n${lines.map(l => `    ${l}\n`).join('')}}\n`;
}

function amountText(row: BiaRow, key: string, current: AmountData | undefined, periods: readonly string[]): string {
    const amount = (row.values.get(key) as number | undefined) ?? current?.amount ?? 0;
    const currency = (row.values.get(`${key}Currency`) as string | undefined) ?? current?.currency;
    const period = (row.values.get(`${key}Period`) as string | undefined) ?? current?.period ?? periods[0];
    return `${amount}${currency ? ` ${currency}` : ''} ${period === 'once' ? 'once' : `per ${period}`}`;
}

/** The element of that kind and name declared in the plan's files (the first declaration). */
function findNode(documents: readonly LangiumDocument[], kind: Kind, name: string): AstNode | undefined {
    for (const document of documents) {
        const root = document.parseResult.value;
        if (!isPraFile(root)) continue;
        const found = root.elements.find(e => e.$type === astTypes[kind] && (e as { name?: string }).name === name);
        if (found) return found;
    }
    return undefined;
}

/**
 * Merges the workbook into the plan whose files are `documents` (the plan's own file first, where
 * new elements go) and whose model is `model`. Names that cannot be resolved are reported, not written.
 */
export function mergeBia(model: PlanModel, documents: readonly LangiumDocument[], data: BiaData, lang: Lang): MergeResult {
    const text = new PlanText(documents);
    const problems: CellProblem[] = [];
    const updated: string[] = [];
    const added: string[] = [];
    const known = {
        role: new Set(model.roles.map(r => r.name)),
        asset: new Set([...model.assets.map(a => a.name), ...data.assets.map(r => r.name)]),
        activity: new Set([...model.activities.map(a => a.name), ...data.activities.map(r => r.name)])
    };
    const referenced: Readonly<Record<string, keyof typeof known | 'asset or activity'>> = {
        owner: 'role', uses: 'asset', needs: 'activity', dependsOn: 'asset', covers: 'asset or activity'
    };
    /** Drops a cell naming something unknown (reported with its cell). */
    const resolvable = (row: BiaRow, key: string): boolean => {
        const what = referenced[key];
        const value = row.values.get(key);
        if (!what || value === undefined) return true;
        const names = Array.isArray(value) ? value : [String(value)];
        const missing = names.find(n => what === 'asset or activity' ? !known.asset.has(n) && !known.activity.has(n) : !known[what].has(n));
        if (missing === undefined) return true;
        const message = mergeText('unknown', lang, { what: kindWord(what, lang), name: missing });
        problems.push({ ...splitAt(row.cells.get(key)!), message });
        row.values.delete(key);
        return false;
    };
    const dataOf: Readonly<Record<Kind, Map<string, unknown>>> = {
        activity: new Map(model.activities.map(a => [a.name, a])),
        asset: new Map(model.assets.map(a => [a.name, a])),
        fallback: new Map(model.fallbacks.map(f => [f.name, f]))
    };
    const newTexts: string[] = [];
    // Impacts of an activity the Activities sheet does not list are still applied to it.
    const activityRows = [...data.activities];
    for (const [name, impacts] of data.impacts) {
        if (activityRows.some(row => row.name === name)) continue;
        activityRows.push({ name, values: new Map(), cells: new Map(), at: impacts[0].at });
    }
    const rowsOf: ReadonlyArray<[Kind, BiaRow[]]> = [['asset', data.assets], ['activity', activityRows], ['fallback', data.fallbacks]];
    for (const [kind, rows] of rowsOf) {
        for (const row of rows) {
            for (const key of [...row.values.keys()]) resolvable(row, key);
            const node = findNode(documents, kind, row.name);
            const current = dataOf[kind].get(row.name);
            const impacts = kind === 'activity' ? data.impacts.get(row.name) : undefined;
            if (!node || !current) {
                newTexts.push(newElement(kind, row, impacts));
                added.push(`${kind} ${row.name}`);
                continue;
            }
            const before = updated.length;
            let changed = false;
            const title = row.values.get('title');
            if (typeof title === 'string' && title !== (current as { title?: string }).title) {
                const titleNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'title');
                const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')!;
                const uri = AstUtils.getDocument(node).uri.toString();
                if (titleNode) text.add(uri, { start: titleNode.offset, end: titleNode.end, text: quote(title) });
                else text.add(uri, { start: nameNode.end, end: nameNode.end, text: ` ${quote(title)}` });
                changed = true;
            }
            for (const property of properties[kind]) {
                const value = row.values.get(property.key);
                if (value === undefined) continue;
                const now = (property.current as (data: unknown) => BiaValue | undefined)(current);
                if (property.key === 'stateless') {
                    if (value === now) continue;
                    if (value === true) text.set(node, property.feature, keywordOf(kind, property), '', true);
                    else text.unset(node, property.feature);
                    changed = true;
                    continue;
                }
                if (same(value, now)) continue;
                text.set(node, property.feature, keywordOf(kind, property), property.write(value));
                changed = true;
            }
            const amount = amounts[kind];
            if (amount && [amount.key, `${amount.key}Currency`, `${amount.key}Period`].some(k => row.values.has(k))) {
                const now = (amount.current as (data: unknown) => AmountData | undefined)(current);
                const written = amountText(row, amount.key, now, amount.periods);
                const was = now ? amountText({ ...row, values: new Map() }, amount.key, now, amount.periods) : undefined;
                if (written !== was && (row.values.has(amount.key) || now)) {
                    text.set(node, amount.feature, amount.key, written);
                    changed = true;
                }
            }
            if (impacts && impacts.length > 0 && mergeImpacts(text, node as Activity, impacts)) changed = true;
            if (changed && updated.length === before) updated.push(`${kind} ${row.name}`);
        }
    }
    const texts = text.result();
    if (newTexts.length > 0) {
        const rootUri = documents[0].uri.toString();
        const base = texts.get(rootUri) ?? documents[0].textDocument.getText();
        texts.set(rootUri, `${base.replace(/\s*$/, '\n')}\n${newTexts.join('\n')}`);
    }
    return { texts, updated, added, problems };
}

/**
 * The impact levels the grid holds, cell by cell: a level that differs replaces the one written
 * for that category and time; a new one is a new line of the (first) impact block. Lines the grid
 * does not hold stay, with their comments.
 */
function mergeImpacts(text: PlanText, activity: Activity, impacts: readonly ImpactData[]): boolean {
    const lines = activity.impact.flatMap(block => block.lines);
    let changed = false;
    const missing: ImpactData[] = [];
    for (const impact of impacts) {
        const line = lines.find(l => l.category === impact.category && l.after?.minutes === impact.afterMinutes);
        if (!line) { missing.push(impact); continue; }
        if (line.level === impact.level) continue;
        const level = GrammarUtils.findNodeForProperty(line.$cstNode, 'level');
        if (!level) continue;
        text.add(AstUtils.getDocument(activity).uri.toString(), { start: level.offset, end: level.end, text: String(impact.level) });
        changed = true;
    }
    if (missing.length === 0) return changed;
    const [block] = activity.impact;
    if (block) for (const impact of missing) text.insert(block, impactLine(impact));
    else text.insert(activity, `impact ${impactBlock(missing, indentOf(activity))}`);
    return true;
}

/** The indentation of an element's properties (four spaces past the element's own when it has none). */
function indentOf(node: AstNode): string {
    const source = AstUtils.getDocument(node).textDocument.getText();
    const block = source.slice(node.$cstNode!.offset, node.$cstNode!.end);
    const first = /\{[ \t]*\r?\n([ \t]+)\S/.exec(block);
    if (first) return first[1];
    const lineStart = source.lastIndexOf('\n', node.$cstNode!.offset - 1) + 1;
    return `${/^[ \t]*/.exec(source.slice(lineStart))![0]}    `;
}

/** A new plan from a workbook alone: the roles it names, then its assets, activities and fallbacks. */
export function newPlanFromBia(data: BiaData, title: string, lang: Lang): string {
    const roles = new Set<string>();
    for (const row of [...data.activities, ...data.assets, ...data.fallbacks]) {
        const owner = row.values.get('owner');
        if (typeof owner === 'string') roles.add(owner);
    }
    const header = lang === 'fr'
        ? `// Plan créé par pra import depuis un classeur BIA : complétez-le (pra init donne un squelette commenté).\n`
        : `// Plan created by pra import from a BIA workbook: complete it (pra init gives a commented skeleton).\n`;
    const parts = [`${header}plan ${quote(title)} {\n    language ${lang}\n}\n`];
    for (const role of [...roles].sort()) parts.push(`role ${role} { }\n`);
    for (const row of data.assets) parts.push(newElement('asset', row, undefined));
    for (const row of data.activities) parts.push(newElement('activity', row, data.impacts.get(row.name)));
    for (const row of data.fallbacks) parts.push(newElement('fallback', row, undefined));
    return parts.join('\n');
}
