import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportDocument } from '../../packages/language/src/export/pra-export.js';
import { exportText as fixedText } from '../../packages/language/src/export/pra-export-texts.js';
import { sectionIds } from '../../packages/language/src/export/pra-document-model.js';
import { formatDuration } from '../../packages/language/src/pra-messages.js';
import { loadPlan } from './export-helpers.js';

const run = promisify(execFile);
let folder: string;
const converted: Record<string, string> = {};
const plans = [
    { file: 'examples/atelier-bois/plan.pra', name: 'atelier', lang: 'fr' as const, draft: true },
    { file: 'examples/clinique-vet/plan.pra', name: 'clinique', lang: 'en' as const, draft: false }
];

// One LibreOffice run converts both documents: starting the office suite is the slow part.
beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pra-lo-'));
    for (const { file, name } of plans) {
        const plan = await loadPlan(file);
        const result = await exportDocument(plan.services, plan.document, { format: 'docx', force: true });
        await writeFile(path.join(folder, `${name}.docx`), result.content);
    }
    await run('soffice', [`-env:UserInstallation=file://${folder}/profile`, '--headless', '--convert-to', 'txt:Text',
        '--outdir', folder, ...plans.map(p => path.join(folder, `${p.name}.docx`))], { timeout: 240_000 });
    for (const { name } of plans) converted[name] = await readFile(path.join(folder, `${name}.txt`), 'utf8');
}, 300_000);
afterAll(async () => { if (folder) await rm(folder, { recursive: true, force: true }); });

test.each(plans)('LibreOffice opens the Word export of $file and shows its headings and figures', async ({ file, name, lang, draft }) => {
    const text = converted[name];
    for (const [i, id] of sectionIds.entries()) expect(text).toContain(`${i + 1}. ${fixedText(`section.${id}`, lang)}`);
    const plan = await loadPlan(file, lang);
    const { analysis } = plan.services.analysis.PraAnalysisService.forDocument(plan.document);
    expect(text).toContain(analysis.model.header!.title);
    const lines = text.split('\n').map(l => l.trim());
    for (const risk of analysis.risks.values()) expect(lines, risk.name).toContain(String(risk.score));
    for (const activity of analysis.model.activities) {
        if (activity.rtoMinutes !== undefined) expect(lines, activity.name).toContain(formatDuration(activity.rtoMinutes, lang));
    }
    expect(text.includes(fixedText('document.draftShort', lang).toUpperCase())).toBe(draft);
});
