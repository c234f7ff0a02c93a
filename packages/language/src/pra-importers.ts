import { existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Finding the plans that import a file, on disk, without building them: what `pra check
 * inventaire.pra` needs to judge an inventory file in the context of its plan.
 *
 * Where it looks (the "folder tree" of the file): the nearest folder, from the file's own folder
 * up, that holds a `.git` entry (the repository the plan lives in); outside any repository, the
 * working directory when the file lies inside it, else the file's own folder. Hidden folders and
 * node_modules are skipped, as by `pra check <folder>`; at most 5,000 files of 10 MB each are read.
 */
export interface ImportingPlans {
    /** The folder searched. */
    searchRoot: string;
    /** Absolute paths of the files holding a `plan` block that import the file, directly or through other files, sorted. */
    plans: string[];
}

/** Files read to find imports: no more than this many, and each read no further than this. */
const maxFiles = 5000;
const maxBytes = 10 * 1024 * 1024;

const importPattern = /^[ \t]*import[ \t]+"((?:[^"\\\n]|\\.)*)"/gm;
const planPattern = /^[ \t]*plan[ \t]+"/m;

/** The folder whose tree is searched for the plans importing `file` (see above). */
export function searchRootOf(file: string, workingDirectory: string): string {
    const cwd = path.resolve(workingDirectory);
    const own = path.dirname(path.resolve(file));
    for (let folder = own; ; folder = path.dirname(folder)) {
        if (existsSync(path.join(folder, '.git'))) return folder;
        if (path.dirname(folder) === folder) break;
    }
    return (own + path.sep).startsWith(cwd + path.sep) ? cwd : own;
}

/** The text of a `.pra` file as far as the cheap reading goes, or undefined when it cannot be read. */
async function headText(file: string): Promise<string | undefined> {
    try {
        const info = await stat(file);
        if (!info.isFile() || info.size > maxBytes) return undefined;
        const handle = await open(file, 'r');
        try {
            return (await handle.readFile()).toString('utf8');
        } finally {
            await handle.close();
        }
    } catch {
        return undefined;
    }
}

async function praFilesUnder(folder: string, found: string[]): Promise<void> {
    let entries;
    try {
        entries = await readdir(folder, { withFileTypes: true });
    } catch {
        return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (found.length >= maxFiles) return;
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) await praFilesUnder(full, found);
        else if (entry.isFile() && entry.name.endsWith('.pra')) found.push(full);
    }
}

/** The `import` paths written in a text, resolved against its file's folder (a cheap reading: no parse). */
export function importsWritten(file: string, text: string): string[] {
    const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, '');
    return [...withoutComments.matchAll(importPattern)].map(match => path.resolve(path.dirname(file), match[1].replace(/\\(.)/g, '$1')));
}

/** Who imports what under a folder, and which files hold a plan: read once per folder searched. */
interface ImportGraph { importers: Map<string, string[]>; hasPlan: Set<string> }

/** Several files searched in one run share the reading of their folder tree. */
export type ImportGraphCache = Map<string, Promise<ImportGraph>>;

async function readGraph(searchRoot: string): Promise<ImportGraph> {
    const candidates: string[] = [];
    await praFilesUnder(searchRoot, candidates);
    const importers = new Map<string, string[]>();
    const hasPlan = new Set<string>();
    for (const candidate of candidates) {
        const text = await headText(candidate);
        if (text === undefined) continue;
        if (declaresPlan(text)) hasPlan.add(candidate);
        for (const imported of importsWritten(candidate, text)) {
            const list = importers.get(imported);
            if (list) list.push(candidate); else importers.set(imported, [candidate]);
        }
    }
    return { importers, hasPlan };
}

/** The plans of the file's folder tree that import it, directly or through other imported files. */
export async function findImportingPlans(file: string, workingDirectory: string = process.cwd(),
    cache: ImportGraphCache = new Map()): Promise<ImportingPlans> {
    const target = path.resolve(file);
    const searchRoot = searchRootOf(target, workingDirectory);
    let graph = cache.get(searchRoot);
    if (!graph) { graph = readGraph(searchRoot); cache.set(searchRoot, graph); }
    const { importers, hasPlan } = await graph;
    const reached = new Set<string>();
    const queue = [target];
    while (queue.length > 0) {
        for (const importer of importers.get(queue.shift()!) ?? []) {
            if (importer === target || reached.has(importer)) continue;
            reached.add(importer);
            queue.push(importer);
        }
    }
    return { searchRoot, plans: [...reached].filter(f => hasPlan.has(f)).sort() };
}

/** Whether a text declares a `plan` block (a cheap reading, before parsing). */
export function declaresPlan(text: string): boolean {
    return planPattern.test(text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, ''));
}
