import type { MatrixBlock } from './pra-document-types.js';
import { headerFill, zoneFill, zoneInk } from './pra-export-theme.js';

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!);
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
    const labelWidth = 150, cellWidth = 140, headHeight = 58, line = 13;
    const columns = block.impact.length;
    const cellLines = (risks: readonly string[]): string[] => risks.flatMap(r => wrap(`• ${r}`, 22));
    const rowHeights = block.rows.map(r => Math.max(56, 22 + line * Math.max(...r.cells.map(c => cellLines(c.risks).length), 0) + 6,
        14 + line * wrap(r.likelihood.label, 24).length));
    const width = labelWidth + columns * cellWidth + 1;
    const height = headHeight + rowHeights.reduce((a, b) => a + b, 0) + 1;
    const parts: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Roboto, Segoe UI, Calibri, Liberation Sans, Arial, sans-serif" font-size="11">`,
        `<title>${escapeHtml(`${block.likelihoodAxis} × ${block.impactAxis}`)}</title>`,
        `<text x="6" y="16" font-weight="600">${escapeHtml(`${block.likelihoodAxis} / ${block.impactAxis}`)}</text>`
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
                parts.push(`<text fill="#${zoneInk[cell.zone]}" font-weight="600">${tspans(cellLines(cell.risks), x + 6, y + 28, line)}</text>`);
            }
            parts.push('</g>');
        });
        y += h;
    });
    parts.push('</svg>');
    return parts.join('');
}

