/** The postmortem a timeline command works on: named, or the most recent draft; read through the one model. */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Postmortem } from '../document/model.js';
import { UserError } from '../errors.js';
import { readPostmortem, type Project } from '../project.js';
import { openRepository } from '../repo.js';
import type { InsertContext } from './insert.js';

export function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Read `text` (the document at `path`) with its template's section names and the config's zone. */
export function readerFor(project: Project, path: string): InsertContext & { read: (text: string) => Postmortem } {
  const fallback = project.templates.get(project.config.template);
  const read = (text: string): Postmortem => readPostmortem(text, shown(path), project, fallback).doc;
  return { parse: read, read, ...(project.config.timezone ? { fallbackZone: project.config.timezone } : {}) };
}

/** The draft (`status: draft`) that started last, in the configured directory. */
export async function mostRecentDraft(config?: string): Promise<string> {
  const repo = await openRepository(config ? { config } : {});
  const drafts = repo.docs
    .filter((d) => d.frontMatter.data.status === 'draft')
    .map((d) => {
      const started = d.incident.startInstant?.toMillis() ?? (d.incident.date ? DateTime.fromISO(d.incident.date).toMillis() : 0);
      let mtime = 0;
      try {
        mtime = statSync(resolve(d.path)).mtimeMs;
      } catch {
        // listed a moment ago; gone now: last in the order
      }
      return { path: resolve(d.path), started, mtime };
    })
    .sort((a, b) => b.started - a.started || b.mtime - a.mtime);
  if (drafts.length === 0) {
    throw new UserError(`no draft postmortem in ${shown(repo.dir)} (status: draft): start one with postmortem start "TITLE", or name the document with --file`);
  }
  return drafts[0]!.path;
}
