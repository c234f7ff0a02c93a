import { createRequire } from 'node:module';

export interface Output {
    write(text: string): void;
    /** One-line problems for the user, on standard error. */
    error(text: string): void;
    /** Whether to colour text: only on a terminal, and never with NO_COLOR or --no-color. */
    color: boolean;
}

export const cliVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const outputFailures: Readonly<Record<string, string>> = {
    EPIPE: 'the output was closed before everything was written',
    ENOSPC: 'no space left on the device of the output',
    EDQUOT: 'disk quota exceeded on the device of the output',
    EIO: 'input/output error on the output'
};

/**
 * Standard output closed (`| head -0`: EPIPE) or full (ENOSPC): one line on standard error and
 * exit 2, never a stack trace and never an exit code that reads as "the plan has errors".
 */
export function exitOnOutputFailure(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void {
    stdout.on('error', (error: NodeJS.ErrnoException) => {
        const reason = outputFailures[error.code ?? ''] ?? `cannot write the output (${error.code ?? error.message})`;
        try {
            stderr.write(`pra: ${reason}; the result is incomplete.\n`);
        } finally {
            process.exit(2);
        }
    });
}
