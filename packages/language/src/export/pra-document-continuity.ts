import type { Achieved, AssetPath } from '../pra-analysis.js';
import { isOpen } from '../pra-check-report.js';
import { fixOf, zoneWord } from '../pra-messages.js';
import { parseStart } from '../simulation/clock.js';
import { riskScenarios } from '../simulation/scenarios.js';
import { SimulationWords } from '../simulation/simulation-format.js';
import { timelineView, type TimelineView } from '../simulation/timeline-view.js';
import type { ProcedureData, StepData } from '../pra-model.js';
import { vocabulary } from '../pra-vocabulary.js';
import { byCriticality, meets } from './pra-document-body.js';
import { orderedValues, rank, severityOrder, type DocumentBuilder } from './pra-document-builder.js';
import { addMonths, withDocumentDurations, withTitles } from './pra-document-format.js';
import type { Block, CallNode, Card, CellValue, Fact, Row, SectionId, TimelineBlock } from './pra-document-types.js';
import { isExportTextKey, valueWord } from './pra-export-texts.js';

type ContinuityId = 'strategy' | 'options' | 'crisis' | 'procedures' | 'suppliers' | 'exercises' | 'actions' | 'accepted';

export function continuitySections(b: DocumentBuilder): Pick<Record<SectionId, Block[]>, ContinuityId> {
    return {
        strategy: strategy(b), options: options(b), crisis: crisis(b), procedures: procedures(b),
        suppliers: suppliers(b), exercises: exercises(b), actions: actions(b), accepted: accepted(b)
    };
}

function strategy(b: DocumentBuilder): Block[] {
    const activities = byCriticality(b);
    if (activities.length === 0) return [b.empty('empty.activities')];
    // The recovery path names a fallback, or 'manual' for the activity's manual workaround.
    const viaText = (via: string): string => via === 'manual' && !b.analysis.data.fallbacks.has(via)
        ? b.t('text.manualWorkaround') : b.title(via);
    const achievedText = (a: Achieved | undefined): string => a === undefined ? b.t('text.notRecovered')
        : b.t(a.path === 'direct' ? 'text.achievedDirect' : 'text.achievedAsset', {
            time: `${a.atLeast ? b.t('text.atLeast') : ''}${b.durationText(a.minutes)}`, via: viaText(a.via)
        });
    const achievedValue = (required: number | undefined, a: Achieved | undefined): CellValue => {
        const verdict = meets(required, a);
        const zone = verdict === 'no' ? 'unacceptable' : verdict === 'yes' ? 'acceptable' : undefined;
        const text = `${achievedText(a)}${verdict === 'no' && required !== undefined ? ` — ${b.t('text.missed')}` : ''}`;
        return a === undefined ? { zone: zone ?? 'unacceptable', text } : { minutes: a.minutes, text, ...(zone ? { zone } : {}) };
    };
    const pathText = (path: AssetPath): string => {
        switch (path.state) {
            case 'empty': return b.t('text.pathEmpty');
            case 'none': return b.t('text.pathNone', { asset: b.title(path.missing) });
            case 'exact': return b.t('text.pathExact',
                { time: b.durationText(path.minutes), asset: b.title(path.slowest.asset), via: viaText(path.slowest.via) });
            case 'atLeast': return path.minutes === undefined ? b.t('text.pathUnknown')
                : b.t('text.pathAtLeast',
                    { time: b.durationText(path.minutes), asset: b.title(path.slowest?.asset), via: b.title(path.slowest?.via) });
        }
    };
    const cards: Card[] = activities.map(a => {
        const f = b.analysis.activities.get(a.name);
        const direct = f?.direct;
        const directText = direct && (direct.fallbacks.length > 0 || direct.manual)
            ? [direct.fallbacks.map(n => b.title(n)).join(', '),
                direct.manual ? b.t('text.manualWorkaround') : ''].filter(Boolean).join(' ; ')
              + (direct.rto ? ` — ${b.t('field.rto')} ${b.durationText(direct.rto.minutes)}` : '')
              + (direct.rpo ? `, ${b.t('field.rpo')} ${b.durationText(direct.rpo.minutes)}` : '')
            : b.t('text.noDirect');
        const rtoVerdict = meets(a.rtoMinutes, f?.achievedRto);
        const rpoVerdict = meets(a.rpoMinutes, f?.achievedRpo);
        const failed = rtoVerdict === 'no' || rpoVerdict === 'no';
        return {
            id: a.name, title: b.title(a.name),
            zone: failed ? 'unacceptable' : rtoVerdict === 'yes' && rpoVerdict !== 'unknown' ? 'acceptable' : undefined,
            subtitle: failed ? b.t('text.requirementMissed') : undefined,
            facts: b.facts(
                b.fact('requiredRto', b.duration(a.rtoMinutes)), b.fact('achievedRto', f ? achievedValue(a.rtoMinutes, f.achievedRto) : ''),
                b.fact('requiredRpo', b.duration(a.rpoMinutes)), b.fact('achievedRpo', f ? achievedValue(a.rpoMinutes, f.achievedRpo) : ''),
                b.fact('directPath', directText),
                b.fact('assetPathRto', f ? pathText(f.assetPath.rto) : ''), b.fact('assetPathRpo', f ? pathText(f.assetPath.rpo) : ''),
                b.fact('risks', b.titlesOf(b.analysis.risksOf(a.name)))
            )
        };
    });
    return [b.note('text.strategy'), { type: 'cards', id: 'strategy', cards }, b.sub('scenarios', b.t('sub.scenarios'), scenarios(b))];
}

