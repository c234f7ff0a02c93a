/**
 * Issue 13, the preview's Timeline view in real Chromium: the page as the webview loads it draws the
 * server's timeline (pra/simulate's view model through pra-language/render), lets the user pick the
 * scenario, says plainly when its elements left the plan, reveals a clicked row's element, and
 * follows the VS Code theme. The page computes nothing: every figure and word comes in the messages.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lang } from '../../packages/language/src/pra-messages.js';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel, type PreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import type { TimelineContent, ToWebviewMessage } from '../../packages/language/src/protocol.js';
import { answerSimulation, type TimelineView } from '../../packages/language/src/simulation/index.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { fakeWebviewApi, servePreviewPage } from './preview-page-server.js';

const plan = `
plan "Vue" { language en date 2026-01-01 }
role Standard { } role DSI { } role DAF { }
crisis { alert "Call" to Standard within 15min  alert "Call" to DSI within 15min }
activity Paie "Paie des salariés" { rto 8h mtpd 1d uses App impact { financial 2 after 4h } }
activity Stock { rto 2h uses App, Db }
asset App { kind application }
asset Db { kind data }
asset Siege { kind site }
fallback AppRestore { covers App rto 6h }
risk Panne { targets App, Db }
procedure Bascule { phase during for Paie
    step "Déclarer" by DAF deadline 72h
    parallel { step "A" by Standard within 30min  step "B" by DSI within 2h }
}
`;

let browser: Browser;
let page: Page;
const models = {} as Record<Lang, PreviewModel>;
const views = {} as Record<Lang, TimelineView>;
let close: () => Promise<void>;
const results = join(__dirname, '../../test-results');

async function posted(type: string): Promise<Array<Record<string, unknown>>> {
    return page.evaluate(t => (window as unknown as { __posted: Array<Record<string, unknown>> }).__posted.filter(m => m.type === t), type);
}

async function send(...messages: ToWebviewMessage[]): Promise<void> {
    for (const message of messages) await page.evaluate(m => window.postMessage(m, '*'), message);
}

const model = (lang: Lang): ToWebviewMessage =>
    ({ type: 'model', documentUri: models[lang].rootUri, model: models[lang], stale: false, mode: 'inherent' });
const shown = (lang: Lang): TimelineContent => ({ state: 'view', down: ['Panne'], view: views[lang] });

beforeAll(async () => {
    const services = createTestServices();
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan });
    const { analysis } = services.analysis.PraAnalysisService.forDocument(document);
    const findings = documentFindings(document).map(f => ({ ...f, uri: document.uri.toString() }));
    for (const lang of ['en', 'fr'] as const) {
        models[lang] = buildPreviewModel(analysis, findings, lang);
        const answer = answerSimulation(analysis, lang, { down: ['Panne'], at: '2026-12-07T09:00' });
        if (!('view' in answer)) throw new Error(JSON.stringify(answer));
        views[lang] = answer.view;
    }
    const served = await servePreviewPage('dGltZWxpbmUtdGVzdC0xMjM0');
    close = served.close;
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await fakeWebviewApi(page);
    await page.goto(served.url, { timeout: 15_000 });
    await send(model('en'));
    await page.locator('[data-cell]').first().waitFor({ timeout: 10_000 });
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await close?.();
});

describe('the preview\'s Timeline view in Chromium', () => {
    test('offers the plan\'s assets, sites and risks as scenarios before one is picked, and tells the extension the view', async () => {
        await page.locator('[role=tab][data-view="timeline"]').click();
        await page.locator('.timeline-view select').waitFor({ timeout: 5000 });
        expect((await posted('view')).at(-1)).toEqual({ type: 'view', view: 'timeline' });
        expect(await page.locator('[role=tab][data-view="timeline"]').getAttribute('aria-selected')).toBe('true');
        expect(await page.locator('[data-cell]').count()).toBe(0);
        const groups = await page.locator('.timeline-view optgroup').evaluateAll(gs =>
            gs.map(g => [g.getAttribute('label'), [...g.querySelectorAll('option')].map(o => o.getAttribute('value'))]));
        expect(groups).toEqual([['Assets', ['App', 'Db']], ['Sites', ['Siege']], ['Risks', ['Panne']]]);
        expect(await page.locator('.timeline-view .empty').textContent()).toContain('Pick an asset, site or risk');
        expect((await posted('timelineRendered')).at(-1)).toEqual({ type: 'timelineRendered', state: 'none', down: [], rows: [] });
    });

    test('asks for the scenario picked in the select', async () => {
        await page.locator('.timeline-view select').selectOption('Panne');
        expect((await posted('scenario')).at(-1)).toEqual({ type: 'scenario', down: ['Panne'] });
    });

    test('draws the server\'s timeline: a row per activity with its states and marks, the lanes, the legend', async () => {
        await send({ type: 'timeline', timeline: shown('en') });
        await page.locator('.timeline-view [data-kind="activity"]').first().waitFor({ timeout: 5000 });
        const names = (kind: string) =>
            page.locator(`.timeline-view [data-kind="${kind}"]`).evaluateAll(es => es.map(e => e.getAttribute('data-name')));
        expect(await names('activity')).toEqual(['Paie', 'Stock']);
        expect(await names('asset')).toEqual(['App', 'Db']);
        expect(await names('procedure')).toEqual(['Bascule']);
        const paie = page.locator('.timeline-view [data-kind="activity"][data-name="Paie"]');
        expect(await paie.locator('[data-state]').evaluateAll(es => es.map(e => e.getAttribute('data-state'))))
            .toEqual(['down', 'recovering', 'back']);
        // Its RTO (8 h) on the 10 h axis; its MTPD (24 h) past it, an arrow at the edge; its back time on its bar.
        expect(await paie.locator('[data-mark]').evaluateAll(es => es.map(e => e.getAttribute('data-mark')))).toEqual(['rto']);
        expect(await paie.locator('[data-beyond]:not([data-halo])').textContent()).toBe('MTPD 24 h →');
        expect(await paie.locator('[data-part="back-label"]').textContent()).toBe('back T+6 h');
        expect(await page.locator('.timeline-view select').inputValue()).toBe('Panne');
        expect(await page.locator('.timeline-view h2').textContent()).toBe('Outage simulation — Vue');
        expect(await page.locator('.timeline-key').allTextContents())
            .toEqual(['down', 'recovering', 'back', 'return time unknown', 'RTO', 'MTPD']);
        expect((await posted('timelineRendered')).at(-1))
            .toEqual({ type: 'timelineRendered', state: 'view', down: ['Panne'], rows: ['Paie', 'Stock'] });
        mkdirSync(results, { recursive: true });
        await page.screenshot({ path: join(results, 'timeline-page.png'), fullPage: true });
    });

    test('asks the editor to reveal the element of a clicked bar, or of a row activated from the keyboard', async () => {
        await page.locator('.timeline-view [data-kind="activity"][data-name="Paie"] [data-state="recovering"]').click();
        const paie = views.en.rows.find(r => r.activity === 'Paie')!.source!;
        expect((await posted('reveal')).at(-1)).toEqual({
            type: 'reveal', uri: paie.uri, line: paie.range.start.line, character: paie.range.start.character
        });
        await page.locator('.timeline-view [data-kind="asset"][data-name="Db"]').focus();
        await page.keyboard.press('Enter');
        const db = views.en.restores.find(r => r.asset === 'Db')!.source!;
        expect((await posted('reveal')).at(-1)).toMatchObject({ line: db.range.start.line });
        await page.locator('[data-action="open-markdown"]').click();
        expect((await posted('openMarkdown')).at(-1)).toEqual({ type: 'openMarkdown' });
    });

    test('follows the VS Code theme: light and dark text, state colours from the theme\'s chart colours', async () => {
        const colours = () => page.evaluate(() => ['.timeline-view [data-kind="activity"] text', '[data-name="Paie"] [data-state="down"]']
            .map(selector => getComputedStyle(document.querySelector(selector)!).fill.match(/[\d.]+/g)!.slice(0, 3).map(Number)));
        const brightness = (rgb: number[]) => rgb.reduce((a, b) => a + b, 0) / 3;
        const [lightText, down] = await colours();
        expect(brightness(lightText)).toBeLessThan(90);
        expect(down[0]).toBeGreaterThan(down[1] + 100);
        await page.evaluate(() => {
            document.documentElement.style.setProperty('--vscode-editor-background', '#1e1e1e');
            document.documentElement.style.setProperty('--vscode-editor-foreground', '#d4d4d4');
            document.documentElement.style.setProperty('--vscode-charts-red', '#f14c4c');
        });
        const [darkText, darkDown] = await colours();
        expect(brightness(darkText)).toBeGreaterThan(180);
        expect(darkDown).toEqual([241, 76, 76]);
        await page.screenshot({ path: join(results, 'timeline-page-dark.png'), fullPage: true });
        await page.evaluate(() => document.documentElement.removeAttribute('style'));
        // The row of the element under the editor's cursor: its name in the focus colour, its labels in theirs.
        await send({ type: 'highlight', name: 'Paie' });
        await page.locator('.timeline-row.current').first().waitFor({ timeout: 5000 });
        const fills = await page.evaluate(() => ['[data-name="Paie"] [data-part="name"]', '[data-name="Paie"] [data-part="back-label"]',
            '[data-name="Paie"] [data-beyond]:not([data-halo])'].map(selector => getComputedStyle(document.querySelector(selector)!).fill));
        expect(fills[0]).not.toBe(fills[1]);
        expect(fills[1]).toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
        expect(fills[2]).not.toBe(fills[0]);
        await send({ type: 'highlight', name: null });
    });

    test('keeps the scenario and says plainly that its elements left the plan', async () => {
        await send({ type: 'timeline', timeline: { state: 'vanished', down: ['Panne'], unknown: [{ name: 'Panne', close: ['Panne2'] }] } });
        await page.locator('.timeline-view .notice').waitFor({ timeout: 5000 });
        expect(await page.locator('.timeline-view .notice').textContent())
            .toBe('Panne is no longer in the plan: nothing to simulate until it is back, or pick another scenario. (did you mean Panne2?)');
        expect(await page.locator('.timeline-view [data-kind]').count()).toBe(0);
        expect(await page.locator('.timeline-view select').inputValue()).toBe('Panne');
        expect((await posted('timelineRendered')).at(-1)).toMatchObject({ state: 'vanished', down: ['Panne'], rows: [] });
    });

    test('speaks the plan\'s language: French tabs, picker and chart', async () => {
        await send(model('fr'), { type: 'timeline', timeline: shown('fr') });
        await page.locator('.timeline-view [data-kind="activity"]').first().waitFor({ timeout: 5000 });
        expect(await page.locator('[role=tab]').allTextContents()).toEqual(['Plan', 'Chronologie']);
        expect(await page.locator('.timeline-view label.scenario').evaluate(e => e.firstChild?.textContent)).toBe('Panne de ');
        expect(await page.locator('.timeline-view optgroup').first().getAttribute('label')).toBe('Ressources');
        expect(await page.locator('.timeline-key').first().textContent()).toBe(views.fr.labels.down);
        expect(views.fr.labels.down).not.toBe(views.en.labels.down);
        await send(model('en'), { type: 'timeline', timeline: shown('en') });
    });

    test('goes back to the plan\'s view, and to the Timeline view when the extension asks (the code lens)', async () => {
        await page.locator('[role=tab][data-view="plan"]').click();
        await page.locator('[data-cell]').first().waitFor({ timeout: 5000 });
        expect((await posted('view')).at(-1)).toEqual({ type: 'view', view: 'plan' });
        await send({ type: 'showView', view: 'timeline' });
        await page.locator('.timeline-view [data-kind="activity"][data-name="Stock"]').waitFor({ timeout: 5000 });
        await send({ type: 'activate', kind: 'bar', name: 'Stock' });
        const stock = views.en.rows.find(r => r.activity === 'Stock')!.source!;
        expect((await posted('reveal')).at(-1)).toMatchObject({ type: 'reveal', line: stock.range.start.line });
    });
});

describe('the Timeline view of a bundled example in a preview pane beside the editor', () => {
    test('fits the pane: the axis at the pane\'s width, the text at its size, no scrolling; a bar click reveals', async () => {
        const services = createTestServices();
        const text = readFileSync(join(__dirname, '../../examples/clinique-vet/plan.pra'), 'utf8');
        const { 'plan.pra': planDocument } = await buildFiles(services, { 'plan.pra': text });
        const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(planDocument);
        const findings = documentFindings(planDocument).map(f => ({ ...f, uri: planDocument.uri.toString() }));
        const previewModel = buildPreviewModel(analysis, findings, lang);
        const answer = answerSimulation(analysis, lang, { down: ['PMS'], at: '2026-12-07T09:00' });
        if (!('view' in answer)) throw new Error(JSON.stringify(answer));
        const pane = await browser.newPage({ viewport: { width: 720, height: 640 } });
        await fakeWebviewApi(pane);
        await pane.goto(page.url(), { timeout: 15_000 });
        const messages: ToWebviewMessage[] = [
            { type: 'model', documentUri: previewModel.rootUri, model: previewModel, stale: false, mode: 'inherent' },
            { type: 'showView', view: 'timeline' },
            { type: 'timeline', timeline: { state: 'view', down: ['PMS'], view: answer.view } }
        ];
        for (const message of messages) await pane.evaluate(m => window.postMessage(m, '*'), message);
        await pane.locator('.timeline-view [data-kind="activity"]').first().waitFor({ timeout: 5000 });
        const rows = await pane.locator('.timeline-view [data-kind="activity"]')
            .evaluateAll(es => es.map(e => e.getAttribute('data-name')));
        expect(rows).toEqual(['Emergency-Care', 'Consultations', 'Billing']);
        const fit = await pane.evaluate(() => {
            const box = document.querySelector('.timeline-chart')!;
            const label = document.querySelector('.timeline-view [data-kind="activity"] text')!;
            return { overflow: box.scrollWidth - box.clientWidth, fontPx: label.getBoundingClientRect().height };
        });
        expect(fit.overflow).toBeLessThanOrEqual(0);
        expect(fit.fontPx).toBeGreaterThan(10);
        // The axis spans the recovery (3 h), not the week-long MTPD: the 15-minute return is a readable part of each bar,
        // and what lies past the axis is written at its edge, inside the drawing.
        expect(await pane.locator('.timeline-view [data-part="tick"]').evaluateAll(es => es.map(e => e.firstChild?.textContent)))
            .toEqual(['T+0', 'T+1 h', 'T+2 h', 'T+3 h']);
        expect(await pane.locator('.timeline-view [data-part="back-label"]').allTextContents()).toEqual(Array(3).fill('back T+15 min'));
        expect(await pane.locator('[data-name="Billing"] [data-beyond]:not([data-halo])').textContent()).toBe('RTO 24 h · MTPD 7 d →');
        expect(await pane.locator('[data-alert]').evaluateAll(es => es.map(e => e.getAttribute('data-alert'))))
            .toEqual(['Practice-Manager', 'Managing-Vet']);
        const layout = await pane.evaluate(() => {
            const svg = document.querySelector('.timeline-chart svg')!.getBoundingClientRect();
            const labels = [...document.querySelectorAll('.timeline-chart [data-kind] text:not([data-halo])')]
                .map(t => ({ box: t.getBoundingClientRect(), row: t.closest('[data-step], [data-alert], [data-kind]')! }));
            const outside = labels.filter(l => l.box.right > svg.right + 0.5 || l.box.left < svg.left - 0.5).length;
            // Two labels of one row overlap when their boxes cross on both axes (the estimate of text widths holds).
            let overlaps = 0;
            labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
                const crossed = a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1
                    && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1;
                if (crossed && a.row === b.row) overlaps++;
            }));
            const back = document.querySelector('[data-name="Emergency-Care"] [data-state="back"]')!.getBoundingClientRect();
            const down = document.querySelector('[data-name="Emergency-Care"] [data-state="down"]')!.getBoundingClientRect();
            return { outside, overlaps, downWidth: down.width, backLeft: back.left - svg.left, labels: labels.length };
        });
        expect(layout.labels).toBeGreaterThan(20);
        expect(layout.outside).toBe(0);
        expect(layout.overlaps).toBe(0);
        // 15 minutes of a 3 h axis in a 720-pixel pane: no longer a sliver (it was under 1 pixel on the week-long axis).
        expect(layout.downWidth).toBeGreaterThan(30);
        // Only what the chart shows is in its legend: every activity is back, no return time is unknown.
        expect(await pane.locator('.timeline-key').allTextContents()).toEqual(['down', 'back', 'RTO', 'MTPD']);
        await pane.screenshot({ path: join(results, 'timeline-clinique-vet.png'), fullPage: true });
        await pane.locator('.timeline-view [data-kind="activity"][data-name="Billing"] [data-state="back"]').click();
        const billing = answer.view.rows.find(r => r.activity === 'Billing')!.source!;
        const reveals = await pane.evaluate(() =>
            (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter(m => m.type === 'reveal'));
        expect(reveals.at(-1)).toMatchObject({ type: 'reveal', line: billing.range.start.line, character: billing.range.start.character });
        await pane.close();
    });
});
