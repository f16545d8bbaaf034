import { OPT_IN_FIX_KINDS, type LintMessage } from '../lint/rule.js';

export interface FileResult {
  /** As given on the command line or found by globbing, relative to the working directory. */
  path: string;
  messages: LintMessage[];
  /** The file could not be read or linted at all. */
  fatal?: string;
  /** With --fix or --fix-dry-run: problems fixed (messages are those of the fixed text). */
  fixed?: number;
  /** --fix-dry-run: `fixed` counts fixes that were not written. */
  dryRun?: boolean;
}

export interface Totals {
  errorCount: number;
  warningCount: number;
  /** Messages with a fix that --fix applies (the default kinds). */
  fixableCount: number;
  /** Problems fixed by --fix / --fix-dry-run. */
  fixedCount: number;
}

/** " (fixable)" after a message whose fix --fix applies; " (fixable with --fix-type KIND)" for opt-in kinds. */
export function fixableNote(m: LintMessage): string {
  if (!m.fix) return '';
  return OPT_IN_FIX_KINDS.includes(m.fix.kind) ? ` (fixable with --fix-type ${m.fix.kind})` : ' (fixable)';
}

export function totals(results: FileResult[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  let fixedCount = 0;
  for (const r of results) {
    if (r.fatal) errorCount++;
    fixedCount += r.fixed ?? 0;
    for (const m of r.messages) {
      if (m.severity === 'error') errorCount++;
      else warningCount++;
      if (m.fix && !OPT_IN_FIX_KINDS.includes(m.fix.kind)) fixableCount++;
    }
  }
  return { errorCount, warningCount, fixableCount, fixedCount };
}
