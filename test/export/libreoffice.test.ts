import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { exportText as fixedText } from '../../packages/language/src/export/pra-export-texts.js';
import { documentDuration } from '../../packages/language/src/export/pra-document-format.js';
import { sectionHeading, sectionIds, type PlanDocument } from '../../packages/language/src/export/pra-document-model.js';
import { loadPlan, pdfPages } from './export-helpers.js';

const run = promisify(execFile);
let folder: string;
const converted: Record<string, { text: string; pages: string[]; headings: string[] }> = {};
const plans = [
    { file: 'examples/atelier-bois/plan.pra', name: 'atelier', lang: 'fr' as const, draft: true, maxPages: 70 },
    { file: 'examples/cabinet-martin/plan.pra', name: 'cabinet', lang: 'fr' as const, draft: false, maxPages: 70 },
    { file: 'examples/clinique-vet/plan.pra', name: 'clinique', lang: 'en' as const, draft: false, maxPages: 70 }
];

// One LibreOffice run per target converts every document: starting the office suite is the slow part.
beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pra-lo-'));
    for (const { file, name } of plans) {
        const plan = await loadPlan(file);
        const result = await exportDocument(plan.services, plan.document, { format: 'docx', force: true });
        await writeFile(path.join(folder, `${name}.docx`), result.content);
        const json = JSON.parse(new TextDecoder().decode((await exportDocument(plan.services, plan.document,
            { format: 'json', force: true })).content)) as PlanDocument;
        converted[name] = { text: '', pages: [], headings: json.sections.map(sectionHeading) };
    }
    const documents = plans.map(p => path.join(folder, `${p.name}.docx`));
    const profile = `-env:UserInstallation=file://${folder}/profile`;
    await run('soffice', [profile, '--headless', '--convert-to', 'txt:Text', '--outdir', folder, ...documents], { timeout: 240_000 });
    await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...documents], { timeout: 240_000 });
    for (const { name } of plans) {
        converted[name].text = await readFile(path.join(folder, `${name}.txt`), 'utf8');
        converted[name].pages = await pdfPages(await readFile(path.join(folder, `${name}.pdf`)));
    }
}, 400_000);
afterAll(async () => { if (folder) await rm(folder, { recursive: true, force: true }); });

test.each(plans)('LibreOffice opens the Word export of $file and shows its headings and figures', async ({ file, name, lang, draft }) => {
    const { text, headings } = converted[name];
    expect(headings).toHaveLength(sectionIds.length);
    for (const heading of headings) expect(text).toContain(heading);
    const plan = await loadPlan(file, lang);
    const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
    expect(text).toContain(analysis.model.header!.title);
    const lines = text.split('\n').map(l => l.trim());
    for (const risk of analysis.risks.values()) if (risk.score !== undefined) expect(text, risk.name).toContain(String(risk.score));
    for (const activity of analysis.model.activities) {
        if (activity.rtoMinutes !== undefined) expect(text, activity.name).toContain(documentDuration(activity.rtoMinutes, lang));
    }
    expect(lines.length).toBeGreaterThan(200);
    expect(text.includes(fixedText('document.draftMark', lang))).toBe(draft);
});

test.each(plans)('the Word export of $file, laid out by LibreOffice: matrices each on one page, no title word broken, '
    + 'at most $maxPages pages, DRAFT on every page of a draft', async ({ file, name, lang, draft, maxPages }) => {
    const { pages } = converted[name];
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.length).toBeLessThanOrEqual(maxPages);
    const plan = await loadPlan(file, lang);
    const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
    for (const key of ['sub.inherentMatrix', 'sub.residualMatrix'] as const) {
        const heading = fixedText(key, lang);
        // Past the table of contents (the field lists the headings too): the page holding the heading holds the whole grid.
        const at = pages.filter(p => p.split('\n').some(l => l.trim() === heading) && !p.includes(fixedText('document.toc', lang)));
        expect(at, heading).toHaveLength(1);
        const lowest = analysis.model.scales.likelihood[0];
        const legend = fixedText('matrix.scoreFrom', lang, { zone: 'x', from: String(analysis.model.scales.unacceptableFrom) }).split(/:\s*/)[1];
        const page = at[0].replace(/\s+/g, ' ');
        expect(page, `${heading}: legend`).toContain(legend);
        if (lowest?.label) expect(page, `${heading}: lowest row`).toContain(lowest.label);
    }
    const words = new Set(pages.join('\n').split(/[^\p{L}\p{N}'’-]+/u));
    const titles = [analysis.model.roles, analysis.model.assets, analysis.model.activities, analysis.model.risks,
        analysis.model.fallbacks, analysis.model.procedures].flatMap(list => list.flatMap(e => e.title ? [e.title] : []));
    const titleWords = [...new Set(titles.flatMap(t => t.split(/[^\p{L}\p{N}'’-]+/u)).filter(w => /^\p{L}{3,}$/u.test(w)))];
    expect(titleWords.filter(w => !words.has(w))).toEqual([]);
    if (draft) pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(fixedText('document.draftMark', lang)));
    console.log(`${name}.docx through LibreOffice: ${pages.length} pages`);
});
