import './polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createPraServices } from './pra-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createPraServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
