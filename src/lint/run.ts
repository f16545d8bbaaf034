/** Lint many files: read, parse with the document's template in mind, run the rules. */
import { UserError } from '../errors.js';
import { readText, STDIN } from '../files.js';
import type { FileResult } from '../report/types.js';
import { readPostmortem, type Project } from '../project.js';
import type { Template } from '../template/template.js';
import { lintDocument } from './engine.js';

export interface LintRunOptions extends Project {
  /** --template: for documents that name none. */
  template?: string;
  /** Path shown for standard input. */
  stdinPath?: string;
}

/**
 * Lint one text. Whatever goes wrong is this file's result, never the run's: a broken template the document names
 * (the user's to fix) or an exception in a pass or a rule (ours: an internal error, with the stack only when
 * POSTMORTEM_DEBUG=1). Either makes the run exit 2; it is never passed off as an empty document.
 */
export function lintText(text: string, path: string, options: LintRunOptions, fallback: Template): FileResult {
  try {
    const { doc, template, templateProblem } = readPostmortem(text, path, options, fallback);
    const messages = lintDocument(doc, template, { rules: options.config.rules, ...(templateProblem ? { templateProblem } : {}) });
    return { path, messages };
  } catch (error) {
    return { path, messages: [], fatal: failureMessage(error) };
  }
}

/** One line for a failure while linting a file. */
export function failureMessage(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const e = error instanceof Error ? error : new Error(String(error));
  if (process.env.POSTMORTEM_DEBUG === '1') process.stderr.write(`${e.stack ?? e.message}\n`);
  const where = e instanceof RangeError && /call stack/i.test(e.message) ? ' (too deeply nested)' : '';
  return `internal error${where}: ${e.message.split('\n')[0]} (a bug in postmortem: please report it; POSTMORTEM_DEBUG=1 shows the stack)`;
}

/** A file's text and the path shown for it, or the result saying why it cannot be read. */
export function readForLint(file: string, options: LintRunOptions): { shown: string; text: string } | FileResult {
  const shown = file === STDIN ? (options.stdinPath ?? '<stdin>') : file;
  try {
    return { shown, text: readText(file, options.cwd) };
  } catch (error) {
    return { path: shown, messages: [], fatal: `cannot read: ${(error as Error).message}` };
  }
}

export function lintFiles(files: string[], options: LintRunOptions): FileResult[] {
  const fallback = options.templates.get(options.template ?? options.config.template);
  const results: FileResult[] = [];
  for (const file of files) {
    const read = readForLint(file, options);
    if (!('text' in read)) {
      results.push(read);
      continue;
    }
    results.push(lintText(read.text, read.shown, options, fallback));
  }
  return results;
}
