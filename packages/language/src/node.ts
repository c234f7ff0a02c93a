import './polyfill.js';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { isPraFile } from './generated/ast.js';
import { PraInputError } from './pra-input-error.js';
import { createPraServices, type PraServices } from './pra-module.js';

export { createPraServices } from './pra-module.js';
export { PraInputError } from './pra-input-error.js';
export { declaresPlan, findImportingPlans, searchRootOf, type ImportGraphCache, type ImportingPlans } from './pra-importers.js';

export function createNodePraServices(): PraServices {
    return createPraServices(NodeFileSystem).Pra;
}

async function readUtf8(file: string): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await readFile(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a .pra file'
            : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})`;
        throw new PraInputError(file, reason);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
        throw new PraInputError(file, 'is not UTF-8 text; save it as UTF-8');
    }
}

/** The plans loadPlanDocuments built. */
export interface LoadedPlans {
    /** The documents of the files asked for, in the order asked. */
    requested: LangiumDocument[];
    /** Those and every file they import. */
    all: LangiumDocument[];
}

/**
 * Loads the given files and, transitively, the files they import, then builds them all (parse,
 * link, analysis, checks). A missing imported file is left to the `import-not-found` check.
 * `read` gives a file's text (an older version from git for `pra diff --git`); it throws a
 * PraInputError for a file that cannot be read. `contextFiles`: plans loaded and built too (with what they import) so that the files asked for
 * are judged in their context, but not part of `all`: the plans that import an inventory file.
 */
export async function loadPlanDocuments(services: PraServices, files: readonly string[], contextFiles: readonly string[] = [],
    read: (file: string) => Promise<string> = readUtf8): Promise<LoadedPlans> {
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const requested: LangiumDocument[] = [];
    const queue: Array<{ file: string; requested: boolean }> = [
        ...files.map(file => ({ file, requested: true })), ...contextFiles.map(file => ({ file, requested: false }))];
    const loaded = new Map<string, LangiumDocument>();
    const importsOf = new Map<string, string[]>();
    while (queue.length > 0) {
        const { file, requested: isRequested } = queue.shift()!;
        const absolute = path.resolve(file);
        let document = loaded.get(absolute);
        if (!document) {
            let text: string;
            try {
                text = await read(file);
            } catch (error) {
                if (isRequested) throw error;
                continue;
            }
            document = factory.fromString(text, URI.file(absolute));
            documents.addDocument(document);
            loaded.set(absolute, document);
            const root = document.parseResult.value;
            const targets = isPraFile(root) ? root.imports.map(imp => path.resolve(path.dirname(absolute), imp.path)) : [];
            importsOf.set(absolute, targets);
            for (const target of targets) queue.push({ file: target, requested: false });
        }
        if (isRequested) requested.push(document);
    }
    // The files asked for and what they import, transitively, in loading order.
    const reached = new Set(files.map(file => path.resolve(file)));
    for (const file of reached) for (const target of importsOf.get(file) ?? []) reached.add(target);
    await services.shared.workspace.DocumentBuilder.build([...loaded.values()], { validation: true });
    return { requested, all: [...loaded].filter(([file]) => reached.has(file)).map(([, document]) => document) };
}
export { writeFileAtomic } from './export/atomic-write.js';
