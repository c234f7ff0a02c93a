import { createRequire } from 'node:module';

export interface Output {
    write(text: string): void;
    /** One-line problems for the user, on standard error. */
    error(text: string): void;
    /** Whether to colour text: only on a terminal, and never with NO_COLOR or --no-color. */
    color: boolean;
}

export const cliVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
