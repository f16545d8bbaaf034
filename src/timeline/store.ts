/**
 * Read-modify-write of a postmortem that several writers may update at once (two `timeline add` in two
 * terminals, an import while someone adds): a lock file beside the document (proper-lockfile: a directory made
 * atomically, refreshed while held, taken over when stale), and the new text written to a temporary file and
 * renamed into place, so that a reader sees the old document or the new one, never half of one. A writer that
 * does not take the lock (an editor saving) is noticed: the file is compared with what was read just before the
 * rename, and the update is done again on the new text.
 */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { reason, writeTemp } from '../atomic.js';
import { fileProblem, UserError } from '../errors.js';
import { decodeText } from '../files.js';

export interface UpdateResult {
  before: string;
  after: string;
}

/** How long a writer waits for the lock: 30 to 60 s in all (the waits are randomized). */
const RETRIES = { retries: 120, factor: 1.2, minTimeout: 10, maxTimeout: 300, randomize: true };
/** A lock not refreshed for this long belongs to a process that died. */
const STALE_MS = 10_000;

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function readDocument(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`cannot read ${shown(path)}: ${fileProblem(error)}`);
  }
  try {
    return decodeText(bytes);
  } catch (error) {
    throw new UserError(`cannot read ${shown(path)}: ${(error as Error).message}`);
  }
}

/**
 * Apply `update` to the document at `path` under its lock. `update` gets the current text and returns the new
 * one (the same text: nothing to write). Returns both texts.
 */
export async function updateDocument(path: string, update: (text: string) => string): Promise<UpdateResult> {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    throw new UserError(`cannot read ${shown(path)}: no such file`);
  }
  const { lock } = await import('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lock(target, {
      lockfilePath: join(dirname(target), `.${basename(target)}.lock`),
      retries: RETRIES,
      stale: STALE_MS,
      realpath: false,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ELOCKED') throw new UserError(`${shown(path)} stayed locked by another postmortem command for more than 30 seconds; nothing was changed`);
    throw new UserError(`cannot lock ${shown(path)}: ${reason(error)}; nothing was changed`);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = readDocument(target);
      const after = update(before);
      if (after === before) return { before, after };
      let temp: string;
      try {
        temp = writeTemp(target, after);
        chmodSync(temp, statSync(target).mode & 0o7777);
      } catch (error) {
        throw new UserError(`cannot write ${shown(path)}: ${reason(error)}; nothing was changed`);
      }
      try {
        // Someone wrote the file without the lock (an editor): do it again on their text.
        if (readFileSync(target, 'utf8') !== before) continue;
        renameSync(temp, target);
        return { before, after };
      } catch (error) {
        throw new UserError(`cannot write ${shown(path)}: ${reason(error)}; nothing was changed`);
      } finally {
        rmSync(temp, { force: true });
      }
    }
    throw new UserError(`${shown(path)} kept changing while being updated; nothing was changed`);
  } finally {
    await release().catch(() => undefined);
  }
}

/** The lines `after` adds to `before` (the update only inserts lines), with their 1-based line numbers. */
export function addedLines(before: string, after: string): Array<{ line: number; text: string }> {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const out: Array<{ line: number; text: string }> = [];
  let i = 0;
  for (let j = 0; j < b.length; j++) {
    if (i < a.length && a[i] === b[j]) i++;
    else if (b[j]!.trim()) out.push({ line: j + 1, text: b[j]! });
  }
  return out;
}
