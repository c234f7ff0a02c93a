import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { PublishDiagnosticsNotification, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = join(import.meta.dirname, '../..');
export const serverScript = join(repoRoot, 'packages/language/bin/pra-language-server.js');
export const uriOf = (path: string): string => pathToFileURL(path).toString();

export function requireBuiltServer(): void {
    if (!existsSync(join(repoRoot, 'packages/language/out/main.js'))) {
        throw new Error('packages/language/out/main.js is missing: run `npm run build` before this test.');
    }
}

/** The standalone server spawned over stdio, driven by the protocol client library. */
export class StdioClient {
    readonly process: ChildProcess;
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<() => void> = [];

    /** `script`: another entry point of the server (a test may start one with a fault injected). */
    constructor(script = serverScript) {
        this.process = spawn(process.execPath, [script, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
        this.connection = createProtocolConnection(
            new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.waiters.splice(0).forEach(wake => wake());
        });
        // The server asks for configuration and registers capabilities: answer like an editor would.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    /** Waits until diagnostics for `uri` satisfy `ready`, or fails after `timeoutMs`. */
    async diagnosticsFor(uri: string, ready: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 30_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && ready(current)) return current;
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    forget(uri: string): void {
        this.diagnostics.delete(uri);
    }

    /** Ends the connection and the process, whatever state they are in. */
    async stop(): Promise<void> {
        this.connection.dispose();
        if (this.process.exitCode === null && this.process.signalCode === null) {
            const exited = new Promise(resolve => this.process.once('exit', resolve));
            this.process.kill('SIGKILL');
            await exited;
        }
    }
}
