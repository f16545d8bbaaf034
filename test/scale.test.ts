/** --cache and --jobs: the same results, reused when nothing that matters changed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, runCli, tempDir, VALID } from './helpers.js';

function repo(count: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`pm/${String(i).padStart(3, '0')}.md`] = i % 10 === 3 ? edit(VALID, '- 09:20 — Suspecting load', '- Later — Suspecting load') : VALID;
  return tempDir(files);
}

const json = (stdout: string) => JSON.parse(stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string; severity: string }> }>; errorCount: number; warningCount: number };

describe('lint at scale', () => {
  it('gives the same report on worker threads as on one thread, in the same order', () => {
    const dir = repo(240);
    const one = runCli(['lint', 'pm', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const two = runCli(['lint', 'pm', '--format', 'json', '--jobs', '2'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(json(two.stdout).errorCount).toBe(24);
    expect(runCli(['lint', 'pm', '--jobs', 'many'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --jobs expects a whole number of threads, not "many"\n' });
  });

  it('--cache reuses results keyed on content, and a changed rule setting or template starts afresh', () => {
    const dir = repo(30);
    const cache = join(dir, 'node_modules', '.cache', 'postmortem', 'lint-cache-v1.json');
    const first = runCli(['lint', 'pm', '--format', 'json', '--cache'], { cwd: dir });
    const stored = JSON.parse(readFileSync(cache, 'utf8'));
    expect(Object.keys(stored.entries)).toHaveLength(2); // two distinct contents
    // Poison the stored result of the broken document: a second run must serve it from the cache.
    const key = Object.keys(stored.entries).find((k) => stored.entries[k].length > 0)!;
    stored.entries[key] = [{ ...stored.entries[key][0], message: 'FROM THE CACHE' }];
    writeFileSync(cache, JSON.stringify(stored));
    const second = runCli(['lint', 'pm', '--format', 'json', '--cache'], { cwd: dir });
    expect(second.stdout).toContain('FROM THE CACHE');
    expect(json(second.stdout).errorCount).toBe(json(first.stdout).errorCount);
    // A changed rule setting invalidates it.
    writeFileSync(join(dir, '.postmortemrc.yaml'), 'rules:\n  heading-style: error\n');
    const third = runCli(['lint', 'pm', '--format', 'json', '--cache'], { cwd: dir });
    expect(third.stdout).not.toContain('FROM THE CACHE');
    expect(third.stdout).toBe(first.stdout);
  });

  it('--cache-location puts the cache elsewhere, and a changed file is linted again', () => {
    const dir = repo(5);
    runCli(['lint', 'pm', '--cache-location', 'ci-cache'], { cwd: dir });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'ci-cache', 'lint-cache-v1.json'), 'utf8')).entries)).toHaveLength(2);
    writeFileSync(join(dir, 'pm', '000.md'), edit(VALID, 'severity: SEV-1', 'severity: SEV-9'));
    const r = runCli(['lint', 'pm', '--cache-location', 'ci-cache', '--format', 'json'], { cwd: dir });
    expect(json(r.stdout).files[0]!.messages.map((m) => m.ruleId)).toEqual(['frontmatter-choice']);
  });
});
