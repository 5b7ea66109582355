// Starts `prodready lsp` for C and C++ files; it runs beside clangd (which
// cannot load clang-tidy plugins) and adds prodready's diagnostics and
// quick fixes. Install the dependency with `npm install` in this directory.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('prodready');
  const serverOptions = {
    command: config.get('path', 'prodready'),
    args: ['lsp', ...config.get('arguments', [])],
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'c' },
      { scheme: 'file', language: 'cpp' },
    ],
  };
  client = new LanguageClient('prodready', 'prodready', serverOptions, clientOptions);
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
