import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { PraInputError } from 'pra-language/node';
import { cliText } from './cli-messages.js';

/** The `.pra` files named or found (recursively, sorted) under the folders named. */
export async function collectPraFiles(paths: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const given of paths) {
        let info;
        try {
            info = await stat(given);
        } catch {
            throw new PraInputError(given, cliText('file.missing', 'en'));
        }
        if (!info.isDirectory()) {
            files.push(given);
            continue;
        }
        const found = await praFilesUnder(given);
        if (found.length === 0) throw new PraInputError(given, cliText('file.no-pra', 'en'));
        for (const file of found) files.push(file);
    }
    return files;
}

async function praFilesUnder(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true });
    const found: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) for (const file of await praFilesUnder(full)) found.push(file);
        else if (entry.name.endsWith('.pra') && await isRegularFile(entry, full)) found.push(full);
    }
    return found;
}

/** A FIFO or a device named `x.pra` is skipped, never read (reading a FIFO blocks for ever). */
async function isRegularFile(entry: Dirent, full: string): Promise<boolean> {
    if (entry.isFile()) return true;
    if (!entry.isSymbolicLink()) return false;
    return (await stat(full).catch(() => undefined))?.isFile() ?? false;
}
