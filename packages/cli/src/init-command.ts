import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PraInputError } from 'pra-language/node';
import { planSkeleton } from 'pra-language/skeleton';
import { choice, isoDateOption, UsageError, type ParsedArgs } from './cli-args.js';
import { cliMessages, cliText } from './cli-messages.js';
import type { Output } from './output.js';

/** The language of a new plan when --lang is not given: the system's, French or English. */
function systemLanguage(): 'fr' | 'en' {
    const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
    return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const oneYearLater = (date: string): string => {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    return next.toISOString().slice(0, 10);
};

/**
 * `pra init [folder] [--lang fr|en] [--org "…"]`: writes `<folder>/plan.pra`, the skeleton that
 * walks the six points of the template (the one skeleton, shared with the editor's New Plan and
 * the pra-plan snippet). Never overwrites: an existing plan.pra is a one-line refusal, exit 2.
 */
export async function initCommand(args: ParsedArgs, out: Output): Promise<number> {
    if (args.paths.length > 1) throw new UsageError('usage.init-paths');
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined) ?? systemLanguage();
    const given = args.options.get('org');
    if (given === true || (typeof given === 'string' && given.trim() === '')) {
        throw new UsageError('usage.org');
    }
    const messages = cliMessages(lang);
    const organisation = given?.trim() ?? messages.defaultOrganisation;
    const date = isoDateOption(args, 'today') ?? new Date().toISOString().slice(0, 10);
    const folder = args.paths[0] ?? '.';
    const target = path.join(folder, 'plan.pra');
    const text = planSkeleton({ organisation, lang, date, review: oneYearLater(date) });
    const reason = (error: unknown): string =>
        cliText('file.not-written', 'en', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    try {
        await mkdir(folder, { recursive: true });
    } catch (error) {
        throw new PraInputError(folder, reason(error));
    }
    try {
        // 'wx': created only if nothing is there (not even a link): an existing plan is never replaced.
        await writeFile(target, text, { flag: 'wx', mode: 0o644 });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new PraInputError(target, messages.initRefused);
        throw new PraInputError(target, reason(error));
    }
    out.write(messages.initWritten(target) + '\n');
    return 0;
}
