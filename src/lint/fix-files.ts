/** `postmortem lint --fix` / `--fix-dry-run`: fix files in place (atomically) or print what would change. */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { reason, writeTemp } from '../atomic.js';
import { STDIN } from '../files.js';
import type { FileResult } from '../report/types.js';
import { fixText } from './fix.js';
import type { FixKind } from './rule.js';
import { lintText, readForLint, type LintRunOptions } from './run.js';

export interface FixRun {
  results: FileResult[];
  /** Unified diffs of what changed (or would change), in file order. */
  diffs: string[];
}

/** Replace `path` by `content` atomically (temporary file, then rename), keeping its mode; follows symbolic links. */
function replaceFile(path: string, content: string): void {
  const real = realpathSync(path);
  const mode = statSync(real).mode & 0o7777;
  const temp = writeTemp(real, content);
  try {
    chmodSync(temp, mode);
    renameSync(temp, real);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function fixFiles(files: string[], options: LintRunOptions, kinds: ReadonlySet<FixKind>, dryRun: boolean): FixRun {
  const fallback = options.templates.get(options.template ?? options.config.template);
  const results: FileResult[] = [];
  const diffs: string[] = [];
  for (const file of files) {
    const read = readForLint(file, options);
    if (!('text' in read)) {
      results.push(read);
      continue;
    }
    const { shown, text } = read;
    const { output, fixed, messages } = fixText(text, (t) => lintText(t, shown, options, fallback).messages, kinds);
    const result: FileResult = { path: shown, messages, fixed, ...(dryRun ? { dryRun } : {}) };
    if (output !== text) {
      diffs.push(createTwoFilesPatch(`a/${shown.replace(/^\/+/, '')}`, `b/${shown.replace(/^\/+/, '')}`, text, output, undefined, undefined, { context: 3 }).replace(/^={60,}\n/, ''));
      if (!dryRun && file !== STDIN) {
        const full = resolve(options.cwd, file);
        try {
          // Changed since it was read (an editor saved it): leave it, say so.
          if (readFileSync(full, 'utf8').replace(/^\ufeff/, '') !== text.replace(/^\ufeff/, '')) throw Object.assign(new Error('it changed while being fixed; run again'), { code: 'ECHANGED' });
          replaceFile(full, output);
        } catch (error) {
          results.push({ path: shown, messages: [], fatal: `cannot write the fixes: ${reason(error)}` });
          continue;
        }
      }
    }
    results.push(result);
  }
  return { results, diffs };
}
