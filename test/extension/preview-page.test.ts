import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentFindings } from '../../packages/language/src/pra-check-report.js';
import { buildPreviewModel, type PreviewModel } from '../../packages/language/src/preview/pra-preview-model.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { fakeWebviewApi, servePreviewPage } from './preview-page-server.js';

// A plan with hostile titles: the preview must show them as text and run none of them.
const hostilePlan = `
plan "<script>window.__pwned = 'title'</script> Plan" { language en date 2026-01-01 }
scale likelihood { 1 "Rare" 2 "Unlikely" 3 "Possible" 4 "Likely" 5 "Almost certain" }
scale impact { 1 "Minor" 2 "Serious" 3 "Severe" 4 "Critical" }
acceptance { tolerable from 5 unacceptable from 12 }
asset Server "File server" { kind server }
activity Billing "<img src=x onerror=\\"window.__pwned='img'\\">" { criticality high rto 4h rpo 1h uses Server }
fallback Backup "Nightly backup" { type backup covers Server rto 1d rpo 1d offsite }
risk Ransomware "<script>window.__pwned = 'risk'</script>" { likelihood 4 impact 4 mitigated by Backup residual likelihood 2 impact 3 }
risk Flood "javascript:window.__pwned='href'" { likelihood 1 impact 2 mitigated by Backup }
risk Fire "Fire" { likelihood 3 impact 4 }
`;

const nonce = 'dGVzdC1ub25jZS0xMjM0NTY=';
let browser: Browser;
let page: Page;
let model: PreviewModel;
let close: () => Promise<void>;

async function posted(type: string): Promise<Array<Record<string, unknown>>> {
    return page.evaluate(t => (window as unknown as { __posted: Array<Record<string, unknown>> }).__posted.filter(m => m.type === t), type);
}

