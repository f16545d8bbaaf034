/** Failures are reported for the file they happen in, never hidden and never a crash, whatever --jobs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint/run.js';
import { DEFAULT_TEMPLATE, edit, runCli, tempDir, VALID } from './helpers.js';
import { loadConfig } from '../src/config/config.js';
import { loadTemplates } from '../src/template/load.js';
import type { Template } from '../src/template/template.js';

/** A project whose `broken` template has invalid front matter, one document naming it and `n` good ones. */
function projectWithBrokenTemplate(n: number): string {
  const dir = tempDir({ '.postmortemrc.json': '{}' });
  mkdirSync(join(dir, '.postmortem', 'templates'), { recursive: true });
  writeFileSync(join(dir, '.postmortem', 'templates', 'broken.md'), '---\nname: broken\nfields: [oops\n---\n# Broken\n');
  mkdirSync(join(dir, 'postmortems'));
  writeFileSync(join(dir, 'postmortems', 'names-broken.md'), edit(VALID, 'template: default', 'template: broken'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'postmortems', `ok-${String(i).padStart(3, '0')}.md`), VALID);
  return dir;
}

describe('a broken template named by one document', () => {
  for (const [files, jobs] of [[3, '1'], [250, '1'], [250, '2']] as const) {
    it(`is that file's error, the others are linted (${files + 1} files, --jobs ${jobs})`, () => {
      const dir = projectWithBrokenTemplate(files);
      const r = runCli(['lint', '--jobs', jobs, '--format', 'json', 'postmortems'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|worker exited/);
      const list = (JSON.parse(r.stdout) as { files: Array<{ path: string; fatal?: string; messages: unknown[] }> }).files;
      expect(list).toHaveLength(files + 1);
      const bad = list.filter((f) => f.fatal);
      expect(bad.map((f) => f.path)).toEqual([join('postmortems', 'names-broken.md')]);
      expect(bad[0]!.fatal).toMatch(/broken\.md/);
      expect(list.filter((f) => !f.fatal).every((f) => f.messages.length === 0)).toBe(true);
    });
  }
});

describe('an exception in a pass or a rule', () => {
  it('is an internal error for that file, not an empty document', async () => {
    const dir = tempDir({ '.postmortemrc.json': '{}' });
    const config = await loadConfig(dir);
    const templates = await loadTemplates({ cwd: dir, root: dir });
    // A template object whose sections are not a list: every rule that reads them throws.
    const broken = { ...DEFAULT_TEMPLATE, sections: null } as unknown as Template;
    const r = lintText(VALID, 'x.md', { cwd: dir, config, templates }, broken);
    expect(r.messages).toEqual([]);
    expect(r.fatal).toMatch(/^internal error: .+ \(a bug in postmortem: please report it; POSTMORTEM_DEBUG=1 shows the stack\)$/);
    expect(r.fatal).not.toContain('\n');
  });
});

describe("Node's own warnings", () => {
  it('never reach the terminal (YAML keys with collection values)', () => {
    const dir = tempDir({ 'x.md': '---\n? [a, b]\n: 1\ntitle: Keys\n---\n# Keys\n' });
    const r = runCli(['lint', 'x.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/x\.md:/);
    expect(r.stderr).not.toMatch(/Warning|stringified/);
  });
});
