import type { LanguageClient } from 'vscode-languageclient/node';
import type { PraRequest } from 'pra-language/protocol';

/**
 * Sends one of the protocol's requests (pra-language/protocol), typed by its RequestType. The client
 * has its own copy of vscode-jsonrpc (9.0.0; the server's is 9.0.3) and RequestType has a private
 * field, so TypeScript takes the two classes for different types: the request goes by its method
 * name, its parameter and result types still come from the protocol.
 */
export function sendRequest<P, R>(client: LanguageClient, request: PraRequest<P, R>, params: P): Promise<R> {
    return client.sendRequest<R>(request.method, params);
}
