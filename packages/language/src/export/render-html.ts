import type { Zone } from '../pra-vocabulary.js';
import type { RenderExtras } from './diagram-svg.js';
import { matrixSvg } from './matrix-svg.js';
import {
    cellText, frontSections, sectionHeading, zoneOf, type Block, type CallNode, type CardsBlock, type GridBlock, type MatrixBlock,
    type PlanDocument, type TableBlock
} from './pra-document-types.js';
import { exportText } from './pra-export-texts.js';
import { accent, headerFill, levelFill, zoneFill, zoneInk } from './pra-export-theme.js';

/** Text made inert in HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!);
}

const zones: readonly Zone[] = ['acceptable', 'tolerable', 'unacceptable'];

const style = `
:root { --accent: #${accent}; --head: #${headerFill}; }
* { box-sizing: border-box; }
body { font-family: Roboto, "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.2; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 2.2em; }
.cover { border: 2px solid var(--accent); padding: 48px 32px; margin-bottom: 32px; }
.cover .kind { text-transform: uppercase; letter-spacing: .08em; color: #555; }
.cover h1 { font-size: 26pt; margin: 12px 0 24px; }
.cover dl, .facts { display: grid; grid-template-columns: minmax(10em, max-content) 1fr; gap: 4px 16px; margin: 0 0 1em; }
dt { font-weight: 600; } dd { margin: 0; }
.status-draft { color: #${zoneInk.unacceptable}; font-weight: 700; } .status-final { color: #${zoneInk.acceptable}; font-weight: 700; }
.draft { background: #${zoneFill.unacceptable}; color: #${zoneInk.unacceptable}; border: 1px solid #${zoneInk.unacceptable}; padding: 8px 12px; font-weight: 700; }
.draft-mark { position: fixed; top: 8px; right: 12px; color: #${zoneInk.unacceptable}; font-weight: 700; letter-spacing: .1em; }
.empty, .note { color: #555; font-style: italic; } .lead { font-size: 11.5pt; }
nav.toc ol { list-style: none; padding-left: 1.2em; } nav.toc > ol { padding-left: 0; }
nav.toc a { color: var(--accent); text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.2em; font-size: 9pt; }
th, td { border: 1px solid #9aa7b5; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual; }
thead th { background: var(--head); }
${zones.map(z => `.zone-${z} { background: #${zoneFill[z]}; color: #${zoneInk[z]}; font-weight: 600; }`).join('\n')}
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; margin-bottom: 1.2em; }
.card { border: 1px solid #9aa7b5; border-top: 4px solid var(--accent); padding: 8px 12px; break-inside: avoid; }
${zones.map(z => `.card.card-${z} { border-top-color: #${zoneInk[z]}; }`).join('\n')}
.card h4, .card h5 { margin: 0 0 4px; } .card .subtitle { color: #555; font-size: 9pt; margin-bottom: 6px; }
.card .facts { grid-template-columns: minmax(8em, max-content) 1fr; font-size: 9pt; }
.card dd.zone-acceptable, .card dd.zone-tolerable, .card dd.zone-unacceptable { padding: 0 4px; }
table.grid td.level { text-align: center; } table.grid td small { display: block; font-weight: 400; color: #333; }
.calltree ul { list-style: none; margin: 0; padding-left: 1.6em; border-left: 2px solid var(--accent); }
.calltree > ul { border-left: none; padding-left: 0; }
.calltree li { margin: 6px 0; } .calltree .who { font-weight: 600; } .calltree .phone { white-space: nowrap; }
.calltree .how, .calltree .deputy { color: #444; font-size: 9pt; display: block; }
figure { margin: 0 0 1.2em; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
.legend span { display: inline-block; padding: 1px 6px; margin-right: 8px; border: 1px solid #9aa7b5; }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .cover { break-after: page; border: none; padding-top: 30%; }
  nav.toc { break-after: page; }
  section.main-section, section.own-page { break-before: page; }
  section.own-page { break-after: page; break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, .card { break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** One self-contained HTML file: no script, no external resource (the CSP forbids both). */
