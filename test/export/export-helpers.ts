import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { createNodePraServices, loadPlanDocuments } from '../../packages/language/src/node.js';
import { exportDocument, type ExportFormat } from '../../packages/language/src/export/pra-export.js';
import type { PraServices } from '../../packages/language/src/pra-module.js';
import type { Lang } from '../../packages/language/src/pra-messages.js';

export const repoRoot = path.resolve(__dirname, '../..');
/** Every example plan (the files holding a `plan`), relative to the repository root. */
export const examplePlans = ['examples/atelier-bois/plan.pra', 'examples/cabinet-martin/plan.pra', 'examples/clinique-vet/plan.pra'];

export interface LoadedPlan { services: PraServices; document: LangiumDocument; all: LangiumDocument[] }

export async function loadPlan(file: string, lang?: Lang): Promise<LoadedPlan> {
    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    const { requested, all } = await loadPlanDocuments(services, [path.resolve(repoRoot, file)]);
    return { services, document: requested[0], all };
}

export async function exportText(plan: LoadedPlan, format: Exclude<ExportFormat, 'docx'>, lang?: Lang): Promise<string> {
    const result = await exportDocument(plan.services, plan.document, { format, lang, force: true });
    return new TextDecoder().decode(result.content);
}

/** The text of a Word document: document.xml with one line per paragraph, tags stripped, entities decoded. */
export async function docxText(content: Uint8Array): Promise<{ text: string; xml: string }> {
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(content, { filter: file => file.name === 'word/document.xml' })['word/document.xml']);
    return { text: xmlText(xml), xml };
}

export function xmlText(xml: string): string {
    return xml.replace(/<\/w:p>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
}

/** Every string value of a JSON value. */
export function jsonStrings(value: unknown, into: string[] = []): string[] {
    if (typeof value === 'string') into.push(value);
    else if (Array.isArray(value)) value.forEach(v => jsonStrings(v, into));
    else if (value && typeof value === 'object') Object.values(value).forEach(v => jsonStrings(v, into));
    return into;
}

/** The text of a PDF, page by page (pdftotext, poppler-utils), pages split on form feeds. */
export async function pdfPages(content: Uint8Array, mode: 'reading' | 'layout' | 'raw' = 'reading'): Promise<string[]> {
    const { execFile } = await import('node:child_process');
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const folder = await mkdtemp(path.join(tmpdir(), 'pra-pdf-'));
    try {
        const file = path.join(folder, 'plan.pdf');
        await writeFile(file, content);
        const text = await new Promise<string>((resolve, reject) => execFile('pdftotext',
            [...(mode === 'reading' ? [] : [`-${mode}`]), '-enc', 'UTF-8', file, '-'],
            { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => error ? reject(error) : resolve(stdout)));
        return text.split('\f').slice(0, -1);
    } finally {
        await rm(folder, { recursive: true, force: true });
    }
}

/** The text in content order, hyphens kept (the reading order joins "lui-" and "même" into "luimême"). */
export async function pdfText(content: Uint8Array): Promise<string> {
    return (await pdfPages(content, 'raw')).join('\n');
}
