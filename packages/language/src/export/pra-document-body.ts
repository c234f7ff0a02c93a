import { isOpen } from '../pra-check-report.js';
import { word, zoneWord } from '../pra-messages.js';
import type { DiffKind } from '../diff/plan-diff.js';
import type { ActivityData } from '../pra-model.js';
import type { DocumentChanges } from './pra-document-model.js';
import type { Zone } from '../pra-vocabulary.js';
import { criticalityOrder, rank, severityOrder, type DocumentBuilder } from './pra-document-builder.js';
import { continuitySections } from './pra-document-continuity.js';
import type { Block, Card, CellValue, DiagramBlock, Fact, GridBlock, MatrixBlock, Row, SectionId } from './pra-document-types.js';
import { valueWord, type ExportTextKey } from './pra-export-texts.js';
import { largest } from './table-widths.js';

/** The front matter and the body, section by section. */
export function bodySections(b: DocumentBuilder, errorCount: number,
    changes?: DocumentChanges): Omit<Record<SectionId, Block[]>, 'annexes'> {
    return {
        history: history(b, errorCount, changes),
        distribution: distribution(b),
        summary: summary(b),
        context: context(b),
        glossary: glossary(b),
        bia: bia(b),
        it: it(b),
        risks: risks(b),
        ...continuitySections(b)
    };
}

/** Activities, most critical first. */
export function byCriticality(b: DocumentBuilder): ActivityData[] {
    return [...b.model.activities].sort((x, y) => rank(criticalityOrder, x.criticality) - rank(criticalityOrder, y.criticality));
}

function history(b: DocumentBuilder, errorCount: number, changes: DocumentChanges | undefined): Block[] {
    const header = b.model.header;
    const blocks: Block[] = [];
    if (errorCount > 0) blocks.push({ type: 'paragraph', text: b.t('document.draft', { count: errorCount }), role: 'draft' });
    const revisions = (header?.revisions ?? []).map(r => ({
        version: r.version, date: b.date(r.date), description: r.description, by: b.person(r.by)
    }));
    const approvals = (header?.approvals ?? []).map(a => {
        const role = b.analysis.data.roles.get(a.role);
        return { role: role?.title ?? a.role, holder: role?.holder ?? '', date: b.date(a.date), signature: '' };
    });
    blocks.push(
        b.sub('revisions', b.t('sub.revisions'),
            [b.table('revisions', b.columns('version', 'date', 'description', 'by'), revisions, 'empty.revisions')]),
        b.sub('approvals', b.t('sub.approvals'),
            [b.table('approvals', b.columns('role', 'holder', 'date', 'signature'), approvals, 'empty.approvals')])
    );
    if (changes) blocks.push(changesSince(b, changes));
    return blocks;
}

/** The changelog since an earlier version (`pra diff`), read as the record of changes standards ask for. */
function changesSince(b: DocumentBuilder, { since, diff }: DocumentChanges): Block {
    const element = (kind: DiffKind, name: string): string => {
        const title = kind === 'plan' || kind === 'crisis' || kind === 'scale' ? undefined : titleOf(b, kind, name);
        return `${word(kind, b.lang)} ${title ?? name}`;
    };
    const rows: Row[] = [
        ...diff.added.map(e => ({ change: b.t('change.added'), element: element(e.kind, e.name), detail: '' })),
        ...diff.removed.map(e => ({ change: b.t('change.removed'), element: `${word(e.kind, b.lang)} ${e.title ?? e.name}`, detail: '' })),
        ...diff.renamed.map(r => ({ change: b.t('change.renamed'), element: element(r.kind, r.to), detail: `${r.from} → ${r.to}` })),
        ...diff.changed.map(c => ({
            change: b.t('change.changed'), element: element(c.kind, c.name), detail: b.t('text.changeDetail',
                { property: c.property, old: c.old ?? '—', new: c.new ?? '—' })
        }))
    ];
    const findings: Block = {
        type: 'paragraph', role: 'note',
        text: b.t('text.changesFindings', { appeared: diff.findings.appeared.length, resolved: diff.findings.resolved.length })
    };
    return b.sub('changes', b.t('sub.changes', { since }),
        [b.table('changes', b.columns('change', 'element', 'detail'), rows, 'empty.changes'), findings]);
}

