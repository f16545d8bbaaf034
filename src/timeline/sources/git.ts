/**
 * Deploys from git, as lines of `REF<TAB>TIME<TAB>TEXT`: what
 *   git log --format='%h%x09%cI%x09%s' RANGE
 *   git for-each-ref --format='%(refname:short)%09%(creatordate:iso-strict)%09%(subject)' 'refs/tags/deploy-*'
 * print. Read from a file (or standard input), or by running git in the working directory for `git:RANGE` or
 * `git-tags:PATTERN`.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { oneLine, parseSourceTime, type Problems, type TimelineEvent } from '../event.js';
import type { SourceOptions } from './common.js';

export const GIT_LINE = /^([^\t]+)\t([^\t]+)\t(.*)$/;

/** Whether a line has the shape of the git source: ref, ISO time, text, separated by tabs. */
export function isGitLine(line: string): boolean {
  const m = GIT_LINE.exec(line);
  return Boolean(m && /^\d{4}-\d{2}-\d{2}T/.test(m[2]!));
}

async function* readLines(stream: Readable, shown: string, options: SourceOptions, problems: Problems, kind: string): AsyncGenerator<TimelineEvent> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const where = `${shown}:${n}`;
    const m = GIT_LINE.exec(line);
    if (!m) {
      problems.add(where, `expected "REF<TAB>TIME<TAB>TEXT" (git log --format='%h%x09%cI%x09%s'), found "${line.slice(0, 60)}"`);
      continue;
    }
    const t = parseSourceTime(m[2], options.zone);
    if (!t.ok) {
      problems.add(where, t.error);
      continue;
    }
    const ref = /^[0-9a-f]{12,40}$/.test(m[1]!) ? m[1]!.slice(0, 7) : m[1]!;
    const text = oneLine(m[3]!);
    if (!text) continue;
    yield { at: t.at, text, origin: `${kind}: ${ref}`, where };
  }
}

export function readGitFile(path: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  return readLines(stream, path === '-' ? '<stdin>' : relative(options.cwd, path) || path, options, problems, 'git');
}

/** Run git for `git:RANGE` (commits) or `git-tags:PATTERN` (tags, oldest first). */
export async function* readGitCommand(spec: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  const tags = spec.startsWith('git-tags:');
  const arg = spec.slice(tags ? 'git-tags:'.length : 'git:'.length);
  if (!arg || arg.startsWith('-')) {
    problems.add(spec, tags ? 'expected a tag pattern, e.g. git-tags:deploy-*' : 'expected a range, e.g. git:v1.2.0..v1.3.0');
    return;
  }
  const args = tags
    ? ['for-each-ref', '--sort=creatordate', '--format=%(refname:short)%09%(creatordate:iso-strict)%09%(subject)', `refs/tags/${arg}`]
    : ['log', '--reverse', '--format=%h%x09%cI%x09%s', arg, '--'];
  const child = spawn('git', args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 2000) stderr += d;
  });
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? -1));
  });
  child.stdout.setEncoding('utf8');
  yield* readLines(child.stdout, spec, options, problems, 'git');
  const code = await exited;
  if (code !== 0) problems.add(spec, code === -1 ? 'cannot run git (is it installed?)' : `git ${args[0]} failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`);
}
