import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileSystemNode, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { PraInputError } from './pra-input-error.js';

/** The largest file read as a plan: a plan of 10 MB is already ten times the largest seen. */
export const maxPlanFileBytes = 10 * 1024 * 1024;

/** Why a file is not read: a folder, a device/FIFO/socket, too large, or not UTF-8 text. */
export type UnreadableKind = 'folder' | 'special' | 'large' | 'encoding';

const reasons: Readonly<Record<UnreadableKind, string>> = {
    folder: 'is a folder, not a .pra file',
    special: 'is not a regular file (a device, a pipe or a socket); it was not read',
    large: 'is larger than 10 MB; it was not read',
    encoding: 'is not UTF-8 text; save it as UTF-8'
};

/** A file refused before or while reading it, with the kind of refusal (for `import-not-pra`). */
export class UnreadableFileError extends PraInputError {
    constructor(file: string, readonly kind: UnreadableKind) {
        super(file, reasons[kind]);
    }
}

// Opening non-blocking: a FIFO that slipped between the stat and the open never blocks the read.
const readFlags = constants.O_RDONLY | constants.O_NONBLOCK;

/** The kind of refusal a file's status calls for, if any. */
function refusalOf(status: Stats): UnreadableKind | undefined {
    if (status.isDirectory()) return 'folder';
    if (!status.isFile()) return 'special';
    return status.size > maxPlanFileBytes ? 'large' : undefined;
}

function decode(file: string, bytes: Uint8Array): string {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
        throw new UnreadableFileError(file, 'encoding');
    }
}

/**
 * Reads a plan file safely: only a regular file of at most 10 MB, opened non-blocking and checked
 * again once open (the path may have changed in between), read up to the limit whatever its size
 * claims (`/dev/zero`-like files), decoded as strict UTF-8 without a BOM.
 */
export async function readPlanFile(file: string): Promise<string> {
    const handle = await open(file, readFlags);
    try {
        const refusal = refusalOf(await handle.stat());
        if (refusal) throw new UnreadableFileError(file, refusal);
        const chunks = new ChunkCollector(file);
        for (let bytesRead = -1; bytesRead !== 0;) {
            ({ bytesRead } = await handle.read(chunks.next(), 0, chunkBytes, null));
            chunks.add(bytesRead);
        }
        return decode(file, chunks.bytes());
    } finally {
        await handle.close();
    }
}

export function readPlanFileSync(file: string): string {
    const descriptor = openSync(file, readFlags);
    try {
        const refusal = refusalOf(fstatSync(descriptor));
        if (refusal) throw new UnreadableFileError(file, refusal);
        const chunks = new ChunkCollector(file);
        for (let bytesRead = -1; bytesRead !== 0;) {
            bytesRead = readSync(descriptor, chunks.next(), 0, chunkBytes, null);
            chunks.add(bytesRead);
        }
        return decode(file, chunks.bytes());
    } finally {
        closeSync(descriptor);
    }
}

const chunkBytes = 256 * 1024;

/** The chunks read so far; refuses as soon as they exceed the limit, whatever the file's size claimed. */
class ChunkCollector {
    private readonly chunks: Buffer[] = [];
    private current = Buffer.alloc(0);
    private total = 0;

    constructor(private readonly file: string) { }

    next(): Buffer {
        this.current = Buffer.allocUnsafe(chunkBytes);
        return this.current;
    }

    add(bytesRead: number): void {
        if (bytesRead === 0) return;
        this.chunks.push(this.current.subarray(0, bytesRead));
        this.total += bytesRead;
        if (this.total > maxPlanFileBytes) throw new UnreadableFileError(this.file, 'large');
    }

    bytes(): Buffer {
        return Buffer.concat(this.chunks, this.total);
    }
}

/**
 * The file system as the language server and the CLI see it: plan files are read with
 * readPlanFile, and a folder listing shows as files only regular files of at most 10 MB, so that
 * loading a workspace never reads a FIFO, a device or a huge file.
 */
export class PraFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        return readPlanFile(uri.fsPath);
    }

    override readFileSync(uri: URI): string {
        return readPlanFileSync(uri.fsPath);
    }

    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await super.readDirectory(uri);
        return Promise.all(entries.map(async entry => {
            if (!entry.isFile) return entry;
            const status = await this.stat(entry.uri).catch(() => undefined);
            return status?.isFile ? entry : { ...entry, isFile: false };
        }));
    }

    /** Why the file at `uri` would be refused, from its status alone (never opens it). */
    unreadableKindSync(uri: URI): UnreadableKind | undefined {
        try {
            return refusalOf(statSync(uri.fsPath));
        } catch {
            return undefined;
        }
    }

    /** A file too large or special to read is not a file here (stat never opens, so never blocks). */
    override async stat(uri: URI): Promise<FileSystemNode> {
        const status = await stat(uri.fsPath);
        return { uri, isFile: refusalOf(status) === undefined, isDirectory: status.isDirectory() };
    }
}

export const PraNodeFileSystem = {
    fileSystemProvider: (): PraFileSystemProvider => new PraFileSystemProvider()
};
