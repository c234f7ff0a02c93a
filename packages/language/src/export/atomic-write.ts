import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { link, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { PraInputError } from '../pra-input-error.js';

const reasons: Readonly<Record<string, string>> = {
    ENOENT: 'cannot write: the folder does not exist',
    ENOTDIR: 'cannot write: a part of the path is a file, not a folder',
    EACCES: 'cannot write: permission denied',
    EPERM: 'cannot write: operation not permitted',
    EROFS: 'cannot write: read-only file system',
    ENOSPC: 'cannot write: no space left on the device',
    EDQUOT: 'cannot write: disk quota exceeded',
    EISDIR: 'cannot write: it is a folder; give a file name',
    EEXIST: 'already exists; use --force to replace it'
};

/** A target the export rules forbid; `canForce` when only the missing `--force` stands in the way. */
export class ExportTargetRefusedError extends PraInputError {
    constructor(file: string, reason: string, readonly canForce: boolean) {
        super(file, reason);
    }
}

export interface WriteOptions {
    /** Replace an existing regular file (never a `.pra` file, a link or a special file). */
    force?: boolean;
    /** The file written is a plan (`pra import`): a `.pra` target is then what is meant. */
    plan?: boolean;
}

/** A new export is readable by everyone and writable by its owner, whatever the umask. */
const newFileMode = 0o644;
/** Temporary files: `.<target>.<pid>-<random>.pra-tmp`, hidden, never taken for an output. */
const temporaryPattern = /^\..+\.(\d+)-[0-9a-f]+\.pra-tmp$/;
/** A temporary file older than this was left by an interrupted export, even if its pid was reused. */
const staleAfterMs = 60_000;

/**
 * The export rules of the contract, for the CLI and the language server alike: never overwrite an
 * existing file without `force`; never write onto a `.pra` file, a device, a FIFO, a folder or
 * through a symbolic link, even with `force`; a new file gets mode 0644, a replaced one keeps its
 * mode. The content goes to a temporary file in the same folder, flushed, then linked (no `force`:
 * fails if the target appeared meanwhile) or renamed over the target, so that no reader ever sees
 * a half-written file, and a killed export leaves the old file or the complete new one.
 * Refusals and failures are one-line PraInputErrors naming `target`.
 */
export async function writeFileAtomic(target: string, content: Uint8Array, options: WriteOptions = {}): Promise<void> {
    const absolute = path.resolve(target);
    const existing = await checkTarget(target, absolute, options.force === true, options.plan === true);
    const folder = path.dirname(absolute);
    await removeStaleTemporaries(folder);
    const temp = path.join(folder, `.${path.basename(absolute)}.${process.pid}-${randomBytes(6).toString('hex')}.pra-tmp`);
    let created = false;
    try {
        const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, newFileMode);
        created = true;
        try {
            await handle.writeFile(content);
            await handle.chmod(existing ? existing.mode & 0o7777 : newFileMode);
            if (existing) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
            await handle.sync();
        } finally {
            await handle.close();
        }
        if (existing) {
            await rename(temp, absolute);
        } else {
            await link(temp, absolute);
            await rm(temp, { force: true });
        }
    } catch (error) {
        if (created) await rm(temp, { force: true }).catch(() => undefined);
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST' && !existing) throw new ExportTargetRefusedError(target, reasons.EEXIST, true);
        throw new PraInputError(target, reasons[code] ?? `cannot write (${code || (error as Error).message})`);
    }
}

/** The existing target's status when it may be replaced, undefined when there is none; otherwise a refusal. */
async function checkTarget(target: string, absolute: string, force: boolean, plan: boolean): Promise<Stats | undefined> {
    if (/\.pra$/i.test(absolute) && !plan) {
        throw new ExportTargetRefusedError(target, 'is a .pra file: an export never writes onto a plan; choose another name', false);
    }
    let status: Stats;
    try {
        status = await lstat(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'ENOENT') return undefined;
        throw new PraInputError(target, reasons[code] ?? `cannot write (${code})`);
    }
    if (status.isSymbolicLink()) throw new ExportTargetRefusedError(target,
        'is a symbolic link: an export never writes through one; give the real path', false);
    if (status.isDirectory()) throw new ExportTargetRefusedError(target, reasons.EISDIR, false);
    if (!status.isFile()) throw new ExportTargetRefusedError(target,
        'is not a regular file (a device, a pipe or a socket): an export never writes onto one', false);
    if (!force) throw new ExportTargetRefusedError(target, reasons.EEXIST, true);
    return status;
}

/** Removes the temporary files of interrupted exports: older than a minute, or whose export process is gone. */
async function removeStaleTemporaries(folder: string): Promise<void> {
    let names: string[];
    try {
        names = await readdir(folder);
    } catch {
        return; // the write itself reports an unusable folder
    }
    for (const name of names) {
        const match = temporaryPattern.exec(name);
        if (!match) continue;
        const file = path.join(folder, name);
        const status = await lstat(file).catch(() => undefined);
        if (!status?.isFile()) continue;
        if (Date.now() - status.mtimeMs > staleAfterMs || !processIsAlive(Number(match[1]))) {
            await rm(file, { force: true }).catch(() => undefined);
        }
    }
}

function processIsAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
