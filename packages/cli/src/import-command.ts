import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeBia, newPlanFromBia, readBiaWorkbook, type CellProblem, type Lang } from 'pra-language';
import { createNodePraServices, loadPlanDocuments, PraInputError, writeFileAtomic } from 'pra-language/node';
import { choice, UsageError, type ParsedArgs } from './cli-args.js';
import { cliMessages, cliText } from './cli-messages.js';
import type { Output } from './output.js';

async function exists(file: string): Promise<boolean> {
    try { await stat(file); return true; } catch { return false; }
}

function problemLines(workbook: string, problems: readonly CellProblem[]): string {
    return problems.map(p => `pra: ${workbook}: ${p.sheet ? `${p.sheet}!${p.cell}: ` : ''}${p.message}\n`).join('');
}

/**
 * `pra import <bia.xlsx> [-o plan.pra] [--force]`: a BIA workbook back into a plan. Without -o,
 * the new plan is printed. With -o naming a new file, the new plan is written there. With -o
 * naming an existing plan, the workbook is merged into it (and the files it imports) by name —
 * only with --force, as the plan is rewritten. Every cell that cannot be read or applied is one
 * line on stderr with its sheet and cell, and the exit code is then 1.
 */
export async function importCommand(args: ParsedArgs, out: Output): Promise<number> {
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    if (args.paths.length !== 1) throw new UsageError('usage.import-paths');
    const [workbook] = args.paths;
    const target = args.options.get('o');
    if (target === true || target === '') throw new UsageError('usage.import-output');
    if (target !== undefined && !target.endsWith('.pra')) throw new UsageError('usage.import-output-pra', { target });
    let bytes: Uint8Array;
    try {
        bytes = await readFile(workbook);
    } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        throw new PraInputError(workbook, cliText(missing ? 'file.no-such-file' : 'file.unreadable', 'en'));
    }
    let read;
    try {
        read = await readBiaWorkbook(bytes);
    } catch {
        throw new PraInputError(workbook, cliText('file.not-xlsx', 'en'));
    }
    const { data } = read;
    const problems = [...read.problems];
    if (target !== undefined && await exists(target)) {
        const messages = cliMessages(lang ?? data.lang);
        if (!args.options.has('force')) throw new PraInputError(target, messages.importRefused);
        const services = createNodePraServices();
        services.PraSettings.languageOverride = lang;
        const { requested, all } = await loadPlanDocuments(services, [target]);
        const { analysis, lang: planLang } = services.analysis.PraAnalysisService.forDocument(requested[0]);
        const rootUri = analysis.model.rootUri;
        const documents = [...all].sort((a, b) => (a.uri.toString() === rootUri ? -1 : b.uri.toString() === rootUri ? 1 : 0));
        const merged = mergeBia(analysis.model, documents, data, lang ?? planLang);
        problems.push(...merged.problems);
        for (const [uri, text] of merged.texts) {
            await writeFileAtomic(fileURLToPath(uri), new TextEncoder().encode(text), { force: true, plan: true });
        }
        const written = [...merged.texts.keys()].map(uri => path.relative(process.cwd(), fileURLToPath(uri)));
        out.write(cliMessages(lang ?? planLang).importMerged(target, merged.updated, merged.added, written) + '\n');
    } else {
        const planLang: Lang = lang ?? data.lang;
        const title = path.basename(workbook).replace(/\.xlsx$/i, '');
        const text = newPlanFromBia(data, title, planLang);
        if (target === undefined) out.write(text);
        else {
            await writeFileAtomic(target, new TextEncoder().encode(text), { plan: true });
            out.write(cliMessages(planLang).importWritten(target) + '\n');
        }
    }
    out.error(problemLines(workbook, problems));
    return problems.length > 0 ? 1 : 0;
}
