/** Which reader a source goes to: by --source, else by what the path is (a folder, an extension, a first line). */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { fileProblem, UserError } from '../../errors.js';
import type { Problems, TimelineEvent } from '../event.js';
import type { SourceOptions } from './common.js';
import { isGitLine, readGitCommand, readGitFile } from './git.js';
import { readPagerDuty } from './pagerduty.js';
import { isSlackExport, readSlack } from './slack.js';
import { readCsv, readJsonLines } from './tabular.js';

export const SOURCE_KINDS = ['slack', 'pagerduty', 'git', 'csv', 'jsonl'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface ResolvedSource {
  spec: string;
  kind: SourceKind;
  read: () => AsyncIterable<TimelineEvent>;
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return (buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim()) ?? '').trim();
  } finally {
    closeSync(fd);
  }
}

/** Resolve one SOURCE argument; a source that cannot be read or recognised is a UserError naming it. */
export function resolveSource(spec: string, forced: SourceKind | undefined, options: SourceOptions, problems: Problems): ResolvedSource {
  if (/^git(-tags)?:/.test(spec)) {
    if (forced && forced !== 'git') throw new UserError(`${spec}: a git range or tag pattern, but --source is ${forced}`);
    return { spec, kind: 'git', read: () => readGitCommand(spec, options, problems) };
  }
  if (spec === '-') {
    if (!forced || forced === 'slack' || forced === 'pagerduty') {
      throw new UserError('a source read from standard input (-) needs --source git, csv or jsonl');
    }
  }
  const path = spec === '-' ? spec : resolve(options.cwd, spec);
  let kind = forced;
  if (spec !== '-') {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`${spec}: ${code === 'ENOENT' ? 'no such file or directory' : fileProblem(error)}`);
    }
    if (isDir) {
      if (kind && kind !== 'slack') throw new UserError(`${spec}: a folder, but --source ${kind} reads a file`);
      if (!isSlackExport(path)) throw new UserError(`${spec}: not a Slack export (no YYYY-MM-DD.json files, no channels.json or users.json)`);
      kind = 'slack';
    } else if (kind === 'slack') {
      throw new UserError(`${spec}: a Slack export is a folder (the channel's, with one YYYY-MM-DD.json file per day)`);
    }
    if (!kind) {
      const ext = extname(path).toLowerCase();
      if (ext === '.csv' || ext === '.tsv') kind = 'csv';
      else if (ext === '.jsonl' || ext === '.ndjson') kind = 'jsonl';
      else if (ext === '.json') kind = 'pagerduty';
      else {
        let line: string;
        try {
          line = firstLine(path);
        } catch (error) {
          throw new UserError(`${spec}: cannot read: ${fileProblem(error)}`);
        }
        if (isGitLine(line)) kind = 'git';
        else if (line.startsWith('{')) kind = 'jsonl';
        else throw new UserError(`${relative(options.cwd, path) || spec}: cannot tell what kind of source this is; give --source ${SOURCE_KINDS.join('|')}`);
      }
    }
  }
  const k = kind!;
  const readers = { slack: readSlack, pagerduty: readPagerDuty, git: readGitFile, csv: readCsv, jsonl: readJsonLines };
  return { spec, kind: k, read: () => readers[k](path, options, problems) };
}
