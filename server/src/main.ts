/**
 * The language server's entry point: `node dist/server.js --stdio` for any LSP client, node IPC for
 * VS Code. The wasm files sit next to this bundle.
 */
import * as path from 'path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { nodeProjectFiles } from './project/nodeProjectFiles';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  wasm: { runtime: path.join(__dirname, 'web-tree-sitter.wasm'), grammar: path.join(__dirname, 'tree-sitter-python.wasm') },
  files: nodeProjectFiles,
  runtime: `node ${process.versions.node}`,
});
connection.listen();
