/**
 * `postmortem lsp` driven by a real LSP client (vscode-jsonrpc over stdio) against the built CLI: diagnostics as
 * `lint` makes them, UTF-16 ranges, completion, hover, symbols, quick fixes, config and template changes, bad input.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/rules/index.js';
import { edit, ROOT, runCli, tempDir, VALID } from '../helpers.js';
import { LspClient } from './client.js';

const LEGACY = readFileSync(join(ROOT, 'test', 'fixtures', 'legacy-login-errors.md'), 'utf8');
const clients: LspClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
});

async function start(files: Record<string, string>, capabilities: Record<string, unknown> = {}): Promise<{ dir: string; client: LspClient; uri: (p: string) => string }> {
  const dir = tempDir(files);
  const client = new LspClient(dir);
  clients.push(client);
  await client.initialize(dir, capabilities);
  return { dir, client, uri: (p) => pathToFileURL(join(dir, p)).href };
}

/** What `postmortem lint --format json` says about a file, as the diagnostics the server must publish. */
function lintAsDiagnostics(dir: string, file: string): Array<Pick<Diagnostic, 'code' | 'severity' | 'message' | 'range'>> {
  const r = runCli(['lint', file, '--format', 'json'], { cwd: dir });
  expect(r.code, r.stderr).toBeLessThan(2);
  const json = JSON.parse(r.stdout) as { files: Array<{ messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }> };
  return json.files[0]!.messages.map((m) => ({
    code: m.ruleId,
    severity: m.severity === 'error' ? 1 : 2,
    message: m.message,
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
  }));
}

const strip = (d: Diagnostic[]) => d.map(({ code, severity, message, range }) => ({ code, severity, message, range }));

/** The text a range covers (LSP positions are UTF-16 code units, as JavaScript strings are). */
function textAt(text: string, range: Diagnostic['range']): string {
  const doc = TextDocument.create('x', 'markdown', 1, text);
  return doc.getText(range);
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'markdown', 1, text), edits);
}

