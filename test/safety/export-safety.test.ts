import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { exportRequest } from '../../packages/language/src/protocol.js';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol';
import { ExportTargetRefusedError, writeFileAtomic } from '../../packages/language/src/export/atomic-write.js';
import { PraInputError } from '../../packages/language/src/node.js';
import { StdioClient, uriOf } from '../lsp/lsp-client.js';
import { cliScript, expectOneLineFailure, repoRoot, requireBuilt, run } from './safety-helpers.js';

let folder: string;
beforeAll(requireBuilt);
beforeEach(async () => { folder = await mkdtemp(path.join(tmpdir(), 'pra-export-safety-')); });
afterEach(async () => { await rm(folder, { recursive: true, force: true }); });

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o7777;
const plan = path.join(repoRoot, 'examples/clinique-vet/plan.pra');

/** Each refused target, made in the folder; the expected reason. */
const refusals: Array<{ name: string; make: (target: string) => Promise<void>; reason: string; canForce: boolean }> = [
    {
        name: 'an existing file without force', make: t => writeFile(t, 'old'), reason: 'already exists; use --force to replace it',
        canForce: true
    },
    { name: 'a .pra file', make: t => writeFile(t, 'plan "Old" {}'), reason: 'is a .pra file', canForce: false },
    {
        name: 'a symbolic link', make: async t => { await writeFile(`${t}.real`, 'old'); await symlink(`${t}.real`, t); },
        reason: 'is a symbolic link', canForce: false
    },
    { name: 'a FIFO', make: async t => { spawnSync('mkfifo', [t]); }, reason: 'is not a regular file', canForce: false },
    { name: 'a directory', make: t => mkdir(t), reason: 'is a folder', canForce: false }
];
const targetName = (name: string): string => name === 'a .pra file' ? 'out.pra' : 'out.md';

describe('writeFileAtomic refuses', () => {
    test.each(refusals)('$name, leaving it intact', async ({ name, make, reason, canForce }) => {
        const target = path.join(folder, targetName(name));
        await make(target);
        const before = await stat(target).catch(() => undefined);
        for (const force of canForce ? [false] : [false, true]) {
            const failure = await writeFileAtomic(target, bytes('new'), { force }).catch(e => e);
            expect(failure).toBeInstanceOf(ExportTargetRefusedError);
            expect(failure.canForce).toBe(canForce);
            expect(failure.message).toContain(reason);
            expect(failure.message.split('\n')).toHaveLength(1);
        }
        const after = await stat(target).catch(() => undefined);
        expect(after?.mode).toBe(before?.mode);
        expect(after?.ino).toBe(before?.ino);
        if (after?.isFile()) expect(await readFile(target, 'utf8')).not.toBe('new');
        expect((await readdir(folder)).filter(n => n.endsWith('.pra-tmp'))).toEqual([]);
    });

    test('/dev/null, even forced', async () => {
        const failure = await writeFileAtomic('/dev/null', bytes('new'), { force: true }).catch(e => e);
        expect(failure).toBeInstanceOf(ExportTargetRefusedError);
        expect(failure.message).toBe('/dev/null: is not a regular file (a device, a pipe or a socket): an export never writes onto one');
        expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
    });
});

describe('writeFileAtomic writes', () => {
    test('a new file with mode 0644 whatever the umask', async () => {
        const target = path.join(folder, 'new.md');
        const previous = process.umask(0o077);
        try {
            await writeFileAtomic(target, bytes('content'));
        } finally {
            process.umask(previous);
        }
        expect(await modeOf(target)).toBe(0o644);
        expect(await readdir(folder)).toEqual(['new.md']);
    });

    test('a replaced file keeps its mode', async () => {
        const target = path.join(folder, 'secret.md');
        await writeFile(target, 'old');
        await chmod(target, 0o600);
        await writeFileAtomic(target, bytes('new'), { force: true });
        expect(await readFile(target, 'utf8')).toBe('new');
        expect(await modeOf(target)).toBe(0o600);
    });

    test('removes the stale temporaries of interrupted exports, and only those', async () => {
        const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
        const dead = path.join(folder, `.plan.md.${deadPid}-abcdef.pra-tmp`);
        const old = path.join(folder, `.plan.md.${process.pid}-012345.pra-tmp`);
        const fresh = path.join(folder, `.plan.md.${process.pid}-6789ab.pra-tmp`);
        const unrelated = path.join(folder, 'notes.pra-tmp');
        for (const file of [dead, old, fresh, unrelated]) await writeFile(file, 'partial');
        const twoMinutesAgo = new Date(Date.now() - 120_000);
        await utimes(old, twoMinutesAgo, twoMinutesAgo);
        await writeFileAtomic(path.join(folder, 'other.md'), bytes('content'));
        expect((await readdir(folder)).sort()).toEqual([path.basename(fresh), 'notes.pra-tmp', 'other.md'].sort());
    });
});

