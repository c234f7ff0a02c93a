// The language server over stdio, for the bench scripts (run.mjs, incremental.mjs, start.mjs): one
// way to start it, wait for a document's diagnostics, read its CPU time and stop it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBin = path.join(repo, 'packages/language/bin/pra-language-server.js');

/** The capabilities the bench's client declares (completion snippets and markdown hovers, as VS Code). */
const capabilities = {
    textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } }
};

/**
 * Starts the server (`bin`, `nodeFlags` before it) and initializes it, with `folder` as its workspace
 * (it loads every `.pra` file of it) or none. `started` is `performance.now()` just before the spawn.
 */
export async function startServer({ folder, bin = serverBin, nodeFlags = [], env } = {}) {
    const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, bin, '--stdio'],
        { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
    child.stderr.resume();
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        const at = performance.now();
        for (const waiter of waiters.splice(0)) {
            const current = waiter.version === undefined || params.version === undefined || params.version >= waiter.version;
            if (waiter.uri === params.uri && current) waiter.resolve({ at, diagnostics: params.diagnostics });
            else waiters.push(waiter);
        }
    });
    connection.onNotification(() => undefined);
    connection.onRequest(() => null);
    connection.listen();
    const folderUri = folder === undefined ? null : pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: folderUri,
        workspaceFolders: folderUri === null ? null : [{ uri: folderUri, name: 'bench' }], capabilities
    });
    connection.sendNotification('initialized', {});
    /** The next diagnostics of `uri` (of `version` or later, when given). */
    const nextDiagnostics = (uri, version) => new Promise(resolve => waiters.push({ uri, version, resolve }));
    const stop = async () => {
        try {
            await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
            connection.sendNotification('exit');
        } catch { /* already gone */ }
        const exited = new Promise(resolve => child.exitCode !== null ? resolve() : child.once('exit', resolve));
        setTimeout(() => child.kill(), 500).unref();
        connection.dispose();
        await exited;
    };
    /** The server's CPU time so far (user + system, ms), from /proc (10 ms resolution): it moves less with the load than wall time. */
    const cpu = () => {
        const stat = `/proc/${child.pid}/stat`;
        if (!existsSync(stat)) return undefined;
        const text = readFileSync(stat, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    };
    return { connection, child, started, nextDiagnostics, stop, cpu };
}

/** Opens `file` (version 1) and waits for its first diagnostics: the document and when they came. */
export async function openDocument(server, file) {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const diagnostics = server.nextDiagnostics(uri);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pra', version: 1, text } });
    const { at, diagnostics: first } = await diagnostics;
    return { uri, text, lines: text.split('\n'), at, diagnostics: first };
}

/**
 * Starts the server, opens `file` and waits for its diagnostics: the wall time from the spawn to
 * them (ms) and the server's CPU time until then (ms, from /proc; undefined where there is none).
 * `linger` (ms) keeps the server running that long after them: a warm-up that lets it write its
 * code cache (bin/run-bundle.js, 3 s after the start).
 */
export async function startToFirstDiagnostics(file, { linger = 0, ...options } = {}) {
    const server = await startServer(options);
    const { at } = await openDocument(server, file);
    const cpu = server.cpu();
    if (linger > 0) await new Promise(resolve => setTimeout(resolve, linger));
    await server.stop();
    return { wall: at - server.started, cpu };
}
