import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { sectionIds } from '../../packages/language/src/export/pra-document-model.js';
import { zoneFill } from '../../packages/language/src/export/pra-export-theme.js';
import { riskMatrix } from '../../packages/language/src/pra-risk-matrix.js';
import { buildFiles, createTestServices } from '../helpers.js';
import { examplePlans, exportText, loadPlan } from './export-helpers.js';

let browser: Browser;
beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => { await browser?.close(); });

interface Watch { page: Page; events: string[] }
async function open(html: string): Promise<Watch> {
    const page = await browser.newPage();
    const events: string[] = [];
    page.on('dialog', dialog => { events.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    page.on('console', message => events.push(`console: ${message.text()}`));
    page.on('pageerror', error => events.push(`error: ${error.message}`));
    page.on('request', request => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') events.push(`request: ${request.url()}`);
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    return { page, events };
}

function rgb(hex: string): string {
    const n = parseInt(hex, 16);
    return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe.each(examplePlans)('HTML of %s in Chromium', file => {
    test('every section is present, in order, and linked from the table of contents', async () => {
        const plan = await loadPlan(file);
        const { page, events } = await open(await exportText(plan, 'html'));
        const ids = await page.$$eval('main > section.main-section', sections => sections.map(s => s.id));
        expect(ids).toEqual([...sectionIds]);
        for (const id of sectionIds) {
            expect(await page.locator(`#${id} > h2`).count()).toBe(1);
            expect(await page.locator(`nav.toc a[href="#${id}"]`).count()).toBe(1);
        }
        const broken = await page.$$eval('nav.toc a', links => links
            .map(a => a.getAttribute('href')!.slice(1))
            .filter(id => !document.getElementById(id)));
        expect(broken).toEqual([]);
        expect(events).toEqual([]);
        await page.close();
    });

    test('the matrix cells are coloured by zone', async () => {
        const plan = await loadPlan(file);
        const { analysis, lang } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
        const expected = riskMatrix(analysis, lang).rows.flat();
        const { page } = await open(await exportText(plan, 'html'));
        for (const figure of ['#matrix-inherent', '#matrix-residual']) {
            const cells = await page.$$eval(`${figure} g.cell`, groups => groups.map(g => ({
                likelihood: Number(g.getAttribute('data-likelihood')), impact: Number(g.getAttribute('data-impact')),
                zone: g.getAttribute('data-zone'), fill: getComputedStyle(g.querySelector('rect')!).fill
            })));
            expect(cells).toHaveLength(expected.length);
            for (const cell of cells) {
                const zone = expected.find(c => c.likelihood === cell.likelihood && c.impact === cell.impact)!.zone;
                expect(cell.zone).toBe(zone);
                expect(cell.fill).toBe(rgb(zoneFill[zone]));
            }
            expect(new Set(cells.map(c => c.fill)).size).toBe(3);
        }
        const zoned = await page.$$eval('td[class^="zone-"]',
            tds => tds.map(td => ({ zone: td.className.slice(5), background: getComputedStyle(td).backgroundColor })));
        expect(zoned.length).toBeGreaterThan(0);
        for (const td of zoned) expect(td.background).toBe(rgb(zoneFill[td.zone as keyof typeof zoneFill]));
        await page.close();
    });
});

const hostile = `
plan "<script>alert('title')</script>" {
    organisation "<img src=x onerror=alert('organisation')>"
    version "\\"><script>alert('version')</script>"
    scope "javascript:alert('scope')"
    owner Chef
    date 2026-01-10
    language en
    distribution Chef
}
role Chef "<svg onload=alert('role')><a href=\\"javascript:alert('link')\\">click</a>" {
    holder "</td></tr></table><script>alert('holder')</script>"
    phone "javascript:alert('phone')"
    email "<iframe src=\\"javascript:alert('email')\\"></iframe>"
    notes "<style>body{display:none}</style><body onload=alert('notes')>"
}
asset Serveur "<object data=javascript:alert('asset')></object>" { kind server owner Chef }
activity Vente "<details open ontoggle=alert('activity')>" {
    criticality low uses Serveur owner Chef manual "<img src=x onerror=alert('manual')>"
}
risk Feu "</title><script>alert('risk')</script>" { category fire likelihood 2 impact 2 targets Serveur owner Chef }
exception "<script>document.body.innerHTML='pwned'</script> | pipes | and *stars*"
`;

describe('a plan whose strings hold markup', () => {
    test('runs nothing in the HTML export and shows the strings as text', async () => {
        const services = createTestServices();
        const plan = (await buildFiles(services, { 'plan.pra': hostile }))['plan.pra'];
        const result = await exportDocument(services, plan, { format: 'html', force: true });
        const html = new TextDecoder().decode(result.content);
        const { page, events } = await open(html);
        expect(events).toEqual([]);
        const injected = await page.evaluate(() => ({
            elements: document.querySelectorAll('script, iframe, object, embed, img, details, body style, main svg a').length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')).filter(h => !h?.startsWith('#')),
            text: document.body.innerText
        }));
        expect(injected.elements).toBe(0);
        expect(injected.handlers).toBe(0);
        expect(injected.links).toEqual([]);
        expect(injected.text).toContain('<script>alert(\'title\')</script>');
        expect(injected.text).toContain('</td></tr></table><script>alert(\'holder\')</script>');
        expect(injected.text).toContain('javascript:alert(\'scope\')');
        expect(await page.title()).toBe('<script>alert(\'title\')</script>');
        await page.close();
    });

    test('stays inert in Markdown and intact in JSON', async () => {
        const services = createTestServices();
        const document = (await buildFiles(services, { 'plan.pra': hostile }))['plan.pra'];
        const render = async (format: 'md' | 'json'): Promise<string> =>
            new TextDecoder().decode((await exportDocument(services, document, { format, force: true })).content);
        const md = await render('md');
        expect(md).not.toMatch(/(^|[^\\])<(script|img|iframe|svg|object|style|details)/m);
        expect(md).toContain('\\| pipes \\|');
        const json = JSON.parse(await render('json'));
        expect(json.sections[1].blocks[1].blocks[0].items)
            .toEqual(['<script>document.body.innerHTML=\'pwned\'</script> | pipes | and *stars*']);
    });
});
