/** postmortem report: the files it writes, sanitizing, and what it refuses to overwrite (the browser test opens them). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, canMountTmpfs } from './helpers.js';
import { EXAMPLES, exampleRepo, HOSTILE } from './report-fixtures.js';

/** Every file of a written site, by relative path. */
function siteFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) if (f.endsWith('.html') || f.startsWith('.')) out.set(f, readFileSync(join(dir, f), 'utf8'));
  return out;
}

/**
 * 320 postmortems (worker threads start at 300): the examples many times over, dated across two years, with four
 * broken and seven hostile documents among them.
 */
function manyRepo(): string {
  const sources = EXAMPLES.map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
  const files: Record<string, string> = { '.postmortemrc.yaml': 'dir: pm\ntimezone: UTC\nactions:\n  slo: { P1: 28d, P2: 56d, default: 90d }\n' };
  for (let i = 0; i < 320; i++) {
    const src = sources[i % sources.length]!;
    const old = /^date: (\d{4}-\d{2}-\d{2})/m.exec(src)![1]!;
    const date = new Date(Date.parse('2023-01-01') + i * 2 * 86_400_000).toISOString().slice(0, 10);
    files[`pm/${date}-n${i}.md`] = i % 97 === 5 ? '---\ntitle: [unclosed\n---\n# Broken\n' : i % 50 === 7 ? HOSTILE : src.replaceAll(old, date).replace(/^title: (.*)$/m, `title: $1 (${i})`);
  }
  return tempDir(files);
}

const canMount = canMountTmpfs();

