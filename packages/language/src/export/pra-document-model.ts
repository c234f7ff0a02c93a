import type { PlanAnalysis } from '../pra-analysis.js';
import { isOpen, type CheckFinding } from '../pra-check-report.js';
import { fixOf, formatDuration, word, zoneWord, type Lang } from '../pra-messages.js';
import type { CostData, ElementRef, ProcedureData } from '../pra-model.js';
import { riskMatrix, type RiskMatrix } from '../pra-risk-matrix.js';
import { vocabulary, type Zone } from '../pra-vocabulary.js';
import { parseStart } from '../simulation/clock.js';
import { riskScenarios } from '../simulation/scenarios.js';
import { SimulationWords } from '../simulation/simulation-format.js';
import { exportText, localeOf, valueWord } from './pra-export-texts.js';

/**
 * The plan document as plain data: what every renderer (Word, HTML, Markdown, JSON) writes.
 * Built once from the analysis, the risk matrix and the findings of `pra check`; it computes no
 * figure of its own, it only orders, labels and formats them.
 */
export const planDocumentSchemaVersion = 1;

export interface DurationValue { minutes: number; text: string }
export interface DateValue { date: string; text: string }
export interface NumberValue { value: number; text: string; zone?: Zone }
export interface ZoneValue { zone: Zone; text: string }
export interface MoneyValue { amount: number; currency?: string; period?: CostData['period']; text: string }
export interface ListValue { items: string[]; text: string }
/** A table cell or fact: plain text, or a typed value that also carries the text to show. */
export type CellValue = string | DurationValue | DateValue | NumberValue | ZoneValue | MoneyValue | ListValue;

export interface Column { key: string; label: string }
export type Row = Record<string, CellValue>;

export interface ParagraphBlock { type: 'paragraph'; text: string; role?: 'empty' | 'draft' | 'note' }
export interface ListBlock { type: 'list'; items: string[] }
export interface FactsBlock { type: 'facts'; items: Array<{ key: string; label: string; value: CellValue }> }
export interface TableBlock { type: 'table'; id: string; columns: Column[]; rows: Row[] }
export interface MatrixLevelData { value: number; label: string }
export interface MatrixCellData { likelihood: number; impact: number; score: number; zone: Zone; risks: string[] }
export interface MatrixBlock {
    type: 'matrix';
    id: 'inherent' | 'residual';
    likelihoodAxis: string;
    impactAxis: string;
    impact: MatrixLevelData[];
    /** From the highest likelihood down; cells from the lowest impact up. */
    rows: Array<{ likelihood: MatrixLevelData; cells: MatrixCellData[] }>;
    legend: Array<{ zone: Zone; label: string }>;
    /** The risks of this view the grid cannot place, with why (drawn below it). */
    tray: { title: string; risks: Array<{ name: string; reason: string }> };
}
export interface SubsectionBlock { type: 'subsection'; id: string; title: string; blocks: Block[] }
export type Block = ParagraphBlock | ListBlock | FactsBlock | TableBlock | MatrixBlock | SubsectionBlock;

export const sectionIds = ['control', 'scope', 'organisation', 'requirements', 'inventory', 'risks', 'recovery',
    'activation', 'procedures', 'catchup', 'exercises', 'gaps'] as const;
export type SectionId = typeof sectionIds[number];
export interface PlanSection { id: SectionId; number: number; title: string; blocks: Block[] }

export interface PlanCover {
    kind: string;
    title: string;
    organisation: string;
    version: string;
    date: CellValue;
    owner: string;
}

export interface PlanDocument {
    schemaVersion: number;
    lang: Lang;
    /** Exported although the plan has errors (`--force`): every output says so. */
    draft: boolean;
    errorCount: number;
    cover: PlanCover;
    sections: PlanSection[];
}

/** A finding of `pra check` and the file (as shown to the reader) it was found in. */
export interface PlanFinding extends CheckFinding { file: string }

export interface DocumentMeta {
    /** The plan's files as the reader should see them (names, not machine paths). */
    sourceFiles: string[];
}