describe('diagnostics', () => {
  test('are what lint reports for the same text: rule id as code, docs link, severity, message, range', async () => {
    const { dir, client, uri } = await start({ 'postmortems/legacy.md': LEGACY, 'postmortems/ok.md': VALID });
    client.open(uri('postmortems/legacy.md'), LEGACY);
    const diagnostics = await client.diagnostics(uri('postmortems/legacy.md'));
    expect(diagnostics.length).toBeGreaterThan(5);
    expect(strip(diagnostics)).toEqual(lintAsDiagnostics(dir, 'postmortems/legacy.md'));
    for (const d of diagnostics) {
      expect(d.source).toBe('postmortem');
      expect(d.codeDescription?.href).toBe(ruleDocsUrl(RULES.find((r) => r.id === d.code)!));
      expect(d.codeDescription?.href).toMatch(new RegExp(`^https://.*#${String(d.code)}$`));
    }
    // The README has a section for each rule the link points at.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const d of diagnostics) expect(readme).toContain(`#### ${String(d.code)}\n`);

    client.open(uri('postmortems/ok.md'), VALID);
    expect(await client.diagnostics(uri('postmortems/ok.md'))).toEqual([]);
  });

  test('ranges are UTF-16: emoji, CJK and a tab before the problem do not shift it', async () => {
    const text = edit(VALID, '## Timeline', '🚨🔥 服务中断 was human error.\tAnd 👩‍💻 Dana should have checked.\n\n## Timeline');
    const { dir, client, uri } = await start({ 'postmortems/a.md': text });
    client.open(uri('postmortems/a.md'), text);
    const diagnostics = await client.diagnostics(uri('postmortems/a.md'));
    const blame = diagnostics.filter((d) => d.code === 'blameless-language');
    expect(blame.map((d) => textAt(text, d.range))).toEqual(['human error', 'should have']);
    expect(strip(diagnostics)).toEqual(lintAsDiagnostics(dir, 'postmortems/a.md'));
  });

  test('follow changes (incremental and full), with the version they were computed for', async () => {
    const { client, uri } = await start({ 'postmortems/a.md': VALID });
    const u = uri('postmortems/a.md');
    client.open(u, VALID);
    expect(await client.diagnostics(u, 1)).toEqual([]);
    // Type a bad severity, one character at a time, as an editor sends it.
    const line = VALID.split('\n').findIndex((l) => l.startsWith('severity:'));
    let version = 1;
    for (const [i, ch] of [...'SEV-9'].entries()) {
      version = client.edit(u, { start: { line, character: 10 + i }, end: { line, character: 10 + i } }, ch);
    }
    const after = await client.diagnostics(u, version);
    expect(after.map((d) => d.code)).toEqual(['frontmatter-choice']);
    expect(after[0]!.message).toContain('found "SEV-9SEV-1"');
    version = client.change(u, VALID);
    expect(await client.diagnostics(u, version)).toEqual([]);
  });

  test('typing does not re-read the project: config and templates are looked up once per directory', async () => {
    const { client, uri } = await start({ '.postmortemrc.yaml': 'dir: postmortems\n', 'postmortems/a.md': VALID, 'postmortems/b.md': VALID });
    const a = uri('postmortems/a.md');
    client.open(a, VALID);
    client.open(uri('postmortems/b.md'), VALID);
    await client.diagnostics(a);
    await client.diagnostics(uri('postmortems/b.md'));
    let version = 1;
    for (let i = 0; i < 20; i++) {
      version = client.edit(a, { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, 'x');
      await client.diagnostics(a, version);
    }
    const stats = await client.request<{ version: number; projectLoads: number; cacheDrops: number; elapsed: number }>('postmortem/stats', { uri: a });
    expect(stats.version).toBe(version);
    expect(stats.projectLoads).toBe(1);
    expect(stats.cacheDrops).toBe(0);
  });

  test('CRLF line ends and unsaved (untitled) documents', async () => {
    const crlf = edit(VALID, '## Timeline', 'It was human error.\n\n## Timeline').replace(/\n/g, '\r\n');
    const { dir, client, uri } = await start({ 'postmortems/crlf.md': crlf });
    const u = uri('postmortems/crlf.md');
    client.open(u, crlf);
    const [blame] = await client.diagnostics(u);
    expect(textAt(crlf, blame!.range)).toBe('human error');
    expect(strip([blame!])).toEqual(lintAsDiagnostics(dir, 'postmortems/crlf.md'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: blame!.range, context: { diagnostics: [blame] } });
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    expect(apply(crlf, disable.edit!.changes![u]!)).toContain('\r\n<!-- postmortem-disable-next-line blameless-language -->\r\nIt was human error.\r\n');

    const untitled = 'untitled:Untitled-1';
    const draft = '---\ntemplate: default\ntitle: Draft\n---\n\n# Draft\n';
    client.open(untitled, draft);
    expect((await client.diagnostics(untitled)).map((d) => d.code)).toContain('frontmatter-required');
    client.open('untitled:Untitled-2', '# Notes\n\nTODO\n');
    expect(await client.diagnostics('untitled:Untitled-2')).toEqual([]);
  });

  test('a document outside the postmortems directory is left alone unless it names a template', async () => {
    const notes = '# Meeting notes\n\nTODO: everything\n';
    const named = '---\ntemplate: default\ntitle: Draft\n---\n\n# Draft\n';
    const { client, uri } = await start({ 'README.md': notes, 'docs/draft.md': named, 'postmortems/README.md': notes });
    client.open(uri('README.md'), notes);
    client.open(uri('postmortems/README.md'), notes);
    client.open(uri('docs/draft.md'), named);
    const drafted = await client.diagnostics(uri('docs/draft.md'));
    expect(drafted.map((d) => d.code)).toContain('frontmatter-required');
    expect(await client.diagnostics(uri('README.md'))).toEqual([]);
    expect(await client.diagnostics(uri('postmortems/README.md'))).toEqual([]);
  });

  test('the config found by walking up from the document applies, and its changes are picked up', async () => {
    const blaming = edit(VALID, '## Timeline', 'It was human error.\n\n## Timeline');
    const { dir, client, uri } = await start({ 'team/.postmortemrc.yaml': 'dir: incidents\n', 'team/incidents/a.md': blaming, 'postmortems/a.md': blaming });
    const u = uri('team/incidents/a.md');
    client.open(u, blaming);
    expect((await client.diagnostics(u)).map((d) => d.code)).toEqual(['blameless-language']);
    const before = client.published.length;
    writeFileSync(join(dir, 'team', '.postmortemrc.yaml'), 'dir: incidents\nrules:\n  blameless-language: error\n');
    const republished = await client.until(() => client.published.slice(before).find((p) => p.uri === u && p.diagnostics.some((d) => d.severity === 1)), 'diagnostics after the config changed');
    expect(republished.diagnostics.map((d) => [d.code, d.severity])).toEqual([['blameless-language', 1]]);
    // A broken config is shown on the document instead of stopping the server.
    const n = client.published.length;
    writeFileSync(join(dir, 'team', '.postmortemrc.yaml'), 'dir: incidents\nrules:\n  no-such-rule: error\n');
    const broken = await client.until(() => client.published.slice(n).find((p) => p.uri === u), 'diagnostics after the config broke');
    expect(broken.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('unknown rule "no-such-rule"')]);
  });

  test('--config: one config for every document, instead of the one found by walking up', async () => {
    const blaming = edit(VALID, '## Timeline', 'It was human error.\n\n## Timeline');
    const dir = tempDir({ 'ci/strict.yaml': 'dir: ../postmortems\nrules:\n  blameless-language: error\n', 'postmortems/.postmortemrc.yaml': 'rules:\n  blameless-language: off\n', 'postmortems/a.md': blaming });
    const client = new LspClient(dir, ['lsp', '--stdio', '--config', 'ci/strict.yaml']);
    clients.push(client);
    await client.initialize(dir);
    const u = pathToFileURL(join(dir, 'postmortems', 'a.md')).href;
    client.open(u, blaming);
    expect((await client.diagnostics(u)).map((d) => [d.code, d.severity])).toEqual([['blameless-language', 1]]);
    const before = client.published.length;
    writeFileSync(join(dir, 'ci', 'strict.yaml'), 'dir: ../postmortems\nrules:\n  blameless-language: off\n');
    const after = await client.until(() => client.published.slice(before).find((p) => p.uri === u), 'diagnostics after --config changed');
    expect(after.diagnostics).toEqual([]);
    expect(runCli(['lsp', '--config', 'nope.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: config file not found: nope.yaml\n' });
  });

  test('project templates: the document is checked against its template, and edits to the template apply', async () => {
    const template = readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8').replace('name: default', 'name: custom');
    const doc = VALID.replace('template: default', 'template: custom');
    const { dir, client, uri } = await start({ '.postmortem/templates/custom.md': template, 'postmortems/a.md': doc });
    const u = uri('postmortems/a.md');
    client.open(u, doc);
    expect(await client.diagnostics(u)).toEqual([]);
    const before = client.published.length;
    const stricter = edit(template, '  - id: timeline\n', '  - id: lessons\n    heading: Lessons learned\n    required: true\n    kind: prose\n  - id: timeline\n');
    writeFileSync(join(dir, '.postmortem', 'templates', 'custom.md'), stricter);
    const after = await client.until(() => client.published.slice(before).find((p) => p.uri === u && p.diagnostics.length > 0), 'diagnostics after the template changed');
    expect(after.diagnostics.map((d) => d.code)).toEqual(['section-required']);
    expect(after.diagnostics[0]!.message).toContain('Lessons learned');
  });

  test('watched-file notifications from the client drop the cache too', async () => {
    const blaming = edit(VALID, '## Timeline', 'It was human error.\n\n## Timeline');
    const { dir, client, uri } = await start({ 'postmortems/a.md': blaming });
    const u = uri('postmortems/a.md');
    client.open(u, blaming);
    expect((await client.diagnostics(u)).map((d) => d.severity)).toEqual([2]);
    const before = client.published.length;
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'blameless-language': 'off' } }));
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.postmortemrc.json')).href, type: 1 }] });
    const after = await client.until(() => client.published.slice(before).find((p) => p.uri === u), 'diagnostics after the config appeared');
    expect(after.diagnostics).toEqual([]);
  });
});

