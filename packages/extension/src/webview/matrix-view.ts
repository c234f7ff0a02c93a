import type { PreviewMode, PreviewModel, PreviewRisk } from 'pra-language/protocol';
import { previewMatrixSvg } from 'pra-language/render';
import { fill, h, svgNodes } from './dom.js';
import { reveal } from './reveal.js';

/** A risk's tooltip: its name and title, its score and zone in this view, and where it came from. */
function tooltip(model: PreviewModel, mode: PreviewMode, risk: PreviewRisk | undefined, name: string): string {
    const { labels } = model;
    const position = mode === 'residual' ? risk?.residual : risk?.inherent;
    const from = mode === 'residual' && risk?.moved && risk.inherent
        ? fill(labels.movedFrom, { from: `${risk.inherent.likelihood}×${risk.inherent.impact}` }) : undefined;
    const score = position ? `${labels.score} ${position.score} (${position.zoneLabel})` : '';
    return [risk?.title ? `${name} — ${risk.title}` : name, score, from ?? ''].filter(Boolean).join('\n');
}

/** The matrix as pra-language/render draws it, made live: a click or Enter on a risk reveals it in the editor. */
export function matrixView(model: PreviewModel, mode: PreviewMode): HTMLElement {
    const risks = new Map(model.risks.map(risk => [risk.name, risk]));
    const drawing = previewMatrixSvg(model, mode, { interactive: true, riskTooltip: name => tooltip(model, mode, risks.get(name), name) });
    const svg = svgNodes(drawing) as SVGSVGElement;
    // As wide as the pane allows, never wider than drawn.
    svg.style.maxWidth = `${drawing.attributes.width}px`;
    svg.setAttribute('aria-label', model.labels.matrix);
    const open = (target: EventTarget | null): boolean => {
        const chip = target instanceof Element ? target.closest('[data-risk], [data-tray-risk]') : null;
        const risk = chip ? risks.get(chip.getAttribute('data-risk') ?? chip.getAttribute('data-tray-risk') ?? '') : undefined;
        if (risk) reveal(risk.source.uri, risk.source.range.start);
        return risk !== undefined;
    };
    svg.addEventListener('click', event => open(event.target));
    svg.addEventListener('keydown', event => {
        if ((event.key === 'Enter' || event.key === ' ') && open(event.target)) event.preventDefault();
        else moveFocus(event);
    });
    return h('div', { class: 'matrix-view' }, svg);
}

/** Arrow keys move between risks: up/down inside a cell then to the next row, left/right across cells. */
function moveFocus(event: KeyboardEvent): void {
    const chip = event.target instanceof Element ? event.target.closest('[data-risk]') : null;
    const cell = chip?.closest('[data-cell]');
    if (!chip || !cell || !(event.currentTarget instanceof Element)) return;
    const cells = [...event.currentTarget.querySelectorAll('[data-cell]')];
    const chipsOf = (c: Element): Element[] => [...c.querySelectorAll('[data-risk]')];
    const row = Number(cell.getAttribute('data-row')), column = Number(cell.getAttribute('data-column'));
    const at = (r: number, c: number): Element | undefined =>
        cells.find(x => Number(x.getAttribute('data-row')) === r && Number(x.getAttribute('data-column')) === c);
    const inCell = chipsOf(cell), index = inCell.indexOf(chip);
    const scan = (dr: number, dc: number): Element | undefined => {
        for (let r = row + dr, c = column + dc, next = at(r, c); next; r += dr, c += dc, next = at(r, c)) {
            const chips = chipsOf(next);
            if (chips.length) return dr < 0 ? chips[chips.length - 1] : chips[0];
        }
        return undefined;
    };
    let target: Element | undefined;
    switch (event.key) {
        case 'ArrowDown': target = inCell[index + 1] ?? scan(1, 0); break;
        case 'ArrowUp': target = inCell[index - 1] ?? scan(-1, 0); break;
        case 'ArrowRight': target = scan(0, 1); break;
        case 'ArrowLeft': target = scan(0, -1); break;
        default: return;
    }
    event.preventDefault();
    if (target instanceof SVGElement || target instanceof HTMLElement) target.focus();
}

/** How many risks each zone holds as drawn in this view, and how many wait in the tray below the grid. */
export function legendView(model: PreviewModel, mode: PreviewMode): HTMLElement {
    const trayed = model.matrix.tray[mode].length;
    return h('div', { class: 'legend', role: 'list' }, [
        ...model.matrix.zones.map(zone =>
            h('span', { role: 'listitem', class: 'zone-count', 'data-zone': zone.zone },
                h('span', { class: `swatch zone-${zone.zone}` }), `${zone.label}: ${zone[mode]}`)),
        ...(trayed > 0
            ? [h('span', { role: 'listitem', class: 'zone-count', 'data-zone': 'tray' }, `${model.matrix.tray.title}: ${trayed}`)] : [])
    ]);
}
