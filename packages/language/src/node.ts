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
 */
export async function loadPlanDocuments(services: PraServices, files: readonly string[]): Promise<LoadedPlans> {
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const imports = services.references.PraImports;
    const requested: LangiumDocument[] = [];
    const queue: Array<{ file: string; requested: boolean }> = files.map(file => ({ file, requested: true }));
    const loaded = new Map<string, LangiumDocument>();
    while (queue.length > 0) {
        const { file, requested: isRequested } = queue.shift()!;
        const absolute = path.resolve(file);
        let document = loaded.get(absolute);
        if (!document) {
            let text: string;
            try {
                text = await readNamedFile(file);
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
            if (isPraFile(root)) {
                for (const imp of root.imports) {
                    // Only `.pra` paths are ever read: anything else gets `import-not-pra`, unread.
                    if (isPraImportPath(imp.path)) queue.push({ file: path.resolve(path.dirname(absolute), imp.path), requested: false });
                }
            }
        }
        if (isRequested) requested.push(document);
    }
    const all = [...loaded.values()];
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { requested, all };
}
export { writeFileAtomic } from './export/atomic-write.js';