/** The strategy per scenario: each tolerable or unacceptable risk simulated (the simulation's figures, worded by it). */
function scenarios(b: DocumentBuilder): Block[] {
    const all = riskScenarios(b.analysis);
    if (all.length === 0) return [b.empty('empty.scenarios')];
    const blocks: Block[] = [b.note('text.scenarios')];
    if (all.length > timelineMaxCharts) {
        blocks.push(b.note('text.timelineCharts', { max: timelineMaxCharts, rest: all.length - timelineMaxCharts }));
    }
    for (const [index, scenario] of all.entries()) {
        const result = scenario.simulation;
        const clock = parseStart(result.start)!;
        const w = new SimulationWords(result, clock, b.lang);
        // The simulation words its figures for the terminal: the document's titles, durations and terms here.
        const words = (text: string | undefined): string => text === undefined ? ''
            : withDocumentDurations(withTitles(text, b.titles), b.lang).replace(/\bMTPD\b/g, b.t('field.mtpd'));
        const rows: Row[] = result.activities.map(a => ({
            activity: b.title(a.name), back: words(w.back(a)), rto: words(w.limit('rto', a.rto)), mtpd: words(w.limit('mtpd', a.mtpd)),
            dataLost: words(w.dataLost(a)), loss: words(w.cost(a))
        }));
        const order = [...w.orderLines(), ...w.findingLines()].map(words);
        const title = b.t('sub.scenario', { risk: b.title(scenario.risk), score: scenario.score, zone: zoneWord(scenario.zone, b.lang) });
        blocks.push(b.sub(`scenario-${scenario.risk}`, title, [
            { type: 'paragraph', text: words([w.down(), ...w.summaryLines()].join(' ')) },
            ...(index < timelineMaxCharts
                ? [timelineBlock(b, scenario.risk, title, timelineView(b.analysis, result, { title, clock, lang: b.lang }))] : []),
            b.table(`scenario-${scenario.risk}`, b.columns('activity', 'back', 'rto', 'mtpd', 'dataLost', 'loss'), rows,
                'empty.scenarioActivities'),
            ...(order.length > 0 ? [{ type: 'list' as const, items: order }] : [])
        ]));
    }
    return blocks;
}

