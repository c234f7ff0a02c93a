import './polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PraNodeFileSystem } from './pra-file-system-provider.js';
import { createPraServices } from './pra-module.js';
import { registerPraRequests } from './pra-requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Pra } = createPraServices({ connection, ...PraNodeFileSystem });
startLanguageServer(shared);
registerPraRequests(connection, shared, Pra);
