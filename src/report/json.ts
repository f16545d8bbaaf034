/** Stable, versioned JSON: { version: 1, files: [{ path, messages }], errorCount, warningCount }. */
import { totals, type FileResult } from './types.js';

export function formatJson(results: FileResult[]): string {
  const { errorCount, warningCount, fixableCount } = totals(results);
  return `${JSON.stringify(
    {
      version: 1,
      files: results.map((r) => ({
        path: r.path,
        ...(r.fatal ? { fatal: r.fatal } : {}),
        messages: r.messages.map((m) => ({
          ruleId: m.ruleId,
          severity: m.severity,
          message: m.message,
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          ...(m.fix ? { fix: m.fix } : {}),
        })),
        ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
      })),
      errorCount,
      warningCount,
      fixableCount,
    },
    null,
    2,
  )}\n`;
}