/**
 * Charts for the riskiest scenarios only (they come riskiest first): each is most of a page, and Word's
 * PNG of each costs resvg some 100 ms; a large plan has a hundred scenarios, whose tables say it all.
 */
export const timelineMaxCharts = 12;

/** Past this many rows a scenario's chart no longer fits a page legibly: the table beside it says the same in words. */
export const timelineMaxRows = 60;

/**
 * The scenario's Gantt chart, as the preview draws it; without the places in the source, which a document has no
 * use for. A note instead when it would be too tall for a page.
 */
function timelineBlock(b: DocumentBuilder, risk: string, title: string, view: TimelineView): Block {
    const count = view.rows.length + view.restores.length + view.alerts.length
        + view.procedures.reduce((sum, p) => sum + 1 + p.steps.length, 0);
    if (count > timelineMaxRows) return b.note('text.timelineTooLarge', { count, max: timelineMaxRows });
    // The body speaks in titles (identifiers are for the annexes): each row is named by its element's title.
    const sourceless = {
        ...view,
        rows: view.rows.map(({ source: _source, ...row }) => ({ ...row, activity: b.title(row.activity) })),
        restores: view.restores.map(({ source: _source, ...restore }) => ({ ...restore, asset: b.title(restore.asset) })),
        alerts: view.alerts.map(alert => ({ ...alert, to: b.title(alert.to) })),
        // A procedure's row reads "<name> (<phase>)" (timeline-view.ts): its title takes the name's place.
        procedures: view.procedures.map(({ source: _source, ...procedure }) => ({
            ...procedure, name: b.title(procedure.name),
            label: procedure.label.startsWith(procedure.name)
                ? b.title(procedure.name) + procedure.label.slice(procedure.name.length) : procedure.label
        }))
    };
    // The document's own term for the MTPD (the scenario's table says it the same way).
    const term = b.t('field.mtpd');
    const worded = JSON.parse(JSON.stringify(sourceless), (_key, value: unknown) =>
        typeof value === 'string' ? value.replace(/\bMTPD\b/g, term) : value) as TimelineBlock['view'];
    return { type: 'timeline', id: `timeline-${risk}`, title, view: worded, legend: [b.t('text.timelineLegend')] };
}

/** Seed point 5: every means that could serve an activity, whatever its status, beside the cost of downtime. */
function options(b: DocumentBuilder): Block[] {
    const blocks: Block[] = [];
    for (const activity of byCriticality(b)) {
        const means = b.analysis.meansOf(activity.name);
        if (means.length === 0 || !means.some(m => m.status !== 'active') && means.length < 2) continue;
        const rows: Row[] = means.map(m => ({
            means: b.title(m.fallback), covers: b.title(m.covers),
            status: [valueWord('status', m.status, b.lang), m.due ? b.dateText(m.due) : ''].filter(Boolean).join(' — '),
            rto: b.duration(m.rtoMinutes), rpo: b.duration(m.rpoMinutes),
            cost: m.annualCost !== undefined ? b.money(m.annualCost, m.currency, 'year')
                : m.oneOffCost !== undefined ? b.money(m.oneOffCost, m.currency, 'once') : '',
            reason: m.reason ?? ''
        }));
        const loss = activity.loss
            ? b.t('text.lossOf', {
                amount: b.money(activity.loss.amount, activity.loss.currency).text, period: b.t(`text.per.${activity.loss.period}`)
            })
            : b.t('text.noLoss');
        const rto = activity.rtoMinutes !== undefined ? b.durationText(activity.rtoMinutes) : '—';
        const rpo = activity.rpoMinutes !== undefined ? b.durationText(activity.rpoMinutes) : '—';
        blocks.push(b.sub(`options-${activity.name}`, b.title(activity.name), [
            { type: 'paragraph', text: `${b.t('field.rto')} ${rto}, ${b.t('field.rpo')} ${rpo}. ${loss}` },
            { type: 'table', id: `options-${activity.name}`, columns: b.columns('means', 'status', 'rto', 'rpo', 'cost', 'reason'), rows }
        ]));
    }
    return blocks.length === 0 ? [b.empty('empty.options')] : [b.note('text.options'), ...blocks];
}

