import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderExtras } from '../../packages/language/src/export/diagram-svg.js';
import { buildPlanDocument } from '../../packages/language/src/export/pra-document-model.js';
import type { PlanDocument } from '../../packages/language/src/export/pra-document-types.js';
import { svgToPngWith } from '../../packages/language/src/export/svg-png.js';
import { loadPlan, repoRoot } from './export-helpers.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function exampleDocument(): Promise<PlanDocument> {
    const plan = await loadPlan('examples/clinique-vet/plan.pra', 'fr');
    const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
    return buildPlanDocument(analysis, [], 'fr', { sourceFiles: ['plan.pra'] });
}

describe("Word's pictures: resvg native or WebAssembly", () => {
    let document: PlanDocument;
    beforeAll(async () => { document = await exampleDocument(); }, 60_000);

    test('both engines draw the dependency diagram and a scenario chart at the same size (twice the SVG)', async () => {
        const { diagrams } = await renderExtras(document);
        const drawings = Object.values(diagrams);
        expect(drawings.length).toBeGreaterThan(1);
        for (const drawing of drawings.slice(0, 2)) {
            const native = await svgToPngWith('native', drawing.svg);
            const wasm = await svgToPngWith('wasm', drawing.svg);
            expect(native, 'the native resvg is installed in this workspace').toBeDefined();
            expect(wasm, 'the WebAssembly resvg loads from node_modules').toBeDefined();
            expect(pngSize(wasm!)).toEqual(pngSize(native!));
            expect(pngSize(wasm!).width).toBe(Math.ceil(drawing.width * 2));
            // Not a blank page: a drawing with text compresses far less than a white rectangle.
            expect(wasm!.length).toBeGreaterThan(5_000);
        }
    }, 60_000);

    describe("the editor's bundle, with no native resvg anywhere", () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'pra-renderers-'));
        const dist = path.join(repoRoot, 'packages/extension/dist');
        beforeAll(() => {
            // What the extension ships (npm run build): the renderers' bundle and resvg.wasm beside it,
            // copied where no node_modules is above them, as in an installed extension.
            for (const file of ['renderers.cjs', 'resvg.wasm']) copyFileSync(path.join(dist, file), path.join(folder, file));
        });
        afterAll(() => rmSync(folder, { recursive: true, force: true }));

        test('draws every picture of the document with the WebAssembly module', () => {
            expect(existsSync(path.join(folder, 'resvg.wasm'))).toBe(true);
            writeFileSync(path.join(folder, 'document.json'), JSON.stringify(document));
            const script = `
                const renderers = require(${JSON.stringify(path.join(folder, 'renderers.cjs'))});
                let native = true;
                try { require.resolve('@resvg/resvg-js'); } catch { native = false; }
                const document = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(path.join(folder, 'document.json'))}, 'utf8'));
                renderers.renderExtras(document, true).then(({ diagrams }) => {
                    const drawings = Object.values(diagrams);
                    const withPng = drawings.filter(d => d.png && d.png.length > 5000).length;
                    console.log(JSON.stringify({ native, drawings: drawings.length, withPng }));
                });`;
            const output = execFileSync(process.execPath, ['-e', script], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
            const result = JSON.parse(output.trim().split('\n').pop()!) as { native: boolean; drawings: number; withPng: number };
            expect(result.native).toBe(false);
            expect(result.drawings).toBeGreaterThan(1);
            expect(result.withPng).toBe(result.drawings);
        }, 90_000);
    });
});