describe('postmortem report', () => {
  it('writes an overview and one page per postmortem, self-contained, with charts that carry text alternatives', () => {
    const dir = exampleRepo({ 'pm/2024-08-01-hostile.md': HOSTILE });
    const r = runCli(['report', '--today', '2024-09-15'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Wrote postmortem-report/index.html and 4 postmortem pages (open postmortem-report/index.html in a browser)\n');
    const out = join(dir, 'postmortem-report');
    const pages = readdirSync(join(out, 'p')).sort();
    expect(pages).toEqual([...EXAMPLES.map((f) => f.replace(/\.md$/, '.html')), '2024-08-01-hostile.html'].sort());
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const figures = index.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(6);
    for (const f of figures) {
      expect(f).toMatch(/<svg role="img" aria-labelledby="(chart-\d+)-title \1-desc"[^>]*><title id="chart-\d+-title">[^<]+<\/title><desc id="chart-\d+-desc">[^<]{20,}<\/desc>/);
      expect(f).toMatch(/<details><summary>Data table<\/summary><table>/);
    }
    expect(index).toContain('Time to detect, mitigate and resolve, by month');
    expect(index).toContain('Time to detect, mitigate and resolve, by quarter');
    for (const p of pages) expect(index).toContain(`href="p/${p}"`);
    for (const file of ['index.html', ...pages.map((p) => join('p', p))]) {
      const html = readFileSync(join(out, file), 'utf8');
      expect(html).not.toMatch(/<script|<link\b|@import|url\(|<iframe|\bsrc="(?:https?:|\/\/|data:)/i);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    }
    const page = readFileSync(join(out, 'p', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.html'), 'utf8');
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="timeline-\d+-title timeline-\d+-desc"/);
    expect(page).toContain('9 timeline entries from 09:00 to 12:00 (America/New_York). Milestones: started 09:00, detected 09:00, mitigated 12:00, resolved 12:00.');
    expect(page).toContain('<h2>Root cause and resolution</h2>');
    expect(page).toContain('href="../index.html"');
  });

  it('renders hostile Markdown inert: no script, no event handler, no javascript: link, no remote image', () => {
    const dir = exampleRepo({ 'pm/2024-08-01-hostile.md': HOSTILE });
    expect(runCli(['report', '--out', 'site', '--today', '2024-09-15'], { cwd: dir }).code).toBe(0);
    const html = readFileSync(join(dir, 'site', 'p', '2024-08-01-hostile.html'), 'utf8');
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|<style>body|tracker\.example\.com\/pixel/i);
    expect(html).toContain('The <a>click me</a> link');
    expect(html).toContain('<a href="https://example.com/ok">a fine link</a>');
    // The gap between 10:05 and 13:20 is marked on the timeline.
    expect(html).toContain('gap: 3 h 15 min');
  });

  it('replaces a previous report, refuses any other non-empty directory, and filters with --since', () => {
    const dir = exampleRepo();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const mine = tempDir({ 'keep.txt': 'mine' });
    const refused = runCli(['report', '--out', mine], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^postmortem: --out .* is not empty and holds no report written by postmortem: give an empty or new directory\n$/);
    expect(readFileSync(join(mine, 'keep.txt'), 'utf8')).toBe('mine');
    expect(runCli(['report', '--out', 'notes.txt'], { cwd: dir }).code).toBe(2);
    expect(runCli(['report', '--out', 'pm'], { cwd: dir }).code).toBe(2);
    expect(runCli(['report', '--since', 'June'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --since expects a date as YYYY-MM-DD, not "June"\n' });
    expect(runCli(['report', '--out', 'r'], { cwd: dir }).code).toBe(0);
    const second = runCli(['report', '--out', 'r', '--since', '2024-01-01'], { cwd: dir });
    expect(second.stdout).toBe('Wrote r/index.html and 2 postmortem pages (open r/index.html in a browser)\n');
    expect(readdirSync(join(dir, 'r', 'p')).length).toBe(2);
    expect(existsSync(join(dir, 'r', '.postmortem-report'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('builds the same site on worker threads as on one thread (300 documents and more are shared), skipped files warned once', () => {
    const dir = manyRepo();
    // With --since, so that documents read but not shown are in the mix (their Markdown is not rendered).
    for (const since of [['--since', '2024-01-01']]) {
      const one = runCli(['report', '--out', 'one', '--jobs', '1', '--today', '2025-01-15', ...since], { cwd: dir });
      const two = runCli(['report', '--out', 'two', '--jobs', '2', '--today', '2025-01-15', ...since], { cwd: dir });
      expect(one.code).toBe(0);
      expect(two).toEqual({ ...one, stdout: one.stdout.replaceAll('one/', 'two/') });
      // Four skipped files, warned once each, and no other warning (a worker that failed would say so).
      expect(one.stderr.split('\n').filter(Boolean).map((l) => /^postmortem: warning: skipped pm\/\S+\.md:2:8: Expected valid YAML front matter/.test(l))).toEqual([true, true, true, true]);
      const pages = Number(/and (\d+) postmortem pages/.exec(one.stdout)![1]);
      expect(pages).toBe(139);
      const a = siteFiles(join(dir, 'one'));
      const b = siteFiles(join(dir, 'two'));
      expect(a.size).toBe(pages + 2); // the pages, the overview, the marker
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [path, html] of a) expect(b.get(path), path).toBe(html);
    }
    expect(runCli(['report', '--jobs', 'two'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: --jobs expects a whole number of threads, not "two"\n' });
  }, 120_000);

  it.skipIf(!canMount)('a disk that fills up while pages are written, on one thread or several: exit 2, one line, nothing left behind', () => {
    const dir = manyRepo();
    mkdirSync(join(dir, 'full'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', join(dir, 'full')]).status).toBe(0);
    try {
      for (const jobs of ['1', '2']) {
        const r = runCli(['report', '--out', 'full/site', '--jobs', jobs, '--today', '2025-01-15'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n').filter((l) => !l.includes('warning: skipped'))).toEqual(['postmortem: cannot write full/site: the disk is full', '']);
        expect(readdirSync(join(dir, 'full'))).toEqual([]);
      }
    } finally {
      spawnSync('umount', [join(dir, 'full')]);
    }
  }, 120_000);
});
