/** Writing what `new` produced: never over an existing postmortem, never half a file, never losing answers. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import slugify from '@sindresorhus/slugify';
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

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const codes: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a parent of it is not a directory',
    EDQUOT: 'the disk quota is exceeded',
    EFBIG: 'the file is larger than this system allows (disk full or file size limit)',
  };
  return codes[e.code ?? ''] ?? e.message;
}

/** Write `content` to a temporary file beside `target`, flushed to disk; returns its path. */
function writeTemp(target: string, content: string): string {
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.postmortem.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    // A short write (full disk, file size limit) is not an error by itself: keep writing until every byte is
    // down, so that the next write reports the real error instead of a truncated file being linked into place.
    const bytes = Buffer.from(content, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return temp;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
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

/** Replace a small file atomically (drafts): temporary file, then rename. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = writeTemp(path, content);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
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
