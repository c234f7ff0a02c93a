import { PraInputError } from 'pra-language/node';
import { parseArgs, UsageError } from './cli-args.js';
import { checkCommand } from './check-command.js';
import { exportCommand } from './export-command.js';
import { diffCommand } from './diff-command.js';
import { importCommand } from './import-command.js';
import { initCommand } from './init-command.js';
import { simulateCommand } from './simulate-command.js';
import { cliVersion, type Output } from './output.js';
import { argvLanguage, cliText } from './cli-messages.js';

const usage = `Usage:
  pra check <file|folder>... [--format text|json|sarif] [--lang fr|en]
            [--today YYYY-MM-DD] [--fail-on error|warning|info] [--show-accepted]
  pra export <file> [--format docx|pdf|html|md|json|xlsx] [--lang fr|en] [-o <path>] [--force]
              [--since <git revision>]
  pra init [folder] [--lang fr|en] [--org "<organisation>"]
  pra diff <old.pra> <new.pra> | --git <rev> <plan.pra> [--format text|md|json] [--lang fr|en]
  pra import <bia.xlsx> [-o <plan.pra>] [--force] [--lang fr|en]
  pra simulate <file> --down <Name>[,<Name>...] [--at YYYY-MM-DDTHH:MM] [--format text|json|md]
            [--lang fr|en] [--today YYYY-MM-DD]
  pra --version | --help

Exit codes: 0 no error (or nothing at or above --fail-on that is not accepted),
            1 the plan has errors (or findings at or above --fail-on), 2 usage or file problem.`;

type Command = (args: ReturnType<typeof parseArgs>, out: Output) => Promise<number>;
const commands = new Map<string, Command>([['check', checkCommand]]);

/** Registers a command; the export command adds itself this way. */
export function addCommand(name: string, command: Command): void {
    commands.set(name, command);
}

addCommand('export', exportCommand);
addCommand('init', initCommand);
addCommand('diff', diffCommand);
addCommand('import', importCommand);
addCommand('simulate', simulateCommand);

export async function main(
    argv: readonly string[], stdout: NodeJS.WritableStream & { isTTY?: boolean }, stderr: NodeJS.WritableStream
): Promise<number> {
    const out: Output = {
        write: text => { stdout.write(text); },
        error: text => { stderr.write(text); },
        color: Boolean(stdout.isTTY) && !process.env.NO_COLOR && !argv.includes('--no-color')
    };
    try {
        const args = parseArgs(argv);
        if (args.options.has('version')) { out.write(`${cliVersion}\n`); return 0; }
        if (args.options.has('help') || args.command === undefined) {
            (args.command === undefined && !args.options.has('help') ? stderr : stdout).write(usage + '\n');
            return args.command === undefined && !args.options.has('help') ? 2 : 0;
        }
        const command = commands.get(args.command);
        if (!command) throw new UsageError('usage.unknown-command', { command: args.command });
        return await command(args, out);
    } catch (error) {
        if (error instanceof UsageError) {
            const lang = argvLanguage(argv);
            stderr.write(`pra: ${cliText(error.key, lang, error.params)} ${cliText('usage.hint', lang)}\n`);
            return 2;
        }
        if (error instanceof PraInputError) {
            stderr.write(`pra: ${error.message}\n`);
            return 2;
        }
        const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        stderr.write(`pra: ${cliText('internal-error', argvLanguage(argv), { failure: failure.split('\n')[0] })}\n`);
        return 2;
    }
}
