import type { Zone } from '../pra-vocabulary.js';
import { cellText, type Block, type CellValue, type MatrixBlock, type PlanDocument, type TableBlock } from './pra-document-model.js';
import { exportText } from './pra-export-texts.js';
import { accent, headerFill, zoneFill, zoneInk } from './pra-export-theme.js';
import { riskMatrixSvg, type MatrixLayout } from '../render/risk-matrix-svg.js';
import { escapeMarkup, svgMarkup } from '../render/svg-tree.js';

/** Text made inert in HTML, in element content and in quoted attribute values alike. */
export const escapeHtml = escapeMarkup;

const zones: readonly Zone[] = ['acceptable', 'tolerable', 'unacceptable'];

const style = `
:root { --accent: #${accent}; --head: #${headerFill}; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b;
  margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.4; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.2; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 2.2em; }
.cover { border: 2px solid var(--accent); padding: 48px 32px; margin-bottom: 32px; }
.cover .kind { text-transform: uppercase; letter-spacing: .08em; color: #555; }
.cover h1 { font-size: 26pt; margin: 12px 0 24px; }
.cover dl, .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 1em; }
dt { font-weight: 600; } dd { margin: 0; }
.draft { background: #${zoneFill.unacceptable}; color: #${zoneInk.unacceptable}; border: 1px solid #${zoneInk.unacceptable};
  padding: 8px 12px; font-weight: 700; }
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
    return [`<table data-table="${e(block.id)}">`, `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>']
        .join('\n');
}

/** The matrix block (one view of the plan's risk matrix) as the shared SVG drawing, at the export's colours. */
function matrixSvg(block: MatrixBlock): string {
    const layout: MatrixLayout = {
        likelihood: block.rows.map(row => row.likelihood),
        impact: block.impact,
        // The block holds one view's names: give them as both, the drawing shows the one asked for.
        rows: block.rows.map(row => row.cells.map(cell => ({ ...cell, inherent: cell.risks, residual: cell.risks }))),
        tray: { title: block.tray.title, inherent: block.tray.risks, residual: block.tray.risks }
    };
    return svgMarkup(riskMatrixSvg(layout, { view: block.id, likelihoodAxis: block.likelihoodAxis, impactAxis: block.impactAxis }));
}

function matrixFigure(block: MatrixBlock): string {
    const legend = block.legend.map(l =>
        `<span style="background:#${zoneFill[l.zone]};color:#${zoneInk[l.zone]}">${escapeHtml(l.label)}</span>`).join('');
    return `<figure class="matrix" id="matrix-${block.id}">${matrixSvg(block)}<figcaption class="legend">${legend}</figcaption></figure>`;
}
