// The Timeline view (issue 13) as a user meets it in code-server: the "Simulate outage" code lens
// above an asset is clicked, the preview shows that outage's Gantt chart (a row per activity hit),
// a click on a bar puts the cursor on the activity; screenshot test-results/timeline.png.
// Called by run-code-server.mjs's UI pass with its page and helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/* global document -- evaluate() callbacks run in the page, not in Node */

/** The 1-based line of the first line of `file` that starts with `prefix`. */
function lineOf(file, prefix) {
  const index = readFileSync(file, 'utf8').split('\n').findIndex(l => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starting with ${prefix} in ${file}`);
  return index + 1;
}

/** Marks the code lens drawn just above the editor line that starts with `prefix` (the lens of that element). */
async function markLensAbove(page, prefix) {
  return page.evaluate(start => {
    document.querySelectorAll('[data-pra-lens]').forEach(e => e.removeAttribute('data-pra-lens'));
    const line = [...document.querySelectorAll('.monaco-editor .view-line')]
      .find(l => l.textContent.replace(/\u00a0/g, ' ').startsWith(start));
    if (!line) return false;
    const top = line.getBoundingClientRect().top;
    let best, bestBottom = -Infinity;
    for (const lens of document.querySelectorAll('.monaco-editor .codelens-decoration')) {
      const bottom = lens.getBoundingClientRect().bottom;
      if (bottom <= top + 2 && bottom > bestBottom) { best = lens; bestBottom = bottom; }
    }
    if (!best || top - bestBottom > 30) return false;
    best.setAttribute('data-pra-lens', '');
    return true;
  }, prefix);
}

/** The frame of the preview's page (the walkthrough's is a webview too): the one with the preview's `main#app`. */
async function previewFrame(page, sleep) {
  for (let attempt = 1; attempt <= 120; attempt++) {
    for (const frame of page.frames()) {
      if (await frame.locator('main#app .timeline-view').count().catch(() => 0) > 0) return frame;
    }
    await sleep(500);
  }
  throw new Error('no preview page showing its Timeline view');
}

export async function timelinePass(page, { ws, results, log, sleep, openFile, goToLine }) {
  const plan = join(ws, 'clinique-vet/plan.pra');
  await openFile(page, 'clinique-vet/plan.pra');
  const pms = lineOf(plan, 'asset PMS ');
  await goToLine(page, pms, 1);
  const lens = page.locator('[data-pra-lens] a', { hasText: 'Simulate outage' }).first();
  for (let attempt = 1; ; attempt++) {
    await sleep(500); // the lenses come from the language server after the editor settles
    if (await markLensAbove(page, 'asset PMS ') && await lens.count() > 0) break;
    if (attempt === 30) throw new Error('no Simulate outage lens above asset PMS');
  }
  await lens.click({ timeout: 10_000 });
  log('UI: clicked the Simulate outage lens above asset PMS');
  const webview = await previewFrame(page, sleep);
  await webview.locator('.timeline-view [data-kind="activity"][data-name="Billing"]').waitFor({ timeout: 60_000 });
  const rows = await webview.locator('.timeline-view [data-kind="activity"]').evaluateAll(es => es.map(e => e.getAttribute('data-name')));
  if (rows.join() !== 'Emergency-Care,Consultations,Billing') throw new Error(`the Timeline view shows ${rows.join(', ')}`);
  log(`UI: the Timeline view shows the outage of PMS: ${rows.join(', ')}`);
  await webview.locator('.timeline-view [data-kind="activity"][data-name="Billing"] [data-state="back"]').click({ timeout: 10_000 });
  const billing = lineOf(plan, 'activity Billing ');
  await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${billing}, Col`) }).first().waitFor({ timeout: 15_000 });
  log(`UI: clicking the Billing bar put the cursor on line ${billing}`);
  await page.mouse.move(5, 500);
  await sleep(300);
  await page.screenshot({ path: join(results, 'timeline.png'), timeout: 15_000 });
  log('UI: screenshot test-results/timeline.png');
}
