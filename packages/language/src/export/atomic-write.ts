import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
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
    EISDIR: 'cannot write: it is a folder; give a file name'
};

/**
 * Writes `content` to `target` so that no reader ever sees a half-written file: a temporary file in
 * the same folder, flushed, then renamed over the target. On failure the temporary file is removed
 * and a one-line PraInputError naming `target` is thrown. Nothing else is written.
 */
export async function writeFileAtomic(target: string, content: Uint8Array): Promise<void> {
    const absolute = path.resolve(target);
    const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
    let created = false;
    try {
        const handle = await open(temp, 'wx', 0o644);
        created = true;
        try {
            await handle.writeFile(content);
            await handle.sync();
        } finally {
            await handle.close();
        }
        await rename(temp, absolute);
    } catch (error) {
        if (created) await rm(temp, { force: true }).catch(() => undefined);
        const code = (error as NodeJS.ErrnoException).code ?? '';
        throw new PraInputError(target, reasons[code] ?? `cannot write (${code || (error as Error).message})`);
    }
}
