import { accent, headerFill, zoneFill, zoneInk } from '../export/pra-export-theme.js';
import type { SegmentState, TimelineRowView, TimelineView } from '../simulation/timeline-view.js';
import { svgElement, type SvgElement, type SvgNode } from './svg-tree.js';
import { LabelBand } from './timeline-band.js';

// The Gantt chart of a simulated outage, as SVG, drawn from the server's view model (TimelineView):
// a row per activity (down, recovering, back, or unknown; its back time written on its bar; its RTO
// and MTPD marks labelled above it), then the restores, the alert chain (a row per person called) and
// the procedures (a row per step, with its duration and deadline) as lanes. The axis spans the
// recovery (simulation/timeline-axis.ts): a time past its end is written at the right edge with an
// arrow ("MTPD 7 d →"), never drawn as if it were there. Every element that stands for an element of
// the plan carries `data-kind` and `data-name`, so a live page can reveal it on a click. Colours are
// the export's palette as attributes; each drawn part also carries `data-state`, `data-mark`,
// `data-label` or `data-part`, so a page's stylesheet (the preview's, from the VS Code theme) can
// restyle it.

const geometry = { label: 230, chart: 760, row: 32, lane: 22, bar: 14, head: 34, gap: 12, fontSize: 11, small: 10, margin: 20 };
const fontFamily = 'Segoe UI, Calibri, Liberation Sans, Arial, sans-serif';
const lineColour = '#9aa7b5';
const unknownFill = '#D9D9D9';
const unknownInk = '#333333';

const segmentFill: Readonly<Record<SegmentState, string>> = {
    down: `#${zoneFill.unacceptable}`,
    recovering: `#${zoneFill.tolerable}`,
    back: `#${zoneFill.acceptable}`,
    unknown: unknownFill
};
/** Text written on a bar of that state. */
const segmentInk: Readonly<Record<SegmentState, string>> = {
    down: `#${zoneInk.unacceptable}`,
    recovering: `#${zoneInk.tolerable}`,
    back: `#${zoneInk.acceptable}`,
    unknown: unknownInk
};

type Attributes = Record<string, string | number | undefined>;

const markColour = { rto: `#${zoneInk.tolerable}`, mtpd: `#${zoneInk.unacceptable}` } as const;

export interface TimelineSvgOptions {
    /** For a live page: each row of an element focusable as a button, named for assistive technology. */
    interactive?: boolean;
    /**
     * The width of the time axis in pixels (760 by default, at least 240): a live page fits it to its
     * pane, so that the text keeps its size instead of the whole drawing being scaled down.
     */
    chartWidth?: number;
    /** The arrow written after a time past the axis: "→", or a glyph the document's font has. */
    arrow?: string;
}