function callNode(b: DocumentBuilder, role: string, extra: Partial<CallNode> = {}): CallNode {
    const data = b.analysis.data.roles.get(role);
    const deputy = data?.deputy ? b.analysis.data.roles.get(data.deputy) : undefined;
    const node: CallNode = { role: data?.title ?? role, children: [], ...extra };
    if (data?.holder) node.holder = data.holder;
    if (data?.phone) node.phone = data.phone;
    if (data?.deputy) node.deputy = b.t('text.deputyOf',
        { who: deputy?.holder ? `${deputy.title ?? deputy.name} (${deputy.holder})` : b.person(data.deputy) });
    if (deputy?.phone) node.deputyPhone = deputy.phone;
    return node;
}

/** The alert chain as a call tree: whoever notices calls the first role, each role the next; the activating role calls the crisis cell. */
function callTree(b: DocumentBuilder): CallNode | undefined {
    const crisis = b.model.crisis;
    if (!crisis || crisis.alerts.length === 0 && crisis.team.length === 0) return undefined;
    const root: CallNode = { role: b.t('text.witness'), children: [] };
    let current = root;
    const called = new Set<string>();
    for (const alert of crisis.alerts) {
        if (!alert.to) { current.how = alert.how; continue; }
        const node = callNode(b, alert.to,
            { how: alert.how, ...(alert.withinMinutes !== undefined ? { within: b.durationText(alert.withinMinutes) } : {}) });
        current.children.push(node);
        current = node;
        called.add(alert.to);
    }
    if (crisis.activation && !called.has(crisis.activation)) {
        const node = callNode(b, crisis.activation, { how: b.t('text.decidesActivation') });
        current.children.push(node);
        current = node;
        called.add(crisis.activation);
    }
    for (const member of crisis.team) if (!called.has(member)) { current.children.push(callNode(b, member)); called.add(member); }
    return root;
}

function crisis(b: DocumentBuilder): Block[] {
    const c = b.model.crisis;
    if (!c) return [b.empty('empty.crisis')];
    const tree = callTree(b);
    const treeBlocks: Block[] = tree ? [{ type: 'calltree', root: tree }] : [b.empty('empty.alerts')];
    const organisation: Fact[] = b.facts(
        b.fact('activation', b.person(c.activation)), b.fact('pilot', b.person(c.pilot)),
        b.fact('team', b.list(c.team.map(n => b.person(n)))), b.fact('meeting', c.meeting ?? '')
    );
    const communication = b.model.fallbacks.filter(f => f.type === 'communication').map(f => ({
        means: b.title(f.name), audience: b.list(f.audience.map(a => valueWord('audience', a, b.lang))), owner: b.person(f.owner)
    }));
    const firstSteps = b.model.procedures.filter(p => p.phase === 'during').map(p => b.title(p.name));
    const card: Fact[] = b.facts(
        b.fact('triggers', b.lines(c.triggers)), b.fact('activation', b.person(c.activation)), b.fact('meeting', c.meeting ?? ''),
        b.fact('procedures', b.lines(firstSteps)), b.fact('standdown', b.lines(c.standdowns))
    );
    return [
        b.sub('call-tree', b.t('sub.callTree'), [b.note('text.callTree'), ...treeBlocks]),
        b.sub('triggers', b.t('sub.triggers'),
            c.triggers.length ? [{ type: 'list', items: [...c.triggers] }] : [b.empty('empty.triggers')]),
        b.sub('standdown', b.t('sub.standdown'),
            c.standdowns.length ? [{ type: 'list', items: [...c.standdowns] }] : [b.empty('empty.standdown')]),
        b.sub('crisis-cell', b.t('sub.crisisCell'), [{ type: 'facts', items: organisation }]),
        b.sub('communication', b.t('sub.communication'),
            [b.table('communication', b.columns('means', 'audience', 'owner'), communication, 'empty.communication')]),
        b.sub('crisis-card', b.t('sub.crisisCard'), [b.note('text.crisisCard'), ...treeBlocks, { type: 'facts', items: card }], 'page')
    ];
}

