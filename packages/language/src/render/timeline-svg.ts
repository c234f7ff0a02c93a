import { accent, headerFill, zoneFill, zoneInk } from '../export/pra-export-theme.js';
import type { SegmentState, TimelineView } from '../simulation/timeline-view.js';
import { svgElement, type SvgElement, type SvgNode } from './svg-tree.js';

// The Gantt chart of a simulated outage, as SVG, drawn from the server's view model (TimelineView):
// a row per activity (down, recovering, back, or unknown) with its RTO and MTPD marks, then the
// restores, the alert chain and the procedures as lanes. Every element that stands for an element of
// the plan carries `data-kind` and `data-name`, so a live page can reveal it on a click. Colours are
// the export's palette as attributes; each drawn part also carries `data-state`, `data-mark` or
// `data-part`, so a page's stylesheet (the preview's, from the VS Code theme) can restyle it.

const geometry = { label: 230, chart: 760, row: 22, bar: 14, head: 34, gap: 12, fontSize: 11 };
const fontFamily = 'Segoe UI, Calibri, Liberation Sans, Arial, sans-serif';
const lineColour = '#9aa7b5';
const unknownFill = '#D9D9D9';

const segmentFill: Readonly<Record<SegmentState, string>> = {
    down: `#${zoneFill.unacceptable}`,
    recovering: `#${zoneFill.tolerable}`,
    back: `#${zoneFill.acceptable}`,
    unknown: unknownFill
};

const markColour = { rto: `#${zoneInk.tolerable}`, mtpd: `#${zoneInk.unacceptable}` } as const;

export interface TimelineSvgOptions {
    /** For a live page: each row of an element focusable as a button, named for assistive technology. */
    interactive?: boolean;
    /**
     * The width of the time axis in pixels (760 by default, at least 240): a live page fits it to its
     * pane, so that the text keeps its size instead of the whole drawing being scaled down.
     */
    chartWidth?: number;
}

/** The least room between two labelled ticks of the axis (a label is up to about 7 characters). */
const tickLabelRoom = 56;