beforeAll(async () => {
    const services = createTestServices();
    const { 'plan.pra': plan } = await buildFiles(services, { 'plan.pra': hostilePlan });
    const { analysis, lang } = services.analysis.PraAnalysisService.forDocument(plan);
    model = buildPreviewModel(analysis, documentFindings(plan).map(f => ({ ...f, uri: plan.uri.toString() })), lang);
    const served = await servePreviewPage(nonce);
    close = served.close;
    browser = await chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true, timeout: 30_000,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
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

describe('the preview page in Chromium', () => {
    test('draws the plan\'s grid with its own scale labels', async () => {
        expect(await page.locator('[data-cell]').count()).toBe(5 * 4);
        const names = (role: string) => page.locator(`[role=${role}]`).evaluateAll(es => es.map(e => e.getAttribute('aria-label')));
        const rowHeaders = await names('rowheader');
        expect(rowHeaders[0]).toBe('5 · Almost certain');
        expect(rowHeaders[4]).toBe('1 · Rare');
        expect(await names('columnheader')).toEqual(['1 · Minor', '2 · Serious', '3 · Severe', '4 · Critical']);
        expect(await page.locator('[data-cell="4x4"] text.risk').allTextContents()).toEqual([expect.stringContaining('Ransomware')]);
        expect(await page.locator('[data-cell="4x4"] [data-risk]').allTextContents()).toEqual([expect.stringContaining('Ransomware')]);
        expect(await page.locator('[data-cell="1x2"] [data-risk="Flood"]').count()).toBe(1);
        expect(await page.locator('[data-cell="4x4"]').getAttribute('aria-label')).toBe('Likelihood 4, Impact 4: 16 (unacceptable)');
        expect(await posted('ready')).toHaveLength(1);
    });

    test('colours cells by zone', async () => {
        const colour = (key: string) => page.locator(`[data-cell="${key}"] rect`).evaluate(e => getComputedStyle(e).fill);
        const rgb = async (key: string) => (await colour(key)).match(/[\d.]+/g)!.slice(0, 3).map(Number);
        expect(await page.locator('[data-cell="4x4"]').getAttribute('data-zone')).toBe('unacceptable');
        expect(await page.locator('[data-cell="2x3"]').getAttribute('data-zone')).toBe('tolerable');
        expect(await page.locator('[data-cell="1x1"]').getAttribute('data-zone')).toBe('acceptable');
        const [red, amber, green] = [await rgb('4x4'), await rgb('2x3'), await rgb('1x1')];
        expect(red[0]).toBeGreaterThan(red[1]);
        expect(green[1]).toBeGreaterThan(green[0]);
        expect(amber[0]).toBeGreaterThan(amber[2]);
        expect(new Set([String(red), String(amber), String(green)]).size).toBe(3);
        expect(await page.locator('.zone-count').allTextContents()).toEqual(['unacceptable: 2', 'tolerable: 0', 'acceptable: 1']);
    });

    test('switches to residual positions with a marker of the move', async () => {
        await page.locator('[data-mode="residual"]').click();
        await page.locator('[data-cell="2x3"] [data-risk="Ransomware"]').waitFor({ timeout: 5000 });
        expect(await page.locator('[data-cell="4x4"] [data-risk]').count()).toBe(0);
        expect(await page.locator('[data-cell="4x4"] [data-ghost="Ransomware"]').count()).toBe(1);
        expect(await page.locator('[data-move="Ransomware"]').count()).toBe(1);
        expect(await page.locator('[data-mode="residual"]').getAttribute('aria-pressed')).toBe('true');
        expect((await posted('mode')).at(-1)).toEqual({ type: 'mode', mode: 'residual' });
        const rendered = (await posted('rendered')).at(-1) as { cells: Record<string, string[]>; mode: string };
        expect(rendered.mode).toBe('residual');
        expect(rendered.cells['2x3']).toEqual(['Ransomware']);
        mkdirSync(join(__dirname, '../../test-results'), { recursive: true });
        await page.screenshot({ path: join(__dirname, '../../test-results/preview-page.png'), fullPage: true });
        await page.locator('[data-mode="inherent"]').click();
        await page.locator('[data-cell="4x4"] [data-risk="Ransomware"]').waitFor({ timeout: 5000 });
    });

    test('follows the VS Code theme through the drawing\'s CSS variables', async () => {
        // rgb(0–255…) or, from color-mix(), color(srgb 0–1…): both as 0–255.
        const fills = () => page.evaluate(() => ['[data-cell="1x1"] rect', '[data-risk="Fire"]'].map(selector => {
            const fill = getComputedStyle(document.querySelector(selector)!).fill;
            return fill.match(/[\d.]+/g)!.slice(0, 3).map(n => Number(n) * (fill.startsWith('color(') ? 255 : 1));
        }));
        const brightness = (rgb: number[]) => rgb.reduce((a, b) => a + b, 0) / 3;
        const [lightCell, lightText] = await fills();
        await page.evaluate(() => {
            document.documentElement.style.setProperty('--vscode-editor-background', '#1e1e1e');
            document.documentElement.style.setProperty('--vscode-editor-foreground', '#d4d4d4');
        });
        const [darkCell, darkText] = await fills();
        expect(brightness(lightCell)).toBeGreaterThan(180);
        expect(brightness(darkCell)).toBeLessThan(90);
        expect(darkCell[1]).toBeGreaterThan(darkCell[0]);
        expect(brightness(lightText)).toBeLessThan(90);
        expect(brightness(darkText)).toBeGreaterThan(180);
        await page.screenshot({ path: join(__dirname, '../../test-results/preview-page-dark.png'), fullPage: true });
        await page.evaluate(() => document.documentElement.removeAttribute('style'));
    });

    test('shows hostile plan strings as text and runs none of them', async () => {
        expect(await page.locator('h1').textContent()).toBe('<script>window.__pwned = \'title\'</script> Plan');
        expect(await page.locator('[data-risk="Ransomware"] title').textContent()).toContain('<script>window.__pwned = \'risk\'</script>');
        expect(await page.locator('[data-risk="Ransomware"]').getAttribute('aria-label'))
            .toContain('<script>window.__pwned = \'risk\'</script>');
        expect(await page.locator('[data-name="Billing"] .activity-head').textContent()).toContain('<img src=x onerror=');
        expect(await page.locator('#app').textContent()).toContain('javascript:window.__pwned');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
        expect(await page.locator('#app script, #app img, #app a[href], #app [onerror]').count()).toBe(0);
    });

    test('carries a strict Content-Security-Policy with a nonce that blocks injected scripts', async () => {
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toContain('default-src \'none\'');
        expect(csp).toContain(`script-src 'nonce-${nonce}'`);
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
        await page.evaluate(() => {
            const script = document.createElement('script');
            script.textContent = 'window.__pwned = "injected"';
            document.body.append(script);
        });
        expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
        expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toContain('script-src-elem');
    });

    test('asks the editor to reveal a clicked risk, activity or gap', async () => {
        await page.locator('[data-risk="Fire"]').click();
        await page.locator('[data-activity="Billing"]').click();
        const reveals = await posted('reveal');
        const fire = model.risks.find(r => r.name === 'Fire')!.source;
        expect(reveals.at(-2)).toEqual({
            type: 'reveal', uri: fire.uri, line: fire.range.start.line, character: fire.range.start.character
        });
        expect(reveals.at(-1)).toMatchObject({ type: 'reveal', uri: model.rootUri });
        const gap = page.locator('[data-gap]').first();
        expect(await gap.count()).toBe(1);
        await gap.click();
        expect((await posted('reveal')).at(-1)).toMatchObject({ type: 'reveal', line: expect.any(Number) });
    });

    test('is keyboard navigable between risks', async () => {
        await page.locator('[data-risk="Ransomware"]').focus();
        const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.risk);
        await page.keyboard.press('ArrowDown');
        expect(await focused()).toBe('Fire');
        await page.keyboard.press('ArrowLeft');
        expect(await focused()).toBe('Fire');
        await page.keyboard.press('ArrowUp');
        expect(await focused()).toBe('Ransomware');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        expect((await posted('reveal')).at(-1)).toMatchObject({ line: model.risks.find(r => r.name === 'Fire')!.source.range.start.line });
    });

    test('asks the extension to save the matrix as SVG, which it draws itself (the page sends no markup)', async () => {
        await page.locator('[data-action="save-svg"]').click();
        expect((await posted('saveSvg')).at(-1)).toEqual({ type: 'saveSvg' });
    });

    test('draws the matrix with the shared renderer, its text escaped', async () => {
        const svg = await page.locator('svg.risk-matrix').evaluate(e => e.outerHTML);
        expect(svg).toContain('&lt;script&gt;');
        expect(svg).not.toContain('<script');
        expect(await page.locator('svg.risk-matrix g.cell > rect').count()).toBe(20);
    });

    test('keeps the last picture, marked stale, when told the plan has syntax errors', async () => {
        await page.evaluate(() => window.postMessage({ type: 'stale', stale: true }, '*'));
        await page.locator('.stale-banner').waitFor({ timeout: 5000 });
        expect(await page.locator('[data-cell="4x4"] [data-risk="Ransomware"]').count()).toBe(1);
        expect((await posted('rendered')).at(-1)).toMatchObject({ stale: true });
    });
});
