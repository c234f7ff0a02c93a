import { isOpen } from '../pra-check-report.js';
import { word } from '../pra-messages.js';
import type { ElementRef } from '../pra-model.js';
import type { RiskMatrix } from '../pra-risk-matrix.js';
import { byCriticality } from './pra-document-body.js';
import { rank, severityOrder, type DocumentBuilder } from './pra-document-builder.js';
import type { DocumentMeta } from './pra-document-model.js';
import type { Block, DateValue, Row } from './pra-document-types.js';
import { valueWord, type ExportKeySuffix } from './pra-export-texts.js';

/**
 * The annexes: the full registers, one row per element with its identifier (the name written in
 * the plan) and every property, and the findings of `pra check` with their codes and positions.
 * The body speaks in titles; this is where a reader maps them back to the plan's text.
 */
export function annexes(b: DocumentBuilder, meta: DocumentMeta): Block[] {
    const letter = (i: number): string => String.fromCharCode(65 + i);
    const parts: Array<[ExportKeySuffix<'annex'>, Block[]]> = [
        ['roles', roles(b)], ['activities', activities(b)], ['assets', assets(b)], ['risks', risks(b)],
        ['fallbacks', fallbacks(b)], ['procedures', procedures(b)], ['exercises', exercises(b)], ['findings', findings(b, meta)]
    ];
    return [b.note('text.annexes'),
        ...parts.map(([id, blocks], i) => b.sub(`annex-${id}`, `${b.t('text.annex', { letter: letter(i) })} — ${b.t(`annex.${id}`)}`,
            blocks))];
}

function refs(b: DocumentBuilder, items: readonly ElementRef[]) {
    return b.list(items.map(r => r.name));
}

function roles(b: DocumentBuilder): Block[] {
    const rows = b.model.roles.map(role => ({
        name: role.name, title: role.title ?? '', holder: role.holder ?? '', phone: role.phone ?? '', email: role.email ?? '',
        deputy: role.deputy ?? '', external: b.yes(role.external),
        crisisFunctions: b.list((b.analysis.roles.get(role.name)?.crisisFunctions ?? []).map(f => valueWord('crisis', f, b.lang))),
        notes: role.notes ?? ''
    }));
    return [b.table('roles', b.columns('name', 'title', 'holder', 'phone', 'email', 'deputy', 'external', 'crisisFunctions', 'notes'),
        rows, 'empty.roles')];
}

function activities(b: DocumentBuilder): Block[] {
    const rows = byCriticality(b).map(a => {
        const f = b.analysis.activities.get(a.name);
        return {
            name: a.name, title: a.title ?? '', criticality: a.criticality ? word(a.criticality, b.lang) : '',
            rto: b.duration(a.rtoMinutes), rpo: b.duration(a.rpoMinutes), mtpd: b.duration(a.mtpdMinutes),
            achievedRto: b.duration(f?.achievedRto?.minutes), achievedRpo: b.duration(f?.achievedRpo?.minutes),
            owner: a.owner ?? '', uses: b.list(a.uses), needs: b.list(a.needs), catchup: a.catchup ?? ''
        };
    });
    const impacts = byCriticality(b).flatMap(a => a.impacts.map(i => ({
        activity: a.name, category: valueWord('impact', i.category, b.lang), level: b.number(i.level),
        label: b.matrix.impact.find(l => l.value === i.level)?.label ?? '', after: b.duration(i.afterMinutes)
    })));
    return [
        b.table('activities',
            b.columns('name', 'title', 'criticality', 'rto', 'rpo', 'mtpd', 'achievedRto', 'achievedRpo', 'owner', 'uses', 'needs',
                'catchup'), rows, 'empty.activities'),
        b.table('impacts', b.columns('activity', 'category', 'level', 'label', 'after'), impacts, 'empty.impacts')
    ];
}

function assets(b: DocumentBuilder): Block[] {
    const rows = b.model.assets.map(a => {
        const f = b.analysis.assets.get(a.name);
        return {
            name: a.name, title: a.title ?? '', kind: valueWord('kind', a.kind, b.lang),
            provider: a.provider ?? '', contract: a.contract ?? '',
            sla: b.duration(a.slaMinutes), count: b.number(a.count), dependsOn: b.list(a.dependsOn), usedBy: b.list(f?.usedBy ?? []),
            coveredBy: b.list(f?.coveredBy ?? []), owner: a.owner ?? '', notes: a.notes ?? ''
        };
    });
    return [b.table('assets',
        b.columns('name', 'title', 'kind', 'provider', 'contract', 'sla', 'count', 'dependsOn', 'usedBy', 'coveredBy', 'owner',
            'notes'), rows, 'empty.assets')];
}

function scaleRows(b: DocumentBuilder, levels: RiskMatrix['likelihood'], axis: 'likelihood' | 'impact'): Row[] {
    return levels.map(l => ({
        level: b.number(l.value), label: l.label,
        criteria: b.model.scales[axis].find(s => s.value === l.value)?.criteria ?? ''
    }));
}