/** The chart; its width is the label column plus the axis, its height follows the rows. */
export function timelineSvg(view: TimelineView, options: TimelineSvgOptions = {}): SvgElement {
    const { label, row, bar, head, gap, fontSize } = geometry;
    const chart = Math.max(240, Math.round(options.chartWidth ?? geometry.chart));
    const x = (minutes: number): number => label + Math.min(1, Math.max(0, minutes / view.horizonMinutes)) * chart;
    const nodes: SvgNode[] = [];
    let y = head;
    const text = (at: number, top: number, content: string, attributes: Record<string, string | number> = {}): SvgElement =>
        svgElement('text', { x: at, y: top + row / 2 + fontSize / 2 - 2, 'font-size': fontSize, ...attributes }, content);
    const heading = (content: string): void => {
        nodes.push(svgElement('rect', { x: 0, y, width: label + chart, height: row, fill: `#${headerFill}`, 'data-part': 'heading' }),
            text(4, y, content, { 'font-weight': 'bold' }));
        y += row;
    };
    const barTop = (top: number): number => top + (row - bar) / 2;
    const titled = (element: SvgElement, title: string): SvgElement =>
        ({ ...element, children: [...element.children, svgElement('title', {}, title)] });
    /** The group of an element of the plan: `data-kind` and `data-name` to reveal it; a button on a live page. */
    const planRow = (kind: string, name: string, ariaLabel: string, ...children: SvgNode[]): SvgElement => svgElement('g', {
        'data-kind': kind, 'data-name': name,
        ...(options.interactive ? { tabindex: 0, role: 'button', 'aria-label': ariaLabel, class: 'timeline-row' } : {})
    }, ...children);

    heading(view.labels.activities);
    for (const line of view.rows) {
        const group: SvgNode[] = [titled(text(4, y, line.activity), line.tooltip)];
        for (const segment of line.segments) {
            group.push(titled(svgElement('rect', {
                x: x(segment.from), y: barTop(y), width: Math.max(0.5, x(segment.to) - x(segment.from)), height: bar,
                fill: segmentFill[segment.state], 'data-state': segment.state
            }), view.labels[segment.state]));
        }
        for (const mark of line.marks) {
            group.push(titled(svgElement('line', {
                x1: x(mark.minutes), x2: x(mark.minutes), y1: y + 1, y2: y + row - 1, stroke: markColour[mark.kind], 'stroke-width': 2,
                'stroke-dasharray': mark.kind === 'rto' ? '4 2' : undefined, 'data-mark': mark.kind
            }), mark.label));
        }
        for (const impact of line.impacts) {
            if (impact.reached === 'no') continue;
            const dot = svgElement('circle', { cx: x(impact.minutes), cy: y + row / 2, r: 3, fill: '#000000', 'data-impact': '' });
            group.push(titled(dot, impact.label));
        }
        nodes.push(planRow('activity', line.activity, `${line.label}: ${line.tooltip}`, ...group));
        y += row;
    }
    y += gap;

    heading(view.labels.assets);
    for (const restore of view.restores) {
        const group: SvgNode[] = [text(4, y, restore.asset)];
        if (restore.from !== undefined && restore.to !== undefined) {
            group.push(svgElement('rect', {
                x: x(restore.from), y: barTop(y), width: Math.max(0.5, x(restore.to) - x(restore.from)), height: bar, fill: `#${accent}`,
                'data-part': 'restore'
            }));
        } else {
            group.push(svgElement('rect', {
                x: label, y: barTop(y), width: chart, height: bar, fill: unknownFill, 'data-part': 'restore-unknown'
            }));
        }
        nodes.push(titled(planRow('asset', restore.asset, restore.label, ...group), restore.label));
        y += row;
    }
    y += gap;

    if (view.alerts.length > 0) {
        heading(view.labels.alerts);
        const marks = view.alerts.map(alert => titled(svgElement('polygon', {
            points: diamond(x(alert.minutes), y + row / 2, 5), fill: `#${accent}`, 'data-part': 'alert'
        }), alert.label));
        nodes.push(svgElement('g', { 'data-lane': 'alerts' }, ...marks));
        y += row + gap;
    }

    if (view.procedures.length > 0) {
        heading(view.labels.procedures);
        for (const procedure of view.procedures) {
            const group: SvgNode[] = [text(4, y, procedure.label)];
            for (const step of procedure.steps) {
                group.push(titled(svgElement('rect', {
                    x: x(step.from), y: barTop(y), width: Math.max(0.5, x(step.to) - x(step.from)), height: bar,
                    fill: `#${accent}`, 'fill-opacity': step.parallel !== undefined ? 0.55 : 0.85, 'data-part': 'step'
                }), step.label));
            }
            for (const deadline of procedure.deadlines) {
                group.push(titled(svgElement('polygon', {
                    points: triangle(x(deadline.minutes), y + row / 2, 6), fill: markColour.mtpd, 'data-part': 'deadline'
                }), deadline.label));
            }
            nodes.push(planRow('procedure', procedure.name, procedure.label, ...group));
            y += row;
        }
    }

    const height = y + gap;
    const axis: SvgNode[] = [];
    // Every tick has its line; on a narrow axis only every `every`-th has its label, so that none overlap.
    const spacing = chart / Math.max(1, view.ticks.length - 1);
    const every = Math.max(1, Math.ceil(tickLabelRoom / spacing));
    view.ticks.forEach((tick, index) => {
        const at = x(tick.minutes);
        axis.push(svgElement('line', {
            x1: at, x2: at, y1: head - 6, y2: height, stroke: lineColour, 'stroke-width': 0.5, 'data-part': 'grid'
        }));
        if (index % every !== 0) return;
        const tickLabel = svgElement('text', { x: at, y: head - 10, 'font-size': fontSize, 'text-anchor': 'middle' }, tick.label);
        axis.push(titled(tickLabel, tick.clock));
    });
    return svgElement('svg', {
        width: label + chart + 20, height, viewBox: `0 0 ${label + chart + 20} ${height}`, 'font-family': fontFamily,
        role: options.interactive ? 'group' : 'img', 'aria-label': view.title
    }, svgElement('title', {}, view.title), ...axis, ...nodes);
}

function diamond(cx: number, cy: number, r: number): string {
    return `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`;
}

function triangle(cx: number, cy: number, r: number): string {
    return `${cx},${cy + r} ${cx - r},${cy - r} ${cx + r},${cy - r}`;
}
