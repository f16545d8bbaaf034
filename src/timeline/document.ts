/** The postmortem a timeline command works on: named, or the most recent draft; read through the one model. */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { Postmortem } from '../document/model.js';
import { UserError } from '../errors.js';
import { readText, resolveFiles } from '../files.js';
import { openProject, readPostmortem, type Project } from '../project.js';
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
  const project = await openProject(process.cwd(), config);
  const dir = resolve(project.config.root, project.config.dir);
  const { files } = await resolveFiles([dir], { cwd: project.cwd, allowUnmatched: true });
  const fallback = project.templates.get(project.config.template);
  const drafts: Array<{ path: string; started: number; mtime: number }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = readText(file, project.cwd);
    } catch {
      continue; // unreadable: not the draft being written
    }
    // Only documents that say so in their first lines are read through the model (a directory of thousands of
    // final postmortems costs a read each, not a parse).
    if (!DRAFT_HINT.test(text.slice(0, 8192))) continue;
    let doc: Postmortem;
    try {
      doc = readPostmortem(text, file, project, fallback).doc;
    } catch {
      continue;
    }
    if (doc.frontMatter.data.status !== 'draft') continue;
    const started = doc.incident.startInstant?.toMillis() ?? (doc.incident.date ? DateTime.fromISO(doc.incident.date).toMillis() : 0);
    let mtime = 0;
    try {
      mtime = statSync(resolve(project.cwd, file)).mtimeMs;
    } catch {
      // listed a moment ago, gone now: last in the order
    }
    drafts.push({ path: resolve(project.cwd, file), started, mtime });
  }
  drafts.sort((a, b) => b.started - a.started || b.mtime - a.mtime);
  if (drafts.length === 0) {
    throw new UserError(`no draft postmortem in ${shown(dir)} (status: draft): start one with postmortem start "TITLE", or name the document with --file`);
  }
  return drafts[0]!.path;
}

const DRAFT_HINT = /^[ \t]*status[ \t]*[:=][ \t]*["']?draft\b/m;
