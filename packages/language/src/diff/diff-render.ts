import type { Severity } from '../pra-codes.js';
import { isTextKey, textLookup, type Lang, type MessageParams, type Texts } from '../pra-messages.js';
import type { DiffChange, DiffFinding, DiffKind, PlanDiff } from './plan-diff.js';

/** `pra diff` as text and Markdown, in the plan's language. */

const kindWords = {
    plan: { en: 'plan', fr: 'plan' }, crisis: { en: 'crisis', fr: 'crise' }, scale: { en: 'scales', fr: 'échelles' },
    role: { en: 'role', fr: 'rôle' }, asset: { en: 'asset', fr: 'ressource' }, activity: { en: 'activity', fr: 'activité' },
    risk: { en: 'risk', fr: 'risque' }, fallback: { en: 'fallback', fr: 'moyen de secours' },
    procedure: { en: 'procedure', fr: 'procédure' }, exercise: { en: 'exercise', fr: 'exercice' }
} as const satisfies Readonly<Record<DiffKind, Texts>>;

const texts = {
    heading: { en: 'Changes from {from} to {to}', fr: 'Changements de {from} à {to}' },
    added: { en: 'Added', fr: 'Ajouts' },
    removed: { en: 'Removed', fr: 'Suppressions' },
    renamed: { en: 'Renamed', fr: 'Renommages' },
    changed: { en: 'Changed', fr: 'Modifications' },
    appeared: { en: 'Findings that appeared', fr: 'Constats apparus' },
    resolved: { en: 'Findings resolved', fr: 'Constats résolus' },
    none: { en: 'No change.', fr: 'Aucun changement.' },
    unset: { en: '(none)', fr: '(aucun)' },
    kind: { en: 'Kind', fr: 'Type' },
    name: { en: 'Name', fr: 'Nom' },
    title: { en: 'Title', fr: 'Titre' },
    oldName: { en: 'Old name', fr: 'Ancien nom' },
    newName: { en: 'New name', fr: 'Nouveau nom' },
    element: { en: 'Element', fr: 'Élément' },
    property: { en: 'Property', fr: 'Propriété' },
    before: { en: 'Before', fr: 'Avant' },
    after: { en: 'After', fr: 'Après' },
    severity: { en: 'Severity', fr: 'Gravité' },
    code: { en: 'Code', fr: 'Code' },
    message: { en: 'Message', fr: 'Message' },
    file: { en: 'File', fr: 'Fichier' }
} as const satisfies Readonly<Record<string, Texts>>;
const diffLabel = textLookup(texts, 'diff');
type DiffTextKey = keyof typeof texts;

const severityWords = {
    error: { en: 'error', fr: 'erreur' }, warning: { en: 'warning', fr: 'avertissement' },
    info: { en: 'info', fr: 'info' }, hint: { en: 'hint', fr: 'indice' }
} as const satisfies Readonly<Record<Severity, Texts>>;

const kindWord = textLookup(kindWords, 'diff kinds');
const severityText = textLookup(severityWords, 'diff severities');
const severityWord = (severity: string, lang: Lang): string => isTextKey(severityWords, severity) ? severityText(severity, lang) : severity;
const elementOf = (kind: DiffKind, name: string, lang: Lang): string =>
    kind === 'plan' || kind === 'crisis' || kind === 'scale' ? kindWord(kind, lang) : `${kindWord(kind, lang)} ${name}`;

export function isEmptyDiff(diff: PlanDiff): boolean {
    return diff.added.length + diff.removed.length + diff.renamed.length + diff.changed.length
        + diff.findings.appeared.length + diff.findings.resolved.length === 0;
}

/** French puts a space before the colon. */
const colon = (lang: Lang): string => lang === 'fr' ? ' : ' : ': ';

