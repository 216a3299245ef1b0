// Tests the extension's manifest and its client outside VS Code: the `vscode` API and the
// language client are replaced by recording fakes, so what runs is extension.js itself.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const EXTENSION = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));

test('the manifest contributes the drill language, its grammar and configuration', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'drill');
  assert.deepEqual(language.extensions, ['.drill']);
  const configuration = JSON.parse(fs.readFileSync(path.join(EXTENSION, language.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '#');
  assert.deepEqual(configuration.brackets, [['{', '}'], ['(', ')']]);
  assert.ok(new RegExp(configuration.indentationRules.increaseIndentPattern).test('  step a "A" by ops {'));
  assert.ok(new RegExp(configuration.indentationRules.decreaseIndentPattern).test('  }'));
  // A word (double-click, rename) is a whole kebab-case name or a whole duration.
  const word = new RegExp(configuration.wordPattern, 'g');
  assert.deepEqual('step kill-engine within 1h30m'.match(word), ['step', 'kill-engine', 'within', '1h30m']);

  const [grammar] = manifest.contributes.grammars;
  const tmLanguage = JSON.parse(fs.readFileSync(path.join(EXTENSION, grammar.path), 'utf8'));
  assert.equal(grammar.scopeName, 'source.drill');
  assert.equal(tmLanguage.scopeName, 'source.drill');
  assert.ok(fs.existsSync(path.join(EXTENSION, manifest.main)));
  assert.deepEqual(manifest.activationEvents, ['onLanguage:drill']);
  const settings = manifest.contributes.configuration.properties;
  assert.equal(settings['drill.path'].default, 'drill');
  assert.equal(settings['drill.trace.server'].default, 'off');
});

test('every npm dependency is pinned to one version', () => {
  for (const dependencies of [manifest.dependencies, manifest.devDependencies]) {
    for (const [name, version] of Object.entries(dependencies)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is not pinned: ${version}`);
    }
  }
});

/** Loads extension.js against fakes; returns what it did to them. */
function loadExtension({ drillPath = 'drill', startFails = false } = {}) {
  const events = { clients: [], errors: [], commands: new Map(), configurationListeners: [] };
  const settings = { path: drillPath };
  const vscode = {
    workspace: {
      getConfiguration: (section) => {
        assert.equal(section, 'drill');
        return { get: (key, fallback) => settings[key] ?? fallback };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
      onDidChangeConfiguration: (listener) => {
        events.configurationListeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      showErrorMessage: async (message) => {
        events.errors.push(message);
        return undefined;
      },
    },
    commands: {
      registerCommand: (name, callback) => {
        events.commands.set(name, callback);
        return { dispose() {} };
      },
      executeCommand: async () => undefined,
    },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, running: false, stops: 0 });
      events.clients.push(this);
    }
    async start() {
      if (startFails) {
        throw new Error('spawn nowhere/drill ENOENT');
      }
      this.running = true;
    }
    isRunning() {
      return this.running;
    }
    async stop() {
      this.running = false;
      this.stops++;
    }
  }
  const fakes = {
    vscode,
    'vscode-languageclient/node': { LanguageClient },
  };
  const original = Module._load;
  Module._load = function load(request, parent, isMain) {
    return request in fakes ? fakes[request] : original.call(this, request, parent, isMain);
  };
  try {
    const file = require.resolve(path.join(EXTENSION, manifest.main));
    delete require.cache[file];
    return { extension: require(file), events, settings };
  } finally {
    Module._load = original;
  }
}

test('activating starts `drill lsp` over stdio for drill documents', async () => {
  const { extension, events } = loadExtension();
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(events.clients.length, 1);
  const [client] = events.clients;
  assert.equal(client.id, 'drill', 'the id under which drill.trace.server is read');
  // Exactly `drill lsp`: a `transport` of stdio would make the client append `--stdio`.
  assert.deepEqual(client.serverOptions, { command: 'drill', args: ['lsp'] });
  assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'drill' }]);
  assert.equal(client.running, true);
  assert.ok(context.subscriptions.length >= 2);
  await extension.deactivate();
  assert.equal(client.running, false);
});

test('drill.path chooses the command, and changing it restarts the server', async () => {
  const { extension, events, settings } = loadExtension({ drillPath: '/opt/drill/drill' });
  await extension.activate({ subscriptions: [] });
  assert.equal(events.clients[0].serverOptions.command, '/opt/drill/drill');
  settings.path = '/home/me/drill/drill';
  events.configurationListeners.forEach((listener) =>
    listener({ affectsConfiguration: (section) => section === 'drill.path' }));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(events.clients.length, 2);
  assert.equal(events.clients[0].stops, 1);
  assert.equal(events.clients[1].serverOptions.command, '/home/me/drill/drill');
  assert.equal(events.clients[1].running, true);
});

test('the restart command starts a fresh server', async () => {
  const { extension, events } = loadExtension();
  await extension.activate({ subscriptions: [] });
  await events.commands.get('drill.restartServer')();
  assert.equal(events.clients.length, 2);
  assert.equal(events.clients[0].running, false);
  assert.equal(events.clients[1].running, true);
});

test('a drill that cannot start is reported with the command and the setting to fix', async () => {
  const { extension, events } = loadExtension({ drillPath: 'nowhere/drill', startFails: true });
  await extension.activate({ subscriptions: [] });
  assert.equal(events.errors.length, 1);
  assert.match(events.errors[0], /'nowhere\/drill lsp'/);
  assert.match(events.errors[0], /ENOENT/);
  assert.match(events.errors[0], /"drill\.path"/);
});