/** An element's title where the plan still has it. */
function titleOf(b: DocumentBuilder, kind: Exclude<DiffKind, 'plan' | 'crisis' | 'scale'>, name: string): string | undefined {
    const data = b.analysis.data;
    const found = kind === 'role' ? data.roles.get(name) : kind === 'asset' ? data.assets.get(name) : kind === 'activity'
        ? data.activities.get(name) : kind === 'risk' ? data.risks.get(name) : kind === 'fallback' ? data.fallbacks.get(name)
            : kind === 'procedure' ? data.procedures.get(name) : undefined;
    return found?.title;
}

function distribution(b: DocumentBuilder): Block[] {
    const rows = (b.model.header?.distribution ?? []).map(name => {
        const role = b.analysis.data.roles.get(name);
        return { role: role?.title ?? name, holder: role?.holder ?? '', email: role?.email ?? '' };
    });
    return [b.table('distribution', b.columns('role', 'holder', 'email'), rows, 'empty.distribution')];
}

/** Whether an activity's achieved figure meets its requirement: yes, no, or unknown (no requirement, or only "at least"). */
export function meets(required: number | undefined, achieved: { minutes: number; atLeast: boolean } | undefined): 'yes' | 'no' | 'unknown' {
    if (required === undefined) return 'unknown';
    if (achieved === undefined) return 'no';
    if (achieved.minutes > required) return 'no';
    return achieved.atLeast ? 'unknown' : 'yes';
}

function summary(b: DocumentBuilder): Block[] {
    const header = b.model.header;
    const activities = byCriticality(b);
    const facts: Fact[] = [];
    facts.push(b.fact('scope', header?.scope ?? b.t('empty.scope')));
    for (const level of criticalityOrder) {
        const of = activities.filter(a => a.criticality === level);
        if (of.length > 0) facts.push({ key: `criticality-${level}`, label: b.t('text.activitiesOf', { level: word(level, b.lang) }),
            value: b.titlesOf(of.map(a => a.name)) });
    }
    const withRto = activities.filter(a => a.rtoMinutes !== undefined);
    const rtoMet = withRto.filter(a => meets(a.rtoMinutes, b.analysis.activities.get(a.name)?.achievedRto) === 'yes').length;
    const withRpo = activities.filter(a => a.rpoMinutes !== undefined);
    const rpoMet = withRpo.filter(a => meets(a.rpoMinutes, b.analysis.activities.get(a.name)?.achievedRpo) === 'yes').length;
    const verdict = (met: number, of: number): CellValue => of === 0 ? b.t('text.noRequirement')
        : { zone: met < of ? 'unacceptable' : 'acceptable', text: b.t('text.metOf', { met, of }) };
    facts.push(
        { key: 'rtoMet', label: b.t('text.rtoMet'), value: verdict(rtoMet, withRto.length) },
        { key: 'rpoMet', label: b.t('text.rpoMet'), value: verdict(rpoMet, withRpo.length) }
    );
    const open = b.findings.filter(isOpen);
    const bySeverity = severityOrder.map(s => [s, open.filter(f => f.severity === s).length] as const).filter(([, n]) => n > 0);
    facts.push({
        key: 'openGaps', label: b.t('text.openGaps'),
        value: bySeverity.length === 0 ? b.t('empty.openGaps') : bySeverity.map(([s, n]) => b.t(`text.count.${s}`, { count: n })).join(', ')
    });
    const plan = b.analysis.plan;
    facts.push(
        { key: 'budget', label: b.t('text.budgetInPlace'),
            value: [b.totals(plan.annualCosts) && b.t('text.perYear', { amount: b.totals(plan.annualCosts) }), b.totals(plan.oneOffCosts)
                && b.t('text.once', { amount: b.totals(plan.oneOffCosts) })].filter(Boolean).join(' ; ') || b.t('empty.costs') },
        { key: 'plannedBudget', label: b.t('text.budgetPlanned'),
            value: [b.totals(plan.plannedAnnualCosts) && b.t('text.perYear', { amount: b.totals(plan.plannedAnnualCosts) }),
                b.totals(plan.plannedOneOffCosts) && b.t('text.once',
                    { amount: b.totals(plan.plannedOneOffCosts) })].filter(Boolean).join(' ; ') || b.t('text.none') },
        { key: 'review', label: b.t('field.review'), value: b.date(header?.review) || b.t('text.none') }
    );
    const next = [...b.model.exercises].filter(e => e.date !== undefined
        && e.date > b.analysis.referenceDate).sort((x, y) => x.date!.localeCompare(y.date!))[0];
    facts.push({ key: 'nextExercise', label: b.t('text.nextExercise'),
        value: next ? `${b.dateText(next.date)} — ${b.title(next.name)}` : b.t('text.noExercisePlanned') });
    const top = [...b.model.risks].filter(r => b.analysis.risks.get(r.name)?.score !== undefined)
        .sort((x, y) => b.analysis.risks.get(y.name)!.score! - b.analysis.risks.get(x.name)!.score!).slice(0, 3);
    const topRows: Row[] = top.map(r => {
        const f = b.analysis.risks.get(r.name)!;
        return { risk: b.title(r.name), score: b.number(f.score, f.zone), residualScore: b.number(f.residualScore, f.residualZone) };
    });
    return [
        { type: 'paragraph', text: b.t('text.summaryLead', { organisation: header?.organisation ?? '' }), role: 'lead' },
        { type: 'facts', items: facts },
        b.sub('top-risks', b.t('sub.topRisks'), [b.table('top-risks', b.columns('risk', 'score', 'residualScore'), topRows, 'empty.risks')])
    ];
}

