import type { PlanAnalysis } from '../pra-analysis.js';
import type { Lang } from '../pra-messages.js';
import type { CostData } from '../pra-model.js';
import { riskMatrix, type RiskMatrix } from '../pra-risk-matrix.js';
import type { Zone } from '../pra-vocabulary.js';
import { zoneWord } from '../pra-messages.js';
import { documentDuration, documentMoney, plainSpaces } from './pra-document-format.js';
import type { PlanFinding } from './pra-document-model.js';
import type { Block, CellValue, Column, Fact, MoneyValue, ParagraphBlock, Row, SubsectionBlock } from './pra-document-types.js';
import { exportText, localeOf, type ExportKeySuffix, type ExportTextKey } from './pra-export-texts.js';

/** What every part of the document shares: the texts, the formats and the plan's titles. */
export class DocumentBuilder {
    readonly numbers: Intl.NumberFormat;
    private readonly dates: Intl.DateTimeFormat;
    readonly matrix: RiskMatrix;
    /** Every element's title by name (the name when it has no title): the body's words. */
    readonly titles = new Map<string, string>();

    constructor(readonly analysis: PlanAnalysis, readonly lang: Lang, readonly findings: readonly PlanFinding[]) {
        this.numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 });
        this.dates = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' });
        this.matrix = riskMatrix(analysis, lang);
        const m = analysis.model;
        for (const list of [m.roles, m.assets, m.activities, m.risks, m.fallbacks, m.procedures, m.exercises]) {
            for (const element of list) if (!this.titles.has(element.name)) this.titles.set(element.name, element.title ?? element.name);
        }
    }

    get model() { return this.analysis.model; }

    t(key: ExportTextKey, params: Record<string, string | number> = {}): string {
        return exportText(key, this.lang, params);
    }

    /** An element's title (its name when it has none): what the body shows. */
    title(name: string | undefined): string {
        return name === undefined ? '' : this.titles.get(name) ?? name;
    }

    titlesOf(names: readonly string[]): CellValue {
        return this.list(names.map(n => this.title(n)));
    }

    /** A role as a reader knows it: its title and the person holding it. */
    person(name: string | undefined): string {
        if (name === undefined) return '';
        const role = this.analysis.data.roles.get(name);
        if (!role) return name;
        const title = role.title ?? role.name;
        return role.holder && role.holder !== title ? `${title} (${role.holder})` : title;
    }

    columns(...keys: Array<ExportKeySuffix<'field'>>): Column[] {
        return keys.map(key => ({ key, label: this.t(`field.${key}`) }));
    }

    empty(key: ExportTextKey): ParagraphBlock {
        return { type: 'paragraph', text: this.t(key), role: 'empty' };
    }

    note(key: ExportTextKey, params: Record<string, string | number> = {}): ParagraphBlock {
        return { type: 'paragraph', text: this.t(key, params), role: 'note' };
    }

    sub(id: string, title: string, blocks: Block[], layout?: 'page'): SubsectionBlock {
        return layout ? { type: 'subsection', id, title, blocks, layout } : { type: 'subsection', id, title, blocks };
    }

    table(id: string, columns: Column[], rows: Row[], emptyKey: ExportTextKey): Block {
        return rows.length === 0 ? this.empty(emptyKey) : { type: 'table', id, columns, rows };
    }

    fact(key: ExportKeySuffix<'field'>, value: CellValue, labelKey: ExportTextKey = `field.${key}`): Fact {
        return { key, label: this.t(labelKey), value };
    }

    /** Facts without the empty ones. */
    facts(...items: Fact[]): Fact[] {
        return items.filter(f => typeof f.value === 'string' ? f.value !== '' : f.value.text !== '');
    }

    durationText(minutes: number): string {
        return documentDuration(minutes, this.lang);
    }

    duration(minutes: number | undefined, zone?: Zone): CellValue {
        if (minutes === undefined) return '';
        const text = documentDuration(minutes, this.lang);
        return zone ? { minutes, text, zone } : { minutes, text };
    }

    date(iso: string | undefined): CellValue {
        if (iso === undefined) return '';
        const parsed = new Date(`${iso}T00:00:00Z`);
        return { date: iso, text: Number.isNaN(parsed.getTime()) ? iso : this.dates.format(parsed) };
    }

    dateText(iso: string | undefined): string {
        const value = this.date(iso);
        return typeof value === 'string' ? value : value.text;
    }

    number(value: number | undefined, zone?: Zone): CellValue {
        if (value === undefined) return '';
        const text = plainSpaces(this.numbers.format(value));
        return zone ? { value, text, zone } : { value, text };
    }

    zone(zone: Zone | undefined): CellValue {
        return zone ? { zone, text: zoneWord(zone, this.lang) } : '';
    }

    /** Items one per line (sentences: triggers, stand-down criteria). */
    lines(items: readonly string[]): CellValue {
        return items.length === 0 ? '' : { items: [...items], text: items.join('\n') };
    }

    list(items: readonly string[]): CellValue {
        return items.length === 0 ? '' : { items: [...items], text: items.join(', ') };
    }

    money(amount: number, currency: string | undefined, period?: CostData['period']): MoneyValue {
        const plain = documentMoney(amount, currency, this.lang);
        const text = period === undefined ? plain
            : this.t(period === 'year' ? 'text.perYear' : period === 'month' ? 'text.perMonth' : 'text.once', { amount: plain });
        const value: MoneyValue = { amount, text };
        if (currency !== undefined) value.currency = currency;
        if (period !== undefined) value.period = period;
        return value;
    }

    /** Per-currency totals as one text ("1 200 € ; 300 USD"), or '' when there is none. */
    totals(totals: Readonly<Record<string, number>>): string {
        return Object.keys(totals).sort().map(c => documentMoney(totals[c], c || undefined, this.lang)).join(' ; ');
    }

    yes(flag: boolean): CellValue {
        return flag ? this.t('field.yes') : '';
    }

    /** The owner of an element, whatever its kind; the plan's owner for the plan itself. */
    ownerOf(name: string | undefined): string | undefined {
        if (name === undefined) return this.model.header?.owner;
        const d = this.analysis.data;
        if (d.roles.has(name)) return name;
        return d.activities.get(name)?.owner ?? d.assets.get(name)?.owner ?? d.risks.get(name)?.owner
            ?? d.fallbacks.get(name)?.owner ?? d.procedures.get(name)?.owner ?? this.model.header?.owner;
    }
}

export function rank(order: readonly string[], value: string | undefined): number {
    const index = order.indexOf(value ?? '');
    return index < 0 ? order.length : index;
}

export const criticalityOrder = ['critical', 'high', 'medium', 'low'];
export const severityOrder = ['error', 'warning', 'info', 'hint'] as const;

/** The values used, in vocabulary order, then unknown ones, then '' (unspecified) last. */
export function orderedValues(known: readonly string[], used: ReadonlyArray<string | undefined>): string[] {
    const present = new Set(used.map(v => v ?? ''));
    const result = known.filter(v => present.has(v));
    for (const v of present) if (v !== '' && !result.includes(v)) result.push(v);
    if (present.has('')) result.push('');
    return result;
}