describe('help while writing', () => {
  const doc = VALID.replace('severity: SEV-1\n', 'severity: \n').replace('timezone: America/New_York\n', 'timezone: Europe/Be\n').replace('users_affected: 30\n', '');
  const lines = doc.split('\n');
  const at = (prefix: string) => ({ line: lines.findIndex((l) => l.startsWith(prefix)), character: lines.find((l) => l.startsWith(prefix))!.length });

  test('completion of front-matter keys, choices, zones and template names', async () => {
    const template = readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8').replace('name: default', 'name: team-custom');
    const { client, uri } = await start({ 'postmortems/a.md': doc, '.postmortem/templates/team-custom.md': template });
    const u = uri('postmortems/a.md');
    client.open(u, doc);
    await client.diagnostics(u);
    const labels = async (position: { line: number; character: number }) =>
      ((await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: u }, position })) ?? []).map((i) => i.label);

    expect(await labels(at('severity:'))).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']);
    const zones = await labels(at('timezone:'));
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('UTC');
    expect(zones.length).toBeGreaterThan(300);
    expect(await labels(at('template:'))).toEqual(['atlassian', 'default', 'google-sre', 'holberton', 'pagerduty', 'team-custom']);
    expect(await labels(at('status:'))).toEqual(['draft', 'in-review', 'final']);

    // A new line in the front matter: the template's keys the document does not have yet.
    const end = lines.indexOf('---', 1);
    const version = client.edit(u, { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, 'us\n');
    await client.diagnostics(u, version);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: u }, position: { line: end, character: 2 } });
    expect(items.map((i) => i.label)).toEqual(['users_affected']);
    expect(items[0]!.textEdit).toEqual({ range: { start: { line: end, character: 0 }, end: { line: end, character: 2 } }, newText: 'users_affected: ' });
    // Nothing is offered in the body.
    expect(await labels({ line: lines.indexOf('## Timeline'), character: 3 })).toEqual([]);
  });

  test('hover shows the template guidance on a heading and the prompt on a field', async () => {
    const { client, uri } = await start({ 'postmortems/a.md': doc });
    const u = uri('postmortems/a.md');
    client.open(u, doc);
    await client.diagnostics(u);
    const heading = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: lines.indexOf('## Timeline'), character: 5 } });
    const text = (heading.contents as { value: string }).value;
    expect(text).toContain('What happened, in order, each with its time.');
    expect(text).toContain('One line per event, oldest first');
    const field = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: lines.findIndex((l) => l.startsWith('status:')), character: 2 } });
    expect((field.contents as { value: string }).value).toContain('Where is this postmortem in its review?');
    expect((field.contents as { value: string }).value).toContain('`draft`, `in-review`, `final`');
    const body = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: lines.indexOf('## Timeline') + 2, character: 3 } });
    expect(body).toBeNull();
  });

  test('document symbols list the sections', async () => {
    const { client, uri } = await start({ 'postmortems/a.md': VALID });
    const u = uri('postmortems/a.md');
    client.open(u, VALID);
    await client.diagnostics(u);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    const names = (s: DocumentSymbol[]): unknown[] => s.map((x) => (x.children?.length ? [x.name, names(x.children)] : x.name));
    expect(symbols[0]!.name).toBe('front matter');
    expect(symbols[0]!.children!.map((c) => c.name)).toContain('severity');
    // The title (the # heading) is the document's name, not a section; the sections follow the front matter.
    expect(symbols.slice(1).map((x) => x.name)).toEqual(['Issue summary', 'Timeline', 'Root cause and resolution', 'Corrective and preventative measures']);
    const timeline = symbols[2]!;
    expect(timeline.detail).toBe('timeline');
    expect(VALID.split('\n')[timeline.range.start.line]).toBe('## Timeline');
    expect(VALID.split('\n')[timeline.range.end.line + 1]).toBe('## Root cause and resolution');
  });
});