/** The heading of a phase; a value the vocabulary does not know (a draft export) is shown as written. */
function phaseTitle(b: DocumentBuilder, phase: string): string {
    const key = `sub.phase.${phase || 'unspecified'}`;
    return isExportTextKey(key) ? b.t(key) : phase;
}

function procedures(b: DocumentBuilder): Block[] {
    const all = b.model.procedures;
    if (all.length === 0) return [b.empty('empty.procedures')];
    return orderedValues(vocabulary.phase, all.map(p => p.phase)).map(phase => b.sub(`phase-${phase || 'unspecified'}`,
        phaseTitle(b, phase),
        all.filter(p => (p.phase ?? '') === phase).map(p => b.sub(`procedure-${p.name}`, b.title(p.name), procedureBlocks(b, p)))));
}

function procedureBlocks(b: DocumentBuilder, p: ProcedureData): Block[] {
    const figures = b.analysis.procedures.get(p.name);
    const blocks: Block[] = [{
        type: 'facts', items: b.facts(
            b.fact('for', b.list(p.for.map(r => b.title(r.name)))), b.fact('owner', b.person(p.owner)),
            b.fact('totalWithin', b.duration(figures?.totalWithinMinutes))
        )
    }];
    if (p.notes) blocks.push({ type: 'paragraph', text: p.notes });
    const timing = (s: StepData, parallel: boolean): string => [
        parallel ? b.t('text.parallel') : '',
        s.withinMinutes !== undefined ? b.t('text.within', { time: b.durationText(s.withinMinutes) }) : '',
        s.deadlineMinutes !== undefined ? b.t('text.deadline', { time: b.durationText(s.deadlineMinutes) }) : ''
    ].filter(Boolean).join(', ');
    const rows: Row[] = [];
    p.items.forEach((item, i) => {
        const steps = 'step' in item ? [item.step] : item.parallel;
        steps.forEach((s, j) => rows.push({
            number: 'step' in item ? String(i + 1) : `${i + 1}${String.fromCharCode(97 + j)}`,
            step: s.text, by: b.list(s.by.map(n => b.person(n))), timing: timing(s, 'parallel' in item)
        }));
    });
    blocks.push(b.table(`steps-${p.name}`, b.columns('number', 'step', 'by', 'timing'), rows, 'empty.steps'));
    return blocks;
}

function suppliers(b: DocumentBuilder): Block[] {
    const rows: Row[] = [];
    for (const a of b.model.assets) {
        if (a.provider === undefined) continue;
        rows.push({
            provider: a.provider, element: b.title(a.name), contract: a.contract ?? '', sla: b.duration(a.slaMinutes),
            response: b.duration(a.responseMinutes),
            availability: a.availabilityPercent !== undefined ? `${b.numbers.format(a.availabilityPercent)} %` : ''
        });
    }
    for (const f of b.model.fallbacks) {
        if (f.provider === undefined) continue;
        rows.push({ provider: f.provider, element: b.title(f.name), contract: f.contract ?? '', sla: b.duration(f.rtoMinutes),
            response: '', availability: '' });
    }
    rows.sort((x, y) => String(x.provider).localeCompare(String(y.provider), b.lang));
    return [b.note('text.suppliers'),
        b.table('suppliers', b.columns('provider', 'element', 'contract', 'sla', 'response', 'availability'), rows, 'empty.providers')];
}