function changeLine(change: DiffChange, lang: Lang): string {
    const t = (key: DiffTextKey, params: MessageParams = {}): string => diffLabel(key, lang, params);
    const values = `${change.old ?? t('unset')} → ${change.new ?? t('unset')}`;
    return `${elementOf(change.kind, change.name, lang)}${colon(lang)}${change.property} ${values}`;
}

function findingLine(finding: DiffFinding, lang: Lang): string {
    const element = finding.element ? ` ${finding.element}` : '';
    return `${severityWord(finding.severity, lang)} ${finding.code}${element}${colon(lang)}${finding.message}`;
}

/** One line per change, grouped; `from` and `to` name the two versions. */
export function diffText(diff: PlanDiff, from: string, to: string, lang: Lang): string {
    const t = (key: DiffTextKey, params: MessageParams = {}): string => diffLabel(key, lang, params);
    const lines = [t('heading', { from, to })];
    if (isEmptyDiff(diff)) return [...lines, t('none')].join('\n') + '\n';
    const section = (title: string, items: string[]): void => {
        if (items.length > 0) lines.push('', `${title} (${items.length})${colon(lang).trimEnd()}`, ...items.map(item => `  ${item}`));
    };
    const titled = (title?: string): string => title ? ` "${title}"` : '';
    section(t('added'), diff.added.map(e => `+ ${elementOf(e.kind, e.name, lang)}${titled(e.title)}`));
    section(t('removed'), diff.removed.map(e => `- ${elementOf(e.kind, e.name, lang)}${titled(e.title)}`));
    section(t('renamed'), diff.renamed.map(r => `${kindWord(r.kind, lang)} ${r.from} → ${r.to}`));
    section(t('changed'), diff.changed.map(c => changeLine(c, lang)));
    section(t('appeared'), diff.findings.appeared.map(f => `+ ${findingLine(f, lang)}`));
    section(t('resolved'), diff.findings.resolved.map(f => `- ${findingLine(f, lang)}`));
    return lines.join('\n') + '\n';
}

const cell = (text: string | undefined): string => (text ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | undefined>>): string[] {
    const line = (cells: ReadonlyArray<string | undefined>): string => `| ${cells.map(cell).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** A Markdown section (for a changelog or a review record): a table per group. */
export function diffMarkdown(diff: PlanDiff, from: string, to: string, lang: Lang): string {
    const t = (key: DiffTextKey, params: MessageParams = {}): string => diffLabel(key, lang, params);
    const lines = [`## ${t('heading', { from: cell(from), to: cell(to) })}`, ''];
    if (isEmptyDiff(diff)) return [...lines, t('none')].join('\n') + '\n';
    const section = (title: string, count: number, rows: string[]): void => {
        if (count > 0) lines.push(`### ${title} (${count})`, '', ...rows, '');
    };
    const elementRows = (elements: PlanDiff['added']) => elements.map(e => [kindWord(e.kind, lang), e.name, e.title]);
    section(t('added'), diff.added.length, table([t('kind'), t('name'), t('title')], elementRows(diff.added)));
    section(t('removed'), diff.removed.length, table([t('kind'), t('name'), t('title')], elementRows(diff.removed)));
    section(t('renamed'), diff.renamed.length,
        table([t('kind'), t('oldName'), t('newName')], diff.renamed.map(r => [kindWord(r.kind, lang), r.from, r.to])));
    section(t('changed'), diff.changed.length, table([t('element'), t('property'), t('before'), t('after')],
        diff.changed.map(c => [elementOf(c.kind, c.name, lang), c.property, c.old ?? t('unset'), c.new ?? t('unset')])));
    const findingTable = (findings: DiffFinding[]) => table([t('severity'), t('code'), t('element'), t('message')],
        findings.map(f => [severityWord(f.severity, lang), f.code, f.element, f.message]));
    section(t('appeared'), diff.findings.appeared.length, findingTable(diff.findings.appeared));
    section(t('resolved'), diff.findings.resolved.length, findingTable(diff.findings.resolved));
    return lines.join('\n').replace(/\n+$/, '') + '\n';
}
