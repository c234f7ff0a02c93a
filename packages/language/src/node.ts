import './polyfill.js';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { isPraFile } from './generated/ast.js';
import { isPraImportPath } from './pra-imports.js';
import { PraNodeFileSystem, readPlanFile, UnreadableFileError } from './pra-file-system-provider.js';
import { PraInputError } from './pra-input-error.js';
import { createPraServices, type PraServices } from './pra-module.js';

export { createPraServices } from './pra-module.js';
export { PraInputError } from './pra-input-error.js';
export { declaresPlan, findImportingPlans, searchRootOf, type ImportGraphCache, type ImportingPlans } from './pra-importers.js';

export function createNodePraServices(): PraServices {
    return createPraServices(PraNodeFileSystem).Pra;
}

/** The text of a file the user named; a one-line PraInputError when it cannot be read. */
async function readNamedFile(file: string): Promise<string> {
    try {
        return await readPlanFile(file);
    } catch (error) {
        if (error instanceof PraInputError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied'
            : `cannot be read (${code ?? 'unknown error'})`;
        throw new PraInputError(file, reason);
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
 * PraInputError for a file that cannot be read. `contextFiles`: plans loaded and built too (with what
 * they import) so that the files asked for are judged in their context, but not part of `all`: the
 * plans that import an inventory file.
 */
export async function loadPlanDocuments(services: PraServices, files: readonly string[], contextFiles: readonly string[] = [],
    read: (file: string) => Promise<string> = readNamedFile): Promise<LoadedPlans> {
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const imports = services.references.PraImports;
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
                // Left to the import check: `import-not-pra` names the refusal, `import-not-found` the rest.
                if (error instanceof UnreadableFileError) imports.markUnreadable(URI.file(absolute), error.kind);
                continue;
            }
            document = factory.fromString(text, URI.file(absolute));
            documents.addDocument(document);
            loaded.set(absolute, document);
            const root = document.parseResult.value;
            const targets = isPraFile(root)
                // Only `.pra` paths are ever read: anything else gets `import-not-pra`, unread.
                ? root.imports.filter(imp => isPraImportPath(imp.path)).map(imp => path.resolve(path.dirname(absolute), imp.path)) : [];
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
