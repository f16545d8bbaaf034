// Starts `postmortem lsp` for Markdown files: the server decides which documents are postmortems (those in the
// configured postmortems directory, or naming a template in their front matter) and leaves the others alone.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The configured executable, else the workspace's own install, else `postmortem` on the PATH. */
function executable() {
  const configured = workspace.getConfiguration('postmortem').get('path');
  if (configured) return configured;
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'postmortem.cmd' : 'postmortem');
    if (existsSync(local)) return local;
  }
  return 'postmortem';
}

exports.activate = async function activate() {
  const command = executable();
  const server = { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient('postmortem', 'postmortem', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' }],
    initializationOptions: { debounceMs: workspace.getConfiguration('postmortem').get('debounceMs') },
  });
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};