function context(b: DocumentBuilder): Block[] {
    const header = b.model.header;
    const paragraphs = (texts: readonly string[], empty: ExportTextKey): Block[] =>
        texts.length === 0 ? [b.empty(empty)] : texts.map(text => ({ type: 'paragraph', text }));
    return [
        b.sub('context', b.t('sub.context'), paragraphs(header?.context ?? [], 'empty.context')),
        b.sub('scope', b.t('sub.scope'), paragraphs(header?.scope ? [header.scope] : [], 'empty.scope')),
        b.sub('assumptions', b.t('sub.assumptions'),
            header?.assumptions.length ? [{ type: 'list', items: [...header.assumptions] }] : [b.empty('empty.assumptions')]),
        b.sub('exceptions', b.t('sub.exceptions'),
            b.model.exceptions.length ? [{ type: 'list', items: [...b.model.exceptions] }] : [b.empty('empty.exceptions')])
    ];
}

export const glossaryTerms = [
    'rto', 'rpo', 'mtpd', 'bia', 'bcp', 'drp', 'inherent', 'residual', 'fallback', 'crisisCell', 'exercise', 'sla'
] as const;

function glossary(b: DocumentBuilder): Block[] {
    return [{
        type: 'table', id: 'glossary', columns: b.columns('term', 'definition'),
        rows: glossaryTerms.map(term => ({ term: b.t(`glossary.${term}.term`), definition: b.t(`glossary.${term}.definition`) }))
    }];
}

function bia(b: DocumentBuilder): Block[] {
    const activities = byCriticality(b);
    if (activities.length === 0) return [b.empty('empty.activities')];
    const cards: Card[] = activities.map(a => {
        const figures = b.analysis.activities.get(a.name);
        return {
            id: a.name, title: b.title(a.name), subtitle: a.criticality ? word(a.criticality, b.lang) : undefined,
            facts: b.facts(
                b.fact('owner', b.person(a.owner)),
                b.fact('rto', b.duration(a.rtoMinutes)), b.fact('rpo', b.duration(a.rpoMinutes)), b.fact('mtpd', b.duration(a.mtpdMinutes)),
                b.fact('impacts', b.lines(a.impacts.map(i => b.t(i.afterMinutes !== undefined ? 'text.impactLine' : 'text.impactLineNow', {
                    category: valueWord('impact', i.category, b.lang), level: i.level,
                    label: b.matrix.impact.find(l => l.value === i.level)?.label ?? '',
                    after: i.afterMinutes !== undefined ? b.durationText(i.afterMinutes) : ''
                })))),
                b.fact('loss', a.loss ? `${b.money(a.loss.amount, a.loss.currency).text} / ${b.t(`text.per.${a.loss.period}`)}` : ''),
                b.fact('uses', b.titlesOf(a.uses)), b.fact('needs', b.titlesOf(a.needs)),
                b.fact('manual', !a.manual ? '' : a.manual.withinMinutes === undefined ? a.manual.text
                    : `${a.manual.text} (${b.t('text.within', { time: b.durationText(a.manual.withinMinutes) })})`),
                b.fact('catchup', b.title(a.catchup)), b.fact('helper', a.helperRole ? b.person(a.helperRole) : a.helper ?? ''),
                b.fact('procedures', b.titlesOf(figures?.procedures ?? [])),
                b.fact('notes', a.notes ?? '')
            )
        };
    });
    return [
        b.note('text.biaOrder'),
        b.sub('activity-cards', b.t('sub.activityCards'), [{ type: 'cards', id: 'activities', cards }]),
        b.sub('impacts', b.t('sub.impacts'), [impactGrid(b, activities)])
    ];
}

