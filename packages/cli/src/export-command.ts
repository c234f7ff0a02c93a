import * as path from 'node:path';
import {
    diffPlans, exportDocument, exportFormats, ExportImpossibleError, ExportRefusedError, type DocumentChanges, type Lang
} from 'pra-language';
import { createNodePraServices, loadPlanDocuments, writeFileAtomic } from 'pra-language/node';
import { choice, UsageError, type ParsedArgs } from './cli-args.js';
import { gitShow, snapshot } from './diff-command.js';
import type { Output } from './output.js';

/** `plan.pra` → `plan.docx`, beside the input. */
export function defaultOutputPath(input: string, extension: string): string {
    const base = path.basename(input).replace(/\.pra$/i, '');
    return path.join(path.dirname(input), `${base}.${extension}`);
}

export async function exportCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', exportFormats, 'docx')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    if (args.paths.length !== 1) throw new UsageError('usage.export-paths');
    const input = args.paths[0];
    const given = args.options.get('o');
    if (given === true || given === '') throw new UsageError('usage.output-path');
    const target = given ?? defaultOutputPath(input, format);
    if (path.resolve(target) === path.resolve(input)) {
        throw new UsageError('usage.output-is-plan', { target });
    }
    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    const { requested } = await loadPlanDocuments(services, [input]);
    const changes = await changesSince(args, input, lang);
    let result;
    try {
        result = await exportDocument(services, requested[0], { format, lang, force: args.options.has('force'), changes });
    } catch (error) {
        if (error instanceof ExportImpossibleError) {
            out.error(`pra: ${error.message}\n`);
            return 2;
        }
        if (!(error instanceof ExportRefusedError)) throw error;
        const errors = `${error.errorCount} error${error.errorCount === 1 ? '' : 's'}`;
        out.error(`pra: ${input}: the plan has ${errors}; run pra check ${input} and fix them, or use --force to export a draft\n`);
        return 1;
    }
    await writeFileAtomic(target, result.content, { force: args.options.has('force') });
    out.write(`${target}${result.draft ? ' (draft: the plan has errors)' : ''}\n`);
    return 0;
}

/** `--since <rev>`: what changed since that git revision (the changelog of `pra diff --git`), for the version history. */
async function changesSince(args: ParsedArgs, input: string, lang: Lang | undefined): Promise<DocumentChanges | undefined> {
    const since = args.options.get('since');
    if (since === undefined) return undefined;
    if (since === true || since === '') throw new UsageError('usage.since-revision');
    const after = await snapshot(input, lang, undefined);
    const before = await snapshot(input, lang, undefined, older => gitShow(since, older));
    return { since, diff: diffPlans(before, after, lang ?? after.lang) };
}
