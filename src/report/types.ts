import type { LintMessage } from '../lint/rule.js';

export interface FileResult {
  /** As given on the command line or found by globbing, relative to the working directory. */
  path: string;
  messages: LintMessage[];
  /** The file could not be read or linted at all. */
  fatal?: string;
}

export interface Totals {
  errorCount: number;
  warningCount: number;
}

export function totals(results: FileResult[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    if (r.fatal) errorCount++;
    for (const m of r.messages) {
      if (m.severity === 'error') errorCount++;
      else warningCount++;
    }
  }
  return { errorCount, warningCount };
}
