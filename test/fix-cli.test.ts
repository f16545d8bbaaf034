/** `postmortem lint --fix`, `--fix-dry-run`, `--fix-type` through the built CLI on real files. */
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, runCli, tempDir, VALID } from './helpers.js';

const BROKEN = edit(edit(edit(VALID, 'severity: SEV-1', 'severity: sev1'), '## Timeline', '**Timeline:**'), '- [ ] Alert when any lock', '- Alert when any lock');

describe('postmortem lint --fix', () => {
  it('fixes the file in place, atomically, keeping its mode, and reports what is left', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    chmodSync(join(dir, 'a.md'), 0o640);
    const before = runCli(['lint', 'a.md'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/write "SEV-1" \(fixable\) \[frontmatter-choice\]/);
    expect(before.stdout).toContain('  3 of them fixable with --fix');
    const r = runCli(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 1 file checked, no problems left (3 problems fixed)\n');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(VALID);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['a.md']); // no temporary file left
    // Fixing again changes nothing.
    expect(runCli(['lint', '--fix', 'a.md'], { cwd: dir }).stdout).toBe('✔ 1 file checked, no problems left (0 problems fixed)\n');
  });

  it('writes through a symbolic link to the file it points at', () => {
    const dir = tempDir({ 'real.md': BROKEN });
    symlinkSync('real.md', join(dir, 'link.md'));
    expect(runCli(['lint', '--fix', 'link.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe(VALID);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const r = runCli(['lint', '--fix-dry-run', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/a.md\n+++ b/a.md\n');
    expect(r.stdout).toContain('-severity: sev1\n+severity: SEV-1\n');
    expect(r.stdout).toContain('-**Timeline:**\n+## Timeline\n');
    expect(r.stdout).toContain('-- Alert when any lock');
    expect(r.stdout).toContain('+- [ ] Alert when any lock');
    expect(r.stdout).toMatch(/no problems left \(3 problems fixable \(dry run: nothing written\)\)\n$/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BROKEN);
    // An absolute path is shown as git shows one: one slash after a/ and b/.
    const abs = runCli(['lint', '--fix-dry-run', join(dir, 'a.md')], { cwd: tempDir({}) });
    expect(abs.stdout).toContain(`--- a${join(dir, 'a.md')}\n+++ b${join(dir, 'a.md')}\n`);
  });

  it('--fix-type chooses the kinds; the duration fix only when named', () => {
    const wrong = edit(VALID, 'About 30% of', 'In a 30-minute outage, about 30% of');
    const dir = tempDir({ 'a.md': edit(wrong, 'severity: SEV-1', 'severity: sev1') });
    expect(runCli(['lint', '--fix', '--fix-type', 'heading', 'a.md'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('severity: sev1');
    const plain = runCli(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(plain.stdout).toMatch(/found "30-minute" \(30 minutes\): correct the duration or the times \(fixable with --fix-type duration\) \[incident-duration\]/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('severity: SEV-1');
    const r = runCli(['lint', '--fix', '--fix-type', 'duration,spelling', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('In a 3-hour outage, about 30% of');
  });

  it('reports fixes in JSON and keeps the JSON parseable with --fix-dry-run', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const json = JSON.parse(runCli(['lint', '--format', 'json', 'a.md'], { cwd: dir }).stdout);
    const m = json.files[0].messages.find((x: { ruleId: string }) => x.ruleId === 'frontmatter-choice');
    expect(m.fix).toEqual({ kind: 'spelling', title: 'Write "SEV-1"', edits: [{ start: BROKEN.indexOf('sev1'), end: BROKEN.indexOf('sev1') + 4, newText: 'SEV-1' }] });
    expect(json.fixableCount).toBe(3);
    const dry = JSON.parse(runCli(['lint', '--fix-dry-run', '--format', 'json', 'a.md'], { cwd: dir }).stdout);
    expect(dry.files[0]).toMatchObject({ fixed: 3, messages: [] });
  });

  it('refuses bad usage with exit 2 and one line', () => {
    const dir = tempDir({ 'a.md': BROKEN });
    const cases: Array<[string[], RegExp]> = [
      [['lint', '--fix-type', 'spelling', 'a.md'], /^postmortem: --fix-type needs --fix or --fix-dry-run\n$/],
      [['lint', '--fix', '--fix-type', 'typo', 'a.md'], /^postmortem: --fix-type expects kinds among spelling, datetime, heading, task-list, duration, not "typo"\n$/],
      [['lint', '--fix', '-'], /^postmortem: --fix cannot write to standard input; use --fix-dry-run to see the fixes\n$/],
    ];
    for (const [args, says] of cases) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(says);
    }
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BROKEN);
    // Standard input: the diff, nothing written.
    const r = runCli(['lint', '--fix-dry-run', '-', '--stdin-filename', 'x.md'], { cwd: dir, input: BROKEN });
    expect(r.stdout).toContain('--- a/x.md\n+++ b/x.md\n');
  });
});
