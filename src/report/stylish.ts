/** Human output: one compiler-style line per message (file:line:column), grouped by file, with a summary. */
import { Chalk } from 'chalk';
import { totals, type FileResult } from './types.js';

export function formatStylish(results: FileResult[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  for (const r of results) {
    if (r.fatal) {
      out.push(`${c.bold(r.path)}: ${c.red('error')}: ${r.fatal}`);
      continue;
    }
    for (const m of r.messages) {
      const sev = m.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`${c.bold(`${r.path}:${m.line}:${m.column}`)}: ${sev}: ${m.message} ${c.dim(`[${m.ruleId}]`)}`);
    }
  }
  const { errorCount, warningCount } = totals(results);
  const files = results.length;
  const problems = errorCount + warningCount;
  if (problems === 0) {
    out.push(c.green(`✔ ${files} file${files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const line = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}`;
    out.push('', errorCount > 0 ? c.red.bold(line) : c.yellow.bold(line));
  }
  return `${out.join('\n')}\n`;
}
