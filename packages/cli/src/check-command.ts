import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, failsAt, isOpen, toSarif, type CheckReport } from 'pra-language';
import { createNodePraServices, loadPlanDocuments, PraInputError } from 'pra-language/node';
import { choice, isoDateOption, UsageError, type ParsedArgs } from './cli-args.js';
import { collectPraFiles } from './collect-files.js';
import { cliVersion, type Output } from './output.js';

const formats = ['text', 'json', 'sarif'] as const;
const levels = ['error', 'warning', 'info'] as const;

/** The README's checks table, one anchor per code: where SARIF help links point. */
const checksDocumentation = `${pathToFileUrl(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'))}`;

function pathToFileUrl(file: string): string {
    return `file://${encodeURI(file.split(path.sep).join('/'))}`;
}

export async function checkCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', formats, 'text')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    const failOn = choice(args, 'fail-on', levels, 'error')!;
    const today = isoDateOption(args, 'today');
    if (args.paths.length === 0) throw new UsageError('pra check needs at least one .pra file or folder');
    const sarifOptions = { lang: lang ?? 'en' as const, version: cliVersion, sourceRoot: process.cwd(), helpBase: checksDocumentation };
    let loaded;
    try {
        const files = await collectPraFiles(args.paths);
        if (files.length === 0) throw new UsageError(`no .pra file under ${args.paths.join(', ')}`);
        const services = createNodePraServices();
        services.PraSettings.languageOverride = lang;
        services.PraSettings.today = today;
        loaded = { files, ...await loadPlanDocuments(services, files) };
    } catch (error) {
        if (format !== 'sarif' || !(error instanceof PraInputError)) throw error;
        // Code scanning still gets a valid document: no results, a failed invocation naming the file.
        out.write(JSON.stringify(toSarif(checkReport([]), { ...sarifOptions, unreadable: [{ file: error.file, message: error.message }] }), null, 2) + '\n');
        out.error(`pra: ${error.message}\n`);
        return 2;
    }
    const { files, requested, all } = loaded;
    const named = requested.map((document, i) => ({ file: files[i], document }));
    const imported = all.filter(d => !requested.includes(d))
        .map(document => ({ file: path.relative(process.cwd(), document.uri.fsPath), document }));
    const shownAs = new Map([...named, ...imported].map(({ file, document }) => [document.uri.toString(), file]));
    const report = checkReport([...named, ...imported], uri => shownAs.get(uri) ?? path.relative(process.cwd(), fileURLToPath(uri)));
    if (format === 'json') out.write(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'sarif') {
        out.write(JSON.stringify(toSarif(report, sarifOptions), null, 2) + '\n');
    } else out.write(textReport(report, out.color, args.options.has('show-accepted')));
    return failsAt(report, failOn) ? 1 : 0;
}

const colours: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One line per finding; accepted findings only with `--show-accepted`, always counted on the last line. */
export function textReport(report: CheckReport, color: boolean, showAccepted = false): string {
    const lines: string[] = [];
    for (const { file, diagnostics } of report.files) {
        for (const d of diagnostics) {
            const open = isOpen(d);
            if (!open && !showAccepted) continue;
            const label = open ? d.severity : 'accepted';
            const severity = color ? `${open ? colours[d.severity] : colours.hint}${label}\x1b[0m` : label;
            const acceptance = d.accepted ? ` [${d.accepted.by}${d.accepted.until ? ` until ${d.accepted.until}` : ''}: ${d.accepted.reason}]` : '';
            lines.push(`${file}:${d.line}:${d.column} ${severity} ${d.code} ${d.message}${acceptance}`);
        }
    }
    const { errors, warnings, info, accepted } = report.summary;
    const files = report.files.length;
    lines.push(`${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${info} info.`);
    if (accepted > 0) {
        lines.push(`${accepted} accepted finding${accepted === 1 ? '' : 's'}${showAccepted ? '' : ' not shown (--show-accepted lists them)'}.`);
    }
    return lines.join('\n') + '\n';
}
