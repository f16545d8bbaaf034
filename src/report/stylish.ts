/** Human output: one compiler-style line per message (file:line:column), grouped by file, with a summary. */
import { Chalk } from 'chalk';
import { fixableNote, totals, type FileResult } from './types.js';

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
      out.push(`${c.bold(`${r.path}:${m.line}:${m.column}`)}: ${sev}: ${m.message}${fixableNote(m)} ${c.dim(`[${m.ruleId}]`)}`);
    }
  }
  const { errorCount, warningCount, fixableCount, fixedCount } = totals(results);
  const files = results.length;
  const problems = errorCount + warningCount;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fixing = results.some((r) => r.fixed !== undefined);
  const fixedWord = results.some((r) => r.dryRun) ? 'fixable (dry run: nothing written)' : 'fixed';
  if (problems === 0) {
    out.push(c.green(`✔ ${plural(files, 'file')} checked, no problems${fixing ? ` left (${plural(fixedCount, 'problem')} ${fixedWord})` : ''}`));
  } else {
    const line = `✖ ${plural(problems, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}) in ${plural(files, 'file')}`;
    out.push('', errorCount > 0 ? c.red.bold(line) : c.yellow.bold(line));
    if (fixing) out.push(`  ${plural(fixedCount, 'problem')} ${fixedWord}`);
    if (fixableCount > 0) out.push(`  ${fixableCount} of them fixable with --fix`);
  }
  return `${out.join('\n')}\n`;
}
