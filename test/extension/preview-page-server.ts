import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const media = join(__dirname, '../../packages/extension/media');
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves packages/extension/media/preview.html with its placeholders filled as the extension fills
 * them (origin as cspSource, a nonce), plus preview.js and preview.css: the page the webview loads.
 */
export async function servePreviewPage(nonce: string): Promise<{ url: string; close: () => Promise<void> }> {
    let origin = '';
    const server: Server = createServer((request, response) => {
        const path = (request.url ?? '/').split('?')[0];
        if (path === '/' || path === '/index.html') {
            const values: Record<string, string> = {
                cspSource: origin, nonce, lang: 'en',
                scriptUri: `${origin}/media/preview.js`, styleUri: `${origin}/media/preview.css`
            };
            const html = readFileSync(join(media, 'preview.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (w, k: string) => values[k] ?? w);
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
            return;
        }
        const file = /^\/media\/(preview\.(js|css))$/.exec(path);
        if (!file) { response.writeHead(404).end(); return; }
        response.writeHead(200, { 'content-type': types[file[1].slice(file[1].lastIndexOf('.'))] })
            .end(readFileSync(join(media, file[1])));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url: `${origin}/index.html`, close: () => new Promise(resolve => server.close(() => resolve())) };
}

/**
 * What VS Code gives a webview, installed before the page loads: `acquireVsCodeApi`, recording what the
 * page posts in `window.__posted` and keeping its state in `window.__state`; the Content-Security-Policy
 * violations the page meets are recorded in `window.__violations`.
 */
export async function fakeWebviewApi(page: Page): Promise<void> {
    await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__posted = [];
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', e => (w.__violations as string[]).push(e.violatedDirective));
        w.acquireVsCodeApi = () => ({
            postMessage: (m: unknown) => (w.__posted as unknown[]).push(m),
            getState: () => w.__state, setState: (s: unknown) => { w.__state = s; }
        });
    });
}
