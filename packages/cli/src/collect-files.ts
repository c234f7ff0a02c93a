import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { PraInputError } from 'pra-language/node';

/** The `.pra` files named or found (recursively, sorted) under the folders named. */
export async function collectPraFiles(paths: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const given of paths) {
        let info;
        try {
            info = await stat(given);
        } catch {
            throw new PraInputError(given, 'no such file or folder');
        }
        if (!info.isDirectory()) {
            files.push(given);
            continue;
        }
        const found = await praFilesUnder(given);
        if (found.length === 0) throw new PraInputError(given, 'no .pra file in this folder');
        files.push(...found);
    }
    return files;
}

async function praFilesUnder(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true });
    const found: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...await praFilesUnder(full));
        else if (entry.name.endsWith('.pra')) found.push(full);
    }
    return found;
}
