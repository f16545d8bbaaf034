/**
 * Leftovers a newcomer's trial found: what the built CLI says to a user who makes an ordinary mistake. Each
 * test drives bin/postmortem.js as a subprocess on real files in a temp dir.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, lineOf, runCli, tempDir, VALID } from './helpers.js';

describe('front matter mistakes, in plain words', () => {
  it('suggests a list for a list field whose value needs quotes, and the suggestion lints clean', () => {
    const broken = edit(VALID, /^authors:.*$/m, 'authors: @dana');
    const dir = tempDir({ 'pm.md': broken });
    const r = runCli(['lint', 'pm.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const line = lineOf(broken, 'authors: @dana');
    expect(r.stdout).toContain(
      `pm.md:${line}:10: error: Expected valid YAML front matter, found a value starting with "@", which YAML reserves: put it in quotes, in a list, authors: ["@dana"] [frontmatter-syntax]`,
    );
    // Writing what it says gives a clean file (no frontmatter-type error next).
    writeFileSync(join(dir, 'pm.md'), edit(broken, 'authors: @dana', 'authors: ["@dana"]'));
    const again = runCli(['lint', 'pm.md'], { cwd: dir });
    expect(again.stdout).not.toMatch(/frontmatter-(syntax|type)/);
    expect(again.code).toBe(0);
  });

  it('still suggests plain quotes for a text field', () => {
    const dir = tempDir({ 'pm.md': edit(VALID, /^title:.*$/m, 'title: @home login outage') });
    const r = runCli(['lint', 'pm.md'], { cwd: dir });
    expect(r.stdout).toContain('put it in quotes, title: "@home login outage" [frontmatter-syntax]');
  });

  const indentation: Array<[string, string, string, RegExp]> = [
    ['a field indented under the one above', 'severity: SEV-1', '  severity: SEV-1', /:(\d+):3: error: Expected valid YAML front matter, found "severity" indented 2 spaces under "date", which already has a value: start it at column 1, as "date" on line (\d+) does \[frontmatter-syntax\]/],
    ['a field out of line with the fields above', 'status: final', 'status: final\nextra:\n    a: 1\n  b: 2', /:(\d+):3: error: Expected valid YAML front matter, found "b" indented 2 spaces, out of line with the fields above it: start it at column 1, as "extra" on line (\d+) does \[frontmatter-syntax\]/],
    ['a list item out of line with the one above', 'services: [auth-api, users-db]', 'services:\n  - auth-api\n - users-db', /:(\d+):2: error: Expected valid YAML front matter, found a list item indented 1 space where the item above it is indented 2 spaces: line them up \[frontmatter-syntax\]/],
  ];
  for (const [name, from, to, says] of indentation) {
    it(`says where ${name} is, in plain words, with the document's line numbers`, () => {
      const text = edit(VALID, from, to);
      const dir = tempDir({ 'pm.md': text });
      const r = runCli(['lint', 'pm.md'], { cwd: dir });
      expect(r.code).toBe(1);
      const m = says.exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      expect(r.stdout).not.toMatch(/mapping items|compact mappings|implicit/i); // the yaml library's wording
      const lines = text.split('\n');
      const reported = Number(m![1]);
      expect(lines[reported - 1]).toBe(to.split('\n').at(-1)); // the line with the mistake
      if (m![2]) expect(lines[Number(m![2]) - 1]).toMatch(/^(date|extra):/); // the line it names
    });
  }
});

describe('files skipped for broken front matter', () => {
  it('are named at file:line:column in the words lint uses, by list, index, actions and stats', () => {
    const dir = tempDir({
      '.postmortemrc.yaml': 'dir: postmortems\ntimezone: UTC\n',
      'postmortems/good.md': VALID,
      'postmortems/bad.md': edit(VALID, /^authors:.*$/m, 'authors: @dana'),
    });
    const lint = runCli(['lint', 'postmortems/bad.md'], { cwd: dir });
    const said = /^postmortems\/bad\.md:(\d+:\d+): error: (.*) \[frontmatter-syntax\]$/m.exec(lint.stdout);
    expect(said, lint.stdout).not.toBeNull();
    for (const command of ['list', 'index', 'actions', 'stats']) {
      const r = runCli([command], { cwd: dir });
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
      expect(r.stderr, command).toBe(`postmortem: warning: skipped postmortems/bad.md:${said![1]}: ${said![2]}\n`);
    }
  });
});

describe('usage mistakes', () => {
  // One line in the project's words (as `--by expects one of …, not "x"` and `unknown rule "x"; did you mean "y"?`), exit 2.
  const cases: Array<[string[], string]> = [
    [['lint', '--format', 'nope'], 'postmortem: --format expects one of stylish, json, github, sarif, not "nope"'],
    [['lint', '-f', 'nope'], 'postmortem: --format expects one of stylish, json, github, sarif, not "nope"'],
    [['lint', '--frmat', 'json'], 'postmortem: unknown option "--frmat" for lint; did you mean "--format"?'],
    [['lint', '-x'], 'postmortem: unknown option "-x" for lint; postmortem lint --help lists the options'],
    [['--bogus'], 'postmortem: unknown option "--bogus"; postmortem --help lists the options'],
    [['lnt'], 'postmortem: unknown command "lnt"; did you mean "lint"?'],
    [['frobnicate'], 'postmortem: unknown command "frobnicate"; postmortem --help lists the commands'],
    [['timeline', 'ad'], 'postmortem: unknown command "ad" for timeline; did you mean "add"?'],
    [['templates', 'shw'], 'postmortem: unknown command "shw" for templates; did you mean "show"?'],
    [['lint', '--max-warnings'], 'postmortem: --max-warnings needs a value (--max-warnings <n>)'],
    [['inspect'], 'postmortem: inspect needs <file>; postmortem inspect --help shows how'],
    [['rules', 'extra'], 'postmortem: rules takes no arguments, got 1; postmortem rules --help shows how'],
  ];
  for (const [args, says] of cases) {
    it(`postmortem ${args.join(' ')}`, () => {
      const r = runCli(args, { cwd: tempDir() });
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: `${says}\n` });
    });
  }
});

describe('a path that does not exist, or cannot be used', () => {
  // Plain words, the path as typed, exit 2: never a raw errno code (ENOENT, EISDIR, EACCES).
  const cases: Array<[string[], string]> = [
    [['new', '--answers', 'nope.yaml', '--yes', '--date', '2024-01-01'], 'postmortem: cannot read answers nope.yaml: no such file'],
    [['new', '--answers', 'adir', '--yes', '--date', '2024-01-01'], 'postmortem: cannot read answers adir: is a directory'],
    [['inspect', 'nope.md'], 'postmortem: cannot read nope.md: no such file'],
    [['inspect', 'adir'], 'postmortem: cannot read adir: is a directory'],
    [['print-config', 'nope.md'], 'postmortem: cannot read nope.md: no such file'],
    [['lint', 'pm.md', '--output-file', 'no-dir/report.json'], 'postmortem: cannot write no-dir/report.json: its directory does not exist'],
    [['lint', 'pm.md', '--output-file', 'adir'], 'postmortem: cannot write adir: is a directory'],
    // A template that cannot be found is said as that, not as its flags being unknown options.
    [['new', '--template', 'nope.md', '--yes', '--date', '2024-01-01'], 'postmortem: template file not found: nope.md'],
  ];
  for (const [args, says] of cases) {
    it(`postmortem ${args.join(' ')}`, () => {
      const dir = tempDir({ 'pm.md': VALID, 'adir/keep.txt': '' });
      const r = runCli(args, { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: `${says}\n` });
      expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    });
  }
});

describe('a template copied by hand', () => {
  it('has no example action item that actions counts, and lint says each unwritten section is empty', () => {
    const dir = tempDir({ '.postmortemrc.yaml': 'dir: postmortems\ntimezone: UTC\n', 'postmortems/.keep': '' });
    const names = ['default', 'atlassian', 'holberton', 'pagerduty'];
    for (const name of names) {
      const shown = runCli(['templates', 'show', name], { cwd: dir });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/<!--\n- \[ \] .*owner: @someone, due: 2030-01-31\)\n-->/); // the example is still there, as a comment
      writeFileSync(join(dir, 'postmortems', `2024-01-01-${name}.md`), shown.stdout);
    }
    const actions = runCli(['actions', '--json'], { cwd: dir });
    expect(actions.code).toBe(0);
    expect(actions.stderr).toBe('');
    expect(JSON.parse(actions.stdout)).toEqual([]);
    const lint = runCli(['lint', '--format', 'json'], { cwd: dir });
    const files = (JSON.parse(lint.stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string; message: string }> }> }).files;
    expect(files).toHaveLength(names.length);
    for (const f of files) {
      expect(f.messages.filter((m) => m.ruleId === 'action-owner' || m.ruleId === 'action-due')).toEqual([]);
      expect(f.messages.some((m) => m.ruleId === 'section-empty' && /each with an owner and a due date/.test(m.message)), f.path).toBe(true);
    }
  });

  it('new --yes still leaves the example as guidance in a comment, and import does the same for a missing section', () => {
    const dir = tempDir({ '.postmortemrc.yaml': 'dir: postmortems\ntimezone: UTC\n', 'old.md': '# Outage\n\n## Summary\n\nThe login service was down from 09:00 to 10:00 UTC on 2024-01-01.\n' });
    const fresh = runCli(['new', '--yes', '--date', '2024-01-01', '--title', 'X', '--dry-run'], { cwd: dir });
    expect(fresh.stdout).toContain('<!-- To write: - [ ] A specific, checkable task that makes this less likely or less harmful (owner: @someone, due: 2030-01-31) -->');
    const imported = runCli(['import', 'old.md', '--dry-run'], { cwd: dir });
    expect(imported.stdout).toContain('## Corrective and preventative measures\n\n<!-- To write: - [ ] A specific, checkable task');
    expect(imported.stdout).not.toMatch(/^- \[ \]/m);
  });
});

describe('frontmatter-required suggests what to write', () => {
  it('from the document when it says it, else a placeholder: never a fixed sample date', () => {
    const said = '---\ntitle: x\ndate: 2024-07-01\ntimezone: Europe/Berlin\n---\n# X\n';
    const stated = '---\ntitle: x\n---\n# X\n\n## Issue summary\n\nFrom 09:00 to 10:30 UTC on 2024-05-02, users could not log in.\n';
    const dir = tempDir({ 'said.md': said, 'stated.md': stated, 'bare.md': '---\ntitle: x\n---\n# X\n' });
    const r = runCli(['lint', 'said.md', 'stated.md', 'bare.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const adds = (file: string): string[] => [...r.stdout.matchAll(new RegExp(`^${file}:1:1: error: Expected front matter field "\\w+" .*: add "(.*)" \\[frontmatter-required\\]$`, 'gm'))].map((m) => m[1]!);
    expect(adds('said.md')).toEqual(['severity: SEV-1', 'status: draft', 'authors: [alice]', 'started: 2024-07-01THH:MM:00+02:00', 'resolved: 2024-07-01THH:MM:00+02:00']);
    expect(adds('stated.md')).toEqual(['date: 2024-05-02', 'severity: SEV-1', 'status: draft', 'authors: [alice]', 'started: 2024-05-02T09:00:00Z', 'resolved: 2024-05-02T10:30:00Z', 'timezone: UTC']);
    expect(adds('bare.md')).toEqual(['date: YYYY-MM-DD', 'severity: SEV-1', 'status: draft', 'authors: [alice]', 'started: YYYY-MM-DDTHH:MM:00+HH:MM', 'resolved: YYYY-MM-DDTHH:MM:00+HH:MM', 'timezone: Area/City']);
    expect(r.stdout.split('\n').filter((l) => l.includes('[frontmatter-required]') && /2023-03-01|America\/New_York/.test(l))).toEqual([]);
  });
});

describe('broken front matter seen by inspect and import', () => {
  it("inspect says it in lint's words at line:column; import writes nothing for that file and keeps going (exit 2)", () => {
    const dir = tempDir({ 'b.md': '---\ntitle: [unclosed\nauthors: @x\n---\n# B\n', 'a.md': '# Fine\n\nText.\n' });
    const inspect = runCli(['inspect', 'b.md'], { cwd: dir });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('front matter: yaml (2:8: Expected valid YAML front matter, found a list opened with "[" and not closed: end it with "]")');
    const r = runCli(['import', 'a.md', 'b.md', '--dir', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^imported a\.md → out\//m);
    expect(r.stderr).toContain('postmortem: cannot import b.md: b.md:2:8: Expected valid YAML front matter, found a list opened with "[" and not closed: end it with "]"; nothing was written\n');
    expect(readdirSync(join(dir, 'out'))).toHaveLength(1);
  });
});