describe('pra export', () => {
    test('refuses an existing file without --force, exit 2, one line, file intact', async () => {
        const target = path.join(folder, 'plan.md');
        await writeFile(target, 'mine');
        await chmod(target, 0o600);
        expectOneLineFailure(run(['export', plan, '--format', 'md', '-o', target]),
            `pra: ${target}: already exists; use --force to replace it`);
        expect(await readFile(target, 'utf8')).toBe('mine');
        const forced = run(['export', plan, '--format', 'md', '-o', target, '--force']);
        expect(forced.status).toBe(0);
        expect(await readFile(target, 'utf8')).toContain('# ');
        expect(await modeOf(target)).toBe(0o600);
    });

    test.each(refusals.filter(r => !r.canForce))('refuses $name even with --force', async ({ name, make, reason }) => {
        const target = path.join(folder, targetName(name));
        await make(target);
        const before = await stat(target);
        expectOneLineFailure(run(['export', plan, '--format', 'md', '-o', target, '--force']), reason);
        const after = await stat(target);
        expect([after.ino, after.mode, after.size]).toEqual([before.ino, before.mode, before.size]);
    });

    test('killed with SIGKILL while writing, leaves the old file or a complete one; the next export cleans up', async () => {
        const target = path.join(folder, 'plan.json');
        const reference = path.join(folder, 'reference.json');
        expect(run(['export', plan, '--format', 'json', '-o', reference]).status).toBe(0);
        const complete = JSON.parse(await readFile(reference, 'utf8')) as object;
        await writeFile(target, 'old');
        const seen = new Set<string>();
        for (const delay of [150, 250, 350, 450, 550, 650, 800]) {
            const args = [cliScript, 'export', plan, '--format', 'json', '-o', target, '--force'];
            const child = spawn(process.execPath, args, { stdio: 'ignore' });
            const exited = new Promise(resolve => child.once('exit', resolve));
            await new Promise(resolve => setTimeout(resolve, delay));
            child.kill('SIGKILL'); // does nothing when the export already ended
            await exited;
            const text = await readFile(target, 'utf8');
            if (text === 'old') seen.add('old');
            else { expect(JSON.parse(text)).toEqual(complete); seen.add('complete'); }
        }
        await writeFile(path.join(folder, `.plan.json.${spawnSync(process.execPath, ['-e', '']).pid}-abc123.pra-tmp`), '{"partial');
        expect(run(['export', plan, '--format', 'json', '-o', target, '--force']).status).toBe(0);
        expect((await readdir(folder)).filter(n => n.endsWith('.pra-tmp'))).toEqual([]);
        expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(complete);
    }, 60_000);
});

test('PraInputError stays the one-line error of every refusal', () => {
    expect(new ExportTargetRefusedError('x.md', 'reason', false)).toBeInstanceOf(PraInputError);
});

describe('the language server\'s pra/export request', () => {
    let client: StdioClient;
    const uri = uriOf(plan);

    beforeAll(async () => {
        client = new StdioClient();
        await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
        await client.connection.sendNotification(InitializedNotification.type, {});
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'pra', version: 1, text: await readFile(plan, 'utf8') }
        });
    });

    afterAll(async () => { await client?.stop(); });

    const exportTo = (target: string, force: boolean): Promise<unknown> =>
        client.connection.sendRequest(exportRequest.method, { uri, format: 'md', target, force });

    test('obeys the same rules: an existing file needs force, the plan itself never', async () => {
        const target = path.join(folder, 'plan.md');
        await writeFile(target, 'mine');
        expect(await exportTo(target, false)).toEqual({ refused: `${target}: already exists; use --force to replace it`, canForce: true });
        expect(await readFile(target, 'utf8')).toBe('mine');
        expect(await exportTo(target, true)).toEqual({ written: target, draft: false });
        const before = await readFile(plan, 'utf8');
        expect(await exportTo(plan, true)).toMatchObject({ canForce: false });
        expect(await exportTo('/dev/null', true)).toMatchObject({ canForce: false });
        expect(await readFile(plan, 'utf8')).toBe(before);
    });

    test('a plan with errors is refused with their count (the editor words its own dialog), then written as a PDF draft', async () => {
        const withErrors = path.join(repoRoot, 'examples/atelier-bois/plan.pra');
        const draftUri = uriOf(withErrors);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: draftUri, languageId: 'pra', version: 1, text: await readFile(withErrors, 'utf8') }
        });
        const target = path.join(folder, 'atelier.pdf');
        const request = (force: boolean): Promise<unknown> =>
            client.connection.sendRequest(exportRequest.method, { uri: draftUri, format: 'pdf', target, force });
        expect(await request(false)).toMatchObject({ canForce: true, errorCount: 2 });
        await expect(stat(target)).rejects.toThrow();
        // The bundled server carries pdfmake and its font: the PDF is written by the server as the editor runs it.
        expect(await request(true)).toEqual({ written: target, draft: true });
        expect((await readFile(target)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }, 60_000);
});
