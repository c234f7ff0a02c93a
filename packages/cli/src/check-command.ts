import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, failsAt, isOpen, toSarif, type CheckReport, type Lang } from 'pra-language';
import {
    createNodePraServices, declaresPlan, findImportingPlans, loadPlanDocuments, PraInputError, type ImportGraphCache
} from 'pra-language/node';
import { choice, isoDateOption, UsageError, type ParsedArgs } from './cli-args.js';
import { cliMessages } from './cli-messages.js';
import { collectPraFiles } from './collect-files.js';
import { cliVersion, type Output } from './output.js';

const formats = ['text', 'json', 'sarif'] as const;
const levels = ['error', 'warning', 'info'] as const;

/** The README's checks table, one anchor per code: where SARIF help links point. */
const checksDocumentation = `${pathToFileUrl(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'))}`;

function pathToFileUrl(file: string): string {
    return `file://${encodeURI(file.split(path.sep).join('/'))}`;
}

const shown = (file: string): string => path.relative(process.cwd(), file) || file;
/** A folder relative to the working directory when inside it, else absolute. */
function folderShown(folder: string): string {
    const relative = path.relative(process.cwd(), folder);
    return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}

/**
 * The plans that give context to the files given without a `plan` block (an inventory file):
 * those of the file's folder tree that import it (see pra-importers.ts for where it looks).
 */
interface ContextPlans { plans: string[]; searched: Map<string, { root: string; plans: string[] }> }

async function contextPlans(files: readonly string[]): Promise<ContextPlans> {
    const plans = new Set<string>();
    const searched = new Map<string, { root: string; plans: string[] }>();
    const graphs: ImportGraphCache = new Map();
    for (const file of files) {
        let text: string;
        try {
            // Only a regular file is read here (a FIFO would block): the loading reports the others.
            const info = await stat(file);
            if (!info.isFile() || info.size > 10 * 1024 * 1024) continue;
            text = await readFile(file, 'utf8');
        } catch {
            continue; // reported by the loading, with its reason
        }
        if (declaresPlan(text)) continue;
        const found = await findImportingPlans(file, process.cwd(), graphs);
        searched.set(path.resolve(file), { root: found.searchRoot, plans: found.plans });
        for (const plan of found.plans) plans.add(plan);
    }
    return { plans: [...plans], searched };
}

export async function checkCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', formats, 'text')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    const failOn = choice(args, 'fail-on', levels, 'error')!;
    const today = isoDateOption(args, 'today');
    if (args.paths.length === 0) throw new UsageError('usage.check-paths');
    const sarifOptions = { lang: lang ?? 'en' as Lang, version: cliVersion, sourceRoot: process.cwd(), helpBase: checksDocumentation };
    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    services.PraSettings.today = today;
    let loaded;
    try {
        const files = await collectPraFiles(args.paths);
        if (files.length === 0) throw new UsageError('usage.no-pra-file', { paths: args.paths.join(', ') });
        const context = await contextPlans(files);
        loaded = { files, context, ...await loadPlanDocuments(services, files, context.plans) };
    } catch (error) {
        if (format !== 'sarif' || !(error instanceof PraInputError)) throw error;
        // Code scanning still gets a valid document: no results, a failed invocation naming the file.
        const unreadable = [{ file: error.file, message: error.message }];
        out.write(JSON.stringify(toSarif(checkReport([]), { ...sarifOptions, unreadable }), null, 2) + '\n');
        out.error(`pra: ${error.message}\n`);
        return 2;
    }
    const { files, requested, all, context } = loaded;
    // Read from the text, not the analysis: the analysis may be what failed (internal-error below).
    const messageLang = lang ?? (requested[0] ? services.PraDocumentLanguage.of(requested[0].uri.toString()) : 'en');
    sarifOptions.lang = messageLang;
    const imports = services.references.PraImports;
    const named = requested.map((document, i) => {
        const root = imports.contextRoot(document.uri.toString());
        const contextFile = root !== document.uri.toString() ? shown(fileURLToPath(root)) : undefined;
        return { file: files[i], document, ...(contextFile ? { context: contextFile } : {}) };
    });
    const imported = all.filter(d => !requested.includes(d))
        .map(document => ({ file: path.relative(process.cwd(), document.uri.fsPath), document }));
    const shownAs = new Map([...named, ...imported].map(({ file, document }) => [document.uri.toString(), file]));
    const report = checkReport([...named, ...imported], uri => shownAs.get(uri) ?? path.relative(process.cwd(), fileURLToPath(uri)));
    const failed = report.files.find(f => f.diagnostics.some(d => d.code === 'internal-error'));
    if (failed) {
        // Never a report that could read as clean: one line, exit 2.
        const failure = failed.diagnostics.find(d => d.code === 'internal-error')!;
        out.error(`pra: ${failed.file}: ${failure.message}\n`);
        return 2;
    }
    if (format === 'json') out.write(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(toSarif(report, sarifOptions), null, 2) + '\n');
    else {
        const messages = cliMessages(messageLang);
        const contextLines = named.flatMap(({ file, document, context: plan }) => {
            const search = context.searched.get(path.resolve(document.uri.fsPath));
            if (!search) return [];
            if (!plan) return [messages.checkedAlone(file, folderShown(search.root))];
            const others = search.plans.length - 1;
            return [others > 0 ? messages.contextOfOthers(file, plan, others) : messages.checkedInContext(file, plan)];
        });
        const text = textReport(report, out.color, args.options.has('show-accepted'), messageLang);
        out.write(contextLines.map(line => line + '\n').join('') + text);
    }
    return failsAt(report, failOn) ? 1 : 0;
}

const colours: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

/** One line per finding; accepted findings only with `--show-accepted`, always counted on the last line. */
export function textReport(report: CheckReport, color: boolean, showAccepted = false, lang: Lang = 'en'): string {
    const lines: string[] = [];
    for (const { file, diagnostics } of report.files) {
        for (const d of diagnostics) {
            const open = isOpen(d);
            if (!open && !showAccepted) continue;
            const label = open ? d.severity : 'accepted';
            const severity = color ? `${open ? colours[d.severity] : colours.hint}${label}\x1b[0m` : label;
            const until = d.accepted?.until ? ` until ${d.accepted.until}` : '';
            const acceptance = d.accepted ? ` [${d.accepted.by}${until}: ${d.accepted.reason}]` : '';
            lines.push(`${file}:${d.line}:${d.column} ${severity} ${d.code} ${d.message}${acceptance}`);
        }
    }
    const messages = cliMessages(lang);
    const { errors, warnings, info, accepted } = report.summary;
    lines.push(messages.summary(report.files.length, errors, warnings, info));
    if (accepted > 0) lines.push(messages.acceptedCount(accepted, showAccepted));
    return lines.join('\n') + '\n';
}
