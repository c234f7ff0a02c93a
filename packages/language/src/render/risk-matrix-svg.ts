import { headerFill, zoneFill, zoneInk } from '../export/pra-export-theme.js';
import type { MatrixCell, MatrixLevel, MatrixTray } from '../pra-risk-matrix.js';
import type { PreviewModel } from '../preview/pra-preview-model.js';
import type { Zone } from '../pra-vocabulary.js';
import { svgElement, type SvgElement, type SvgNode } from './svg-tree.js';

// The one drawing of the risk matrix, as SVG: the preview shows it, "Save as SVG" writes it, the HTML
// export embeds it. Colours are CSS variables whose fallbacks are the export's palette, so a page that
// sets them (the preview, from the VS Code theme) restyles it and a file without them looks as printed.

/** The layout computed by pra-risk-matrix.ts (the preview's cells carry more, which is ignored). */
export interface MatrixLayout {
    likelihood: readonly MatrixLevel[];
    impact: readonly MatrixLevel[];
    /** Rows from the highest likelihood down, columns from the lowest impact up. */
    rows: ReadonlyArray<ReadonlyArray<Readonly<MatrixCell>>>;
    /** The risks the grid cannot place (no level, or a level outside the scale), drawn below it with why. */
    tray?: Readonly<MatrixTray>;
}

export type MatrixView = 'inherent' | 'residual';

export interface RiskMatrixSvgOptions {
    view: MatrixView;
    /** The axes' names, in the document's language. */
    likelihoodAxis: string;
    impactAxis: string;
    /** In the residual view, draws each moved risk where it was, with an arrow to where it is now. */
    showMoves?: boolean;
    /** For a live page: risks focusable as buttons, headers and cells named for assistive technology. */
    interactive?: boolean;
    /** A risk's tooltip (its title, score…); its name when none. */
    riskTooltip?: (name: string) => string | undefined;
    /** A cell's name for assistive technology (live page only): its position, score and zone in words. */
    cellLabel?: (cell: Readonly<MatrixCell>) => string;
    /**
     * The lines a risk is written on, when the caller words them (the client document wraps risks'
     * titles at spaces, whole); `fitName` when not given.
     */
    nameLines?: (name: string) => readonly string[];
}

/** The CSS variables the drawing reads; each falls back to the export's palette. */
const matrixCssVariables = {
    text: '--pra-matrix-text',
    line: '--pra-matrix-line',
    headFill: '--pra-matrix-head-fill',
    font: '--pra-matrix-font',
    zoneFill: (zone: Zone) => `--pra-matrix-${zone}-fill`,
    zoneInk: (zone: Zone) => `--pra-matrix-${zone}-ink`,
    moved: '--pra-matrix-moved'
} as const;

const geometry = { labelWidth: 170, cellWidth: 130, headHeight: 58, line: 13, fontSize: 11 };
/** The characters of a risk name a cell line holds (bold 11 px in a 130 px cell, with margins). */
const nameWidth = 17;
const lineColour = '#9aa7b5';
const textColour = '#000000';
const fontFamily = 'Segoe UI, Calibri, Liberation Sans, Arial, sans-serif';

type Point = { x: number; y: number };
type Paint = Partial<Record<'fill' | 'stroke', readonly [variable: string, fallback: string]>>;

/**
 * Colour attributes for viewers without CSS, overridden where CSS applies by the variables (with the
 * same fallbacks): the page that sets them restyles the drawing.
 */
function paint(colours: Paint): Record<string, string> {
    const attributes: Record<string, string> = {};
    const style: string[] = [];
    for (const [property, [variable, fallback]] of Object.entries(colours) as Array<[keyof Paint, readonly [string, string]]>) {
        attributes[property] = fallback;
        style.push(`${property}: var(${variable}, ${fallback})`);
    }
    return { ...attributes, style: style.join('; ') };
}

/** Splits text into lines of at most `width` characters, on spaces. */
function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines;
}

/**
 * A risk name as the lines it takes in a cell: whole when it fits; else broken where its words meet
 * (after `-` or `_`, before a capital after a small letter) on at most two lines; else cut with "…"
 * (the drawing then carries the full name in a tooltip). Never broken inside a word.
 */
export function fitName(name: string, width = nameWidth): string[] {
    if (name.length <= width) return [name];
    const words = name.split(/(?<=[-_])|(?<=\p{Ll})(?=\p{Lu})/u);
    const result: string[] = [];
    let line = '';
    for (const word of words) {
        if (line && (line + word).length > width) { result.push(line); line = word; } else line += word;
    }
    if (line) result.push(line);
    const ellipsis = (text: string): string => text.length > width ? `${text.slice(0, width - 1)}…` : text;
    if (result.length > 2) return [ellipsis(result[0]), ellipsis(`${result[1]}${result.slice(2).join('')}`)];
    return result.map(ellipsis);
}

function lines(texts: readonly string[], x: number, y: number): SvgNode[] {
    return texts.map((text, i) => svgElement('tspan', { x, y: y + i * geometry.line }, text));
}

