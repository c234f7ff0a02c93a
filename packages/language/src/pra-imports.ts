import { UriUtils, WorkspaceCache, type FileSystemProvider, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import { isPraFile, type Import, type PraFile } from './generated/ast.js';
import type { UnreadableKind } from './pra-file-system-provider.js';
import type { FindingTextKey, MessageParams } from './pra-messages.js';

/** Only `.pra` paths are imported (lower case, as the language server knows files): nothing else is read. */
export function isPraImportPath(path: unknown): path is string {
    return typeof path === 'string' && path.endsWith('.pra');
}

/** What is wrong with an import, as a finding: its code, its message key and the key's parameters. */
export interface ImportProblem { code: 'import-not-pra' | 'import-not-found'; key: FindingTextKey; params: MessageParams }

/**
 * Which files see which: a file sees its own names and those of the files it imports,
 * transitively. Computed once per document build.
 */
export class PraImports {
    private readonly documents: LangiumDocuments;
    private readonly visibleCache: WorkspaceCache<string, string[]>;
    private readonly rootCache: WorkspaceCache<'roots', Map<string, string>>;
    private readonly contextRootCache: WorkspaceCache<string, string>;
    private readonly orderCache: WorkspaceCache<string, string[]>;
    private readonly fileSystem: FileSystemProvider;
    /** Imported files the loader refused to read, by URI, with the reason (see PraFileSystemProvider). */
    private readonly unreadable = new Map<string, UnreadableKind>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.visibleCache = new WorkspaceCache(shared);
        this.rootCache = new WorkspaceCache(shared);
        this.contextRootCache = new WorkspaceCache(shared);
        this.orderCache = new WorkspaceCache(shared);
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /** The file an import names; undefined when it names none that can be read (no path, not `.pra`). */
    resolve(document: LangiumDocument | URI, imp: Import): URI | undefined {
        if (!isPraImportPath(imp.path)) return undefined;
        const uri = URI.isUri(document) ? document : document.uri;
        return UriUtils.resolvePath(UriUtils.dirname(uri), imp.path);
    }

    markUnreadable(uri: URI, kind: UnreadableKind): void {
        this.unreadable.set(uri.toString(), kind);
    }

    /**
     * Why an import brings nothing in, or undefined when it does. An import without a path is left
     * to its syntax error; a path not ending in `.pra` is never read; a refused file is named as
     * such (folder, special file, too large, not UTF-8), anything else is not found.
     */
    problemOf(document: LangiumDocument, imp: Import, visible: ReadonlySet<string>): ImportProblem | undefined {
        if (typeof imp.path !== 'string') return undefined;
        const target = this.resolve(document, imp);
        if (!target) return { code: 'import-not-pra', key: 'import-not-pra.extension', params: { path: imp.path } };
        if (visible.has(target.toString())) return undefined;
        const kind = this.unreadable.get(target.toString()) ?? this.kindOnDisk(target);
        return kind ? { code: 'import-not-pra', key: `import-not-pra.${kind}`, params: { path: imp.path } }
            : { code: 'import-not-found', key: 'import-not-found', params: { path: imp.path, resolved: target.fsPath } };
    }

    /** A folder, a special or a too large file where the import points (the language server loads none). */
    private kindOnDisk(target: URI): UnreadableKind | undefined {
        const refusals = this.fileSystem as Partial<{ unreadableKindSync(uri: URI): UnreadableKind | undefined }>;
        if (typeof refusals.unreadableKindSync === 'function') return refusals.unreadableKindSync(target);
        try {
            const node = this.fileSystem.statSync(target);
            return node.isDirectory ? 'folder' : node.isFile ? undefined : 'special';
        } catch {
            return undefined;
        }
    }

    /** The file itself, then every file it imports transitively (breadth first, no repeats). */
    visibleUris(uri: string): string[] {
        return this.visibleCache.get(uri, () => {
            const order = [uri];
            const seen = new Set(order);
            for (let i = 0; i < order.length; i++) {
                const root = this.rootOf(order[i]);
                if (!root) continue;
                for (const imp of root.imports) {
                    const target = this.resolve(URI.parse(order[i]), imp)?.toString();
                    if (target !== undefined && !seen.has(target)) { seen.add(target); order.push(target); }
                }
            }
            return order.filter(u => this.documents.hasDocument(URI.parse(u)));
        });
    }

    /**
     * The files a plan reads, imported files before the files importing them (the root last): the
     * order in which a name or block declared twice is "the second" (contract v2).
     */
    planOrder(rootUri: string): string[] {
        return this.orderCache.get(rootUri, () => {
            const order: string[] = [];
            const seen = new Set<string>([rootUri]);
            // Depth first without recursion: each file after everything it imports.
            const stack: Array<{ uri: string; next: number; targets: string[] }> = [
                { uri: rootUri, next: 0, targets: this.importsOf(rootUri) }
            ];
            while (stack.length > 0) {
                const top = stack[stack.length - 1];
                if (top.next < top.targets.length) {
                    const target = top.targets[top.next++];
                    if (!seen.has(target)) { seen.add(target); stack.push({ uri: target, next: 0, targets: this.importsOf(target) }); }
                    continue;
                }
                stack.pop();
                order.push(top.uri);
            }
            return order.filter(u => this.documents.hasDocument(URI.parse(u)));
        });
    }

    private importsOf(uri: string): string[] {
        const root = this.rootOf(uri);
        if (!root) return [];
        return root.imports.flatMap(imp => {
            const target = this.resolve(URI.parse(uri), imp);
            return target ? [target.toString()] : [];
        });
    }

    /**
     * The file whose plan gives `uri` its context: the first plan file (by URI) that imports it,
     * or the file itself. An inventory file is thus checked against the plan that uses it.
     */
    contextRoot(uri: string): string {
        return this.contextRootCache.get(uri, () => this.computeContextRoot(uri));
    }

    private computeContextRoot(uri: string): string {
        const roots = this.rootCache.get('roots', () => {
            const map = new Map<string, string>();
            const planFiles = this.documents.all
                .filter(doc => isPraFile(doc.parseResult.value) && doc.parseResult.value.elements.some(e => e.$type === 'Plan'))
                .map(doc => doc.uri.toString())
                .toArray()
                .sort();
            for (const planUri of planFiles) {
                for (const visible of this.visibleUris(planUri)) {
                    if (!map.has(visible)) map.set(visible, planUri);
                }
            }
            return map;
        });
        const own = roots.get(uri);
        return own !== undefined && this.fileHasPlan(uri) ? uri : own ?? uri;
    }

    private fileHasPlan(uri: string): boolean {
        return this.rootOf(uri)?.elements.some(e => e.$type === 'Plan') ?? false;
    }

    rootOf(uri: string): PraFile | undefined {
        const parsed = URI.parse(uri);
        if (!this.documents.hasDocument(parsed)) return undefined;
        const root = this.documents.getDocument(parsed)?.parseResult.value;
        return isPraFile(root) ? root : undefined;
    }
}