describe('quick fixes', () => {
  test('"disable RULE for this line" silences exactly that message', async () => {
    const text = edit(VALID, '## Timeline', 'It was human error.\n\n## Timeline');
    const { client, uri } = await start({ 'postmortems/a.md': text });
    const u = uri('postmortems/a.md');
    client.open(u, text);
    const [diagnostic] = await client.diagnostics(u);
    expect(diagnostic!.code).toBe('blameless-language');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    const disable = actions.find((a) => a.title === 'Disable blameless-language for this line')!;
    expect(disable.kind).toBe('quickfix');
    const fixed = apply(text, disable.edit!.changes![u]!);
    expect(fixed).toContain('<!-- postmortem-disable-next-line blameless-language -->\nIt was human error.');
    const version = client.change(u, fixed);
    expect(await client.diagnostics(u, version)).toEqual([]);
  });

  test("each fix lint --fix makes is the diagnostic's preferred quick fix; fix-all gives what lint --fix writes", async () => {
    const text = VALID.replace('severity: SEV-1', 'severity: sev1').replace('## Root cause and resolution', '**Root cause and resolution:**');
    const { dir, client, uri } = await start({ 'postmortems/a.md': text });
    const u = uri('postmortems/a.md');
    client.open(u, text);
    const diagnostics = await client.diagnostics(u);
    expect(diagnostics.map((d) => d.code)).toEqual(['frontmatter-choice', 'heading-style']);
    const actionsFor = (d: Diagnostic) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const [choice, heading] = [await actionsFor(diagnostics[0]!), await actionsFor(diagnostics[1]!)];
    expect(choice.map((a) => [a.title, a.isPreferred ?? false])).toEqual([['Write "SEV-1"', true]]);
    expect(apply(text, choice[0]!.edit!.changes![u]!)).toBe(text.replace('severity: sev1', 'severity: SEV-1'));
    expect(heading[0]!.isPreferred).toBe(true);
    expect(apply(text, heading[0]!.edit!.changes![u]!)).toContain('\n## Root cause and resolution\n');
    expect(heading.map((a) => a.title)).toContain('Disable heading-style for this line');

    const all = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostics[0]!.range, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.postmortem']);
    const fixed = apply(text, all[0]!.edit!.changes![u]!);
    expect(runCli(['lint', 'postmortems/a.md', '--fix'], { cwd: dir }).code).toBe(0);
    expect(fixed).toBe(readFileSync(join(dir, 'postmortems', 'a.md'), 'utf8'));
    expect(fixed).not.toBe(text);
    const version = client.change(u, fixed);
    expect(await client.diagnostics(u, version)).toEqual([]);
  });

  test('no disable comment is offered where it would break a table', async () => {
    const table = '| Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n| Describe one specific piece of work here | prevent |  | #123 |\n';
    const doc = runCli(['new', '--template', 'google-sre', '--yes', '--dry-run']).stdout.replace(/^<!-- To write: \| Item \|[\s\S]*?-->\n/m, table);
    expect(doc).toContain(table);
    const { client, uri } = await start({ 'postmortems/a.md': doc });
    const u = uri('postmortems/a.md');
    client.open(u, doc);
    const diagnostics = (await client.diagnostics(u)).filter((d) => d.code === 'action-owner');
    expect(diagnostics).toHaveLength(1);
    expect(doc.split('\n')[diagnostics[0]!.range.start.line]).toMatch(/^\| Describe one/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostics[0]!.range, context: { diagnostics } });
    expect(actions.map((a) => a.title)).not.toContain('Disable action-owner for this line');
  });

  test('no disable comment is offered inside the front matter, where it cannot work', async () => {
    const text = VALID.replace('SEV-1', 'SEV-9');
    const { client, uri } = await start({ 'postmortems/a.md': text });
    const u = uri('postmortems/a.md');
    client.open(u, text);
    const diagnostics = await client.diagnostics(u);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: diagnostics[0]!.range, context: { diagnostics } });
    expect(actions.filter((a) => a.title.startsWith('Disable'))).toEqual([]);
  });
});

