/** `postmortem new` under faults: nothing half-written, nothing lost. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BIN, runCli, tempDir, canMountTmpfs } from './helpers.js';

/** Answers for a document of about `words` words. */
function answers(words: number, title = 'Cache stampede'): string {
  return stringify({
    title, date: '2024-04-04', severity: 'SEV-2', authors: ['ana'], started: '14:00', resolved: '14:40', timezone: 'UTC',
    summary: Array.from({ length: words }, (_, i) => `word${i % 97}`).join(' '),
    timeline: ['14:00 Cache empties.', '14:40 Warm again.'],
    'root-cause-and-resolution': 'Every key expired at once; we warmed the cache from a snapshot.',
    'action-items': ['Add jitter to expiry (owner: @ana, due: 2024-05-01)'],
  });
}

const NAME = '2024-04-04-cache-stampede.md';
const canMount = canMountTmpfs();

describe('new under faults', () => {
  it('a write cut short (file size limit, as on a full disk): a clear error, no file', () => {
    const dir = tempDir({ 'a.yaml': answers(3000) });
    const r = spawnSync('bash', ['-c', `trap "" XFSZ; ulimit -f 4; "${process.execPath}" "${BIN}" new --answers a.yaml --dir pm`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('postmortem: cannot write in pm: the file is larger than this system allows (disk full or file size limit); nothing was written\n');
    expect(readdirSync(join(dir, 'pm'))).toEqual([]);
  });

  it.skipIf(!canMount)('a full disk (a 16 KB tmpfs): a clear error, no file', () => {
    const dir = tempDir({ 'a.yaml': answers(6000) });
    mkdirSync(join(dir, 'full'));
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', join(dir, 'full')]).status).toBe(0);
    try {
      const r = runCli(['new', '--answers', 'a.yaml', '--dir', 'full/pm'], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: 'postmortem: cannot write in full/pm: the disk is full; nothing was written\n' });
      expect(readdirSync(join(dir, 'full', 'pm'))).toEqual([]);
    } finally {
      spawnSync('umount', [join(dir, 'full')]);
    }
  });

  it('a read-only directory: a clear error, no file', () => {
    const dir = tempDir({ 'a.yaml': answers(50) });
    mkdirSync(join(dir, 'pm'));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'a.yaml'), 0o644);
    chmodSync(join(dir, 'pm'), 0o555);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, 'new', '--answers', 'a.yaml', '--dir', 'pm'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' }, ...asNobody });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('postmortem: cannot write in pm: permission denied; nothing was written\n');
    expect(readdirSync(join(dir, 'pm'))).toEqual([]);
  });

  it('killed (SIGKILL) at any moment: the document is absent or complete, never partial', async () => {
    const dir = tempDir({ 'a.yaml': answers(20_000) });
    const complete = runCli(['new', '--answers', 'a.yaml', '--dry-run'], { cwd: dir }).stdout;
    expect(complete.length).toBeGreaterThan(100_000);
    const seen = { absent: 0, complete: 0 };
    for (let i = 0; i < 12; i++) {
      const out = join(dir, `run${i}`);
      const child = spawn(process.execPath, [BIN, 'new', '--answers', 'a.yaml', '--dir', out], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve)); // listen first: it may finish before the kill
      await new Promise((resolve) => setTimeout(resolve, 100 + i * 50));
      child.kill('SIGKILL');
      await exited;
      const target = join(out, NAME);
      if (!existsSync(target)) seen.absent++;
      else {
        expect(readFileSync(target, 'utf8')).toBe(complete);
        seen.complete++;
      }
    }
    expect(seen.absent + seen.complete).toBe(12);
  }, 120_000);

  it('two at once with the same title: two files, both complete', async () => {
    const dir = tempDir({ 'a.yaml': answers(2000) });
    const complete = runCli(['new', '--answers', 'a.yaml', '--dry-run'], { cwd: dir }).stdout;
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'new', '--answers', 'a.yaml', '--dir', 'pm'], { cwd: dir, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
    const files = readdirSync(join(dir, 'pm')).sort();
    expect(files).toEqual(['2024-04-04-cache-stampede-2.md', '2024-04-04-cache-stampede-3.md', NAME]);
    for (const f of files) expect(readFileSync(join(dir, 'pm', f), 'utf8')).toBe(complete);
  });
});

describe('content is data', () => {
  it('template syntax in answers is written as typed, never evaluated, and the YAML stays valid', () => {
    const dir = tempDir();
    const weird = ['{{ title }}', '<% exec("rm -rf /") %>', '${HOME}', '#{1+1}', '<!-- postmortem-disable -->', '---', 'key: "value"'];
    const r = runCli([
      'new', '--title', weird.join(' '), '--date', '2024-04-04', '--severity', 'SEV-3', '--authors', 'ana', '--started', '14:00', '--resolved', '14:40',
      '--timezone', 'UTC', '--summary', `Summary ${weird.join('\n')}`, '--timeline', `14:00 ${weird.join(' ')}`,
      '--root-cause-and-resolution', `Cause ${weird.join(' ')}`, '--action-items', `Fix ${weird.join(' ')} (owner: @ana, due: 2024-05-01)`, '--dry-run',
    ], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(process.env.HOME ?? '/root');
    expect(r.stdout).toContain('${HOME}');
    writeFileSync(join(dir, 'doc.md'), r.stdout);
    expect(runCli(['lint', 'doc.md'], { cwd: dir }).code).toBe(0);
    const model = JSON.parse(runCli(['inspect', 'doc.md', '--json'], { cwd: dir }).stdout);
    expect(model.frontMatter.data.title).toBe(weird.join(' '));
    expect(model.timeline[0].text).toContain('{{ title }} <% exec("rm -rf /") %> ${HOME}');
  });
});
