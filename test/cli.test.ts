import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, lineOf, ROOT, runCli, tempDir, VALID } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const BROKEN = edit(edit(VALID, '- 09:20 — Suspecting load', '- Later — Suspecting load'), '## Timeline', '**Timeline:**');
const brokenLine = lineOf(BROKEN, 'Later — Suspecting');

describe('postmortem (global)', () => {
  it('prints help with the commands and exit codes', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: postmortem/);
    expect(r.stdout).toMatch(/lint \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toMatch(/inspect \[options\] <file>/);
    expect(r.stdout).toMatch(/\n  2 +the tool could not do its job/);
    expect(r.stdout).toMatch(/\n  130 +postmortem new was interrupted/);
    expect(r.stdout).toMatch(/print-config \[options\] \[file\]/);
    // The registry name, which is not the command's (the npm package "postmortem" is somebody else's).
    expect(r.stdout).toContain('On npm as postmortem-cli: npm install --save-dev postmortem-cli, then npx postmortem init --ci github.\n');
  });

  it('prints the version', () => {
    const r = runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('exits 2 with a one-line message on an unknown option or command', () => {
    for (const args of [['--bogus'], ['lint', '--bogus'], ['frobnicate']]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^postmortem: unknown (option|command) "[^"]+"[^\n]*\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('postmortem lint', () => {
  it('exits 0 on a clean document', () => {
    const r = runCli(['lint', 'examples/2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md']);
    expect(r).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
  });

  it('exits 1 with compiler-style messages on errors', () => {
    const dir = tempDir({ 'postmortems/2023-03-01-x.md': BROKEN });
    const r = runCli(['lint'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^postmortems\/2023-03-01-x\.md:\d+:1: warning: Expected a Markdown heading for the timeline section, found a bold line: write "## Timeline" \(fixable\) \[heading-style\]$/);
    expect(lines[1]).toBe(
      `postmortems/2023-03-01-x.md:${brokenLine}:1: error: Expected a time at the start of the timeline entry, found none in "Later — Suspecting load, the team double…": begin it with the time, e.g. "09:05 — …" [timeline-time]`,
    );
    expect(lines.slice(-2)).toEqual(['✖ 2 problems (1 error, 1 warning) in 1 file', '  1 of them fixable with --fix']);
  });

  it('prints the documented JSON', () => {
    const dir = tempDir({ 'a.md': BROKEN, 'b.md': VALID });
    const r = runCli(['lint', 'a.md', 'b.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ version: 1, errorCount: 1, warningCount: 1 });
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['a.md', 'b.md']);
    expect(json.files[0].messages[1]).toEqual({
      ruleId: 'timeline-time',
      severity: 'error',
      message: expect.stringMatching(/^Expected a time/),
      line: brokenLine,
      column: 1,
      endLine: brokenLine,
      endColumn: expect.any(Number),
    });
    expect(json.files[1].messages).toEqual([]);
  });

  it('prints GitHub workflow commands', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const r = runCli(['lint', 'a.md', '--format', 'github'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toMatch(
      new RegExp(`^::error file=a\\.md,line=${brokenLine},col=1,endLine=${brokenLine},endColumn=\\d+,title=timeline-time::Expected a time`),
    );
    expect(r.stdout.split('\n')[0]).toMatch(/^::warning file=a\.md,line=\d+,col=1,.*title=heading-style::/);
  });

  it('prints SARIF 2.1.0 with rules and located results', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const r = runCli(['lint', 'a.md', '--format', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('postmortem');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('timeline-time');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'timeline-time');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('timeline-time');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: brokenLine, startColumn: 1, endLine: brokenLine, endColumn: expect.any(Number) },
    });
  });

  it('writes the report to --output-file, and --quiet keeps errors only', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const r = runCli(['lint', 'a.md', '--format', 'json', '--quiet', '-o', 'report.json'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(json.files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['timeline-time']);
  });

  it('fails on more warnings than --max-warnings', () => {
    const dir = tempDir({ 'a.md': edit(VALID, '## Timeline', '**Timeline:**') });
    expect(runCli(['lint', 'a.md'], { cwd: dir }).code).toBe(0);
    const r = runCli(['lint', 'a.md', '--max-warnings', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('postmortem: 1 warning, more than --max-warnings 0\n');
    expect(runCli(['lint', 'a.md', '--max-warnings', 'x'], { cwd: dir }).code).toBe(2);
  });

  it('lints a named file whatever its extension, and standard input', () => {
    const dir = tempDir({ 'notes.txt': BROKEN });
    expect(runCli(['lint', 'notes.txt'], { cwd: dir }).code).toBe(1);
    const r = runCli(['lint', '-', '--stdin-filename', 'pasted.md'], { input: BROKEN });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`pasted.md:${brokenLine}:1: error`);
  });

  it('exits 2 when a path does not exist, a glob or the default directory matches nothing', () => {
    const dir = tempDir({ 'a.md': VALID });
    expect(runCli(['lint', 'missing.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: no such file or directory: missing.md\n' });
    expect(runCli(['lint', 'docs/**/*.md'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: no files match the pattern docs/**/*.md\n' });
    expect(runCli(['lint'], { cwd: dir })).toMatchObject({ code: 2, stderr: `postmortem: no such file or directory: ${join(dir, 'postmortems')}\n` });
    const allowed = runCli(['lint', 'a.md', 'docs/**/*.md', '--no-error-on-unmatched-pattern'], { cwd: dir });
    expect(allowed).toMatchObject({ code: 0, stderr: 'postmortem: warning: no files match docs/**/*.md\n' });
  });

  it('exits 2 on an unknown template or format', () => {
    const dir = tempDir({ 'a.md': VALID });
    expect(runCli(['lint', 'a.md', '--template', 'nope'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'postmortem: unknown template "nope"; available: atlassian, default, google-sre, holberton, pagerduty\n',
    });
    expect(runCli(['lint', 'a.md', '--format', 'xml'], { cwd: dir }).code).toBe(2);
  });

  it('honours disable comments', () => {
    const doc = edit(BROKEN, '- Later — Suspecting', '<!-- postmortem-disable-next-line timeline-time -->\n- Later — Suspecting');
    const dir = tempDir({ 'a.md': doc });
    const r = runCli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['heading-style']);
  });

  it('colours only when asked and never under NO_COLOR', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    expect(runCli(['lint', 'a.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).toContain('\u001b[');
    expect(runCli(['lint', 'a.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['lint', 'a.md', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
  });
});

describe('config', () => {
  it('is found by walking up, and sets rule severities and the directory', () => {
    const dir = tempDir({
      '.postmortemrc.yaml': 'dir: docs/incidents\nrules:\n  heading-style: error\n  timeline-time: off\n',
      'docs/incidents/a.md': BROKEN,
      'sub/deeper/.keep': '',
    });
    const r = runCli(['lint', '--format', 'json'], { cwd: join(dir, 'sub', 'deeper') });
    const json = JSON.parse(r.stdout);
    expect(json.files[0].messages.map((m: { ruleId: string; severity: string }) => [m.ruleId, m.severity])).toEqual([['heading-style', 'error']]);
    expect(r.code).toBe(1);
  });

  it('is read from package.json', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'x', postmortem: { rules: { 'timeline-time': 'warn' } } }), 'a.md': BROKEN });
    const r = runCli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warningCount).toBe(2);
  });

  it('gives the rule options of [severity, options]', () => {
    const doc = edit(VALID, '- 09:00 — Support', '- 06:00 — Deploy starts.\n- 09:00 — Support');
    const dir = tempDir({ '.postmortemrc.json': JSON.stringify({ rules: { 'timeline-window': ['error', { leadUpMinutes: 60 }] } }), 'a.md': doc });
    const r = runCli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].messages[0]).toMatchObject({ ruleId: 'timeline-window', severity: 'error', message: expect.stringMatching(/within 60 minutes/) });
  });

  it('exits 2 naming the file and the problem when it is invalid', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ '.postmortemrc.yaml': 'rules: [unclosed\n' }, /^postmortem: invalid config .*\.postmortemrc\.yaml:\d+:\d+: /],
      [{ '.postmortemrc.json': '{"dir": 3}' }, /^postmortem: invalid config .*\.postmortemrc\.json:1:2: "dir" must be a non-empty string\n$/],
      [{ '.postmortemrc': 'colour: red\n' }, /\.postmortemrc:1:1: unknown setting "colour"/],
      [{ '.postmortemrc': 'rules:\n  timeline-tim: off\n' }, /\.postmortemrc:2:3: unknown rule "timeline-tim"; did you mean "timeline-time"\?/],
      [{ '.postmortemrc': 'dir: x\nrules:\n  no-secret: off\n' }, /\.postmortemrc:3:3: unknown rule "no-secret"; did you mean "no-secrets"\?/],
      [{ '.postmortemrc': 'rules:\n  timeline-time: loud\n' }, /\.postmortemrc:2:3: rules\.timeline-time must be off, warn or error/],
      [{ '.postmortemrc': 'rules:\n  heading-style: eror\n' }, /\.postmortemrc:2:3: rules\.heading-style must be off, warn or error .*not "eror"/],
      [{ '.postmortemrc': 'rules:\n  timeline-window: [warn, { leadUp: 30 }]\n' }, /\.postmortemrc:2:\d+: unknown option "leadUp" for rule "timeline-window"; expected "leadUpMinutes" or "afterMinutes"/],
      [{ '.postmortemrc': 'rules:\n  timeline-window: [warn, { leadUpMinutes: -5 }]\n' }, /\.postmortemrc:2:\d+: option "leadUpMinutes" of rule "timeline-window" must be a number of at least 0, not -5/],
      [{ '.postmortemrc': 'rules:\n  heading-style: [warn, { level: 2 }]\n' }, /rule "heading-style" takes no options, found "level"/],
      [{ 'package.json': '{"name": "x",\n "postmortem": {\n  "rules": {"no-secret": "off"}}}' }, /package\.json:3:13: unknown rule "no-secret"/],
      [{ '.postmortemrc': 'timezone: EST\n' }, /\.postmortemrc:1:1: .*IANA time-zone name/],
    ];
    for (const [files, pattern] of cases) {
      const dir = tempDir({ ...files, 'a.md': VALID });
      const r = runCli(['lint', 'a.md'], { cwd: dir });
      expect(r.code, JSON.stringify(files)).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('uses the template the config names, and a project template over the built-in one', () => {
    const custom = readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8')
      .replace('name: default', 'name: lean')
      .replace(/  - key: severity[\s\S]*?required: true\n/, '');
    const noSeverity = edit(VALID, /^severity: SEV-1\n/m, '').replace('template: default', 'template: lean');
    const dir = tempDir({ '.postmortem/templates/lean.md': custom, 'a.md': noSeverity });
    expect(runCli(['lint', 'a.md'], { cwd: dir }).code).toBe(0);
    const broken = tempDir({ '.postmortem/templates/default.md': 'no front matter', 'a.md': VALID });
    const r = runCli(['lint', 'a.md'], { cwd: broken });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^postmortem: .*\.postmortem\/templates\/default\.md:1:1: a template starts with YAML front matter/);
  });

  it("validates a template's lint.rules as the config's: unknown ids, bad severities and options are exit 2 at their line", () => {
    const base = readFileSync(join(ROOT, 'templates', 'default.md'), 'utf8');
    const cases: Array<[string, RegExp]> = [
      ['  rules:\n    no-secret: off\n', /default\.md:(\d+):5: unknown rule "no-secret"; did you mean "no-secrets"\?/],
      ['  rules:\n    heading-style: eror\n', /default\.md:(\d+):20: "heading-style" must be off, warn or error .*not "eror"/],
      ['  rules:\n    incident-duration: [error, { tolerance: 3 }]\n', /default\.md:(\d+):\d+: unknown option "tolerance" for rule "incident-duration"; expected "toleranceMinutes"/],
    ];
    for (const [rules, pattern] of cases) {
      const text = base.replace(/^lint:\n/m, `lint:\n${rules}`);
      const dir = tempDir({ '.postmortem/templates/default.md': text, 'a.md': VALID });
      const r = runCli(['lint', 'a.md'], { cwd: dir });
      expect(r.code, rules).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(Number(pattern.exec(r.stderr)![1])).toBe(lineOf(text, rules.split('\n')[1]!.trim()));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('postmortem inspect', () => {
  it('prints the model as JSON', () => {
    const r = runCli(['inspect', 'examples/2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md', '--json']);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model.title).toBe('Login service down after a migration locked the users table');
    expect(model.template).toBe('default');
    expect(model.sections[2]).toMatchObject({ ids: ['root-cause', 'resolution'], heading: 'Root cause and resolution', line: lineOf(VALID, '## Root cause') });
    expect(model.timeline[0]).toMatchObject({ line: lineOf(VALID, '- 09:00'), raw: '09:00', time: '2023-03-01T09:00:00-05:00' });
    expect(model.actionItems[0]).toMatchObject({ owner: '@tom.okafor', due: '2023-03-01', done: true });
    expect(model.incident).toMatchObject({ start: '2023-03-01T09:00:00-05:00', end: '2023-03-01T12:00:00-05:00', durationMinutes: 180, timezone: 'America/New_York' });
    expect(model.frontMatter.data.severity).toBe('SEV-1');
    expect(model.words).toBeGreaterThan(300);
  });

  it('exits 2 on a missing file', () => {
    expect(runCli(['inspect', 'nope.md'])).toMatchObject({ code: 2, stderr: 'postmortem: cannot read nope.md: no such file\n' });
  });
});

describe('config files of every kind', () => {
  it('reads postmortem.config.mjs and .postmortemrc.yml', () => {
    const mjs = tempDir({ 'postmortem.config.mjs': "export default { rules: { 'heading-style': 'off' } };\n", 'a.md': BROKEN });
    const r1 = runCli(['lint', 'a.md', '--format', 'json'], { cwd: mjs });
    expect(JSON.parse(r1.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['timeline-time']);
    const yml = tempDir({ '.postmortemrc.yml': 'rules:\n  timeline-time: off\n', 'a.md': BROKEN });
    const r2 = runCli(['lint', 'a.md', '--format', 'json'], { cwd: yml });
    expect(JSON.parse(r2.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['heading-style']);
  });

  it('takes --config over the search', () => {
    const dir = tempDir({ '.postmortemrc': 'rules:\n  timeline-time: off\n', 'ci.yaml': 'rules:\n  heading-style: off\n', 'a.md': BROKEN });
    const r = runCli(['lint', 'a.md', '--format', 'json', '--config', 'ci.yaml'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['timeline-time']);
    expect(runCli(['lint', 'a.md', '--config', 'nope.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: config file not found: nope.yaml\n' });
  });
});