describe('robustness', () => {
  test('binary text, a 1 MB line, invalid YAML and a half-typed document never stop the server', async () => {
    const { client, uri } = await start({});
    const cases: Record<string, string> = {
      'binary.md': `---\ntemplate: default\n---\n\u0000\u0001\u0002PNG\u0000`,
      'long.md': `---\ntemplate: default\n---\n\n# Title\n\n${'word '.repeat(200_000)}\n`,
      'yaml.md': '---\ntemplate: default\nseverity: [SEV-2\n---\n\n# Broken\n',
      'half.md': '---\ntemplate: def',
      'typing.md': '---\ntemplate: default\ntitle: Out\n---\n\n## Time',
    };
    for (const [name, text] of Object.entries(cases)) client.open(uri(`postmortems/${name}`), text);
    const got: Record<string, Diagnostic[]> = {};
    for (const name of Object.keys(cases)) got[name] = await client.diagnostics(uri(`postmortems/${name}`), undefined, 30_000);
    expect(got['binary.md']!.map((d) => d.message)).toEqual([expect.stringMatching(/^cannot read: binary file/)]);
    expect(got['yaml.md']!.map((d) => d.code)).toContain('frontmatter-syntax');
    expect(got['long.md']!.length).toBeGreaterThan(0);
    expect(got['typing.md']!.length).toBeGreaterThan(0);
    // Still serving.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('postmortems/typing.md') } });
    expect(symbols.length).toBeGreaterThan(0);
    expect(client.exitCode).toBeNull();
  });

  test('an exception in one request is logged and the server keeps serving', async () => {
    const { client, uri } = await start({ 'postmortems/a.md': VALID });
    const u = uri('postmortems/a.md');
    client.open(u, VALID);
    await client.diagnostics(u);
    // A malformed request: no position.
    const answer = await client.request<unknown>('textDocument/hover', { textDocument: { uri: u }, position: null });
    expect(answer).toBeNull();
    const logged = await client.until(() => client.logs.find((l) => l.type === 1 && l.message.includes('textDocument/hover failed')), 'the error in the log');
    expect(logged.message).toContain('TypeError');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: VALID.split('\n').indexOf('## Timeline'), character: 4 } });
    expect((hover.contents as { value: string }).value).toContain('Timeline');
    expect(await client.stop()).toBe(0);
  });
});