/** Builds the document: the twelve sections in the order of the plan template, each always present. */
export function buildPlanDocument(analysis: PlanAnalysis, findings: readonly PlanFinding[], lang: Lang, meta: DocumentMeta): PlanDocument {
    const b = new DocumentBuilder(analysis, lang);
    const errorCount = findings.filter(f => isOpen(f) && f.severity === 'error').length;
    const header = analysis.model.header;
    const sections: Array<[SectionId, Block[]]> = [
        ['control', b.control(meta, errorCount)],
        ['scope', b.scope()],
        ['organisation', b.organisation()],
        ['requirements', b.requirements()],
        ['inventory', b.inventory()],
        ['risks', b.risks()],
        ['recovery', b.recovery()],
        ['activation', b.activation()],
        ['procedures', b.procedures()],
        ['catchup', b.catchup()],
        ['exercises', b.exercises()],
        ['gaps', b.gaps(findings)]
    ];
    return {
        schemaVersion: planDocumentSchemaVersion,
        lang,
        draft: errorCount > 0,
        errorCount,
        cover: {
            kind: b.t('document.kind'),
            title: header?.title ?? b.t('document.untitled'),
            organisation: header?.organisation ?? '',
            version: header?.version ?? '',
            date: b.date(header?.date),
            owner: b.roleWithHolder(header?.owner)
        },
        sections: sections.map(([id, blocks], i) => ({ id, number: i + 1, title: b.t(`section.${id}`), blocks }))
    };
}

/** The text a cell shows. */
export function cellText(value: CellValue | undefined): string {
    if (value === undefined) return '';
    return typeof value === 'string' ? value : value.text;
}

const criticalityOrder = ['critical', 'high', 'medium', 'low'];
const severityOrder = ['error', 'warning', 'info', 'hint'];

class DocumentBuilder {
    private readonly numbers: Intl.NumberFormat;
    private readonly dates: Intl.DateTimeFormat;
    private readonly matrix: RiskMatrix;