/** The chart; its width is the label column plus the axis, its height follows the rows. */
export function timelineSvg(view: TimelineView, options: TimelineSvgOptions = {}): SvgElement {
    const { label, row, lane, bar, head, gap, fontSize, small, margin } = geometry;
    const chart = Math.max(240, Math.round(options.chartWidth ?? geometry.chart));
    const right = label + chart;
    const end = view.horizonMinutes;
    const x = (minutes: number): number => label + Math.min(1, Math.max(0, minutes / end)) * chart;
    const arrow = options.arrow ?? '→';
    const nodes: SvgNode[] = [];
    let y = head;
    /** Text whose middle is at `middle` (vertically). */
    const text = (at: number, middle: number, content: string, attributes: Attributes = {}): SvgElement => {
        const size = Number(attributes['font-size'] ?? fontSize);
        return svgElement('text', { x: at, y: middle + size / 2 - 1.5, 'font-size': size, ...attributes }, content);
    };
    /**
     * A label over grid lines or bars: drawn on a copy of itself outlined in the background colour (or in the
     * colour of the bar it lies on, `on`), so that lines under it do not cross its letters; a copy rather than
     * `paint-order`, so that every SVG renderer (pdfmake's, resvg) draws it right.
     */
    const haloed = (element: SvgElement, on?: SegmentState): SvgElement => {
        const kept = Object.fromEntries(Object.entries(element.attributes).filter(([key]) => !key.startsWith('data-') && key !== 'fill'));
        const halo = on ? segmentFill[on] : '#ffffff';
        return svgElement('g', {}, svgElement('text', {
            ...kept, fill: halo, stroke: halo, 'stroke-width': 3, 'stroke-linejoin': 'round',
            'aria-hidden': 'true', 'data-halo': '', 'data-on': on
        }, ...element.children), element);
    };
    const titled = (element: SvgElement, title: string): SvgElement =>
        ({ ...element, children: [...element.children, svgElement('title', {}, title)] });
    const heading = (content: string): void => {
        nodes.push(svgElement('rect', { x: 0, y, width: right, height: lane, fill: `#${headerFill}`, 'data-part': 'heading' }),
            text(4, y + lane / 2, content, { 'font-weight': 'bold' }));
        y += lane;
    };
    /** The name in the label column, cut to fit it (the whole name in its tooltip). */
    const name = (content: string, middle: number, indent = 0, title = content): SvgElement =>
        titled(text(4 + indent, middle, fit(content, label - 10 - indent, fontSize), { 'data-part': 'name' }), title);
    /** A bar from `from` to `to` (clipped to the axis) in a row whose bar starts at `top`. */
    const span = (from: number, to: number, top: number, attributes: Attributes): SvgElement =>
        svgElement('rect', { x: x(from), y: top, width: Math.max(0.5, x(to) - x(from)), height: bar, ...attributes });
    /**
     * A short label beside a point of a lane row where it fits, else on the end of the row's bar (from `barFrom`)
     * when the bar is long enough; an arrow at the right edge when the point is past the axis.
     */
    const beside = (band: LabelBand, content: string, minutes: number, middle: number,
        attributes: Attributes, barFrom?: number): SvgElement | undefined => {
        if (minutes > end) return edgeLabel(band, `${content} ${arrow}`, middle, attributes);
        const onBar = barFrom !== undefined && x(minutes) - x(barFrom) >= band.width(content) + 8;
        const place = band.place(content, x(minutes), 4) ?? (onBar ? { x: x(minutes) - 4, anchor: 'end' } : undefined);
        if (!place) return undefined;
        return haloed(text(place.x, middle, content, { 'font-size': small, 'text-anchor': place.anchor, ...attributes }));
    };
    const edgeLabel = (band: LabelBand, content: string, middle: number, attributes: Attributes): SvgElement => {
        const width = band.width(content);
        band.reserve(right + margin - 4 - width, right + margin);
        return haloed(text(right + margin - 4, middle, content,
            { 'font-size': small, 'text-anchor': 'end', 'data-beyond': '', ...attributes }));
    };
    /** The group of an element of the plan: `data-kind` and `data-name` to reveal it; a button on a live page. */
    const planRow = (kind: string, planName: string, ariaLabel: string, ...children: Array<SvgNode | undefined>): SvgElement =>
        svgElement('g', {
            'data-kind': kind, 'data-name': planName,
            ...(options.interactive ? { tabindex: 0, role: 'button', 'aria-label': ariaLabel, class: 'timeline-row' } : {})
        }, ...children.filter((c): c is SvgNode => c !== undefined));
    const newBand = (): LabelBand => new LabelBand(label + 2, right + margin, small);

    heading(view.labels.activities);
    for (const line of view.rows) {
        const barTop = y + row - bar - 3;
        const middle = barTop + bar / 2;
        const top = y + (barTop - y) / 2;
        const group: Array<SvgNode | undefined> = [name(line.activity, middle, 0, line.tooltip)];
        for (const segment of line.segments) {
            group.push(titled(span(segment.from, segment.to, barTop, { fill: segmentFill[segment.state], 'data-state': segment.state }),
                view.labels[segment.state]));
        }
        // Drawn in this order so that every label lies over the lines: the limits on the axis, the impacts reached,
        // the back time on the bar, then the limits' short labels.
        const onAxis = line.marks.filter(m => m.minutes <= end);
        for (const mark of onAxis) {
            group.push(titled(svgElement('line', {
                x1: x(mark.minutes), x2: x(mark.minutes), y1: y + 2, y2: y + row - 1, stroke: markColour[mark.kind], 'stroke-width': 2,
                'stroke-dasharray': mark.kind === 'rto' ? '4 2' : undefined, 'data-mark': mark.kind
            }), mark.label));
        }
        for (const impact of line.impacts) {
            if (impact.reached === 'no' || impact.minutes > end) continue;
            const dot = svgElement('circle', { cx: x(impact.minutes), cy: middle, r: 3, fill: '#000000', 'data-impact': '' });
            group.push(titled(dot, impact.label));
        }
        const onBar = new LabelBand(label + 2, right - 2, small);
        const back = backLabel(line, x, middle, onBar, text);
        if (back) group.push(haloed(back.label, back.on));
        // The limits past the axis: one arrow at the right edge, above the bar ("RTO 24 h · MTPD 7 d →"); those on
        // it: a short label above the bar where it fits, else on the bar, else only in the mark's tooltip.
        const band = newBand();
        const beyond = line.marks.filter(m => m.minutes > end);
        if (beyond.length > 0) {
            const content = `${beyond.map(m => m.short).join(' · ')} ${arrow}`;
            group.push(titled(edgeLabel(band, content, top, {
                fill: markColour[beyond.some(m => m.kind === 'mtpd') ? 'mtpd' : 'rto'], 'data-label': beyond.map(m => m.kind).join(' ')
            }), beyond.map(m => m.label).join('; ')));
        }
        for (const mark of onAxis) {
            const above = band.place(mark.short, x(mark.minutes));
            const place = above ?? onBar.place(mark.short, x(mark.minutes));
            if (!place) continue;
            // On the bar too, outlined in the background colour: the limit's colour on a bar's would not read.
            group.push(titled(haloed(text(place.x, above ? top : middle, mark.short, {
                'font-size': small, 'text-anchor': place.anchor, fill: markColour[mark.kind], 'data-label': mark.kind
            })), mark.label));
        }
        nodes.push(planRow('activity', line.activity, `${line.label}: ${line.back.label}; ${line.tooltip}`, ...group));
        y += row;
    }
    y += gap;

    heading(view.labels.assets);
    for (const restore of view.restores) {
        const barTop = y + (lane - bar) / 2;
        const band = newBand();
        const group: Array<SvgNode | undefined> = [name(restore.asset, y + lane / 2)];
        if (restore.from !== undefined && restore.to !== undefined) {
            group.push(span(restore.from, restore.to, barTop, { fill: `#${accent}`, 'data-part': 'restore' }));
            band.reserve(x(restore.from), x(restore.to));
            group.push(beside(band, restore.short, restore.to, y + lane / 2, { 'data-part': 'restore-label' }, restore.from));
        } else {
            group.push(svgElement('rect', {
                x: label, y: barTop, width: chart, height: bar, fill: unknownFill, 'data-part': 'restore-unknown'
            }),
                text(label + 4, y + lane / 2, restore.short, { 'font-size': small, fill: unknownInk, 'data-part': 'unknown-label' }));
        }
        nodes.push(titled(planRow('asset', restore.asset, restore.label, ...group), restore.label));
        y += lane;
    }
    y += gap;

    if (view.alerts.length > 0) {
        heading(view.labels.alerts);
        const links: SvgNode[] = [];
        for (const alert of view.alerts) {
            const middle = y + lane / 2;
            const band = newBand();
            band.reserve(x(alert.from), x(Math.min(alert.minutes, end)));
            const marker = alert.minutes <= end ? svgElement('polygon', {
                points: diamond(x(alert.minutes), middle, 5), fill: `#${accent}`, 'data-part': 'alert'
            }) : undefined;
            links.push(titled(svgElement('g', { 'data-alert': alert.to },
                ...[name(alert.to, middle),
                    svgElement('line', {
                        x1: x(alert.from), x2: x(Math.min(alert.minutes, end)), y1: middle, y2: middle,
                        stroke: `#${accent}`, 'stroke-width': 2, 'data-part': 'alert-call'
                    }),
                    marker, beside(band, alert.short, alert.minutes, middle, { 'data-part': 'alert-label' })
                ].filter((n): n is SvgElement => n !== undefined)), alert.label));
            y += lane;
        }
        nodes.push(svgElement('g', { 'data-lane': 'alerts' }, ...links));
        y += gap;
    }

    if (view.procedures.length > 0) {
        heading(view.labels.procedures);
        for (const procedure of view.procedures) {
            const group: Array<SvgNode | undefined> = [name(procedure.label, y + lane / 2)];
            const band = newBand();
            if (procedure.span) {
                const { from, to, short } = procedure.span;
                group.push(span(from, to, y + (lane - bar) / 2, { fill: `#${accent}`, 'fill-opacity': 0.25, 'data-part': 'procedure' }));
                band.reserve(x(from), x(Math.min(to, end)));
                group.push(beside(band, short, to, y + lane / 2, { 'data-part': 'procedure-label' }, from));
            } else if (procedure.pending) {
                group.push(text(label + 4, y + lane / 2, procedure.pending, { 'font-size': small, 'data-part': 'procedure-label' }));
            }
            y += lane;
            for (const step of procedure.steps) {
                const middle = y + lane / 2;
                const stepBand = newBand();
                const parts: Array<SvgNode | undefined> = [name(step.label, middle, 12)];
                if (step.from !== undefined && step.to !== undefined) {
                    parts.push(span(step.from, step.to, y + (lane - bar) / 2, {
                        fill: `#${accent}`, 'fill-opacity': step.parallel !== undefined ? 0.35 : 0.6, 'data-part': 'step'
                    }));
                    stepBand.reserve(x(step.from), x(Math.min(step.to, end)));
                    const said = step.to > end ? step.end : step.short;
                    if (said) parts.push(beside(stepBand, said, step.to, middle, { 'data-part': 'step-label' }, step.from));
                }
                if (step.due) {
                    const due = step.due;
                    if (due.minutes <= end) {
                        parts.push(svgElement('polygon', {
                            points: triangle(x(due.minutes), middle, 6), fill: markColour.mtpd, 'data-part': 'deadline'
                        }));
                    }
                    parts.push(beside(stepBand, due.short, due.minutes, middle, { fill: markColour.mtpd, 'data-part': 'deadline-label' }));
                }
                group.push(titled(svgElement('g', { 'data-step': '' }, ...parts.filter((n): n is SvgNode => n !== undefined)), step.title));
                y += lane;
            }
            nodes.push(planRow('procedure', procedure.name, procedure.label, ...group));
        }
    }

    const height = y + gap;
    const axis: SvgNode[] = [];
    // Every tick has its line; on a narrow axis only every `every`-th has its label, so that none overlap.
    const spacing = chart / Math.max(1, view.ticks.length - 1);
    const widest = Math.max(...view.ticks.map(t => t.label.length)) * fontSize * 0.56 + 10;
    const every = Math.max(1, Math.ceil(widest / spacing));
    view.ticks.forEach((tick, index) => {
        const at = x(tick.minutes);
        axis.push(svgElement('line', {
            x1: at, x2: at, y1: head - 6, y2: height, stroke: lineColour, 'stroke-width': 0.5, 'data-part': 'grid'
        }));
        if (index % every !== 0) return;
        const tickLabel = svgElement('text',
            { x: at, y: head - 10, 'font-size': fontSize, 'text-anchor': 'middle', 'data-part': 'tick' }, tick.label);
        axis.push(titled(tickLabel, tick.clock));
    });
    return svgElement('svg', {
        width: right + margin, height, viewBox: `0 0 ${right + margin} ${height}`, 'font-family': fontFamily,
        role: options.interactive ? 'group' : 'img', 'aria-label': view.title
    }, svgElement('title', {}, view.title), ...axis, ...nodes);
}

