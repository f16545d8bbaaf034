/** Bad input through the built CLI: each case a clear one-line message and the right exit code, never a crash. */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { lintFiles } from '../src/lint/run.js';
import { loadTemplates } from '../src/template/load.js';
import { BIN, edit, runCli, tempDir, VALID } from './helpers.js';

interface Case {
  name: string;
  setup: (dir: string) => string;
  code: number;
  /** What the one line about the file says. */
  says: RegExp;
}

const cases: Case[] = [
  { name: 'an empty file', setup: (d) => (writeFileSync(join(d, 'x.md'), ''), 'x.md'), code: 1, says: /^x\.md:1:1: error: Expected front matter with title, date/m },
  { name: 'a binary file (NUL bytes)', setup: (d) => (writeFileSync(join(d, 'x.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0x10])), 'x.md'), code: 2, says: /^x\.md: error: cannot read: binary file \(a NUL byte at offset 2\), not a Markdown document$/m },
  { name: 'invalid UTF-8', setup: (d) => (writeFileSync(join(d, 'x.md'), Buffer.concat([Buffer.from('# T\n\nok '), Buffer.from([0xc3, 0x28])])), 'x.md'), code: 2, says: /^x\.md: error: cannot read: not valid UTF-8 \(byte 9, line 3\); save it as UTF-8$/m },
  { name: 'a UTF-8 byte-order mark', setup: (d) => (writeFileSync(join(d, 'x.md'), `\ufeff${VALID}`), 'x.md'), code: 0, says: /^✔ 1 file checked, no problems$/m },
  { name: 'CRLF line ends', setup: (d) => (writeFileSync(join(d, 'x.md'), VALID.replace(/\n/g, '\r\n')), 'x.md'), code: 0, says: /^✔ 1 file checked, no problems$/m },
  { name: 'lone CR line ends', setup: (d) => (writeFileSync(join(d, 'x.md'), VALID.replace(/\n/g, '\r')), 'x.md'), code: 0, says: /^✔ 1 file checked, no problems$/m },
  { name: 'a 20 MB file', setup: (d) => (writeFileSync(join(d, 'x.md'), `# Big\n\n${'word '.repeat(4_200_000)}`), 'x.md'), code: 2, says: /^x\.md: error: cannot read: too large \(20\.0 MB; postmortems over 10 MB are not read\)$/m },
  { name: 'front matter that is invalid YAML', setup: (d) => (writeFileSync(join(d, 'x.md'), edit(VALID, 'severity: SEV-1', 'severity: "SEV-1')), 'x.md'), code: 1, says: /^x\.md:\d+:\d+: error: Expected valid YAML front matter, found a value opened with " and not closed: end it with " \[frontmatter-syntax\]$/m },
  {
    name: 'a YAML alias bomb ("billion laughs")',
    setup: (d) => {
      const lines = ['---', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
      writeFileSync(join(d, 'x.md'), `${lines.join('\n')}\n---\n\n# Laughs\n`);
      return 'x.md';
    },
    code: 1,
    says: /^x\.md:1:1: error: Expected valid YAML front matter, found a syntax error: Excessive alias count indicates a resource exhaustion attack \[frontmatter-syntax\]$/m,
  },
  { name: 'YAML that is not a mapping', setup: (d) => (writeFileSync(join(d, 'x.md'), '---\n- a\n- b\n---\n# T\n'), 'x.md'), code: 1, says: /^x\.md:2:1: error: Expected valid YAML front matter, found a syntax error: front matter is not a mapping of keys to values \[frontmatter-syntax\]$/m },
  { name: 'TOML front matter', setup: (d) => (writeFileSync(join(d, 'x.md'), '+++\ntitle = "DNS"\ndate = "2024-01-05"\n+++\n\n# DNS\n'), 'x.md'), code: 1, says: /^x\.md:1:1: error: Expected front matter field "severity"/m },
  { name: 'a directory named x.md', setup: (d) => (mkdirSync(join(d, 'x.md')), 'x.md'), code: 2, says: /^postmortem: no Markdown files in x\.md$/m },
  { name: 'a symlink loop', setup: (d) => (symlinkSync('b.md', join(d, 'a.md')), symlinkSync('a.md', join(d, 'b.md')), 'a.md'), code: 2, says: /^postmortem: cannot read a\.md: symbolic link loop$/m },
  { name: 'a path that does not exist', setup: () => 'nope.md', code: 2, says: /^postmortem: no such file or directory: nope\.md$/m },
  { name: 'a glob that matches nothing', setup: () => 'docs/**/*.md', code: 2, says: /^postmortem: no files match the pattern docs\/\*\*\/\*\.md$/m },
];

/**
 * Shapes that used to stall or crash the reader (issue 11): each ~100 KB or deeper than any document. Linted through
 * the built CLI: a verdict (0 or 1), never a crash (70) or a stack trace. How long they take is the bench's business
 * (npm run bench), not a test's; runCli's own time-out only keeps a regression from hanging the suite.
 */
const K = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(K / unit.length)).slice(0, K);
const HOSTILE: Record<string, string> = {
  'a time followed by a long run of spaces': `# T\n\n- 9:00${' '.repeat(K)}x\n`,
  '"Impact:", spaces and a U+2028': `# T\n\nImpact:${' '.repeat(K)}\u2028\n`,
  '"eyJ-" repeated (JWT pattern)': `# T\n\n${fill('eyJ-')}\n`,
  '"a." repeated with a "://" (URL pattern)': `# T\n\n${fill('a.')}://\n`,
  '"*a" 50,000 times (emphasis)': `# T\n\n${'*a'.repeat(50_000)}\n`,
  '"x <!--" repeated (HTML openers)': `# T\n\n${fill('x <!--')}\n`,
  '5,000 nested list markers': `# T\n\n${'- '.repeat(5000)}09:00 x\n`,
  '5,000 nested quotes': `# T\n\n${'> '.repeat(5000)}09:00 x\n`,
  'lists nested 300 deep by indentation': `# T\n\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- 09:00 item`).join('\n')}\n`,
  'front matter flow collections nested 5,000 deep': `---\ntitle: x\nk: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\n# T\n`,
  'a 1 MB single line': `# T\n\n${'word '.repeat(200_000)}\n`,
  'a table row of 100,000 columns': `# T\n\n|${'a|'.repeat(100_000)}\n|${'-|'.repeat(100_000)}\n`,
};

describe('hostile shapes (postmortem lint)', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: a verdict, no crash`, () => {
      const dir = tempDir({ 'x.md': text });
      const r = runCli(['lint', 'x.md', '--format', 'json'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      const json = JSON.parse(r.stdout);
      expect(json.files).toHaveLength(1);
      expect(json.files[0].fatal).toBeUndefined();
    });
  }
});

describe('bad input matrix (postmortem lint)', () => {
  for (const c of cases) {
    it(`${c.name}: exit ${c.code}`, () => {
      const dir = tempDir();
      const target = c.setup(dir);
      const r = runCli(['lint', target], { cwd: dir });
      expect(r.code).toBe(c.code);
      expect(`${r.stdout}${r.stderr}`).toMatch(c.says);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      if (c.code === 2 && r.stderr) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('in a directory, links that loop or lead nowhere and sub-directories named *.md are not documents', () => {
    const dir = tempDir({ 'docs/a.md': VALID });
    symlinkSync('l2.md', join(dir, 'docs', 'l1.md'));
    symlinkSync('l1.md', join(dir, 'docs', 'l2.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'docs', 'gone.md'));
    mkdirSync(join(dir, 'docs', 'folder.md'));
    const r = runCli(['lint', 'docs', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['docs/a.md']);
  });

  it('a file deleted between listing and reading is reported, and the others are linted', async () => {
    const dir = tempDir({ 'a.md': VALID, 'c.md': VALID });
    const config = await loadConfig(dir);
    const templates = await loadTemplates({ cwd: dir });
    const results = lintFiles(['a.md', 'b-deleted.md', 'c.md'], { cwd: dir, config, templates });
    expect(results.map((r) => [r.path, r.fatal ?? r.messages.length])).toEqual([
      ['a.md', 0],
      ['b-deleted.md', 'cannot read: no such file'],
      ['c.md', 0],
    ]);
  });

  it('over 1,000 files where one is unreadable, reports that one and lints the rest (exit 2)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`pm/${String(i).padStart(4, '0')}.md`] = VALID;
    const dir = tempDir(files);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'pm'), 0o755);
    chmodSync(join(dir, 'pm', '0500.md'), 0o000);
    // As root nothing is unreadable, so run as nobody.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, 'lint', 'pm', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...asNobody });
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files).toHaveLength(1000);
    const fatal = json.files.filter((f: { fatal?: string }) => f.fatal);
    expect(fatal).toEqual([{ path: 'pm/0500.md', fatal: 'cannot read: permission denied', messages: [] }]);
    expect(json.files.filter((f: { messages: unknown[]; fatal?: string }) => !f.fatal && f.messages.length === 0)).toHaveLength(999);
    rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * The per-file time limit. POSTMORTEM_TEST_STALL makes a worker spin forever on a file whose path contains it (a
 * test hook; nothing else reads it): the limit must stop that file, report it, and lint the others. No timing is
 * asserted: only that the run finished and said so.
 */
describe('a file that takes longer than --timeout', () => {
  const stall = { POSTMORTEM_TEST_STALL: 'zz-stall' };

  it('is reported as fatal, naming it, and the others are linted (exit 2)', () => {
    const dir = tempDir({ 'a.md': VALID, 'zz-stall.md': VALID, 'b.md': VALID });
    const r = runCli(['lint', '.', '--timeout', '3'], { cwd: dir, env: stall });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^zz-stall\.md: error: linting took over 3 s and was stopped \(the limit for one file; see --timeout\)$/m);
    expect(r.stdout).toMatch(/1 problem \(1 error, 0 warnings\) in 3 files/);
    expect(r.stderr).toBe('');
  });

  it('the same on worker threads, over 200 files, and the config key sets it', () => {
    const files: Record<string, string> = { '.postmortemrc.yaml': 'timeout: 3\n' };
    for (let i = 0; i < 220; i++) files[`pm/${String(i).padStart(3, '0')}.md`] = VALID;
    files['pm/100-zz-stall.md'] = VALID;
    const dir = tempDir(files);
    const r = runCli(['lint', 'pm', '--jobs', '2', '--format', 'json'], { cwd: dir, env: stall });
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files).toHaveLength(221);
    expect(json.files.filter((f: { fatal?: string }) => f.fatal)).toEqual([{ path: 'pm/100-zz-stall.md', messages: [], fatal: 'linting took over 3 s and was stopped (the limit for one file; see --timeout)' }]);
    expect(json.files.filter((f: { messages: unknown[]; fatal?: string }) => !f.fatal && f.messages.length === 0)).toHaveLength(220);
  });

  it('--timeout must be a number of seconds', () => {
    const r = runCli(['lint', 'x.md', '--timeout', 'soon'], { cwd: tempDir({ 'x.md': VALID }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('postmortem: --timeout expects a number of seconds above 0, not "soon"\n');
  });
});
