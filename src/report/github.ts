/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`. */
import { fixableNote, type FileResult } from './types.js';

// As in @actions/core: data escapes %, CR, LF; properties also : and ,.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.fatal) {
      out.push(`::error file=${prop(r.path)},title=postmortem::${data(r.fatal)}`);
      continue;
    }
    for (const m of r.messages) {
      const kind = m.severity === 'error' ? 'error' : 'warning';
      out.push(
        `::${kind} file=${prop(r.path)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${prop(m.ruleId)}::${data(m.message + fixableNote(m))}`,
      );
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
