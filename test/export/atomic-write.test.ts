import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFileAtomic } from '../../packages/language/src/export/atomic-write.js';
import { PraInputError } from '../../packages/language/src/node.js';

let folder: string;
beforeEach(async () => { folder = await mkdtemp(path.join(tmpdir(), 'pra-atomic-')); });
afterEach(async () => { await rm(folder, { recursive: true, force: true }); });

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('writes the file and leaves nothing else', async () => {
    const target = path.join(folder, 'plan.docx');
    await writeFileAtomic(target, bytes('first'));
    await writeFileAtomic(target, bytes('second'), { force: true });
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['plan.docx']);
});

// Tests run as root, who may write in any folder whatever its mode; but nobody, root included,
// can create a file under a path whose "folder" is a regular file (ENOTDIR).
test('an unwritable folder fails with one line naming the path, and writes nothing', async () => {
    await writeFile(path.join(folder, 'not-a-folder'), 'x');
    const target = path.join(folder, 'not-a-folder', 'plan.docx');
    const failure = await writeFileAtomic(target, bytes('content')).catch(e => e);
    expect(failure).toBeInstanceOf(PraInputError);
    expect(failure.message).toBe(`${target}: cannot write: a part of the path is a file, not a folder`);
    expect(await readdir(folder)).toEqual(['not-a-folder']);
    expect(await readFile(path.join(folder, 'not-a-folder'), 'utf8')).toBe('x');
});

test('a failure after the temporary file exists removes it', async () => {
    // Renaming a file over an existing folder fails (EISDIR) after the content has been written.
    const target = path.join(folder, 'plan.docx');
    await mkdir(target);
    await writeFile(path.join(target, 'keep.txt'), 'kept');
    const failure = await writeFileAtomic(target, bytes('content')).catch(e => e);
    expect(failure).toBeInstanceOf(PraInputError);
    expect(failure.message).toMatch(/plan\.docx: cannot write: /);
    expect(failure.message).not.toContain('\n');
    expect(await readdir(folder)).toEqual(['plan.docx']);
    expect(await readdir(target)).toEqual(['keep.txt']);
});

test('a missing folder is reported, not created', async () => {
    const target = path.join(folder, 'missing', 'plan.docx');
    const failure = await writeFileAtomic(target, bytes('content')).catch(e => e);
    expect(failure.message).toBe(`${target}: cannot write: the folder does not exist`);
    expect(await readdir(folder)).toEqual([]);
});