/**
 * The back time written on the activity's bar ("back T+15 min"), just after the moment it is back,
 * else just before it; an unknown return time is written at the start of its grey bar. With the
 * state of the bar it lies on, for its halo.
 */
function backLabel(line: TimelineRowView, x: (minutes: number) => number, middle: number, band: LabelBand,
    text: (at: number, middle: number, content: string, attributes: Attributes) => SvgElement
): { label: SvgElement; on: SegmentState } | undefined {
    const minutes = line.back.minutes;
    const unknown = line.segments.find(s => s.state === 'unknown');
    const at = minutes ?? unknown?.from;
    if (at === undefined) return undefined;
    const place = band.place(line.back.label, x(at), 4);
    if (!place) return undefined;
    const on = minutes === undefined ? 'unknown'
        : line.segments.find(s => place.anchor === 'start' ? s.from === minutes : s.to === minutes)?.state ?? 'back';
    return {
        on, label: text(place.x, middle, line.back.label, {
            'font-size': geometry.small, 'text-anchor': place.anchor, fill: segmentInk[on], 'data-part': 'back-label', 'data-on': on
        })
    };
}

/** `content` cut with an ellipsis to about `width` pixels at `size`. */
function fit(content: string, width: number, size: number): string {
    const room = Math.floor(width / (size * 0.56));
    return content.length <= room ? content : `${content.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}

function diamond(cx: number, cy: number, r: number): string {
    return `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`;
}

function triangle(cx: number, cy: number, r: number): string {
    return `${cx},${cy + r} ${cx - r},${cy - r} ${cx + r},${cy - r}`;
}
