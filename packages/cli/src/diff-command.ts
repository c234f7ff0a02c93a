import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { diffMarkdown, diffPlans, diffText, planSnapshot, type Lang } from 'pra-language';
import { createNodePraServices, loadPlanDocuments, PraInputError } from 'pra-language/node';
import { choice, isoDateOption, UsageError, type ParsedArgs } from './cli-args.js';
import type { Output } from './output.js';
import { cliText } from './cli-messages.js';

const formats = ['text', 'md', 'json'] as const;

/** A file's text at a git revision (`git show <rev>:./<file>`, run from the file's folder). */
export function gitShow(rev: string, file: string): Promise<string> {
    return new Promise((resolve, reject) => {
        const options = { cwd: path.dirname(path.resolve(file)), encoding: 'buffer' as const, maxBuffer: 64 * 1024 * 1024 };
        execFile('git', ['show', `${rev}:./${path.basename(file)}`], options,
            (error, stdout, stderr) => {
                if (error) {
                    const said = stderr.toString('utf8').trim().split('\n')[0] || error.message;
                    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
                    reject(new PraInputError(`${rev}:${shown}`, cliText('file.git-unreadable', 'en', { reason: said })));
                    return;
                }
                try {
                    resolve(new TextDecoder('utf-8', { fatal: true }).decode(stdout).replace(/^\uFEFF/, ''));
                } catch {
                    reject(new PraInputError(`${rev}:${file}`, cliText('file.not-utf8', 'en')));
                }
            });
    });
}

/** A version of a plan (and its imports) as the diff compares it; `read` gives another version's text. */
export async function snapshot(file: string, lang: Lang | undefined, today: string | undefined, read?: (file: string) => Promise<string>) {
    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    services.PraSettings.today = today;
    const { requested, all } = await loadPlanDocuments(services, [file], [], read);
    return planSnapshot(services, requested[0], all, document => path.relative(process.cwd(), document.uri.fsPath));
}

/**
 * `pra diff <old.pra> <new.pra>` and `pra diff --git <rev> <plan.pra>`: what changed between two
 * versions of a plan (with their imports), as text, Markdown or JSON. Exit 0 whether or not
 * anything changed; 2 when a version cannot be read.
 */
export async function diffCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', formats, 'text')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    const today = isoDateOption(args, 'today');
    const rev = args.options.get('git');
    if (rev === true || rev === '') throw new UsageError('usage.git-revision');
    let from: string, to: string, before, after;
    if (rev !== undefined) {
        if (args.paths.length !== 1) throw new UsageError('usage.diff-git-paths');
        const [file] = args.paths;
        after = await snapshot(file, lang, today);
        before = await snapshot(file, lang, today, older => gitShow(rev, older));
        from = `${rev}:${file}`;
        to = file;
    } else {
        if (args.paths.length !== 2) throw new UsageError('usage.diff-paths');
        [from, to] = args.paths;
        before = await snapshot(from, lang, today);
        after = await snapshot(to, lang, today);
    }
    const language = lang ?? after.lang;
    const diff = diffPlans(before, after, language);
    if (format === 'json') out.write(JSON.stringify({ from, to, ...diff }, null, 2) + '\n');
    else if (format === 'md') out.write(diffMarkdown(diff, from, to, language));
    else out.write(diffText(diff, from, to, language));
    return 0;
}