function exercises(b: DocumentBuilder): Block[] {
    const today = b.analysis.referenceDate;
    const past = b.model.exercises.filter(e => e.date === undefined
        || e.date <= today).sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
    const future = b.model.exercises.filter(e => e.date !== undefined && e.date > today).sort((x, y) => x.date!.localeCompare(y.date!));
    const measured = (e: typeof past[number]): string => [
        e.measuredRtoMinutes !== undefined ? `${b.t('field.rto')} ${b.durationText(e.measuredRtoMinutes)}` : '',
        e.measuredRpoMinutes !== undefined ? `${b.t('field.rpo')} ${b.durationText(e.measuredRpoMinutes)}` : ''
    ].filter(Boolean).join(', ');
    const pastRows: Row[] = past.map(e => ({
        date: b.date(e.date), exercise: b.title(e.name), type: valueWord('exercise', e.type, b.lang),
        result: e.result ? { zone: e.result === 'passed' ? 'acceptable' : e.result === 'partial' ? 'tolerable' : 'unacceptable',
            text: valueWord('result', e.result, b.lang) } : '',
        measured: measured(e), failed: b.list(e.failed.map(r => b.title(r.name)))
    }));
    const due: Row[] = [
        ...future.map(e => ({ element: b.title(e.name), state: b.t('text.planned'), date: b.date(e.date) })),
        ...[...b.analysis.fallbacks.values()].filter(f => f.active && f.testState !== 'fresh').map(f => ({
            element: b.title(f.name), state: { zone: f.protectsCritical ? 'unacceptable' as const : 'tolerable' as const,
                text: valueWord('test', f.testState, b.lang) },
            date: b.t('text.dueNow')
        }))
    ];
    return [
        b.sub('past', b.t('sub.pastExercises'),
            [b.table('exercises', b.columns('date', 'exercise', 'type', 'result', 'measured', 'failed'), pastRows, 'empty.exercises')]),
        b.sub('due', b.t('sub.dueTests'), [b.table('due', b.columns('element', 'state', 'date'), due, 'empty.due')])
    ];
}

function actions(b: DocumentBuilder): Block[] {
    const open = b.findings.filter(isOpen).sort((x, y) => rank(severityOrder, x.severity) - rank(severityOrder, y.severity));
    if (open.length === 0) return [b.empty('empty.openGaps')];
    const base = b.model.header?.date ?? b.analysis.referenceDate;
    const review = b.model.header?.review;
    const dueOf = (severity: string): string => severity === 'error' ? addMonths(base, 1) : severity === 'warning' ? addMonths(base,
        3) : review ?? addMonths(base, 6);
    const rows: Row[] = open.map(f => ({
        severity: { zone: f.severity === 'error' ? 'unacceptable' : f.severity === 'warning' ? 'tolerable' : 'acceptable',
            text: valueWord('severity', f.severity, b.lang) },
        finding: withDocumentDurations(withTitles(f.message, b.titles), b.lang), action: fixOf(f.code, b.lang),
        owner: b.person(b.ownerOf(f.element)), due: b.date(dueOf(f.severity))
    }));
    return [b.note('text.actionPlan'),
        { type: 'table', id: 'actions', columns: b.columns('severity', 'finding', 'action', 'owner', 'due'), rows }];
}

function accepted(b: DocumentBuilder): Block[] {
    const list = b.findings.filter(f => !isOpen(f));
    if (list.length === 0) return [b.empty('empty.accepted')];
    const rows: Row[] = list.map(f => ({
        element: b.title(f.element), finding: withDocumentDurations(withTitles(f.message, b.titles), b.lang), reason: f.accepted!.reason,
        acceptedBy: b.person(f.accepted!.by), until: b.date(f.accepted!.until)
    }));
    return [b.note('text.accepted', { count: list.length }),
        { type: 'table', id: 'accepted', columns: b.columns('element', 'finding', 'reason', 'acceptedBy', 'until'), rows }];
}
