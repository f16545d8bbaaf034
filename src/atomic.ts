/** Writing files so that a reader sees the old content or the new, never half of one. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileProblem } from './errors.js';

/** A one-line reason for a failed write (fileProblem's words). */
export const reason = (error: unknown): string => fileProblem(error, 'write');

/** Write `content` to a temporary file beside `target`, flushed to disk; returns its path. */
export function writeTemp(target: string, content: string): string {
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

