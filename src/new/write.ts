/** Writing what `new` produced: never over an existing postmortem, never half a file, never losing answers. */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { reason, writeFileAtomic, writeTemp } from '../atomic.js';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import type { Answers } from './answers.js';
import { withDefaults } from './check.js';
import { renderDocument } from './render.js';
import type { Draft, InterviewSession } from './session.js';

const MAX_SLUG = 60;

/** "Login service down!" → "login-service-down": ASCII, bounded, never empty, never a path. */
export function slugFor(title: string): string {
  let slug = slugify(title, { separator: '-', lowercase: true, decamelize: false });
  slug = slug.replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG);
  return slug || 'postmortem';
}

export function fileNameFor(date: string, title: string): string {
  return `${date}-${slugFor(title)}.md`;
}

/**
 * Write atomically into `dir` under `name`, or under "name-2.md", "name-3.md"… when it exists (two `new` at once
 * with the same title both land). `force` replaces an existing file instead, still atomically.
 */
export function writeNewDocument(dir: string, name: string, content: string, force = false): string {
  const root = resolve(dir);
  dir = relative(process.cwd(), root) || root;
  const first = resolve(root, name);
  if (relative(root, first).startsWith('..') || relative(root, first).includes(sep)) {
    throw new UserError(`refusing to write outside ${dir}: ${name}`);
  }
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create ${dir}: ${reason(error)}`);
  }
  let temp: string;
  try {
    temp = writeTemp(first, content);
  } catch (error) {
    throw new UserError(`cannot write in ${dir}: ${reason(error)}; nothing was written`);
  }
  try {
    if (force) {
      renameSync(temp, first);
      return first;
    }
    for (let n = 1; n < 1000; n++) {
      const target = n === 1 ? first : first.replace(/\.md$/, `-${n}.md`);
      try {
        linkSync(temp, target); // atomic, and fails if the target exists
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new UserError(`too many postmortems named ${name} in ${dir}`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot write in ${dir}: ${reason(error)}; nothing was written`);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function draftPath(root: string): string {
  return join(root, '.postmortem', 'drafts', 'new.json');
}

export function saveDraft(root: string, draft: Draft): void {
  writeFileAtomic(draftPath(root), `${JSON.stringify(draft, null, 2)}\n`);
}

export function hasDraft(root: string): boolean {
  return existsSync(draftPath(root));
}

export function loadDraft(root: string): Draft {
  const path = draftPath(root);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`no draft to resume (${relative(process.cwd(), path) || path} does not exist)`);
  }
  try {
    const draft = JSON.parse(text) as Draft | { version: 1; template: string; answers: Draft['answers'] };
    if (typeof draft.template !== 'string' || typeof draft.answers !== 'object' || !draft.answers) throw new Error('bad shape');
    // A draft of an earlier version has answers but no position: the interview asks what is missing.
    if (draft.version === 1) return { version: 2, template: draft.template, savedAt: '', answers: { fields: draft.answers.fields ?? {}, sections: draft.answers.sections ?? {} }, position: { at: 0, asked: [], given: [...Object.keys(draft.answers.fields ?? {}), ...Object.keys(draft.answers.sections ?? {})] } };
    if (draft.version !== 2 || typeof draft.position?.at !== 'number' || !Array.isArray(draft.position.asked) || !Array.isArray(draft.position.given)) throw new Error('bad shape');
    return draft;
  } catch {
    throw new UserError(`the draft ${path} is damaged; delete it to start again`);
  }
}

export function deleteDraft(root: string): void {
  rmSync(draftPath(root), { force: true });
}

export interface WriteOptions {
  yes?: boolean;
  dryRun?: boolean;
  force?: boolean;
  dir?: string;
}

/**
 * The document of a finished session: printed (`--dry-run`) or written, never over another, and the draft
 * removed once it is. Returns the exit code.
 */
export function writeDocument(session: InterviewSession, project: Project, opts: WriteOptions): number {
  const { template } = session;
  const { config, cwd } = project;
  const answers = withDefaults(template, session.answers);
  const text = renderDocument(template, answers, { placeholders: Boolean(opts.yes) });
  if (opts.dryRun) {
    process.stdout.write(text);
    return 0;
  }
  const date = fileDate(session, answers);
  if (!date) throw new UserError(`--yes needs --date (or --started): the file name starts with the incident's date`);
  const dir = opts.dir ? resolve(cwd, opts.dir) : resolve(config.root, config.dir);
  const title = typeof answers.fields.title === 'string' ? answers.fields.title : 'postmortem';
  const written = writeNewDocument(dir, fileNameFor(date, title), text, Boolean(opts.force));
  deleteDraft(config.root);
  const shown = relative(cwd, written) || written;
  process.stdout.write(`Wrote ${shown}\n`);
  const errors = session.problems().filter((p) => p.severity === 'error').length;
  if (errors > 0) process.stderr.write(`postmortem: ${errors} lint error${errors === 1 ? '' : 's'} to fix before it passes (run "postmortem lint ${shown}")\n`);
  return 0;
}

/** The incident's date for the file name: the date answered, else the start's; none in batch mode is an error. */
function fileDate(session: InterviewSession, answers: Answers): string | undefined {
  const dateField = session.template.fields.find((f) => f.type === 'date');
  if (dateField && typeof answers.fields[dateField.key] === 'string') return answers.fields[dateField.key] as string;
  const ctx = session.ctx(answers);
  if (ctx.date) return ctx.date;
  // A template that asks neither a date nor a start: the day it is written, in the document's zone.
  if (!dateField && !session.template.fields.some((f) => f.type === 'datetime' && f.required)) return ctx.now.setZone(ctx.zone).toISODate() ?? undefined;
  return undefined;
}
