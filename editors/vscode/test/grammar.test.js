// Tests syntaxes/drill.tmLanguage.json with the engine VS Code itself uses (vscode-textmate on
// vscode-oniguruma): every sample and good test drill is tokenised and checked against a small
// mirror of the compiler's lexer, and focused cases pin the scope of each construct.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const EXTENSION = path.resolve(__dirname, '..');
const ROOT = path.resolve(EXTENSION, '..', '..');
const LEXER = path.join(ROOT, 'grammar/src/main/antlr4/dev/drill/grammar/DrillLexer.g4');
const GOOD_DIRS = [
  'samples',
  'compiler/src/test/resources/testdata/good',
  'compiler/src/test/resources/testdata/library/good',
];

/** The keywords of the language, read from the compiler's lexer so that a new one fails here. */
const KEYWORDS = [...fs.readFileSync(LEXER, 'utf8').matchAll(/^[A-Z]+\s*:\s*'([a-z]+)';/gm)]
  .map((match) => match[1]);

const grammarPromise = (async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.drill') {
        return null;
      }
      const file = path.join(EXTENSION, 'syntaxes/drill.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.drill');
})();

/**
 * Tokenises a text as VS Code does, line by line. Returns one entry per character offset of the
 * text (line ends included, with the scopes of the line's last token) and the tokens themselves.
 */
async function tokenize(text) {
  const grammar = await grammarPromise;
  const lines = text.split(/\r\n|\r|\n/);
  const tokens = [];
  let stack = vsctm.INITIAL;
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      tokens.push({
        line: index + 1,
        column: token.startIndex + 1,
        start: offset + token.startIndex,
        end: offset + Math.min(token.endIndex, line.length),
        text: line.slice(token.startIndex, token.endIndex),
        scopes: token.scopes,
      });
    }
    stack = result.ruleStack;
    offset += line.length + (text.slice(offset + line.length).match(/^(\r\n|\r|\n)?/)[0].length);
  }
  return tokens;
}

/** True when one of the scopes is `prefix` or starts with `prefix.` (TextMate's selector rule). */
function hasScope(scopes, prefix) {
  return scopes.some((scope) => scope === prefix || scope.startsWith(prefix + '.'));
}

/**
 * The scopes at every character of the first (or nth) occurrence of `needle` in `source`; a
 * needle that is a word only occurs as a whole word (`port` is not in `import`).
 */
async function scopesOf(source, needle, nth = 0) {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = /^[\w-]+$/.test(needle) ? `(?<![\\w-])${escaped}(?![\\w-])` : escaped;
  const occurrences = [...source.matchAll(new RegExp(pattern, 'g'))];
  assert.ok(nth < occurrences.length, `'${needle}' (occurrence ${nth}) is not in the source`);
  const at = occurrences[nth].index;
  const tokens = await tokenize(source);
  const result = [];
  for (let offset = at; offset < at + needle.length; offset++) {
    const token = tokens.find((t) => t.start <= offset && offset < t.end);
    assert.ok(token, `no token at offset ${offset}`);
    result.push(token.scopes);
  }
  return result;
}

/** Asserts every character of `needle` carries `scope`. */
async function assertScope(source, needle, scope, nth = 0) {
  const perCharacter = await scopesOf(source, needle, nth);
  perCharacter.forEach((scopes, i) => {
    assert.ok(hasScope(scopes, scope),
      `'${needle}'[${i}] of ${JSON.stringify(source)} has ${scopes.join(' ')}, not ${scope}`);
  });
}

async function assertNotScope(source, needle, scope, nth = 0) {
  const perCharacter = await scopesOf(source, needle, nth);
  perCharacter.forEach((scopes, i) => {
    assert.ok(!hasScope(scopes, scope),
      `'${needle}'[${i}] of ${JSON.stringify(source)} has ${scopes.join(' ')}, which it must not`);
  });
}

