import './polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createPraServices } from './pra-module.js';
import { registerPraRequests } from './pra-requests.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Pra } = createPraServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
registerPraRequests(connection, shared, Pra);
