import * as path from 'node:path';
import { checkReport, hasErrors, toSarif, type CheckReport } from 'pra-language';
import { createNodePraServices, loadPlanDocuments } from 'pra-language/node';
import { choice, UsageError, type ParsedArgs } from './cli-args.js';
import { collectPraFiles } from './collect-files.js';
import { cliVersion, type Output } from './output.js';

const formats = ['text', 'json', 'sarif'] as const;

export async function checkCommand(args: ParsedArgs, out: Output): Promise<number> {
    const format = choice(args, 'format', formats, 'text')!;
    const lang = choice(args, 'lang', ['fr', 'en'] as const, undefined);
    if (args.paths.length === 0) throw new UsageError('pra check needs at least one .pra file or folder');
    const files = await collectPraFiles(args.paths);
    if (files.length === 0) throw new UsageError(`no .pra file under ${args.paths.join(', ')}`);
    const services = createNodePraServices();
    services.PraSettings.languageOverride = lang;
    const { requested, all } = await loadPlanDocuments(services, files);
    const named = requested.map((document, i) => ({ file: files[i], document }));
    const imported = all.filter(d => !requested.includes(d))
        .map(document => ({ file: path.relative(process.cwd(), document.uri.fsPath), document }));
    const report = checkReport([...named, ...imported]);
    const failed = report.files.find(f => f.diagnostics.some(d => d.code === 'internal-error'));
    if (failed) {
        // Never a report that could read as clean: one line, exit 2.
        const failure = failed.diagnostics.find(d => d.code === 'internal-error')!;
        out.error(`pra: ${failed.file}: ${failure.message}\n`);
        return 2;
    }
    if (format === 'json') out.write(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(toSarif(report, lang ?? 'en', cliVersion), null, 2) + '\n');
    else out.write(textReport(report, out.color));
    return hasErrors(report) ? 1 : 0;
}

const colours: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function textReport(report: CheckReport, color: boolean): string {
    const lines: string[] = [];
    let errors = 0, warnings = 0, infos = 0;
    for (const { file, diagnostics } of report.files) {
        for (const d of diagnostics) {
            if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; else infos++;
            const severity = color ? `${colours[d.severity]}${d.severity}\x1b[0m` : d.severity;
            lines.push(`${file}:${d.line}:${d.column} ${severity} ${d.code} ${d.message}`);
        }
    }
    const files = report.files.length;
    lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info.`);
    return lines.join('\n') + '\n';
}