function risks(b: DocumentBuilder): Block[] {
    const m = b.matrix;
    const score = (name: string): number => b.analysis.risks.get(name)?.score ?? -1;
    const sorted = [...b.model.risks].sort((x, y) => score(y.name) - score(x.name));
    const rows = sorted.map(r => {
        const f = b.analysis.risks.get(r.name);
        return {
            name: r.name, title: r.title ?? '', category: valueWord('risk', r.category, b.lang),
            likelihood: b.number(r.likelihood), impact: b.number(r.impact), score: b.number(f?.score, f?.zone),
            residualScore: b.number(f?.residualScore, f?.residualZone), downtime: b.duration(r.downtimeMinutes),
            dataloss: b.duration(r.datalossMinutes), targets: b.list(r.targets), mitigatedBy: b.list(r.mitigatedBy),
            owner: r.owner ?? '', notes: r.notes ?? ''
        };
    });
    return [
        b.table('risks', b.columns('name', 'title', 'category', 'likelihood', 'impact', 'score', 'residualScore', 'downtime', 'dataloss',
            'targets', 'mitigatedBy', 'owner', 'notes'), rows, 'empty.risks'),
        { type: 'table', id: 'likelihood-scale',
            columns: b.columns('level', 'label', 'criteria').map((c, i) => i === 0 ? { ...c, label: b.t('field.likelihood') } : c),
            rows: scaleRows(b, m.likelihood, 'likelihood') },
        { type: 'table', id: 'impact-scale',
            columns: b.columns('level', 'label', 'criteria').map((c, i) => i === 0 ? { ...c, label: b.t('field.impact') } : c),
            rows: scaleRows(b, m.impact, 'impact') },
        { type: 'facts',
            items: [b.fact('tolerableFrom', b.number(m.tolerableFrom)), b.fact('unacceptableFrom', b.number(m.unacceptableFrom))] }
    ];
}

function fallbacks(b: DocumentBuilder): Block[] {
    const rows = b.model.fallbacks.map(f => {
        const figures = b.analysis.fallbacks.get(f.name);
        const tested = b.date(f.tested);
        const state = figures ? valueWord('test', figures.testState, b.lang) : '';
        return {
            name: f.name, title: f.title ?? '', type: valueWord('type', f.type, b.lang),
            status: [valueWord('status', f.status, b.lang), f.due ? b.dateText(f.due) : '', f.reason ?? ''].filter(Boolean).join(' — '),
            provider: f.provider ?? '', contract: f.contract ?? '', covers: refs(b, f.covers),
            rto: b.duration(f.rtoMinutes), rpo: b.duration(f.rpoMinutes),
            dependsOn: b.list([...f.dependsOn, ...f.dependsOnFallbacks]),
            cost: f.cost ? b.money(f.cost.amount, f.cost.currency, f.cost.period) : '',
            copies: [f.offsite ? b.t('text.offsite') : '', f.offline ? b.t('text.offline') : ''].filter(Boolean).join(', '),
            lastTest: tested === '' ? state : { ...(tested as DateValue),
                text: b.t('text.testAge', { date: (tested as DateValue).text, state }) },
            owner: f.owner ?? '', audience: b.list(f.audience.map(a => valueWord('audience', a, b.lang))), notes: f.notes ?? ''
        };
    });
    return [b.table('fallbacks',
        b.columns('name', 'title', 'type', 'status', 'provider', 'contract', 'covers', 'rto', 'rpo', 'dependsOn', 'cost',
        'copies', 'lastTest', 'owner', 'audience', 'notes'), rows, 'empty.fallbacks')];
}

function procedures(b: DocumentBuilder): Block[] {
    const rows = b.model.procedures.map(p => ({
        name: p.name, title: p.title ?? '', phase: valueWord('phase', p.phase, b.lang), for: refs(b, p.for), owner: p.owner ?? '',
        steps: b.number(p.steps.length), totalWithin: b.duration(b.analysis.procedures.get(p.name)?.totalWithinMinutes)
    }));
    return [b.table('procedures', b.columns('name', 'title', 'phase', 'for', 'owner', 'steps', 'totalWithin'), rows, 'empty.procedures')];
}

function exercises(b: DocumentBuilder): Block[] {
    const rows = b.model.exercises.map(e => ({
        name: e.name, title: e.title ?? '', date: b.date(e.date), type: valueWord('exercise', e.type, b.lang), scenario: e.scenario ?? '',
        tests: refs(b, e.tests), result: valueWord('result', e.result, b.lang), failed: refs(b, e.failed), notes: e.notes ?? ''
    }));
    return [b.table('exercises-register', b.columns('name', 'title', 'date', 'type', 'scenario', 'tests', 'result', 'failed', 'notes'),
        rows, 'empty.exercises')];
}

function findings(b: DocumentBuilder, meta: DocumentMeta): Block[] {
    const all = [...b.findings].sort((x, y) => rank(severityOrder, x.severity) - rank(severityOrder, y.severity));
    const rows = all.map(f => ({
        severity: valueWord('severity', f.severity, b.lang), code: f.code, element: f.element ?? '', finding: f.message,
        accepted: f.accepted ? b.t('text.acceptedBy', { by: f.accepted.by, reason: f.accepted.reason }) : '',
        location: `${f.file}:${f.line}`
    }));
    const open = all.filter(isOpen).length;
    return [
        { type: 'paragraph', text: b.t('document.source', { files: meta.sourceFiles.join(', ') }), role: 'note' },
        { type: 'paragraph', text: b.t('text.findingsCount', { count: all.length, open }), role: 'note' },
        b.table('findings', b.columns('severity', 'code', 'element', 'finding', 'accepted', 'location'), rows, 'empty.gaps')
    ];
}
