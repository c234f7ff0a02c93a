import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ResvgNative from '@resvg/resvg-js';
import type * as ResvgWasm from '@resvg/resvg-wasm';
import { fontBytes, fontFiles, fontPaths } from './pdf-fonts.js';

/**
 * SVG to PNG for Word, which shows pictures, not SVG: resvg at twice the size for print, with the
 * documents' font. Two builds of the same renderer: the native one (`@resvg/resvg-js`, a platform
 * binary the CLI finds in node_modules) and the WebAssembly one (`@resvg/resvg-wasm`), which travels
 * with the editor's bundled language server (`resvg.wasm` beside `renderers.cjs`), where no native
 * binary can be shipped for every platform. Both draw the same picture; the native one is faster.
 */
export type PngEngine = 'native' | 'wasm';

/** Both engines draw at twice the SVG's size, on white, with the documents' Roboto only. */
const drawing = { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff' } as const;
const font = { loadSystemFonts: false, defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' } as const;
/** The WebAssembly module's file name beside the bundles (scripts/lazy-renderers.mjs copies it there). */
const resvgWasmName = 'resvg.wasm';

/** The PNG of an SVG with the first engine that loads here; undefined when none does. */
export async function svgToPng(svg: string): Promise<Uint8Array | undefined> {
    for (const engine of ['native', 'wasm'] as const) {
        const png = await svgToPngWith(engine, svg);
        if (png) return png;
    }
    return undefined;
}

/** The PNG of an SVG with one engine; undefined when that engine is not installed here. */
export async function svgToPngWith(engine: PngEngine, svg: string): Promise<Uint8Array | undefined> {
    return engine === 'native' ? nativePng(svg) : wasmPng(svg);
}

let native: Promise<typeof ResvgNative | undefined> | undefined;

async function nativePng(svg: string): Promise<Uint8Array | undefined> {
    native ??= import('@resvg/resvg-js').catch(() => undefined);
    const resvg = await native;
    if (!resvg) return undefined;
    const renderer = new resvg.Resvg(svg, { ...drawing, font: { ...font, fontFiles: Object.values(fontPaths()) } });
    return new Uint8Array(renderer.render().asPng());
}

let wasm: Promise<typeof ResvgWasm | undefined> | undefined;
let fontBuffers: Uint8Array[] | undefined;

async function wasmPng(svg: string): Promise<Uint8Array | undefined> {
    wasm ??= loadWasm();
    const resvg = await wasm;
    if (!resvg) return undefined;
    fontBuffers ??= Object.values(fontFiles).map(fontBytes);
    const renderer = new resvg.Resvg(svg, { ...drawing, font: { ...font, fontBuffers } });
    try {
        return renderer.render().asPng();
    } finally {
        renderer.free();
    }
}

/** The WebAssembly renderer, its module compiled once per process; undefined when its file is not found. */
async function loadWasm(): Promise<typeof ResvgWasm | undefined> {
    const file = wasmFile();
    if (!file) return undefined;
    try {
        const resvg = await import('@resvg/resvg-wasm');
        await resvg.initWasm(readFileSync(file));
        return resvg;
    } catch {
        return undefined;
    }
}

/**
 * Where the WebAssembly module is: beside the running bundle (the bundles copy it there as
 * `resvg.wasm`), or in node_modules when the compiled modules run.
 */
function wasmFile(): string | undefined {
    // A CommonJS bundle has `__filename`; the compiled ES modules have `import.meta.url`.
    const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    const beside = join(dirname(here), resvgWasmName);
    if (existsSync(beside)) return beside;
    try {
        return createRequire(here).resolve('@resvg/resvg-wasm/index_bg.wasm');
    } catch {
        return undefined;
    }
}
