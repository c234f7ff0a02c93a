import { riskMatrixSvg, type MatrixLayout } from '../render/risk-matrix-svg.js';
import { svgMarkup } from '../render/svg-tree.js';
import { wrapLabel } from './diagram-svg.js';
import type { MatrixBlock } from './pra-document-types.js';

/**
 * The matrix block (one view of the plan's risk matrix) as the shared SVG drawing (render/), at the
 * export's colours; the block holds risks' titles, each written as a bullet wrapped to the cell.
 */
export function matrixSvg(block: MatrixBlock): string {
    const layout: MatrixLayout = {
        likelihood: block.rows.map(row => row.likelihood),
        impact: block.impact,
        // The block holds one view's names: give them as both, the drawing shows the one asked for.
        rows: block.rows.map(row => row.cells.map(cell => ({ ...cell, inherent: cell.risks, residual: cell.risks }))),
        tray: { title: block.tray.title, inherent: block.tray.risks, residual: block.tray.risks }
    };
    return svgMarkup(riskMatrixSvg(layout, {
        view: block.id, likelihoodAxis: block.likelihoodAxis, impactAxis: block.impactAxis,
        nameLines: title => wrapLabel(`• ${title}`, 20)
    }));
}
