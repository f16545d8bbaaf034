/**
 * The package as installed (bin, dist, templates, package.json copied to a fresh directory, no node_modules: the
 * bundle holds its dependencies): the code cache is written on the first run and changes no result, a corrupt one
 * is replaced, a read-only install works without one, and a built-in template edited after the build is read from
 * its file rather than from the copy the build parsed.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) {
    chmodSync(join(dir, 'dist'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

function installCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-install-'));
  made.push(dir);
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const f of caches(dir)) rmSync(join(dir, 'dist', f));
  chmodSync(dir, 0o755);
  return dir;
}

function caches(dir: string): string[] {
  return readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.cache'));
}

function run(dir: string, args: string[], extra: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'postmortem.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '' },
    ...extra,
  });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const LINT = ['lint', 'examples', 'test/fixtures', '--format', 'json'];

describe('installed package', () => {
  it('writes the code cache on its first run, and answers the same from it', () => {
    const dir = installCopy();
    expect(caches(dir)).toEqual([]);
    const first = run(dir, LINT);
    expect(caches(dir)).toEqual([expect.stringMatching(new RegExp(`^cli-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`))]);
    const second = run(dir, LINT);
    expect(second).toEqual(first);
    // … and the same as the repository's own CLI.
    const here = runCli(LINT);
    expect(first).toEqual({ code: here.code, stdout: here.stdout, stderr: here.stderr });
    expect(first.code).toBe(1); // the fixture has errors: the run really linted
  });

  it('replaces a corrupt cache and still gives the same answer', () => {
    const dir = installCopy();
    const clean = run(dir, LINT);
    const [cache] = caches(dir);
    const size = readFileSync(join(dir, 'dist', cache!)).length;
    writeFileSync(join(dir, 'dist', cache!), Buffer.alloc(size, 0x5a));
    expect(run(dir, LINT)).toEqual(clean);
    expect(readFileSync(join(dir, 'dist', cache!)).equals(Buffer.alloc(size, 0x5a))).toBe(false);
    expect(run(dir, LINT)).toEqual(clean);
  });

  it('works in a read-only install, without a cache', () => {
    const dir = installCopy();
    chmodSync(join(dir, 'dist'), 0o555);
    // As root every directory is writable, so run as nobody.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = run(dir, ['lint', join(ROOT, 'examples'), '--format', 'json'], { ...asNobody, cwd: tmpdir() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.length).toBeGreaterThanOrEqual(3);
    expect(caches(dir)).toEqual([]);
  });

  it('says how to build it, exit 2, when dist/ was never built', () => {
    const dir = installCopy();
    rmSync(join(dir, 'dist', 'cli.cjs'));
    const r = run(dir, ['lint', 'examples']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `postmortem: ${join(dir, 'dist', 'cli.cjs')} is missing: run "npm install" (or "npm run build") in ${dir}\n` });
  });

  it('reads a built-in template edited after the build from its file', () => {
    const dir = installCopy();
    const file = join(dir, 'templates', 'default.md');
    const before = JSON.parse(run(dir, ['templates', '--json']).stdout).find((t: { name: string }) => t.name === 'default');
    expect(before.description).toMatch(/^The classic four-part postmortem/);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*$/m, 'description: Edited after the build.'));
    const after = JSON.parse(run(dir, ['templates', '--json']).stdout).find((t: { name: string }) => t.name === 'default');
    expect(after.description).toBe('Edited after the build.');
  });
});