// A mirror of DrillLexer.g4's token rules, in its order (ANTLR takes the longest match, the
// first rule on a tie; these regexes are written so that the first that matches is that one).
const LEXER_RULES = [
  ['ws', /[ \t\r\n\f\u00A0\uFEFF]+/y],
  ['comment', /(?:#|\/\/)[^\r\n]*/y],
  ['block', /"""[\s\S]*?"""/y],
  ['string', /"(?:[^"\\\r\n]|\\[^\r\n])*"/y],
  ['duration', /(?:\d+(?:ms|[smhdw]))+(?![a-zA-Z0-9])/y],
  ['number', /-?\d+(?:\.\d+)?(?![a-zA-Z])/y],
  ['name', /[a-zA-Z_][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)*/y],
  ['operator', /==|!=|<=|>=|<|>|=/y],
  ['punctuation', /[{}(),]/y],
];

function lex(text) {
  const tokens = [];
  let at = 0;
  while (at < text.length) {
    const rule = LEXER_RULES.find(([, regex]) => {
      regex.lastIndex = at;
      return regex.test(text);
    });
    assert.ok(rule, `the mirror lexer stops at offset ${at}: ${JSON.stringify(text.slice(at, at + 20))}`);
    const end = rule[1].lastIndex;
    tokens.push({ kind: rule[0], start: at, end, text: text.slice(at, end) });
    at = end;
  }
  return tokens;
}

/** The scope a token of the mirror lexer must have everywhere (a keyword may be a name). */
const EXPECTED = {
  comment: ['comment.line'],
  block: ['string.quoted.triple'],
  string: ['string.quoted.double'],
  duration: ['constant.numeric.duration'],
  number: ['constant.numeric.decimal'],
  operator: ['keyword.operator'],
  punctuation: ['punctuation'],
  name: ['entity.name', 'variable', 'constant.language', 'constant.other'],
  keyword: ['keyword.control', 'keyword.other', 'entity.name', 'variable', 'constant.language',
    'constant.other'],
};

/** Every mismatch between the grammar and the compiler's lexer in one file, as file:line:col lines. */
async function problems(file) {
  const text = fs.readFileSync(file, 'utf8');
  const tokens = await tokenize(text);
  const scopesAt = [];
  for (const token of tokens) {
    for (let offset = token.start; offset < token.end; offset++) {
      scopesAt[offset] = token.scopes;
    }
  }
  const where = (offset) => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return `${path.relative(ROOT, file)}:${before.length}:${before[before.length - 1].length + 1}`;
  };
  const found = [];
  for (const token of tokens) {
    if (token.scopes.some((scope) => scope.startsWith('invalid'))) {
      found.push(`${where(token.start)}: '${token.text}' is marked ${token.scopes.join(' ')}`);
    }
  }
  let lineStart = true;
  for (const token of lex(text)) {
    if (token.kind === 'ws') {
      if (/[\r\n]/.test(token.text)) {
        lineStart = true;
      }
      continue;
    }
    const isKeyword = token.kind === 'name' && KEYWORDS.includes(token.text);
    const expected = EXPECTED[isKeyword ? 'keyword' : token.kind];
    for (let offset = token.start; offset < token.end; offset++) {
      const scopes = scopesAt[offset] ?? [];
      // Line ends belong to no token; other spaces only to comments and blocks.
      if (/[\r\n]/.test(text[offset]) || (/\s/.test(text[offset]) && token.kind !== 'block')) {
        continue;
      }
      if (!expected.some((scope) => hasScope(scopes, scope))) {
        found.push(`${where(offset)}: ${token.kind} '${token.text}' has ${scopes.join(' ')}, `
          + `expected one of ${expected.join(', ')}`);
        break;
      }
    }
    // Every statement starts with a keyword: one at the start of a line is one.
    if (isKeyword && lineStart && !hasScope(scopesAt[token.start], 'keyword')
        && !hasScope(scopesAt[token.start], 'entity.name.variable.role')) {
      found.push(`${where(token.start)}: '${token.text}' starts a line but has `
        + `${scopesAt[token.start].join(' ')}, not a keyword scope`);
    }
    lineStart = false;
  }
  return found;
}

function drillFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return drillFiles(full);
    }
    return entry.name.endsWith('.drill') ? [full] : [];
  });
}

test('every sample and good test drill is highlighted as the compiler reads it', async () => {
  const files = GOOD_DIRS.flatMap((dir) => drillFiles(path.join(ROOT, dir)));
  assert.ok(files.length >= 20, `only ${files.length} drill files found under ${GOOD_DIRS}`);
  const found = [];
  for (const file of files) {
    found.push(...await problems(file));
  }
  assert.deepEqual(found, []);
});

test('every drill file of the repository, bad ones too, tokenises without an error', async () => {
  const skip = new Set(['node_modules', 'target', '.git']);
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) {
      return [];
    }
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.drill') ? [full] : [];
  });
  const files = walk(ROOT);
  assert.ok(files.length >= 100, `only ${files.length} drill files found`);
  for (const file of files) {
    const tokens = await tokenize(fs.readFileSync(file, 'utf8'));
    assert.ok(tokens.length > 0, file);
  }
});

test('every keyword of the lexer is a keyword at the start of a statement', async () => {
  assert.ok(KEYWORDS.length >= 60, `read only ${KEYWORDS.length} keywords from ${LEXER}`);
  for (const keyword of KEYWORDS) {
    await assertScope(`  ${keyword} `, keyword, 'keyword');
    await assertScope(`}\n${keyword} {`, keyword, 'keyword');
  }
});

