import {
    cellText, frontSections, sectionHeading, type Block, type CallNode, type CardsBlock, type GridBlock, type MatrixBlock,
    type PlanDocument, type TableBlock
} from './pra-document-types.js';
import { exportText, type ExportTextKey } from './pra-export-texts.js';
import type { Zone } from '../pra-vocabulary.js';

const zoneMark: Readonly<Record<Zone, string>> = { acceptable: '🟩', tolerable: '🟨', unacceptable: '🟥' };

/**
 * Plan text made inert in GitHub-flavoured Markdown: inline markup, HTML and table pipes are
 * backslash-escaped, line breaks become spaces, and a leading block marker is escaped.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_{}[\]<>|~!]/g, ch => `\\${ch}`)
        .replace(/&(?=#?\w+;)/g, '&amp;')
        .replace(/^(\s*)([#+=-])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

export function renderMarkdown(document: PlanDocument): string {
    const lang = document.lang;
    const colon = lang === 'fr' ? ' :' : ':';
    const lines: string[] = [];
    const cover = document.cover;
    lines.push(`# ${escapeMarkdown(cover.title)}`, '');
    lines.push(`**${escapeMarkdown(cover.kind)}**${cover.organisation ? ` — ${escapeMarkdown(cover.organisation)}` : ''}`, '');
    const facts: Array<[ExportTextKey, string]> = [['field.version', cover.version], ['field.date', cellText(cover.date)],
        ['field.owner', cover.owner], ['field.status', cover.statusText]];
    for (const [key, value] of facts) {
        if (value) lines.push(`- **${escapeMarkdown(exportText(key, lang))}${colon}** ${escapeMarkdown(value)}`);
    }
    lines.push('');
    if (document.draft) lines.push(`> **${escapeMarkdown(exportText('document.draft', lang, { count: document.errorCount }))}**`, '');
    const front = document.sections.filter(s => frontSections.includes(s.id));
    const body = document.sections.filter(s => !frontSections.includes(s.id));
    const section = (s: PlanDocument['sections'][number]): void => {
        lines.push(`## ${escapeMarkdown(sectionHeading(s))}`, '');
        renderBlocks(s.blocks, 3, lines, colon);
    };
    front.forEach(section);
    lines.push(`## ${escapeMarkdown(exportText('document.toc', lang))}`, '');
    for (const s of body) lines.push(`- [${escapeMarkdown(sectionHeading(s))}](#${githubSlug(sectionHeading(s))})`);
    lines.push('');
    body.forEach(section);
    return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The lines of a block, then a blank line; one by one, as a table may have 100,000 rows (a spread would overflow the stack). */
function append(lines: string[], blockLines: readonly string[]): void {
    for (const line of blockLines) lines.push(line);
    lines.push('');
}

function renderBlocks(blocks: readonly Block[], level: number, lines: string[], colon: string): void {
    for (const block of blocks) {
        switch (block.type) {
            case 'paragraph':
                lines.push(block.role === 'draft' ? `> **${escapeMarkdown(block.text)}**`
                    : block.role === 'empty' || block.role === 'note' ? `*${escapeMarkdown(block.text)}*` : escapeMarkdown(block.text), '');
                break;
            case 'list':
                append(lines, block.items.map(item => `- ${escapeMarkdown(item)}`));
                break;
            case 'facts':
                append(lines,
                    block.items.map(item => `- **${escapeMarkdown(item.label)}${colon}** ${escapeMarkdown(cellText(item.value))}`));
                break;
            case 'table':
                append(lines, table(block));
                break;
            case 'matrix':
                append(lines, matrix(block));
                break;
            case 'cards':
                for (const line of cards(block, Math.min(level, 6), colon)) lines.push(line);
                break;
            case 'grid':
                for (const line of grid(block)) lines.push(line);
                lines.push('');
                break;
            case 'calltree':
                for (const line of callTree(block.root, 0)) lines.push(line);
                lines.push('');
                break;
            case 'diagram': {
                const labels = new Map(block.nodes.map(n => [n.id, n.label]));
                lines.push(`*${escapeMarkdown(block.legend.join(' '))}*`, '');
                const label = (id: string): string => escapeMarkdown(labels.get(id) ?? id);
                for (const e of block.edges) lines.push(`- ${label(e.from)} → ${label(e.to)}`);
                lines.push('');
                break;
            }
            case 'timeline':
                // A chart has no Markdown form: the scenario's table beside it gives the same figures in words.
                break;
            case 'subsection':
                lines.push(`${'#'.repeat(Math.min(level, 6))} ${escapeMarkdown(block.title)}`, '');
                renderBlocks(block.blocks, level + 1, lines, colon);
                break;
        }
    }
}

function row(cells: readonly string[]): string {
    return `| ${cells.map(c => c === '' ? ' ' : c).join(' | ')} |`;
}

function table(block: TableBlock): string[] {
    return [
        row(block.columns.map(c => escapeMarkdown(c.label))),
        row(block.columns.map(() => '---')),
        ...block.rows.map(r => row(block.columns.map(c => escapeMarkdown(cellText(r[c.key])))))
    ];
}

function matrix(block: MatrixBlock): string[] {
    const header = [`${escapeMarkdown(block.likelihoodAxis)} ↓ · ${escapeMarkdown(block.impactAxis)} →`,
        ...block.impact.map(l => `${l.value} ${escapeMarkdown(l.label)}`)];
    const lines = [row(header), row(header.map(() => '---'))];
    for (const r of block.rows) {
        lines.push(row([`**${r.likelihood.value}** ${escapeMarkdown(r.likelihood.label)}`, ...r.cells.map(c =>
            `${zoneMark[c.zone]} ${c.score}${c.risks.length ? `: ${c.risks.map(escapeMarkdown).join(', ')}` : ''}`)]));
    }
    lines.push('', block.legend.map(l => `${zoneMark[l.zone]} ${escapeMarkdown(l.label)}`).join(' · '));
    return lines;
}

function cards(block: CardsBlock, level: number, colon: string): string[] {
    return block.cards.flatMap(card => [
        `${'#'.repeat(level)} ${escapeMarkdown(card.title)}`, '',
        ...(card.subtitle ? [`*${escapeMarkdown(card.subtitle)}*`, ''] : []),
        ...card.facts.map(f => `- **${escapeMarkdown(f.label)}${colon}** ${escapeMarkdown(cellText(f.value))}`), ''
    ]);
}

function grid(block: GridBlock): string[] {
    return [
        row([escapeMarkdown(block.corner), ...block.columns.map(escapeMarkdown)]),
        row([block.corner, ...block.columns].map(() => '---')),
        ...block.rows.map(r => row([escapeMarkdown(r.label),
            ...r.cells.map(c => c.text ? `${escapeMarkdown(c.text)}${c.detail ? ` (${escapeMarkdown(c.detail)})` : ''}` : '')]))
    ];
}

function callTree(node: CallNode, depth: number): string[] {
    const parts = [node.holder, node.phone, node.within].filter(Boolean).map(p => escapeMarkdown(p!));
    const line = `${'  '.repeat(depth)}- **${escapeMarkdown(node.role)}**${parts.length ? ` — ${parts.join(' · ')}` : ''}`
        + `${node.deputy ? ` — ${escapeMarkdown(node.deputy)}${node.deputyPhone ? ` · ${escapeMarkdown(node.deputyPhone)}` : ''}` : ''}`
        + `${node.how ? `: ${escapeMarkdown(node.how)}` : ''}`;
    return [line, ...node.children.flatMap(child => callTree(child, depth + 1))];
}
