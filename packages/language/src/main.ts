import './polyfill.js';
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PraNodeFileSystem } from './pra-file-system-provider.js';
import { createPraServices } from './pra-module.js';
import { PraCompletionParser } from './pra-parser.js';
import { registerPraRequests } from './pra-requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Pra } = createPraServices({ connection, ...PraNodeFileSystem });
startLanguageServer(shared);
registerPraRequests(connection, shared, Pra);

// The completion parser is not built at the start (pra-parser.ts): it is built once the first
// diagnostics are out, while the user reads them, so that the first completion does not wait for it.
const firstValidated = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
    firstValidated.dispose();
    const completionParser = Pra.parser.CompletionParser;
    if (completionParser instanceof PraCompletionParser) setTimeout(() => completionParser.prepare(), 500).unref();
});