test('block keywords are keyword.control, the others keyword.other', async () => {
  for (const keyword of ['drill', 'template', 'import', 'from', 'step', 'recover', 'inject', 'verify']) {
    await assertScope(`${keyword} `, keyword, `keyword.control.${keyword}.drill`);
  }
  for (const keyword of ['title', 'run', 'http', 'expect', 'within', 'every', 'wait', 'by']) {
    await assertScope(`${keyword} `, keyword, `keyword.other.${keyword}.drill`);
  }
});

test('a keyword inside a name is not highlighted', async () => {
  await assertScope('step run-book {', 'run-book', 'entity.name.function.step.drill');
  await assertScope('by ops-lead', 'ops-lead', 'variable.other.role.drill');
  await assertScope('after step-2, wait-more {', 'step-2', 'variable.other.step.drill');
  await assertScope('after step-2, wait-more {', 'wait-more', 'variable.other.step.drill');
});

test('the names after drill, template, step, signal, check and inject are entity names', async () => {
  await assertScope('drill matching-engine-crash {', 'matching-engine-crash', 'entity.name.type.drill');
  await assertScope('drill web from web-crash(name = "web") {', 'web', 'entity.name.type.drill');
  await assertScope('template web-crash(name, port) {', 'web-crash', 'entity.name.function.template');
  await assertScope('step wait "Wait" by operator {\n  wait 5m\n}', 'wait', 'entity.name.function.step');
  await assertScope('step wait "Wait" by operator {\n  wait 5m\n}', 'wait', 'keyword.other.wait', 1);
  await assertScope('signal check "Up" {', 'check', 'entity.name.function.signal');
  await assertScope('check api-up "Up" {', 'api-up', 'entity.name.function.check');
  await assertScope('inject kill-engine "Kill" {', 'kill-engine', 'entity.name.function.inject');
});

test('import, template and from, with parameters and arguments', async () => {
  const source = [
    'import "../lib/web.drill"',
    'template web-crash(name, port, unit = "${name}.service") from ics-team() {',
    '}',
    'drill web-eu from web-crash(name = "web-${region}", port = "18790") {',
    '}',
  ].join('\n');
  await assertScope(source, 'import', 'keyword.control.import.drill');
  await assertScope(source, '"../lib/web.drill"', 'string.quoted.double.drill');
  await assertScope(source, 'template', 'keyword.control.template.drill');
  await assertScope(source, 'from', 'keyword.control.from.drill');
  await assertScope(source, 'from', 'keyword.control.from.drill', 1);
  await assertScope(source, 'ics-team', 'entity.name.function.template.drill');
  await assertScope(source, 'web-crash', 'entity.name.function.template.drill', 1);
  await assertScope(source, 'port', 'variable.parameter.drill');
  await assertScope(source, 'unit', 'variable.parameter.drill');
  await assertScope(source, 'name', 'variable.parameter.drill', 2);
  await assertScope(source, '${name}', 'meta.interpolation.drill');
  await assertScope(source, '(', 'punctuation.section.parens.begin.drill');
  await assertScope(source, ')', 'punctuation.section.parens.end.drill');
  await assertScope(source, '=', 'keyword.operator.assignment.drill');
  await assertScope(source, ',', 'punctuation.separator.comma.drill');
});

test('a quoted string, its escapes and interpolations', async () => {
  const source = 'run "ssh ${host} echo \\"up\\" \\${HOME} \\u00e9 $${x}"';
  await assertScope(source, '"ssh ${host} echo \\"up\\" \\${HOME} \\u00e9 $${x}"', 'string.quoted.double.drill');
  await assertScope(source, '${host}', 'meta.interpolation.drill');
  await assertScope(source, 'host', 'variable.other.drill');
  await assertScope(source, '${', 'punctuation.definition.interpolation.begin.drill');
  await assertScope(source, '\\"', 'constant.character.escape.drill');
  await assertScope(source, '\\$', 'constant.character.escape.drill');
  await assertNotScope(source, '{HOME}', 'meta.interpolation');
  await assertScope(source, '\\u00e9', 'constant.character.escape.drill');
  // In a quoted string `$${x}` is a dollar and then a reference: `\${` is the escape there.
  await assertNotScope(source, '$${x}', 'constant.character.escape');
  await assertScope(source, '${x}', 'meta.interpolation.drill');
  await assertScope('"a\\qb"', '\\q', 'invalid.illegal.escape.drill');
});

