// The VS Code client of `drill lsp`: starts the language server for .drill files and restarts
// it when `drill.path` changes. Everything the editor shows (diagnostics, completion, hover,
// formatting...) comes from the server; the highlighting comes from syntaxes/.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function configuredCommand() {
  const path = vscode.workspace.getConfiguration('drill').get('path', 'drill');
  return path.trim() === '' ? 'drill' : path.trim();
}

function createClient() {
  const command = configuredCommand();
  // The server speaks LSP over stdin/stdout and logs to stderr, which lands in the output channel.
  // No `transport`: that is stdio too, whereas TransportKind.stdio would append `--stdio`.
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ language: 'drill' }],
    // Imports name other .drill files: the server hears when one changes on disk.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.drill'),
    },
  };
  // The id 'drill' makes the client read the `drill.trace.server` setting.
  return new LanguageClient('drill', 'Drill Language Server', serverOptions, clientOptions);
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    const command = configuredCommand();
    const reason = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(
      `Drill: could not start the language server with '${command} lsp' (${reason}). ` +
        'Set "drill.path" to the drill command, e.g. the drill script of a clone of the project.',
      'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'drill.path');
    }
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running !== undefined && running.isRunning()) {
    await running.stop();
  }
}

async function restart() {
  await stop();
  await start();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('drill.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('drill.path')) {
        restart();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
