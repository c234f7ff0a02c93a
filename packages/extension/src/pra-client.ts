import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the bundled PRA language server (the same one as `pra-language-server --stdio`). */
export async function startPraClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'pra' }, { scheme: 'untitled', language: 'pra' }],
        synchronize: {
            // Sends the `pra` section (pra.language) to the server, which rewords its messages.
            configurationSection: 'pra',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.pra')
        },
        outputChannelName: 'PRA'
    };
    const client = new LanguageClient('pra', 'PRA Language Server', serverOptions, clientOptions);
    await client.start();
    return client;
}