test('a string left open ends at the end of its line', async () => {
  const source = 'title "no end\nowner "ops"';
  await assertScope(source, '"no end', 'string.quoted.double.drill');
  await assertScope(source, 'owner', 'keyword.other.owner.drill');
});

test('a """ block spans lines, interpolates, has no escapes, and $${ writes ${', async () => {
  const source = [
    'run """',
    '  for f in $(ls /var/spool); do',
    '    echo "replaying $${f}" \\n',
    '    order-replay --file "$f" --host ${host}',
    '  done',
    '"""',
    'wait 5m',
  ].join('\n');
  await assertScope(source, '"""', 'string.quoted.triple.drill');
  await assertScope(source, 'for f in $(ls /var/spool); do', 'string.quoted.triple.drill');
  await assertScope(source, 'echo "replaying', 'string.quoted.triple.drill');
  await assertScope(source, '$${', 'constant.character.escape.drill');
  await assertNotScope(source, 'f}', 'meta.interpolation');
  await assertNotScope(source, '\\n', 'constant.character.escape');
  await assertScope(source, '${host}', 'meta.interpolation.drill');
  await assertScope(source, 'host', 'variable.other.drill');
  await assertScope(source, '"""', 'string.quoted.triple.drill', 1);
  await assertScope(source, 'wait', 'keyword.other.wait.drill');
  await assertScope(source, '5m', 'constant.numeric.duration.drill');
  await assertScope('"""sum(rate(x{code="500"}[1m]))"""', 'code="500"', 'string.quoted.triple.drill');
});

test('durations, numbers and comparators', async () => {
  for (const duration of ['90s', '1h30m', '100ms', '14d', '2w', '5m']) {
    await assertScope(`timebox ${duration}`, duration, 'constant.numeric.duration.drill');
  }
  await assertScope('timebox 10sec', '10sec', 'invalid.illegal.duration.drill');
  for (const number of ['200', '0', '0.98', '-1']) {
    await assertScope(`expect status ${number}`, number, 'constant.numeric.decimal.drill');
  }
  for (const comparator of ['==', '!=', '<=', '>=', '<', '>']) {
    await assertScope(`expect status ${comparator} 200`, comparator, 'keyword.operator.comparison.drill');
  }
});

test('both comment styles run to the end of the line, never inside a string', async () => {
  await assertScope('# A comment.', '# A comment.', 'comment.line.number-sign.drill');
  await assertScope('// Also a comment.', '// Also a comment.', 'comment.line.double-slash.drill');
  await assertScope('kind technical   # trailing run "x"', '# trailing run "x"', 'comment.line.number-sign.drill');
  await assertScope('kind technical   # trailing', 'technical', 'constant.other.kind.drill');
  await assertNotScope('http GET "http://h/#x" // c', 'http://h/#x', 'comment');
  await assertScope('http GET "http://h/#x" // c', '// c', 'comment.line.double-slash.drill');
});

test('roles, by, after, http methods, params and secrets name things', async () => {
  const source = [
    'param  host = "me-1"',
    'secret token = env "ME_TOKEN"',
    'roles {',
    '  ops-lead "Ops"',
    '  check    "A role may be called check"',
    '}',
    'step replay "Replay" by ops-lead after restart, drain within 5m {',
    '  http POST "http://${host}/replay" expect status 200',
    '}',
  ].join('\n');
  await assertScope(source, 'host', 'entity.name.variable.param.drill');
  await assertScope(source, 'token', 'entity.name.variable.secret.drill');
  await assertScope(source, 'env', 'keyword.other.env.drill');
  await assertScope(source, 'ops-lead', 'entity.name.variable.role.drill');
  await assertScope(source, 'check', 'entity.name.variable.role.drill');
  await assertScope(source, 'ops-lead', 'variable.other.role.drill', 1);
  await assertScope(source, 'restart', 'variable.other.step.drill');
  await assertScope(source, 'drain', 'variable.other.step.drill');
  await assertScope(source, 'within', 'keyword.other.within.drill');
  await assertScope(source, 'POST', 'constant.language.http-method.drill');
  await assertScope(source, '{', 'punctuation.section.block.begin.drill');
  await assertScope(source, '}', 'punctuation.section.block.end.drill');
});

test('an unexpected character is marked invalid', async () => {
  await assertScope('title "x";', ';', 'invalid.illegal.character.drill');
});

test('a parameter list left open while typing ends at the brace of the body', async () => {
  const source = 'template web-crash(name, port {\n  title "x"\n}';
  await assertScope(source, 'port', 'variable.parameter.drill');
  await assertScope(source, '{', 'punctuation.section.block.begin.drill');
  await assertScope(source, 'title', 'keyword.other.title.drill');
});