/** The names a cell shows in a view, and (residual view, showMoves) those that moved away from it. */
function namesOf(cell: Readonly<MatrixCell>, options: RiskMatrixSvgOptions): { here: readonly string[]; gone: readonly string[] } {
    const here = cell[options.view];
    const gone = options.view === 'residual' && options.showMoves ? cell.inherent.filter(name => !cell.residual.includes(name)) : [];
    return { here, gone };
}

export function riskMatrixSvg(layout: MatrixLayout, options: RiskMatrixSvgOptions): SvgElement {
    const { labelWidth, cellWidth, headHeight, line } = geometry;
    const v = matrixCssVariables;
    const interactive = options.interactive === true;
    const rowLabel = (row: ReadonlyArray<Readonly<MatrixCell>>): MatrixLevel => {
        const value = row[0]?.likelihood ?? 0;
        return layout.likelihood.find(level => level.value === value) ?? { value, label: '' };
    };
    const fit = (name: string): readonly string[] => options.nameLines?.(name) ?? fitName(name);
    const namesIn = (cell: Readonly<MatrixCell>): number => {
        const { here, gone } = namesOf(cell, options);
        return [...here, ...gone].reduce((n, name) => n + fit(name).length, 0);
    };
    const rowHeights = layout.rows.map(row => Math.max(56,
        22 + line * Math.max(0, ...row.map(namesIn)) + 6,
        14 + line * wrap(rowLabel(row).label, 24).length));
    const width = labelWidth + layout.impact.length * cellWidth + 1;
    const height = headHeight + rowHeights.reduce((a, b) => a + b, 0) + 1;
    const gridLine = [v.line, lineColour] as const;
    const headRect = (x: number, y: number, w: number, h: number): SvgElement =>
        svgElement('rect', {
            x, y, width: w, height: h, class: 'head', ...paint({ fill: [v.headFill, `#${headerFill}`], stroke: gridLine })
        });
    const children: SvgNode[] = [
        svgElement('title', {}, `${options.likelihoodAxis} × ${options.impactAxis}`),
        svgElement('text', { x: 6, y: 16, 'font-weight': 600 }, `${options.likelihoodAxis} ↓  ${options.impactAxis} →`)
    ];
    layout.impact.forEach((level, i) => {
        const x = labelWidth + i * cellWidth;
        children.push(headRect(x, 0, cellWidth, headHeight), svgElement('text', {
            'text-anchor': 'middle', 'font-weight': 600, 'data-impact-level': level.value,
            role: interactive ? 'columnheader' : undefined, 'aria-label': interactive ? `${level.value} · ${level.label}` : undefined
        }, ...lines([`${level.value}`, ...wrap(level.label, 20).slice(0, 3)], x + cellWidth / 2, 14)));
    });
    /** Where each risk's name is drawn in this view, for the arrows of moved risks. */
    const drawnAt = new Map<string, Point>();
    const ghosts: Array<Point & { name: string }> = [];
    let y = headHeight;
    layout.rows.forEach((row, r) => {
        const h = rowHeights[r];
        const level = rowLabel(row);
        children.push(headRect(0, y, labelWidth, h), svgElement('text', {
            'font-weight': 600, 'data-likelihood-level': level.value,
            role: interactive ? 'rowheader' : undefined, 'aria-label': interactive ? `${level.value} · ${level.label}` : undefined
        }, ...lines(wrap(`${level.value}  ${level.label}`, 24), 6, y + 16)));
        row.forEach((cell, c) => {
            const x = labelWidth + c * cellWidth;
            const ink = paint({ fill: [v.zoneInk(cell.zone), `#${zoneInk[cell.zone]}`] });
            const { here, gone } = namesOf(cell, options);
            let nameLine = 0;
            const names: SvgNode[] = here.map(name => {
                const at = { x: x + 6, y: y + 28 + nameLine * line };
                const fitted = fit(name);
                nameLine += fitted.length;
                drawnAt.set(name, at);
                const tooltip = options.riskTooltip?.(name) ?? name;
                // The full name as a tooltip whenever the cell shows it cut or broken.
                const title = interactive ? tooltip : fitted.join('') !== name || fitted.length > 1 ? name : undefined;
                return svgElement('text', {
                    ...at, 'font-weight': 600, class: 'risk', 'data-risk': name,
                    ...(interactive ? { 'data-name': name, tabindex: 0, role: 'button', 'aria-label': tooltip } : {})
                }, ...(title !== undefined ? [svgElement('title', {}, title)] : []),
                ...(fitted.length === 1 ? [fitted[0]] : lines(fitted, at.x, at.y)));
            });
            gone.forEach(name => {
                const at = { name, x: x + 6, y: y + 28 + nameLine * line };
                const fitted = fit(name);
                nameLine += fitted.length;
                ghosts.push(at);
                names.push(svgElement('text', {
                    x: at.x, y: at.y, class: 'ghost', 'data-ghost': name, 'font-style': 'italic', opacity: 0.6, 'aria-hidden': 'true'
                }, ...(fitted.length === 1 ? [fitted[0]] : lines(fitted, at.x, at.y))));
            });
            const zoneRect = svgElement('rect', {
                x, y, width: cellWidth, height: h, ...paint({ fill: [v.zoneFill(cell.zone), `#${zoneFill[cell.zone]}`], stroke: gridLine })
            });
            const score = svgElement('text', { x: x + cellWidth - 6, y: y + 14, 'text-anchor': 'end', 'font-size': 10, class: 'score' },
                String(cell.score));
            children.push(svgElement('g', {
                class: 'cell', 'data-cell': `${cell.likelihood}x${cell.impact}`, 'data-likelihood': cell.likelihood,
                'data-impact': cell.impact, 'data-zone': cell.zone, 'data-row': r, 'data-column': c, ...ink,
                ...(interactive && options.cellLabel ? { role: 'group', 'aria-label': options.cellLabel(cell) } : {})
            }, zoneRect, score, ...names));
        });
        y += h;
    });
    if (ghosts.length > 0) children.push(moves(ghosts, drawnAt));
    const trayed = layout.tray?.[options.view] ?? [];
    let totalHeight = height;
    if (layout.tray && trayed.length > 0) {
        const entries = trayed.map(risk => wrap(`• ${risk.name} — ${risk.reason}`, Math.floor(width / 6.5)));
        const top = height + 8;
        let entryY = top + 34;
        const items = trayed.map((risk, i) => {
            const at = entryY;
            entryY += entries[i].length * line + 2;
            return svgElement('text', {
                x: 12, y: at, class: 'tray-risk', 'data-tray-risk': risk.name,
                ...(interactive
                    ? { 'data-name': risk.name, tabindex: 0, role: 'button', 'aria-label': `${risk.name} — ${risk.reason}` } : {})
            }, ...lines(entries[i], 12, at));
        });
        const trayHeight = entryY - top;
        children.push(svgElement('g', { class: 'tray', 'data-tray': options.view },
            svgElement('rect', {
                x: 0, y: top, width: width - 1, height: trayHeight, class: 'tray-box', fill: 'none', ...paint({ stroke: gridLine }),
                'stroke-dasharray': '4 3'
            }),
            svgElement('text', { x: 6, y: top + 16, 'font-weight': 600 }, `${layout.tray.title} (${trayed.length})`),
            ...items));
        totalHeight = top + trayHeight + 1;
    }
    return svgElement('svg', {
        role: interactive ? 'group' : 'img', viewBox: `0 0 ${width} ${totalHeight}`, width, height: totalHeight,
        class: 'risk-matrix', 'data-view': options.view,
        'font-family': fontFamily, 'font-size': geometry.fontSize,
        style: `font-family: var(${v.font}, ${fontFamily}); fill: var(${v.text}, ${textColour})`
    }, ...children);
}

