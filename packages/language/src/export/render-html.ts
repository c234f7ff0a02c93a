import type { Zone } from '../pra-vocabulary.js';
import { cellText, type Block, type CellValue, type MatrixBlock, type PlanDocument, type TableBlock } from './pra-document-model.js';
import { exportText } from './pra-export-texts.js';
import { accent, headerFill, zoneFill, zoneInk } from './pra-export-theme.js';

/** Text made inert in HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!);
}

const zones: readonly Zone[] = ['acceptable', 'tolerable', 'unacceptable'];

const style = `
:root { --accent: #${accent}; --head: #${headerFill}; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.4; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.2; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 2.2em; }
.cover { border: 2px solid var(--accent); padding: 48px 32px; margin-bottom: 32px; }
.cover .kind { text-transform: uppercase; letter-spacing: .08em; color: #555; }
.cover h1 { font-size: 26pt; margin: 12px 0 24px; }
.cover dl, .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 1em; }
dt { font-weight: 600; } dd { margin: 0; }
.draft { background: #${zoneFill.unacceptable}; color: #${zoneInk.unacceptable}; border: 1px solid #${zoneInk.unacceptable}; padding: 8px 12px; font-weight: 700; }
.empty, .note { color: #555; font-style: italic; }
nav.toc ol { list-style: none; padding-left: 1.2em; } nav.toc > ol { padding-left: 0; }
nav.toc a { color: var(--accent); text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.2em; font-size: 9pt; }
th, td { border: 1px solid #9aa7b5; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--head); }
${zones.map(z => `td.zone-${z} { background: #${zoneFill[z]}; color: #${zoneInk[z]}; font-weight: 600; }`).join('\n')}
figure.matrix { margin: 0 0 1.2em; } figure.matrix svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
.legend span { display: inline-block; padding: 1px 6px; margin-right: 8px; border: 1px solid #9aa7b5; }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .cover { break-after: page; border: none; padding-top: 30%; }
  nav.toc { break-after: page; }
  section.main-section { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure.matrix { break-inside: avoid; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** One self-contained HTML file: no script, no external resource (the CSP forbids both). */
