/** Human output: one compiler-style line per message (file:line:column), grouped by file, with a summary. */
import { fixableNote, totals, type FileResult } from './types.js';

type Paint = (text: string) => string;
/** The styles the output uses: chalk's, or none. */
export interface Painter {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  redBold: Paint;
  yellowBold: Paint;
}

const plain: Paint = (text) => text;
const PLAIN: Painter = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, redBold: plain, yellowBold: plain };

/**
 * The painter for colored output or none. Chalk is loaded only to color: its import detects the terminal's colors
 * (loading Node's tty module), which costs a run without colors a few milliseconds for nothing.
 */
export async function painter(color: boolean): Promise<Painter> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, redBold: c.red.bold, yellowBold: c.yellow.bold };
}

export function formatStylish(results: FileResult[], c: Painter): string {
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
    out.push('', errorCount > 0 ? c.redBold(line) : c.yellowBold(line));
    if (fixing) out.push(`  ${plural(fixedCount, 'problem')} ${fixedWord}`);
    if (fixableCount > 0) out.push(`  ${fixableCount} of them fixable with --fix`);
  }
  return `${out.join('\n')}\n`;
}