    constructor(private readonly analysis: PlanAnalysis, private readonly lang: Lang) {
        this.numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 });
        this.dates = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' });
        this.matrix = riskMatrix(analysis, lang);
    }

    private get model() { return this.analysis.model; }

    t(key: string, params: Record<string, string | number> = {}): string {
        return exportText(key, this.lang, params);
    }

    private columns(...keys: string[]): Column[] {
        return keys.map(key => ({ key, label: this.t(`field.${key}`) }));
    }

    private empty(key: string): ParagraphBlock {
        return { type: 'paragraph', text: this.t(key), role: 'empty' };
    }

    private sub(id: string, title: string, blocks: Block[]): SubsectionBlock {
        return { type: 'subsection', id, title, blocks };
    }

    private table(id: string, columns: Column[], rows: Row[], emptyKey: string): Block {
        return rows.length === 0 ? this.empty(emptyKey) : { type: 'table', id, columns, rows };
    }

    duration(minutes: number | undefined): CellValue {
        return minutes === undefined ? '' : { minutes, text: formatDuration(minutes, this.lang) };
    }

    date(iso: string | undefined): CellValue {
        if (iso === undefined) return '';
        const parsed = new Date(`${iso}T00:00:00Z`);
        return { date: iso, text: Number.isNaN(parsed.getTime()) ? iso : this.dates.format(parsed) };
    }

    number(value: number | undefined, zone?: Zone): CellValue {
        if (value === undefined) return '';
        return zone ? { value, text: this.numbers.format(value), zone } : { value, text: this.numbers.format(value) };
    }

    private zone(zone: Zone | undefined): CellValue {
        return zone ? { zone, text: zoneWord(zone, this.lang) } : '';
    }

    private list(items: readonly string[]): CellValue {
        return items.length === 0 ? '' : { items: [...items], text: items.join(', ') };
    }

    private refs(items: readonly ElementRef[]): CellValue {
        return this.list(items.map(r => r.name));
    }

    private money(amount: number, currency: string | undefined, period?: CostData['period']): MoneyValue {
        const plain = /^[A-Z]{3}$/.test(currency ?? '')
            ? safeCurrency(amount, currency!, localeOf(this.lang))
            : `${this.numbers.format(amount)}${currency ? ` ${currency}` : ''}`;
        const text = period === undefined ? plain
            : this.t(period === 'year' ? 'text.perYear' : period === 'month' ? 'text.perMonth' : 'text.once', { amount: plain });
        const value: MoneyValue = { amount, text };
        if (currency !== undefined) value.currency = currency;
        if (period !== undefined) value.period = period;
        return { ...value, text };
    }

    private yes(flag: boolean): CellValue {
        return flag ? this.t('field.yes') : '';
    }

    roleWithHolder(name: string | undefined): string {
        if (name === undefined) return '';
        const holder = this.analysis.data.roles.get(name)?.holder;
        return holder ? `${name} (${holder})` : name;
    }

    // 1. Document control
    control(meta: DocumentMeta, errorCount: number): Block[] {
        const header = this.model.header;
        const blocks: Block[] = [];
        if (errorCount > 0) blocks.push({ type: 'paragraph', text: this.t('document.draft', { count: errorCount }), role: 'draft' });
        blocks.push({
            type: 'facts', items: [
                { key: 'title', label: this.t('field.title'), value: header?.title ?? this.t('document.untitled') },
                { key: 'organisation', label: this.t('field.organisation'), value: header?.organisation ?? '' },
                { key: 'version', label: this.t('field.version'), value: header?.version ?? '' },
                { key: 'date', label: this.t('field.date'), value: this.date(header?.date) },
                { key: 'owner', label: this.t('field.owner'), value: this.roleWithHolder(header?.owner) },
                { key: 'review', label: this.t('field.review'), value: this.date(header?.review) },
                { key: 'status', label: this.t('field.status'), value: errorCount > 0 ? this.t('document.draftShort') : header?.version ?? '' }
            ]
        });
        blocks.push({ type: 'paragraph', text: this.t('document.source', { files: meta.sourceFiles.join(', ') }), role: 'note' });
        const rows = (header?.distribution ?? []).map(name => {
            const role = this.analysis.data.roles.get(name);
            return { role: name, title: role?.title ?? '', holder: role?.holder ?? '', email: role?.email ?? '' };
        });
        blocks.push(this.sub('distribution', this.t('sub.distribution'),
            [this.table('distribution', this.columns('role', 'title', 'holder', 'email'), rows, 'empty.distribution')]));
        return blocks;
    }

    // 2. Scope and exceptions
    scope(): Block[] {
        const scope = this.model.header?.scope;
        return [
            this.sub('scope', this.t('sub.scope'), [scope ? { type: 'paragraph', text: scope } : this.empty('empty.scope')]),
            this.sub('exceptions', this.t('sub.exceptions'),
                [this.model.exceptions.length > 0 ? { type: 'list', items: [...this.model.exceptions] } : this.empty('empty.exceptions')])
        ];
    }

    private crisisFunctions(name: string): CellValue {
        const functions = this.analysis.roles.get(name)?.crisisFunctions ?? [];
        return this.list(functions.map(f => valueWord('crisis', f, this.lang)));
    }

    // 3. Organisation and contacts
    organisation(): Block[] {
        const rows = this.model.roles.map(role => ({
            name: role.name, title: role.title ?? '', holder: role.holder ?? '', phone: role.phone ?? '', email: role.email ?? '',
            deputy: role.deputy ?? '', external: this.yes(role.external), crisisFunctions: this.crisisFunctions(role.name),
            notes: role.notes ?? ''
        }));
        return [
            this.sub('roles', this.t('sub.roles'), [this.table('roles',
                this.columns('name', 'title', 'holder', 'phone', 'email', 'deputy', 'external', 'crisisFunctions', 'notes'), rows, 'empty.roles')]),
            this.sub('crisis-cell', this.t('sub.crisisCell'), [this.crisisFacts()])
        ];
    }

    private crisisFacts(): Block {
        const crisis = this.model.crisis;
        if (!crisis) return this.empty('empty.crisis');
        const items: FactsBlock['items'] = crisis.alerts.map((alert, i) => ({
            key: `alert${i + 1}`, label: this.t('field.alert'),
            value: alert.to ? `${alert.how} → ${this.roleWithHolder(alert.to)}` : alert.how
        }));
        items.push(
            { key: 'activation', label: this.t('field.activation'), value: this.roleWithHolder(crisis.activation) },
            { key: 'pilot', label: this.t('field.pilot'), value: this.roleWithHolder(crisis.pilot) },
            { key: 'team', label: this.t('field.team'), value: this.list(crisis.team) },
            { key: 'meeting', label: this.t('field.meeting'), value: crisis.meeting ?? '' }
        );
        return { type: 'facts', items };
    }

    // 4. Continuity requirements
    requirements(): Block[] {
        const activities = [...this.model.activities].sort((a, b) => rank(criticalityOrder, a.criticality) - rank(criticalityOrder, b.criticality));
        const rows = activities.map(a => {
            const figures = this.analysis.activities.get(a.name);
            return {
                name: a.name, title: a.title ?? '', criticality: a.criticality ? word(a.criticality, this.lang) : '',
                rto: this.duration(a.rtoMinutes), rpo: this.duration(a.rpoMinutes), mtpd: this.duration(a.mtpdMinutes),
                achievedRto: this.duration(figures?.achievedRto?.minutes), achievedRpo: this.duration(figures?.achievedRpo?.minutes),
                owner: a.owner ?? '', manual: a.manual?.text ?? '', helper: a.helper ?? '', uses: this.list(a.uses), notes: a.notes ?? ''
            };
        });
        const impactLabel = (level: number): string => this.matrix.impact.find(l => l.value === level)?.label ?? '';
        const impacts = activities.flatMap(a => a.impacts.map(impact => ({
            activity: a.name, category: valueWord('impact', impact.category, this.lang),
            level: this.number(impact.level), label: impactLabel(impact.level), after: this.duration(impact.afterMinutes)
        })));
        return [
            this.sub('bia', this.t('sub.bia'), activities.length === 0 ? [this.empty('empty.activities')] : [
                { type: 'paragraph', text: this.t('text.biaOrder'), role: 'note' },
                this.table('activities', this.columns('name', 'title', 'criticality', 'rto', 'rpo', 'mtpd', 'achievedRto',
                    'achievedRpo', 'owner', 'manual', 'helper', 'uses', 'notes'), rows, 'empty.activities')
            ]),
            this.sub('impacts', this.t('sub.impacts'),
                [this.table('impacts', this.columns('activity', 'category', 'level', 'label', 'after'), impacts, 'empty.impacts')])
        ];
    }

    // 5. IT inventory and dependencies
    inventory(): Block[] {
        const assets = this.model.assets;
        if (assets.length === 0) return [this.empty('empty.assets')];
        const kinds = orderedValues(vocabulary.assetKind, assets.map(a => a.kind));
        const blocks: Block[] = [{ type: 'paragraph', text: this.t('text.indispensable'), role: 'note' }];
        for (const kind of kinds) {
            const rows = assets.filter(a => (a.kind ?? '') === kind).map(a => {
                const figures = this.analysis.assets.get(a.name);
                const criticality = figures?.criticality;
                return {
                    name: a.name, title: a.title ?? '', provider: a.provider ?? '', sla: this.duration(a.slaMinutes),
                    count: this.number(a.count), dependsOn: this.list(a.dependsOn), usedBy: this.list(figures?.usedBy ?? []),
                    criticality: criticality ? word(criticality, this.lang) : '',
                    indispensable: this.yes(criticality === 'critical' || criticality === 'high'),
                    owner: a.owner ?? '', notes: a.notes ?? ''
                };
            });
            const title = this.t('sub.assetsOfKind', { kind: valueWord('kind', kind, this.lang) });
            blocks.push(this.sub(`assets-${kind || 'unspecified'}`, title, [this.table(`assets-${kind || 'unspecified'}`,
                this.columns('name', 'title', 'provider', 'sla', 'count', 'dependsOn', 'usedBy', 'criticality', 'indispensable', 'owner', 'notes'),
                rows, 'empty.assets')]));
        }
        const providers = assets.filter(a => a.provider !== undefined).map(a => ({
            provider: a.provider!, asset: a.name, sla: this.duration(a.slaMinutes),
            usedBy: this.list(this.analysis.assets.get(a.name)?.usedBy ?? [])
        })).sort((a, b) => a.provider.localeCompare(b.provider, localeOf(this.lang)));
        blocks.push(this.sub('providers', this.t('sub.providers'),
            [this.table('providers', this.columns('provider', 'asset', 'sla', 'usedBy'), providers, 'empty.providers')]));
        return blocks;
    }

    // 6. Risk assessment
    risks(): Block[] {
        const m = this.matrix;
        const scaleRows = (levels: RiskMatrix['likelihood']): Row[] => levels.map(l => ({ level: this.number(l.value), label: l.label }));
        const scales: Block[] = [
            { type: 'table', id: 'likelihood-scale', columns: [{ key: 'level', label: this.t('field.likelihood') }, { key: 'label', label: this.t('field.label') }], rows: scaleRows(m.likelihood) },
            { type: 'table', id: 'impact-scale', columns: [{ key: 'level', label: this.t('field.impact') }, { key: 'label', label: this.t('field.label') }], rows: scaleRows(m.impact) },
            {
                type: 'facts', items: [
                    { key: 'tolerableFrom', label: this.t('field.tolerableFrom'), value: this.number(m.tolerableFrom) },
                    { key: 'unacceptableFrom', label: this.t('field.unacceptableFrom'), value: this.number(m.unacceptableFrom) }
                ]
            }
        ];
        const risks = [...this.model.risks].sort((a, b) =>
            (this.analysis.risks.get(b.name)?.score ?? -1) - (this.analysis.risks.get(a.name)?.score ?? -1));
        const rows = risks.map(r => {
            const figures = this.analysis.risks.get(r.name);
            return {
                name: r.name, title: r.title ?? '', category: valueWord('risk', r.category, this.lang),
                likelihood: this.number(r.likelihood), impact: this.number(r.impact),
                score: this.number(figures?.score, figures?.zone), zone: this.zone(figures?.zone),
                residualScore: this.number(figures?.residualScore, figures?.residualZone), residualZone: this.zone(figures?.residualZone),
                downtime: this.duration(r.downtimeMinutes), dataloss: this.duration(r.datalossMinutes),
                targets: this.list(r.targets), mitigatedBy: this.list(r.mitigatedBy), owner: r.owner ?? '', notes: r.notes ?? ''
            };
        });
        return [
            this.sub('scales', this.t('sub.scales'), scales),
            this.sub('inherent-matrix', this.t('sub.inherentMatrix'), [this.matrixBlock('inherent')]),
            this.sub('residual-matrix', this.t('sub.residualMatrix'), [this.matrixBlock('residual')]),
            this.sub('register', this.t('sub.register'), risks.length === 0 ? [this.empty('empty.risks')] : [
                { type: 'paragraph', text: this.t('text.registerOrder'), role: 'note' },
                this.table('risks', this.columns('name', 'title', 'category', 'likelihood', 'impact', 'score', 'zone',
                    'residualScore', 'residualZone', 'downtime', 'dataloss', 'targets', 'mitigatedBy', 'owner', 'notes'), rows, 'empty.risks')
            ])
        ];
    }

    private matrixBlock(id: 'inherent' | 'residual'): MatrixBlock {
        const m = this.matrix;
        const zoneLabel = (zone: Zone): string => zoneWord(zone, this.lang);
        const maxScore = (m.likelihood.at(-1)?.value ?? 0) * (m.impact.at(-1)?.value ?? 0);
        const fmt = (n: number): string => this.numbers.format(n);
        return {
            type: 'matrix', id,
            likelihoodAxis: this.t('matrix.likelihoodAxis'), impactAxis: this.t('matrix.impactAxis'),
            impact: m.impact.map(l => ({ value: l.value, label: l.label })),
            // Rows run from the highest likelihood down; by index, since a row is empty when the impact scale is.
            rows: m.rows.map((cells, row) => ({
                likelihood: { ...m.likelihood[m.likelihood.length - 1 - row] },
                cells: cells.map(c => ({ likelihood: c.likelihood, impact: c.impact, score: c.score, zone: c.zone, risks: [...c[id]] }))
            })),
            tray: { title: m.tray.title, risks: m.tray[id].map(r => ({ ...r })) },
            legend: [
                { zone: 'acceptable', label: this.t('matrix.scoreBelow', { zone: zoneLabel('acceptable'), to: fmt(m.tolerableFrom) }) },
                { zone: 'tolerable', label: this.t('matrix.scoreRange', { zone: zoneLabel('tolerable'), from: fmt(m.tolerableFrom), to: fmt(Math.min(maxScore, m.unacceptableFrom - 1)) }) },
                { zone: 'unacceptable', label: this.t('matrix.scoreFrom', { zone: zoneLabel('unacceptable'), from: fmt(m.unacceptableFrom) }) }
            ]
        };
    }

    // 7. Recovery means
    recovery(): Block[] {
        const fallbacks = this.model.fallbacks;
        if (fallbacks.length === 0) return [this.empty('empty.fallbacks')];
        const blocks: Block[] = [];
        for (const type of orderedValues(vocabulary.fallbackType, fallbacks.map(f => f.type))) {
            const rows = fallbacks.filter(f => (f.type ?? '') === type).map(f => {
                const figures = this.analysis.fallbacks.get(f.name);
                const copies = [f.offsite ? this.t('text.offsite') : '', f.offline ? this.t('text.offline') : ''].filter(Boolean);
                const state = figures ? valueWord('test', figures.testState, this.lang) : '';
                const tested = this.date(f.tested);
                return {
                    name: f.name, title: f.title ?? '',
                    status: [valueWord('status', f.status, this.lang), f.due ? cellText(this.date(f.due)) : '', f.reason ?? ''].filter(Boolean).join(' — '),
                    mode: valueWord('mode', f.mode, this.lang),
                    resource: valueWord('resource', f.resource, this.lang), provider: f.provider ?? '', contract: f.contract ?? '',
                    covers: this.refs(f.covers), rto: this.duration(f.rtoMinutes), rpo: this.duration(f.rpoMinutes),
                    dependsOn: this.list(f.dependsOn),
                    cost: f.cost ? this.money(f.cost.amount, f.cost.currency, f.cost.period) : '',
                    copies: copies.join(', '),
                    lastTest: tested === '' ? state : { ...(tested as DateValue), text: this.t('text.testAge', { date: cellText(tested), state }) },
                    owner: f.owner ?? '', audience: this.list(f.audience.map(a => valueWord('audience', a, this.lang))), notes: f.notes ?? ''
                };
            });
            const title = this.t('sub.fallbacksOfType', { type: valueWord('type', type, this.lang) });
            blocks.push(this.sub(`fallbacks-${type || 'unspecified'}`, title, [this.table(`fallbacks-${type || 'unspecified'}`,
                this.columns('name', 'title', 'status', 'mode', 'resource', 'provider', 'contract', 'covers', 'rto', 'rpo', 'dependsOn',
                    'cost', 'copies', 'lastTest', 'owner', 'audience', 'notes'), rows, 'empty.fallbacks')]));
        }
        const { annualCosts, oneOffCosts, plannedAnnualCosts, plannedOneOffCosts } = this.analysis.plan;
        const totals = [annualCosts, oneOffCosts, plannedAnnualCosts, plannedOneOffCosts];
        const currencies = [...new Set(totals.flatMap(t => Object.keys(t)))].sort();
        const cost = (totalsOf: Record<string, number>, currency: string): CellValue =>
            currency in totalsOf ? this.money(totalsOf[currency], currency || undefined) : '';
        const costRows = currencies.map(currency => ({
            currency, annualCost: cost(annualCosts, currency), oneOffCost: cost(oneOffCosts, currency),
            plannedAnnualCost: cost(plannedAnnualCosts, currency), plannedOneOffCost: cost(plannedOneOffCosts, currency)
        }));
        blocks.push(this.sub('costs', this.t('sub.costs'), costRows.length === 0 ? [this.empty('empty.costs')] : [
            { type: 'paragraph', text: this.t('text.costTotals'), role: 'note' },
            this.table('costs', this.columns('currency', 'annualCost', 'oneOffCost', 'plannedAnnualCost', 'plannedOneOffCost'), costRows, 'empty.costs')
        ]));
        blocks.push(this.sub('options', this.t('sub.options'), this.options()));
        blocks.push(this.sub('scenarios', this.t('sub.scenarios'), this.scenarios()));
        return blocks;
    }

    /** The strategy per scenario: each tolerable or unacceptable risk simulated (the simulation's figures, worded here). */
    private scenarios(): Block[] {
        const scenarios = riskScenarios(this.analysis);
        if (scenarios.length === 0) return [this.empty('empty.scenarios')];
        const blocks: Block[] = [{ type: 'paragraph', text: this.t('text.scenarios'), role: 'note' }];
        for (const scenario of scenarios) {
            const result = scenario.simulation;
            const w = new SimulationWords(result, parseStart(result.start)!, this.lang);
            const rows: Row[] = result.activities.map(a => ({
                activity: a.name, back: w.back(a), rto: w.limit('rto', a.rto) ?? '', mtpd: w.limit('mtpd', a.mtpd) ?? '',
                dataLost: w.dataLost(a), loss: w.cost(a) ?? ''
            }));
            const orderLines = [...w.orderLines(), ...w.findingLines()];
            const title = this.t('sub.scenario', {
                risk: scenario.title ? `${scenario.risk} — ${scenario.title}` : scenario.risk, score: scenario.score,
                zone: zoneWord(scenario.zone, this.lang)
            });
            blocks.push(this.sub(`scenario-${scenario.risk}`, title, [
                { type: 'paragraph', text: [w.down(), ...w.summaryLines()].join(' ') },
                this.table(`scenario-${scenario.risk}`, this.columns('activity', 'back', 'rto', 'mtpd', 'dataLost', 'loss'), rows,
                    'empty.scenarioActivities'),
                ...(orderLines.length > 0 ? [{ type: 'list' as const, items: orderLines }] : [])
            ]));
        }
        return blocks;
    }

    /** Seed point 5: every means that could serve an activity, whatever its status, beside the cost of downtime. */
    private options(): Block[] {
        const rows = this.model.activities.flatMap(activity => {
            const means = this.analysis.meansOf(activity.name);
            if (means.length === 0 || !means.some(m => m.status !== 'active') && means.length < 2) return [];
            const loss = activity.loss ? this.money(activity.loss.amount, activity.loss.currency, undefined) : '';
            return means.map(m => ({
                activity: activity.name,
                loss: loss === '' ? '' : `${cellText(loss)} / ${this.t(`text.per.${activity.loss!.period}`)}`,
                means: m.fallback, covers: m.covers, status: valueWord('status', m.status, this.lang),
                rto: this.duration(m.rtoMinutes), rpo: this.duration(m.rpoMinutes),
                cost: m.annualCost !== undefined ? this.money(m.annualCost, m.currency, 'year')
                    : m.oneOffCost !== undefined ? this.money(m.oneOffCost, m.currency, 'once') : '',
                reason: m.reason ?? ''
            }));
        });
        return rows.length === 0 ? [this.empty('empty.options')] : [
            { type: 'paragraph', text: this.t('text.options'), role: 'note' },
            this.table('options', this.columns('activity', 'loss', 'means', 'covers', 'status', 'rto', 'rpo', 'cost', 'reason'), rows, 'empty.options')
        ];
    }

    // 8. Activation and crisis communication
    activation(): Block[] {
        const communication = this.model.fallbacks.filter(f => f.type === 'communication').map(f => ({
            name: f.name, title: f.title ?? '', audience: this.list(f.audience.map(a => valueWord('audience', a, this.lang))),
            owner: f.owner ?? '', provider: f.provider ?? ''
        }));
        return [
            this.sub('alert-activation', this.t('sub.activation'), [this.crisisFacts()]),
            this.sub('communication', this.t('sub.communication'), [this.table('communication',
                this.columns('name', 'title', 'audience', 'owner', 'provider'), communication, 'empty.communication')])
        ];
    }

    // 9. Procedures before, during and after
    procedures(): Block[] {
        const procedures = this.model.procedures;
        if (procedures.length === 0) return [this.empty('empty.procedures')];
        const ordered = [...procedures].sort((a, b) => rank(vocabulary.phase, a.phase) - rank(vocabulary.phase, b.phase));
        return ordered.map(p => this.sub(`procedure-${p.name}`, p.title ? `${p.name} — ${p.title}` : p.name, this.procedureBlocks(p)));
    }

    private procedureBlocks(p: ProcedureData): Block[] {
        const figures = this.analysis.procedures.get(p.name);
        const blocks: Block[] = [{
            type: 'facts', items: [
                { key: 'phase', label: this.t('field.phase'), value: valueWord('phase', p.phase, this.lang) },
                { key: 'for', label: this.t('field.for'), value: this.refs(p.for) },
                { key: 'owner', label: this.t('field.owner'), value: p.owner ?? '' },
                { key: 'totalWithin', label: this.t('field.totalWithin'), value: this.duration(figures?.totalWithinMinutes) }
            ]
        }];
        if (p.notes) blocks.push({ type: 'paragraph', text: p.notes });
        const steps = p.steps.map((s, i) => ({ number: this.number(i + 1), step: s.text, by: s.by.join(', '), within: this.duration(s.withinMinutes) }));
        blocks.push(this.table(`steps-${p.name}`, this.columns('number', 'step', 'by', 'within'), steps, 'empty.steps'));
        return blocks;
    }

    // 10. Catch-up tasks
    catchup(): Block[] {
        const rows = this.model.activities.filter(a => a.manual !== undefined || a.catchup !== undefined).map(a => {
            const procedure = a.catchup ? this.analysis.data.procedures.get(a.catchup) : undefined;
            const total = a.catchup ? this.analysis.procedures.get(a.catchup)?.totalWithinMinutes : undefined;
            return {
                activity: a.name, manual: a.manual?.text ?? '', catchup: a.catchup ?? '', title: procedure?.title ?? '',
                steps: procedure ? this.t('text.catchupSteps', { count: procedure.steps.length, total: formatDuration(total ?? 0, this.lang) }) : '',
                owner: procedure?.owner ?? '', helper: a.helper ?? ''
            };
        });
        return [this.table('catchup', this.columns('activity', 'manual', 'catchup', 'title', 'steps', 'owner', 'helper'), rows, 'empty.catchup')];
    }

    // 11. Exercises and their results
    exercises(): Block[] {
        const rows = this.model.exercises.map(e => ({
            name: e.name, title: e.title ?? '', date: this.date(e.date), tests: this.refs(e.tests),
            result: valueWord('result', e.result, this.lang), notes: e.notes ?? ''
        }));
        return [this.table('exercises', this.columns('name', 'title', 'date', 'tests', 'result', 'notes'), rows, 'empty.exercises')];
    }

    // 12. Gap analysis: the findings of `pra check` as the action plan
    gaps(all: readonly PlanFinding[]): Block[] {
        if (all.length === 0) return [this.empty('empty.gaps')];
        const findings = all.filter(isOpen);
        const accepted = all.filter(f => !isOpen(f));
        const count = (severity: string): number => findings.filter(f => f.severity === severity).length;
        const sorted = [...findings].sort((a, b) => rank(severityOrder, a.severity) - rank(severityOrder, b.severity));
        const rows = sorted.map(f => ({
            severity: valueWord('severity', f.severity, this.lang), code: f.code, element: f.element ?? '',
            finding: f.message, action: fixOf(f.code, this.lang), location: `${f.file}:${f.line}`
        }));
        const acceptedRows = accepted.map(f => ({
            code: f.code, element: f.element ?? '', finding: f.message, reason: f.accepted!.reason,
            acceptedBy: f.accepted!.by, until: f.accepted!.until ? this.date(f.accepted!.until) : ''
        }));
        return [
            this.sub('actionPlan', this.t('sub.actionPlan'), findings.length === 0 ? [this.empty('empty.openGaps')] : [
                {
                    type: 'paragraph', text: this.t('text.findings', {
                        count: findings.length, errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint')
                    })
                },
                { type: 'table', id: 'findings', columns: this.columns('severity', 'code', 'element', 'finding', 'action', 'location'), rows }
            ]),
            this.sub('accepted', this.t('sub.accepted'), accepted.length === 0 ? [this.empty('empty.accepted')] : [
                { type: 'paragraph', text: this.t('text.accepted', { count: accepted.length }) },
                this.table('accepted', this.columns('code', 'element', 'finding', 'reason', 'acceptedBy', 'until'), acceptedRows, 'empty.accepted')
            ])
        ];
    }
}

function rank(order: readonly string[], value: string | undefined): number {
    const index = order.indexOf(value ?? '');
    return index < 0 ? order.length : index;
}

/** The values used, in vocabulary order, then unknown ones, then '' (unspecified) last. */
function orderedValues(known: readonly string[], used: ReadonlyArray<string | undefined>): string[] {
    const present = new Set(used.map(v => v ?? ''));
    const result = known.filter(v => present.has(v));
    for (const v of present) if (v !== '' && !result.includes(v)) result.push(v);
    if (present.has('')) result.push('');
    return result;
}

function safeCurrency(amount: number, currency: string, locale: string): string {
    try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount);
    } catch {
        return `${amount} ${currency}`;
    }
}
