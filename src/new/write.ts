/** Writing what `new` produced: never over an existing postmortem, never half a file, never losing answers. */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { reason, writeFileAtomic, writeTemp } from '../atomic.js';
import { UserError } from '../errors.js';

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

export interface Draft {
  version: 1;
  template: string;
  savedAt: string;
  answers: { fields: Record<string, unknown>; sections: Record<string, unknown> };
}

export function draftPath(root: string): string {
  return join(root, '.postmortem', 'drafts', 'new.json');
}

export function saveDraft(root: string, draft: Draft): void {
  writeFileAtomic(draftPath(root), `${JSON.stringify(draft, null, 2)}\n`);
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
    const draft = JSON.parse(text) as Draft;
    if (draft.version !== 1 || typeof draft.template !== 'string' || typeof draft.answers !== 'object') throw new Error('bad shape');
    return draft;
  } catch {
    throw new UserError(`the draft ${path} is damaged; delete it to start again`);
  }
}

export function deleteDraft(root: string): void {
  rmSync(draftPath(root), { force: true });
}
