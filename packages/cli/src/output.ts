import type { Lang } from 'pra-language';
import { createRequire } from 'node:module';
import { cliText } from './cli-messages.js';

export interface Output {
    write(text: string): void;
    /** One-line problems for the user, on standard error. */
    error(text: string): void;
    /** Whether to colour text: only on a terminal, and never with NO_COLOR or --no-color. */
    color: boolean;
}

export const cliVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const outputFailures = ['EPIPE', 'ENOSPC', 'EDQUOT', 'EIO'] as const;
const isOutputFailure = (code: string | undefined): code is typeof outputFailures[number] =>
    (outputFailures as readonly (string | undefined)[]).includes(code);

/**
 * Standard output closed (`| head -0`: EPIPE) or full (ENOSPC): one line on standard error and
 * exit 2, never a stack trace and never an exit code that reads as "the plan has errors".
 */
export function exitOnOutputFailure(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, lang: Lang = 'en'): void {
    stdout.on('error', (error: NodeJS.ErrnoException) => {
        const reason = isOutputFailure(error.code) ? cliText(`output.${error.code}`, lang)
            : cliText('output.other', lang, { reason: error.code ?? error.message });
        try {
            stderr.write(`pra: ${cliText('output.incomplete', lang, { reason })}\n`);
        } finally {
            process.exit(2);
        }
    });
}