/** The arrows from where moved risks were to where they are after mitigation. */
function moves(ghosts: ReadonlyArray<Point & { name: string }>, drawnAt: ReadonlyMap<string, Point>): SvgElement {
    const moved = [matrixCssVariables.moved, '#555555'] as const;
    const arrows = ghosts.flatMap(ghost => {
        const to = drawnAt.get(ghost.name);
        if (!to) return [];
        // Text widths are unknown here: leave the ghost by its bottom (or top) edge and reach the name
        // above (or below) its first letters, so the line crosses neither name.
        const down = to.y > ghost.y, up = to.y < ghost.y;
        const from = { x: ghost.x + 16, y: down ? ghost.y + 3 : ghost.y - 11 };
        const end = { x: to.x + 12, y: up ? to.y + 4 : to.y - 12 };
        return [svgElement('line', {
            x1: from.x, y1: from.y, x2: end.x, y2: end.y, 'data-move': ghost.name, 'stroke-width': 1.5, opacity: 0.7,
            'marker-end': 'url(#pra-matrix-arrow)', ...paint({ stroke: moved })
        })];
    });
    return svgElement('g', { class: 'moves', 'aria-hidden': 'true' },
        svgElement('defs', {}, svgElement('marker', {
            id: 'pra-matrix-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto'
        }, svgElement('path', { d: 'M0,0 L10,5 L0,10 z', ...paint({ fill: moved }) }))),
        ...arrows);
}

/**
 * The matrix of the preview's view model: what the preview shows (made live with `interactive`) and
 * what "Save as SVG" writes. In the inherent view it is the HTML export's drawing, byte for byte.
 */
export function previewMatrixSvg(model: PreviewModel, view: MatrixView,
    live: Pick<RiskMatrixSvgOptions, 'interactive' | 'riskTooltip'> = {}): SvgElement {
    const { labels } = model;
    const zoneLabels = new Map(model.matrix.rows.flat().map(cell => [`${cell.likelihood}x${cell.impact}`, cell.zoneLabel]));
    return riskMatrixSvg(model.matrix, {
        view, likelihoodAxis: labels.likelihood, impactAxis: labels.impact, showMoves: true, ...live,
        cellLabel: cell => `${labels.likelihood} ${cell.likelihood}, ${labels.impact} ${cell.impact}: ${cell.score}`
            + ` (${zoneLabels.get(`${cell.likelihood}x${cell.impact}`) ?? cell.zone})`
    });
}
