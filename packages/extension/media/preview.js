// The PRA preview page. It lays out the view model the language server computed (pra/previewModel)
// and never computes a figure. Every plan string goes through textContent or an attribute value:
// nothing from the plan is ever parsed as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');
  const saved = vscode.getState() || {};
  let model = saved.model;
  let documentUri = saved.documentUri;
  let mode = saved.mode === 'residual' ? 'residual' : 'inherent';
  let stale = !!saved.stale;
  let highlighted = null;

  const post = message => vscode.postMessage(message);
  const keep = () => vscode.setState({ model, documentUri, mode, stale });

  /** Builds an element: attributes by name (never event handlers), children as nodes or text. */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false || /^on/i.test(name)) continue;
      element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }
  const fill = (template, params) => template.replace(/\{(\w+)\}/g, (whole, key) => key in params ? String(params[key]) : whole);

  function reveal(uri, position) {
    if (typeof uri === 'string' && position) post({ type: 'reveal', uri, line: position.line, character: position.character });
  }

  // ---- matrix ---------------------------------------------------------------------------------
  function riskChip(risk, name) {
    const label = risk && risk.title ? name + ' — ' + risk.title : name;
    const position = risk && (mode === 'residual' ? risk.residual : risk.inherent);
    const from = mode === 'residual' && risk && risk.moved && risk.inherent
      ? fill(model.labels.movedFrom, { from: risk.inherent.likelihood + '×' + risk.inherent.impact }) : undefined;
    const chip = h('button', {
      type: 'button', class: 'risk', 'data-risk': name, 'data-name': name, 'data-kind': 'risk',
      title: [label, position ? model.labels.score + ' ' + position.score + ' (' + position.zoneLabel + ')' : '', from || ''].filter(Boolean).join('\n')
    }, h('span', { class: 'name' }, name), risk && risk.title ? h('span', { class: 'title' }, risk.title) : null,
      from ? h('span', { class: 'from' }, ' ↖') : null);
    chip.addEventListener('click', () => { if (risk) reveal(risk.source.uri, risk.source.range.start); });
    return chip;
  }

  function renderMatrix(risksByName) {
    const { matrix, labels } = model;
    const grid = h('div', { class: 'matrix', role: 'grid', 'aria-label': labels.matrix });
    grid.style.gridTemplateColumns = 'minmax(5em, auto) repeat(' + matrix.impact.length + ', minmax(0, 1fr))';
    matrix.rows.forEach((row, rowIndex) => {
      const level = matrix.likelihood.find(l => l.value === row[0].likelihood);
      grid.append(h('div', { class: 'axis-label', role: 'rowheader' }, row[0].likelihood + ' · ' + (level ? level.label : '')));
      row.forEach((cell, columnIndex) => {
        const key = cell.likelihood + 'x' + cell.impact;
        const element = h('div', {
          class: 'cell zone-' + cell.zone, role: 'gridcell', 'data-cell': key, 'data-zone': cell.zone,
          'data-row': rowIndex, 'data-column': columnIndex,
          'aria-label': labels.likelihood + ' ' + cell.likelihood + ', ' + labels.impact + ' ' + cell.impact + ': ' + cell.score + ' (' + cell.zoneLabel + ')'
        }, h('span', { class: 'score', 'aria-hidden': 'true' }, String(cell.score)));
        for (const name of cell[mode]) element.append(riskChip(risksByName.get(name), name));
        if (mode === 'residual') {
          for (const name of cell.inherent) {
            const risk = risksByName.get(name);
            if (risk && risk.moved) element.append(h('span', { class: 'ghost', 'data-ghost': name, 'aria-hidden': 'true' }, name));
          }
        }
        grid.append(element);
      });
    });
    grid.append(h('div', { class: 'axis-label axis-title' }, labels.likelihood + ' ↑ / ' + labels.impact + ' →'));
    for (const level of matrix.impact) grid.append(h('div', { class: 'axis-label', role: 'columnheader' }, level.value + ' · ' + level.label));
    grid.addEventListener('keydown', moveFocus);
    return grid;
  }

  function drawArrows(grid) {
    const old = grid.querySelector('svg.arrows');
    if (old) old.remove();
    if (mode !== 'residual') return;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'arrows');
    svg.setAttribute('aria-hidden', 'true');
    const box = grid.getBoundingClientRect();
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    for (const ghost of grid.querySelectorAll('[data-ghost]')) {
      const chip = [...grid.querySelectorAll('[data-risk]')].find(c => c.dataset.risk === ghost.dataset.ghost);
      if (!chip) continue;
      const a = ghost.getBoundingClientRect(), b = chip.getBoundingClientRect();
      const line = document.createElementNS(ns, 'line');
      line.setAttribute('x1', String(a.left + a.width / 2 - box.left));
      line.setAttribute('y1', String(a.top + a.height / 2 - box.top));
      line.setAttribute('x2', String(b.left + Math.min(12, b.width / 2) - box.left));
      line.setAttribute('y2', String(b.top + b.height / 2 - box.top));
      line.setAttribute('marker-end', 'url(#pra-arrow)');
      svg.append(line);
    }
    const defs = document.createElementNS(ns, 'defs');
    const marker = document.createElementNS(ns, 'marker');
    for (const [k, v] of Object.entries({ id: 'pra-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto' })) marker.setAttribute(k, v);
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M0,0 L10,5 L0,10 z');
    marker.append(path);
    defs.append(marker);
    svg.prepend(defs);
    grid.append(svg);
  }

  /** Arrow keys move between risks: up/down inside a cell then to the next row, left/right across cells. */
  function moveFocus(event) {
    const chip = event.target.closest && event.target.closest('[data-risk]');
    if (!chip) return;
    const cells = [...event.currentTarget.querySelectorAll('[data-cell]')];
    const chipsOf = cell => [...cell.querySelectorAll('[data-risk]')];
    const cell = chip.closest('[data-cell]');
    const row = Number(cell.dataset.row), column = Number(cell.dataset.column);
    const at = (r, c) => cells.find(x => Number(x.dataset.row) === r && Number(x.dataset.column) === c);
    const inCell = chipsOf(cell), index = inCell.indexOf(chip);
    let target;
    const scan = (dr, dc) => {
      for (let r = row + dr, c = column + dc; at(r, c); r += dr, c += dc) {
        const chips = chipsOf(at(r, c));
        if (chips.length) return dr < 0 ? chips[chips.length - 1] : chips[0];
      }
      return undefined;
    };
    switch (event.key) {
      case 'ArrowDown': target = inCell[index + 1] || scan(1, 0); break;
      case 'ArrowUp': target = inCell[index - 1] || scan(-1, 0); break;
      case 'ArrowRight': target = scan(0, 1); break;
      case 'ArrowLeft': target = scan(0, -1); break;
      default: return;
    }
    event.preventDefault();
    if (target) target.focus();
  }

  function renderLegend() {
    return h('div', { class: 'legend', role: 'list' }, model.matrix.zones.map(zone =>
      h('span', { role: 'listitem', class: 'zone-count', 'data-zone': zone.zone },
        h('span', { class: 'swatch zone-' + zone.zone }), zone.label + ': ' + zone[mode])));
  }

  // ---- coverage -------------------------------------------------------------------------------
  function barRow(label, text, percent, classes) {
    const bar = h('div', { class: 'bar ' + classes });
    bar.style.width = percent + '%';
    return h('div', { class: 'bar-row' }, h('span', {}, label + ' ' + text), h('div', {}, text === model.labels.none ? null : bar));
  }

  function renderBars(name, bar) {
    const { labels } = model;
    return [h('strong', {}, name), h('div', {},
      barRow(labels.required, bar.requiredText || labels.none, bar.requiredPercent, 'required'),
      barRow(labels.achieved, bar.achievedText ? bar.achievedText + (bar.via ? ' (' + bar.via + ')' : '') : labels.none,
        bar.achievedPercent, 'achieved' + (bar.gap ? ' gap' : '')))];
  }

  function gapItem(gap) {
    const button = h('button', { type: 'button', class: 'link severity-' + gap.severity, 'data-gap': gap.code, 'data-name': gap.element || undefined },
      '[' + gap.code + '] ' + gap.message);
    button.addEventListener('click', () => reveal(gap.uri, gap.range.start));
    return h('li', {}, button);
  }

  function renderCoverage() {
    const { labels } = model;
    if (!model.activities.length) return h('p', { class: 'empty' }, labels.noActivities);
    return h('div', { class: 'coverage' }, model.activities.map(activity => {
      const link = h('button', { type: 'button', class: 'link', 'data-activity': activity.name }, activity.name);
      link.addEventListener('click', () => reveal(activity.source.uri, activity.source.range.start));
      return h('section', { class: 'activity', 'data-name': activity.name, 'aria-label': activity.name },
        h('div', { class: 'activity-head' }, link, activity.title ? h('span', {}, activity.title) : null,
          activity.criticalityLabel ? h('span', { class: 'criticality criticality-' + activity.criticality }, activity.criticalityLabel) : null),
        h('div', { class: 'bars' }, renderBars('RTO', activity.rto), renderBars('RPO', activity.rpo)),
        activity.gaps.length ? h('ul', { class: 'gaps' }, activity.gaps.map(gapItem)) : null);
    }));
  }

  function renderSummary() {
    const { labels } = model;
    if (!model.gapSummary.length) return h('p', { class: 'empty' }, labels.noGaps);
    return h('table', { class: 'summary' }, h('tbody', {}, model.gapSummary.map(s =>
      h('tr', { 'data-code': s.code }, h('td', {}, String(s.count)), h('td', {}, h('code', {}, s.code)), h('td', {}, s.title)))));
  }

  // ---- SVG export -----------------------------------------------------------------------------
  const xml = text => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const zoneFill = { acceptable: '#c5e1a5', tolerable: '#ffe082', unacceptable: '#ef9a9a' };

  function matrixSvg() {
    const { matrix, labels } = model;
    const cellWidth = 190, line = 16, left = 150, top = 40;
    const tallest = Math.max(1, ...matrix.rows.flat().map(c => c[mode].length));
    const cellHeight = 26 + line * tallest;
    const width = left + cellWidth * matrix.impact.length + 10;
    const height = top + cellHeight * matrix.rows.length + 40;
    const parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height + '" font-family="sans-serif" font-size="12">',
      '<text x="10" y="22" font-size="15" font-weight="bold">' + xml(model.title + ' — ' + labels.matrix + ' (' + labels[mode] + ')') + '</text>'];
    matrix.rows.forEach((row, r) => {
      const y = top + r * cellHeight;
      const level = matrix.likelihood.find(l => l.value === row[0].likelihood);
      parts.push('<text x="10" y="' + (y + cellHeight / 2) + '">' + xml(row[0].likelihood + ' · ' + (level ? level.label : '')) + '</text>');
      row.forEach((cell, c) => {
        const x = left + c * cellWidth;
        parts.push('<rect x="' + x + '" y="' + y + '" width="' + (cellWidth - 4) + '" height="' + (cellHeight - 4) + '" fill="' + zoneFill[cell.zone] + '" stroke="#666"/>');
        parts.push('<text x="' + (x + cellWidth - 10) + '" y="' + (y + 14) + '" text-anchor="end" fill="#555">' + cell.score + '</text>');
        cell[mode].forEach((name, i) => parts.push('<text x="' + (x + 6) + '" y="' + (y + 30 + i * line) + '">' + xml(name) + '</text>'));
      });
    });
    matrix.impact.forEach((level, c) => parts.push('<text x="' + (left + c * cellWidth + 6) + '" y="' + (top + matrix.rows.length * cellHeight + 16) + '">' + xml(level.value + ' · ' + level.label) + '</text>'));
    parts.push('<text x="10" y="' + (height - 6) + '" fill="#555">' + xml(labels.likelihood + ' ↑ / ' + labels.impact + ' →') + '</text>', '</svg>');
    return parts.join('\n');
  }

  // ---- page -----------------------------------------------------------------------------------
  function applyHighlight() {
    let first;
    for (const element of app.querySelectorAll('[data-name]')) {
      const on = highlighted !== null && element.dataset.name === highlighted;
      element.classList.toggle('current', on);
      if (on && !first) first = element;
    }
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'nearest' });
  }

  function report() {
    const cells = {};
    for (const cell of app.querySelectorAll('[data-cell]')) {
      cells[cell.dataset.cell] = [...cell.querySelectorAll('[data-risk]')].map(c => c.dataset.risk);
    }
    post({ type: 'rendered', mode, stale, cells });
  }

  function render() {
    if (!model) return;
    document.body.classList.toggle('stale', stale);
    document.documentElement.lang = model.lang;
    const { labels } = model;
    const risksByName = new Map(model.risks.map(r => [r.name, r]));
    const modeButton = value => {
      const button = h('button', { type: 'button', 'aria-pressed': String(mode === value), 'data-mode': value }, labels[value]);
      button.addEventListener('click', () => { mode = value; post({ type: 'mode', mode }); render(); });
      return button;
    };
    const save = h('button', { type: 'button', 'data-action': 'save-svg' }, labels.saveSvg);
    save.addEventListener('click', () => post({ type: 'saveSvg', svg: matrixSvg() }));
    const grid = renderMatrix(risksByName);
    app.replaceChildren(...[
      h('h1', {}, model.title),
      stale ? h('p', { class: 'stale-banner', role: 'status' }, labels.stale) : null,
      h('h2', {}, labels.matrix),
      h('div', { class: 'toolbar' }, h('div', { role: 'group', 'aria-label': labels.matrix }, modeButton('inherent'), ' ', modeButton('residual')),
        h('span', { class: 'spacer' }), save),
      model.risks.length ? null : h('p', { class: 'empty' }, labels.noRisks),
      grid,
      renderLegend(),
      h('h2', {}, labels.coverage),
      renderCoverage(),
      h('h2', {}, labels.gaps + ' (' + model.openGaps + ')'),
      renderSummary()].filter(Boolean));
    requestAnimationFrame(() => drawArrows(grid));
    applyHighlight();
    keep();
    report();
  }

  window.addEventListener('message', event => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'model':
        model = message.model;
        documentUri = message.documentUri;
        stale = !!message.stale;
        if (message.mode === 'inherent' || message.mode === 'residual') mode = message.mode;
        render();
        break;
      case 'stale':
        stale = !!message.stale;
        render();
        break;
      case 'setMode':
        if (message.mode === 'inherent' || message.mode === 'residual') { mode = message.mode; render(); }
        break;
      case 'highlight':
        highlighted = typeof message.name === 'string' ? message.name : null;
        applyHighlight();
        break;
      case 'activate': {
        const attribute = { risk: 'data-risk', activity: 'data-activity', gap: 'data-gap' }[message.kind];
        const target = attribute && [...app.querySelectorAll('[' + attribute + ']')].find(e => e.getAttribute(attribute) === message.name);
        if (target) target.click();
        break;
      }
    }
  });
  window.addEventListener('resize', () => { const grid = app.querySelector('.matrix'); if (grid) drawArrows(grid); });

  if (model) render();
  post({ type: 'ready' });
})();