export function renderHtml(document: PlanDocument, extras: RenderExtras = { diagrams: {} }): string {
    const lang = document.lang;
    const e = escapeHtml;
    const c = document.cover;
    const out: string[] = [];
    out.push('<!DOCTYPE html>', `<html lang="${lang}">`, '<head>', '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${e(c.title)}</title>`, `<style>${style}</style>`, '</head>', '<body>');
    if (document.draft) out.push(`<div class="draft-mark">${e(exportText('document.draftMark', lang))}</div>`);
    out.push('<header class="cover">', `<div class="kind">${e(c.kind)}</div>`, `<h1>${e(c.title)}</h1>`, '<dl>');
    const coverFacts: Array<[string, string]> = [
        [exportText('field.organisation', lang), c.organisation], [exportText('field.version', lang), c.version],
        [exportText('field.date', lang), cellText(c.date)], [exportText('field.owner', lang), c.owner]];
    for (const [label, value] of coverFacts) if (value) out.push(`<dt>${e(label)}</dt><dd>${e(value)}</dd>`);
    out.push(`<dt>${e(exportText('field.status', lang))}</dt><dd class="status-${c.status}">${e(c.statusText)}</dd>`, '</dl>');
    if (document.draft) out.push(`<p class="draft">${e(exportText('document.draft', lang, { count: document.errorCount }))}</p>`);
    out.push('</header>');
    const front = document.sections.filter(s => frontSections.includes(s.id));
    const body = document.sections.filter(s => !frontSections.includes(s.id));
    for (const section of front) renderSection(section, out, extras);
    out.push('<nav class="toc">', `<h2>${e(exportText('document.toc', lang))}</h2>`, '<ol>');
    for (const section of body) {
        const subs = section.blocks.filter(b => b.type === 'subsection');
        out.push(`<li><a href="#${e(section.id)}">${e(sectionHeading(section))}</a>`);
        if (subs.length > 0) out.push('<ol>', ...subs.map(s => `<li><a href="#${e(`${section.id}-${s.id}`)}">${e(s.title)}</a></li>`), '</ol>');
        out.push('</li>');
    }
    out.push('</ol>', '</nav>', '<main>');
    for (const section of body) renderSection(section, out, extras);
    out.push('</main>', '</body>', '</html>');
    return out.join('\n') + '\n';
}

function renderSection(section: PlanDocument['sections'][number], out: string[], extras: RenderExtras): void {
    out.push(`<section class="main-section" id="${escapeHtml(section.id)}">`, `<h2>${escapeHtml(sectionHeading(section))}</h2>`);
    blocks(section.blocks, section.id, 3, out, extras);
    out.push('</section>');
}

function blocks(list: readonly Block[], idPrefix: string, level: number, out: string[], extras: RenderExtras): void {
    const e = escapeHtml;
    for (const block of list) {
        switch (block.type) {
            case 'paragraph':
                out.push(`<p${block.role ? ` class="${block.role}"` : ''}>${e(block.text)}</p>`);
                break;
            case 'list':
                out.push('<ul>');
                for (const item of block.items) out.push(`<li>${e(item)}</li>`);
                out.push('</ul>');
                break;
            case 'facts':
                out.push('<dl class="facts">');
                for (const item of block.items) {
                    const zone = zoneOf(item.value);
                    out.push(`<dt>${e(item.label)}</dt><dd${zone ? ` class="zone-${zone}"` : ''}>${e(cellText(item.value))}</dd>`);
                }
                out.push('</dl>');
                break;
            case 'table':
                out.push(table(block));
                break;
            case 'cards':
                out.push(cards(block, Math.min(level, 6)));
                break;
            case 'matrix':
                out.push(matrixFigure(block));
                break;
            case 'grid':
                out.push(grid(block));
                break;
            case 'calltree':
                out.push('<div class="calltree"><ul>', callNode(block.root), '</ul></div>');
                break;
            case 'diagram': case 'timeline': {
                const drawing = extras.diagrams[block.id];
                const caption = `<figcaption>${e(block.legend.join(' '))}</figcaption>`;
                out.push(`<figure class="${block.type}" id="diagram-${e(block.id)}">${drawing?.svg ?? ''}${caption}</figure>`);
                break;
            }
            case 'subsection': {
                const h = Math.min(level, 6);
                const id = `${idPrefix}-${block.id}`;
                out.push(`<section class="sub${block.layout === 'page' ? ' own-page' : ''}" id="${e(id)}">`, `<h${h}>${e(block.title)}</h${h}>`);
                blocks(block.blocks, id, level + 1, out, extras);
                out.push('</section>');
                break;
            }
        }
    }
}

function table(block: TableBlock): string {
    const e = escapeHtml;
    const head = block.columns.map(c => `<th scope="col">${e(c.label)}</th>`).join('');
    const rows = block.rows.map(row => '<tr>' + block.columns.map(c => {
        const zone = zoneOf(row[c.key]);
        return `<td${zone ? ` class="zone-${zone}"` : ''}>${e(cellText(row[c.key]))}</td>`;
    }).join('') + '</tr>');
    return [`<table data-table="${e(block.id)}">`, `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

function cards(block: CardsBlock, h: number): string {
    const e = escapeHtml;
    return `<div class="cards" data-cards="${e(block.id)}">` + block.cards.map(card => [
        `<article class="card${card.zone ? ` card-${card.zone}` : ''}">`, `<h${h}>${e(card.title)}</h${h}>`,
        card.subtitle ? `<div class="subtitle">${e(card.subtitle)}</div>` : '',
        '<dl class="facts">', ...card.facts.map(f => {
            const zone = zoneOf(f.value);
            return `<dt>${e(f.label)}</dt><dd${zone ? ` class="zone-${zone}"` : ''}>${e(cellText(f.value))}</dd>`;
        }), '</dl>', '</article>'
    ].join('')).join('\n') + '</div>';
}

function grid(block: GridBlock): string {
    const e = escapeHtml;
    const head = `<tr><th scope="col">${e(block.corner)}</th>${block.columns.map(c => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
    const rows = block.rows.map(r => `<tr><th scope="row">${e(r.label)}</th>${r.cells.map(c => c.shade
        ? `<td class="level" style="background:#${levelFill(c.shade, block.levels)}"><b>${e(c.text)}</b>${c.detail ? `<small>${e(c.detail)}</small>` : ''}</td>`
        : '<td></td>').join('')}</tr>`);
    const legend = block.legend.map(l => `<span style="background:#${levelFill(l.shade, block.levels)}">${e(l.label)}</span>`).join('');
    return `<table class="grid" data-table="${e(block.id)}"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="legend">${legend}</p>`;
}

function callNode(node: CallNode): string {
    const e = escapeHtml;
    const who = `<span class="who">${e(node.role)}</span>${node.holder ? ` — ${e(node.holder)}` : ''}${node.phone ? ` · <span class="phone">${e(node.phone)}</span>` : ''}${node.within ? ` · ${e(node.within)}` : ''}`;
    const deputy = node.deputy ? `<span class="deputy">${e(node.deputy)}${node.deputyPhone ? ` · <span class="phone">${e(node.deputyPhone)}</span>` : ''}</span>` : '';
    const how = node.how ? `<span class="how">${e(node.how)}</span>` : '';
    const children = node.children.length > 0 ? `<ul>${node.children.map(callNode).join('')}</ul>` : '';
    return `<li>${who}${deputy}${how}${children}</li>`;
}

function matrixFigure(block: MatrixBlock): string {
    const legend = block.legend.map(l =>
        `<span style="background:#${zoneFill[l.zone]};color:#${zoneInk[l.zone]}">${escapeHtml(l.label)}</span>`).join('');
    return `<figure class="matrix" id="matrix-${block.id}">${matrixSvg(block)}<figcaption class="legend">${legend}</figcaption></figure>`;
}
