import ElkModule from 'elkjs/lib/elk.bundled.js';
import { svgMarkup } from '../render/svg-tree.js';
import { timelineSvg } from '../render/timeline-svg.js';
import type { DiagramBlock, PlanDocument, Block, TimelineBlock } from './pra-document-types.js';
import { svgToPng } from './svg-png.js';
import { largest } from './table-widths.js';
import { accent, headerFill, zoneInk } from './pra-export-theme.js';

/** A diagram laid out and drawn: the SVG and its size in SVG units (1 unit = 1 pt at 100 %). */
export interface DiagramDrawing { svg: string; width: number; height: number; png?: Uint8Array }

/** What the renderers need beyond the document model: the drawings, laid out once (the layout is asynchronous). */
export interface RenderExtras { diagrams: Record<string, DiagramDrawing> }

const fontSize = 9;
const lineHeight = 11;
const charWidth = 5.1; // average advance of a 9 pt sans-serif letter
const maxLine = 24;

function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!);
}

/** Splits a label into lines of at most `maxLine` characters, on spaces (a long word stays whole). */
export function wrapLabel(text: string, width = maxLine): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && (line + ' ' + word).length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.length > 0 ? lines : [''];
}

interface LaidNode { id: string; x?: number; y?: number; width?: number; height?: number }
interface Point { x: number; y: number }
interface LaidEdge { id: string; sections?: Array<{ startPoint: Point; endPoint: Point; bendPoints?: Point[] }> }

/**
 * Lays the dependency graph out with ELK's layered algorithm (the Eclipse Layout Kernel, as in the
 * Langium/Sprotty tools): activities on the left, what they need to the right, edges routed
 * orthogonally; then draws it as SVG with the document's colours.
 */
export async function drawDiagram(block: DiagramBlock): Promise<DiagramDrawing> {
    // The CommonJS module's default export, whichever way the bundler or Node presents it.
    type Laid = { width?: number; height?: number; children?: unknown[]; edges?: unknown[] };
    const Elk = ((ElkModule as unknown as { default?: unknown }).default
        ?? ElkModule) as unknown as new () => { layout(graph: object): Promise<Laid> };
    const elk = new Elk();
    const labels = new Map(block.nodes.map(n => [n.id, wrapLabel(n.label)]));
    const graph = await elk.layout({
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.edgeRouting': 'ORTHOGONAL',
            'elk.layered.spacing.nodeNodeBetweenLayers': '40', 'elk.spacing.nodeNode': '12',
            'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF', 'elk.separateConnectedComponents': 'false'
        },
        children: block.nodes.map(n => {
            const lines = labels.get(n.id)!;
            return { id: n.id, width: largest(lines.map(l => l.length)) * charWidth + 16, height: lines.length * lineHeight + 10 };
        }),
        edges: block.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] }))
    });
    const width = Math.ceil((graph.width ?? 0) + 2);
    const height = Math.ceil((graph.height ?? 0) + 2);
    const out: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Roboto, Segoe UI, Calibri, Liberation Sans, Arial, sans-serif" font-size="${fontSize}">`,
        `<title>${escapeXml(block.title)}</title>`,
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#6b7b8c"/></marker></defs>'
    ];
    for (const edge of (graph.edges ?? []) as LaidEdge[]) {
        for (const s of edge.sections ?? []) {
            const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
            out.push(`<polyline points="${points}" fill="none" stroke="#6b7b8c" stroke-width="0.8" marker-end="url(#arrow)"/>`);
        }
    }
    const kinds = new Map(block.nodes.map(n => [n.id, n]));
    for (const laid of (graph.children ?? []) as LaidNode[]) {
        const node = kinds.get(laid.id)!;
        const x = laid.x ?? 0, y = laid.y ?? 0, w = laid.width ?? 0, h = laid.height ?? 0;
        const activity = node.kind === 'activity';
        const stroke = node.zone ? `#${zoneInk[node.zone]}` : activity ? `#${accent}` : '#9aa7b5';
        out.push(`<g class="node" data-kind="${node.kind}">`,
            `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="${activity ? 6 : 2}"`
            + ` fill="${activity ? `#${headerFill}` : '#ffffff'}" stroke="${stroke}" stroke-width="${node.zone ? 1.6 : 0.8}"/>`);
        labels.get(laid.id)!.forEach((line, i) => out.push(
            `<text x="${(x + w / 2).toFixed(1)}" y="${(y + 5 + lineHeight * (i + 1) - 2).toFixed(1)}" text-anchor="middle"`
            + `${activity ? ' font-weight="bold"' : ''} fill="#1b1b1b">${escapeXml(line)}</text>`));
        out.push('</g>');
    }
    out.push('</svg>');
    return { svg: out.join(''), width, height };
}

function diagramsOf(blocks: readonly Block[], into: Array<DiagramBlock | TimelineBlock>): Array<DiagramBlock | TimelineBlock> {
    for (const block of blocks) {
        if (block.type === 'diagram' || block.type === 'timeline') into.push(block);
        else if (block.type === 'subsection') diagramsOf(block.blocks, into);
    }
    return into;
}

/** Lays out every diagram of the document. */
export async function renderExtras(document: PlanDocument, withPng = false): Promise<RenderExtras> {
    const diagrams: RenderExtras['diagrams'] = {};
    for (const block of diagramsOf(document.sections.flatMap(s => s.blocks), [])) {
        if (block.type === 'diagram' && block.nodes.length === 0) continue;
        const drawing = block.type === 'diagram' ? await drawDiagram(block) : drawTimeline(block);
        if (withPng) drawing.png = await diagramPng(drawing);
        diagrams[block.id] = drawing;
    }
    return { diagrams };
}

/**
 * The timeline chart of a scenario at a page's width: a narrower axis than the preview's (420 units beside the
 * 230 of the names), so that its text stays about 8 pt once the page scales it down.
 */
function drawTimeline(block: TimelineBlock): DiagramDrawing {
    // The documents' font (Roboto, also Word's PNG) has no "→": "›" as in the PDF's messages (render-pdf.ts).
    const svg = timelineSvg(block.view, { chartWidth: timelineChartWidth, arrow: '›' });
    return { svg: svgMarkup(svg).replace(/→/g, '›'), width: Number(svg.attributes.width), height: Number(svg.attributes.height) };
}
export const timelineChartWidth = 420;

/**
 * The PNG Word shows in place of the SVG (`svgToPng`: resvg, native or WebAssembly); undefined when
 * neither renderer loads: Word then lists the dependencies under the diagram's legend only.
 */
export async function diagramPng(drawing: DiagramDrawing): Promise<Uint8Array | undefined> {
    const cached = pngCache.get(drawing.svg);
    if (cached) {
        // Most recently used last: the first key is the one to drop.
        pngCache.delete(drawing.svg);
        pngCache.set(drawing.svg, cached);
        return cached;
    }
    const png = await svgToPng(drawing.svg).catch(() => undefined);
    if (png) {
        pngCache.set(drawing.svg, png);
        if (pngCache.size > pngCacheSize) pngCache.delete(pngCache.keys().next().value!);
    }
    return png;
}

/**
 * The PNGs drawn lately, by their SVG: laying out the text of a chart costs resvg most of a Word export
 * (some 60 ms a chart), and an export again after a small edit, in the editor or in a loop, draws mostly
 * the same charts. The same SVG always gives the same picture, so a hit is exact.
 */
const pngCache = new Map<string, Uint8Array>();
const pngCacheSize = 48;