export function renderHtml(document: PlanDocument): string {
    const lang = document.lang;
    const e = escapeHtml;
    const c = document.cover;
    const out: string[] = [];
    out.push('<!DOCTYPE html>', `<html lang="${lang}">`, '<head>', '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${e(c.title)}</title>`, `<style>${style}</style>`, '</head>', '<body>');
    out.push('<header class="cover">', `<div class="kind">${e(c.kind)}</div>`, `<h1>${e(c.title)}</h1>`, '<dl>');
    const coverFacts: Array<[string, string]> = [
        [exportText('field.organisation', lang), c.organisation], [exportText('field.version', lang), c.version],
        [exportText('field.date', lang), cellText(c.date)], [exportText('field.owner', lang), c.owner]];
    for (const [label, value] of coverFacts) if (value) out.push(`<dt>${e(label)}</dt><dd>${e(value)}</dd>`);
    out.push('</dl>');
    if (document.draft) out.push(`<p class="draft">${e(exportText('document.draft', lang, { count: document.errorCount }))}</p>`);
    out.push('</header>');
    out.push('<nav class="toc">', `<h2>${e(exportText('document.toc', lang))}</h2>`, '<ol>');
    for (const section of document.sections) {
        const subs = section.blocks.filter(b => b.type === 'subsection');
        out.push(`<li><a href="#${e(section.id)}">${section.number}. ${e(section.title)}</a>`);
        if (subs.length > 0) {
            out.push('<ol>', ...subs.map(s => `<li><a href="#${e(`${section.id}-${s.id}`)}">${e(s.title)}</a></li>`), '</ol>');
        }
        out.push('</li>');
    }
    out.push('</ol>', '</nav>', '<main>');
    for (const section of document.sections) {
        out.push(`<section class="main-section" id="${e(section.id)}">`, `<h2>${section.number}. ${e(section.title)}</h2>`);
        blocks(section.blocks, section.id, 3, out);
        out.push('</section>');
    }
    out.push('</main>', '</body>', '</html>');
    return out.join('\n') + '\n';
}

function blocks(list: readonly Block[], idPrefix: string, level: number, out: string[]): void {
    const e = escapeHtml;
    for (const block of list) {
        switch (block.type) {
            case 'paragraph':
                out.push(`<p${block.role ? ` class="${block.role}"` : ''}>${e(block.text)}</p>`);
                break;
            case 'list':
                out.push('<ul>', ...block.items.map(item => `<li>${e(item)}</li>`), '</ul>');
                break;
            case 'facts':
                out.push('<dl class="facts">', ...block.items.map(item =>
                    `<dt>${e(item.label)}</dt><dd>${e(cellText(item.value))}</dd>`), '</dl>');
                break;
            case 'table':
                out.push(table(block));
                break;
            case 'matrix':
                out.push(matrixFigure(block));
                break;
            case 'subsection': {
                const h = Math.min(level, 6);
                const id = `${idPrefix}-${block.id}`;
                out.push(`<section class="sub" id="${e(id)}">`, `<h${h}>${e(block.title)}</h${h}>`);
                blocks(block.blocks, id, level + 1, out);
                out.push('</section>');
                break;
            }
        }
    }
}

function zoneOf(value: CellValue | undefined): Zone | undefined {
    return typeof value === 'object' && 'zone' in value ? value.zone : undefined;
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

/** Splits text into lines of at most `width` characters, on spaces. */
function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const w of text.split(/\s+/).filter(Boolean)) {
        if (line && (line + ' ' + w).length > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines;
}

function tspans(lines: readonly string[], x: number, y: number, lineHeight: number): string {
    return lines.map((l, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeHtml(l)}</tspan>`).join('');
}

/** The matrix as inline SVG: one rect per cell, filled with its zone's colour. */
export function matrixSvg(block: MatrixBlock): string {
    const labelWidth = 170, cellWidth = 130, headHeight = 58, line = 13;
    const columns = block.impact.length;
    const rowHeights = block.rows.map(r => Math.max(56, 22 + line * Math.max(...r.cells.map(c => c.risks.length), 0) + 6,
        14 + line * wrap(r.likelihood.label, 24).length));
    const width = labelWidth + columns * cellWidth + 1;
    const height = headHeight + rowHeights.reduce((a, b) => a + b, 0) + 1;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Segoe UI, Calibri, Liberation Sans, Arial, sans-serif" font-size="11">`,
        `<title>${escapeHtml(`${block.likelihoodAxis} × ${block.impactAxis}`)}</title>`,
        `<text x="6" y="16" font-weight="600">${escapeHtml(`${block.likelihoodAxis} ↓  ${block.impactAxis} →`)}</text>`
    ];
    block.impact.forEach((level, i) => {
        const x = labelWidth + i * cellWidth;
        parts.push(`<rect x="${x}" y="0" width="${cellWidth}" height="${headHeight}" fill="#${headerFill}" stroke="#9aa7b5"/>`,
            `<text text-anchor="middle" font-weight="600">${tspans([`${level.value}`, ...wrap(level.label, 20).slice(0, 3)], x + cellWidth / 2, 14, line)}</text>`);
    });
    let y = headHeight;
    block.rows.forEach((row, r) => {
        const h = rowHeights[r];
        parts.push(`<rect x="0" y="${y}" width="${labelWidth}" height="${h}" fill="#${headerFill}" stroke="#9aa7b5"/>`,
            `<text font-weight="600">${tspans([`${row.likelihood.value}  ${row.likelihood.label}`].flatMap(t => wrap(t, 24)), 6, y + 16, line)}</text>`);
        row.cells.forEach((cell, i) => {
            const x = labelWidth + i * cellWidth;
            parts.push(`<g class="cell" data-likelihood="${cell.likelihood}" data-impact="${cell.impact}" data-zone="${cell.zone}">`,
                `<rect x="${x}" y="${y}" width="${cellWidth}" height="${h}" fill="#${zoneFill[cell.zone]}" stroke="#9aa7b5"/>`,
                `<text x="${x + cellWidth - 6}" y="${y + 14}" text-anchor="end" fill="#${zoneInk[cell.zone]}" font-size="10">${cell.score}</text>`);
            if (cell.risks.length > 0) {
                parts.push(`<text fill="#${zoneInk[cell.zone]}" font-weight="600">${tspans(cell.risks, x + 6, y + 28, line)}</text>`);
            }
            parts.push('</g>');
        });
        y += h;
    });
    parts.push('</svg>');
    return parts.join('');
}

function matrixFigure(block: MatrixBlock): string {
    const legend = block.legend.map(l =>
        `<span style="background:#${zoneFill[l.zone]};color:#${zoneInk[l.zone]}">${escapeHtml(l.label)}</span>`).join('');
    return `<figure class="matrix" id="matrix-${block.id}">${matrixSvg(block)}<figcaption class="legend">${legend}</figcaption></figure>`;
}