/** Activities × horizons: at each horizon, the highest level an activity's impacts have reached by then. */
function impactGrid(b: DocumentBuilder, activities: readonly ActivityData[]): Block {
    const withImpacts = activities.filter(a => a.impacts.length > 0);
    if (withImpacts.length === 0) return b.empty('empty.impacts');
    const horizons = [...new Set(withImpacts.flatMap(a => a.impacts.map(i => i.afterMinutes ?? 0)))].sort((x, y) => x - y);
    const levels = b.matrix.impact.length || largest(withImpacts.flatMap(a => a.impacts.map(i => i.level)));
    const label = (level: number): string => b.matrix.impact.find(l => l.value === level)?.label ?? String(level);
    const grid: GridBlock = {
        type: 'grid', id: 'impacts', corner: b.t('text.impactCorner'), levels,
        columns: horizons.map(h => h === 0 ? b.t('text.immediately') : b.durationText(h)),
        rows: withImpacts.map(a => ({
            label: b.title(a.name),
            cells: horizons.map(h => {
                const reached = a.impacts.filter(i => (i.afterMinutes ?? 0) <= h);
                if (reached.length === 0) return { text: '' };
                const top = largest(reached.map(i => i.level));
                const categories = [...new Set(reached.filter(i => i.level === top).map(i => valueWord('impact', i.category, b.lang)))];
                return { level: top, text: `${top} ${label(top)}`, detail: categories.join(', '), shade: top };
            })
        })),
        legend: b.matrix.impact.map(l => ({ shade: l.value, label: `${l.value} ${l.label}` }))
    };
    return grid;
}

function it(b: DocumentBuilder): Block[] {
    const assets = b.model.assets;
    if (assets.length === 0) return [b.empty('empty.assets')];
    const order = (name: string): number => rank(criticalityOrder, b.analysis.assets.get(name)?.criticality);
    const rows = [...assets].sort((x, y) => order(x.name) - order(y.name))
        .map(a => {
            const figures = b.analysis.assets.get(a.name);
            return {
                asset: b.title(a.name), kind: valueWord('kind', a.kind, b.lang),
                criticality: figures?.criticality ? word(figures.criticality, b.lang) : '',
                usedBy: b.titlesOf(figures?.usedBy ?? []), coveredBy: b.titlesOf(figures?.coveredBy ?? []), owner: b.person(a.owner)
            };
        });
    return [
        b.note('text.itElements'),
        b.table('it-elements', b.columns('asset', 'kind', 'criticality', 'usedBy', 'coveredBy', 'owner'), rows, 'empty.assets'),
        b.sub('diagram', b.t('sub.diagram'), [diagramOrNote(b)])
    ];
}

/** Past this many boxes a diagram is no longer legible on a page (and its layout would cost seconds). */
export const diagramMaxNodes = 80;

function diagramOrNote(b: DocumentBuilder): Block {
    const count = b.model.activities.length + b.model.assets.length;
    return count > diagramMaxNodes ? b.note('text.diagramTooLarge', { count, max: diagramMaxNodes }) : dependencyDiagram(b);
}

