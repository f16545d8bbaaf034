/** Lint many files: read, parse with the document's template in mind, run the rules. */
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

export function lintText(text: string, path: string, options: LintRunOptions, fallback: Template): FileResult {
  const { doc, template, templateProblem } = readPostmortem(text, path, options, fallback);
  const messages = lintDocument(doc, template, { rules: options.config.rules, ...(templateProblem ? { templateProblem } : {}) });
  return { path, messages };
}

export function lintFiles(files: string[], options: LintRunOptions): FileResult[] {
  const fallback = options.templates.get(options.template ?? options.config.template);
  const results: FileResult[] = [];
  for (const file of files) {
    const shown = file === STDIN ? (options.stdinPath ?? '<stdin>') : file;
    let text: string;
    try {
      text = readText(file, options.cwd);
    } catch (error) {
      results.push({ path: shown, messages: [], fatal: `cannot read: ${(error as Error).message}` });
      continue;
    }
    results.push(lintText(text, shown, options, fallback));
  }
  return results;
}
