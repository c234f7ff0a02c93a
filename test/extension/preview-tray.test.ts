import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { fakeWebviewApi, servePreviewPage } from './preview-page-server.js';

// The French clinic of issue 15: a risk whose impact is off the scale, one with no impact, names that
// do not fit a cell, an activity with no RPO.
const plan = `
plan "PRA Clinique" { language fr date 2026-06-01 owner DG }
role DG "Direction" { phone "1" }
asset Serveur "Serveur" { kind server }
activity Soins "Soins" { criticality high rto 4h owner DG uses Serveur }
fallback Sauvegarde "Sauvegarde" { type backup covers Serveur rto 8h rpo 1d offsite }
risk IncendieSalleServeurs "Incendie de la salle" { likelihood 2 impact 4 mitigated by Sauvegarde }
risk Rancongiciel-Sur-Les-Postes-Et-Serveurs "Rançongiciel" { likelihood 3 impact 3 mitigated by Sauvegarde }
risk Inondation "Inondation" { likelihood 2 impact 9 }
risk Panne "Panne" { likelihood 2 }
`;

const nonce = 'dGVzdC1ub25jZS0xMjM0NTY=';
let browser: Browser;
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
    const services = createTestServices({ today: '2026-06-02' });
    const { 'plan.pra': document } = await buildFiles(services, { 'plan.pra': plan });
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(document);
    const model = buildPreviewModel(analysis, documentFindings(document).map(f => ({ ...f, uri: document.uri.toString() })), lang);
    const served = await servePreviewPage(nonce);
    close = served.close;
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
    });
    page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    await fakeWebviewApi(page);
    await page.goto(served.url, { timeout: 15_000 });
    await page.evaluate(m => window.postMessage({ type: 'model', documentUri: m.rootUri, model: m, stale: false, mode: 'inherent' }, '*'),
        model);
    await page.locator('[data-cell]').first().waitFor({ timeout: 10_000 });
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await close?.();
});

describe('the preview never hides a risk (issue 15)', () => {
    test('the tray lists the risks the grid cannot place, with why, and reports them', async () => {
        const tray = await page.locator('[data-tray-risk]')
            .evaluateAll(es => es.map(e => [e.getAttribute('data-tray-risk'), e.textContent]));
        expect(tray).toEqual([
            ['Inondation', '• Inondation — gravité 9 hors de l\'échelle (1 à 4)'],
            ['Panne', '• Panne — gravité non indiquée']
        ]);
        const rendered = await page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; tray?: string[] }> }).__posted
            .filter(m => m.type === 'rendered').at(-1));
        expect(rendered?.tray).toEqual(['Inondation', 'Panne']);
        // The legend counts the two risks drawn in the grid, and the two in the tray apart.
        const counts = await page.locator('.legend [data-zone]')
            .evaluateAll(es => es.map(e => [e.getAttribute('data-zone'), e.textContent]));
        const drawn = counts.filter(([zone]) => zone !== 'tray').reduce((n, [, text]) => n + Number(/\d+$/.exec(text ?? '')?.[0]), 0);
        expect(drawn).toBe(2);
        expect(counts.find(([zone]) => zone === 'tray')?.[1]).toBe('Hors de la grille: 2');
    });

    test('long names break where words meet, never mid-word, with the whole name as tooltip', async () => {
        const lines = await page.locator('[data-risk="Rancongiciel-Sur-Les-Postes-Et-Serveurs"] tspan').allTextContents();
        expect(lines.length).toBe(2);
        expect(lines.join('')).toMatch(/^Rancongiciel-Sur-Les-.*…$/);
        expect(lines[0]).toMatch(/-$/);
        const incendie = await page.locator('[data-risk="IncendieSalleServeurs"] tspan').allTextContents();
        expect(incendie).toEqual(['IncendieSalle', 'Serveurs']);
        expect(await page.locator('[data-risk="Rancongiciel-Sur-Les-Postes-Et-Serveurs"] title').textContent())
            .toContain('Rancongiciel-Sur-Les-Postes-Et-Serveurs');
    });

    test('an activity with no RPO reads "non indiqué", with no bar judged against it', async () => {
        const rpo = page.locator('[data-activity="Soins"]').locator('xpath=ancestor::section').locator('[data-stated="false"]');
        expect(await rpo.count()).toBe(1);
        expect(await rpo.textContent()).toContain('exigé non indiqué');
        expect(await rpo.locator('.bar.achieved:not(.unjudged)').count()).toBe(0);
        mkdirSync(join(__dirname, '../../test-results'), { recursive: true });
        await page.screenshot({ path: join(__dirname, '../../test-results/preview-tray.png'), fullPage: true });
    });
});