test('an installed copy (no node_modules: the bundle holds the server library) serves', async () => {
  const install = tempDir();
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(install, part), { recursive: true });
  const dir = tempDir({ 'postmortems/a.md': VALID.replace('SEV-1', 'SEV-9') });
  const client = new LspClient(dir, ['lsp', '--stdio'], join(install, 'bin', 'postmortem.js'));
  clients.push(client);
  await client.initialize(dir);
  const u = pathToFileURL(join(dir, 'postmortems', 'a.md')).href;
  client.open(u, VALID.replace('SEV-1', 'SEV-9'));
  expect((await client.diagnostics(u)).map((d) => d.code)).toEqual(['frontmatter-choice']);
  expect(await client.stop()).toBe(0);
});

test('only lsp loads the language server: lint starts without it', () => {
  const cli = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
  expect(cli).not.toContain('vscode-languageserver');
  expect(cli).not.toContain('createConnection');
  expect(readFileSync(join(ROOT, 'dist', 'lsp.cjs'), 'utf8')).toContain('createConnection');
  // What a run really loads (besides the CLI bundle itself, which bin compiles without require), recorded by a preload hook.
  const dir = tempDir({ 'hook.cjs': "process.on('exit', () => require('fs').writeFileSync(process.env.LOADED, Object.keys(require.cache).join('\\n')));" });
  const loadedBy = (args: string[], input = ''): string => {
    const out = join(dir, `${args[0]}.txt`);
    runCli(args, { input, env: { NODE_OPTIONS: `--require ${join(dir, 'hook.cjs')}`, LOADED: out } });
    return readFileSync(out, 'utf8');
  };
  const lint = loadedBy(['lint', 'examples']);
  expect(lint).toContain('hook.cjs');
  expect(lint).not.toContain('lsp.cjs');
  expect(lint).not.toContain('vscode-');
  const exit = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
  expect(loadedBy(['lsp'], `Content-Length: ${exit.length}\r\n\r\n${exit}`)).toContain(join('dist', 'lsp.cjs'));
});
