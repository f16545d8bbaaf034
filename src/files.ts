/** Turning the paths and globs of a command line into files, and reading them. */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileProblem, UserError } from './errors.js';

export const STDIN = '-';
const MARKDOWN = '**/*.{md,markdown,mdown,mkd}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface ResolveOptions {
  cwd: string;
  /** Report a pattern that matches nothing as a warning instead of an error. */
  allowUnmatched?: boolean;
}

export interface Resolved {
  files: string[];
  /** Patterns that matched nothing (only when allowUnmatched). */
  unmatched: string[];
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/**
 * Files named on the command line are taken whatever their extension; directories are searched for Markdown;
 * anything else is a glob. Order: as given, then sorted within a directory or glob. No duplicates.
 */
export async function resolveFiles(patterns: string[], options: ResolveOptions): Promise<Resolved> {
  const seen = new Set<string>();
  const files: string[] = [];
  const unmatched: string[] = [];
  const add = (abs: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(abs === STDIN ? STDIN : display(options.cwd, abs));
  };
  for (const pattern of patterns) {
    if (pattern === STDIN) {
      add(STDIN);
      continue;
    }
    const abs = resolve(options.cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'EACCES') throw new UserError(`cannot read ${pattern}: ${fileProblem(error)}`);
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(abs);
      continue;
    }
    // Loaded only when a directory or a pattern is named: not for `postmortem lint FILE`.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    let matches: string[];
    if (stat?.isDirectory()) {
      // A directory's README.md is its index page (postmortem index), not a postmortem.
      matches = await glob(MARKDOWN, { cwd: abs, absolute: true, ignore: [...IGNORE, '**/[Rr][Ee][Aa][Dd][Mm][Ee].md'], onlyFiles: true, followSymbolicLinks: false });
    } else if (isDynamicPattern(pattern)) {
      matches = await glob(pattern, { cwd: options.cwd, absolute: true, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false });
    } else {
      if (options.allowUnmatched) {
        unmatched.push(pattern);
        continue;
      }
      throw new UserError(`no such file or directory: ${pattern}`);
    }
    if (matches.length === 0) {
      if (options.allowUnmatched) {
        unmatched.push(pattern);
        continue;
      }
      throw new UserError(
        stat?.isDirectory() ? `no Markdown files in ${pattern}` : `no files match the pattern ${pattern}`,
      );
    }
    for (const m of matches.sort()) add(m);
  }
  return { files, unmatched };
}

/** Postmortems are small; a file over this size is refused rather than parsed for minutes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes → text, refusing what is not a text document, with a reason that says where. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UserError(`too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; postmortems over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read)`);
  }
  const nul = bytes.subarray(0, 64 * 1024).indexOf(0);
  if (nul >= 0) throw new UserError(`binary file (a NUL byte at offset ${nul}), not a Markdown document`);
  try {
    return utf8.decode(bytes);
  } catch {
    // Find the first bad byte to say where.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    const before = new TextDecoder().decode(bytes.subarray(0, lo));
    const line = before.split(/\r\n|\r|\n/).length;
    throw new UserError(`not valid UTF-8 (byte ${lo}, line ${line}); save it as UTF-8`);
  }
}

/** Read a document as UTF-8 text; `-` reads standard input. Throws with a one-line reason. */
export function readText(path: string, cwd: string): string {
  let bytes: Buffer;
  try {
    bytes = path === STDIN ? readFileSync(0) : readFileSync(resolve(cwd, path));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new UserError(e.code === 'EAGAIN' && path === STDIN ? 'standard input is not readable' : fileProblem(error));
  }
  return decodeText(bytes);
}