function dependencyDiagram(b: DocumentBuilder): DiagramBlock {
    const zoneOfCriticality = (c: string | undefined): Zone | undefined =>
        c === 'critical' ? 'unacceptable' : c === 'high' ? 'tolerable' : undefined;
    const nodes: DiagramBlock['nodes'] = [
        ...b.model.activities.map(a => ({ id: `activity:${a.name}`, label: b.title(a.name), kind: 'activity' as const,
            zone: zoneOfCriticality(a.criticality) })),
        ...b.model.assets.map(a => ({ id: `asset:${a.name}`, label: b.title(a.name), kind: 'asset' as const }))
    ];
    const ids = new Set(nodes.map(n => n.id));
    const edges: DiagramBlock['edges'] = [];
    for (const a of b.model.activities) {
        for (const used of a.uses) if (ids.has(`asset:${used}`)) edges.push({ from: `activity:${a.name}`, to: `asset:${used}` });
        for (const needed of a.needs) {
            if (ids.has(`activity:${needed}`)) edges.push({ from: `activity:${a.name}`, to: `activity:${needed}` });
        }
    }
    for (const a of b.model.assets) {
        for (const d of a.dependsOn) if (ids.has(`asset:${d}`)) edges.push({ from: `asset:${a.name}`, to: `asset:${d}` });
    }
    return { type: 'diagram', id: 'dependencies', title: b.t('sub.diagram'), nodes, edges, legend: [b.t('text.diagramLegend')] };
}

function risks(b: DocumentBuilder): Block[] {
    const score = (name: string): number => b.analysis.risks.get(name)?.score ?? -1;
    const sorted = [...b.model.risks].sort((x, y) => score(y.name) - score(x.name));
    const rows = sorted.map(r => {
        const f = b.analysis.risks.get(r.name);
        return {
            risk: b.title(r.name), category: valueWord('risk', r.category, b.lang),
            score: b.number(f?.score, f?.zone), residualScore: b.number(f?.residualScore, f?.residualZone),
            mitigatedBy: b.titlesOf(r.mitigatedBy), owner: b.person(r.owner)
        };
    });
    return [
        b.sub('register-summary', b.t('sub.register'), sorted.length === 0 ? [b.empty('empty.risks')] : [
            b.note('text.registerOrder'),
            b.table('risk-summary', b.columns('risk', 'category', 'score', 'residualScore', 'mitigatedBy', 'owner'), rows, 'empty.risks')
        ]),
        b.sub('inherent-matrix', b.t('sub.inherentMatrix'), [matrixBlock(b, 'inherent')], 'page'),
        b.sub('residual-matrix', b.t('sub.residualMatrix'), [matrixBlock(b, 'residual')], 'page')
    ];
}

function matrixBlock(b: DocumentBuilder, id: 'inherent' | 'residual'): MatrixBlock {
    const m = b.matrix;
    const maxScore = (m.likelihood.at(-1)?.value ?? 0) * (m.impact.at(-1)?.value ?? 0);
    const fmt = (n: number): string => b.numbers.format(n);
    return {
        type: 'matrix', id,
        likelihoodAxis: b.t('matrix.likelihoodAxis'), impactAxis: b.t('matrix.impactAxis'),
        impact: m.impact.map(l => ({ value: l.value, label: l.label })),
        // Rows run from the highest likelihood down; by index, since a row is empty when the impact scale is.
        rows: m.rows.map((cells, row) => ({
            likelihood: { ...m.likelihood[m.likelihood.length - 1 - row] },
            cells: cells.map(c => ({ likelihood: c.likelihood, impact: c.impact, score: c.score, zone: c.zone,
                risks: c[id].map(n => b.title(n)) }))
        })),
        tray: { title: m.tray.title, risks: m.tray[id].map(r => ({ name: b.title(r.name), reason: r.reason })) },
        legend: [
            { zone: 'acceptable', label: b.t('matrix.scoreBelow', { zone: zoneWord('acceptable', b.lang), to: fmt(m.tolerableFrom) }) },
            { zone: 'tolerable',
                label: b.t('matrix.scoreRange',
                    { zone: zoneWord('tolerable', b.lang), from: fmt(m.tolerableFrom),
                        to: fmt(Math.min(maxScore, m.unacceptableFrom - 1)) }) },
            { zone: 'unacceptable',
                label: b.t('matrix.scoreFrom', { zone: zoneWord('unacceptable', b.lang), from: fmt(m.unacceptableFrom) }) }
        ]
    };
}
