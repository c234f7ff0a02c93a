import type { MessageParams } from 'pra-language';
import { cliText, type CliTextKey } from './cli-messages.js';

/** Command-line arguments: a command, positional paths and `--name value` options. */
export interface ParsedArgs {
    command?: string;
    paths: string[];
    options: Map<string, string | true>;
}

/** A command line the CLI cannot run: a key of its catalogue, told in English here and in `--lang` by main. */
export class UsageError extends Error {
    constructor(readonly key: CliTextKey, readonly params: MessageParams = {}) {
        super(cliText(key, 'en', params));
    }
}

const valued = new Set(['format', 'lang', 'o', 'output', 'today', 'fail-on', 'org', 'git', 'down', 'at', 'since']);
const flags = new Set(['force', 'help', 'no-color', 'version', 'show-accepted']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
    const parsed: ParsedArgs = { paths: [], options: new Map() };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h') { parsed.options.set('help', true); continue; }
        if (arg.startsWith('-') && arg !== '-') {
            const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
            if (flags.has(rawName)) { parsed.options.set(rawName, true); continue; }
            if (!valued.has(rawName)) throw new UsageError('usage.unknown-option', { option: arg });
            const value = inline ?? argv[++i];
            if (value === undefined) throw new UsageError('usage.option-value', { option: arg });
            parsed.options.set(rawName === 'output' ? 'o' : rawName, value);
            continue;
        }
        if (parsed.command === undefined) parsed.command = arg; else parsed.paths.push(arg);
    }
    return parsed;
}

export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
    const value = args.options.get(name);
    if (value === undefined) return fallback;
    if (value === true || !allowed.includes(value as T)) {
        throw new UsageError('usage.choice', { name, allowed: allowed.join(', ') });
    }
    return value as T;
}

/** A `--name YYYY-MM-DD` option: a real calendar date, or undefined when not given. */
export function isoDateOption(args: ParsedArgs, name: string): string | undefined {
    const value = args.options.get(name);
    if (value === undefined) return undefined;
    const date = value === true ? undefined : new Date(`${value}T00:00:00Z`);
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        throw new UsageError('usage.date', { name });
    }
    return value as string;
}
