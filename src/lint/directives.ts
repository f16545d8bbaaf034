/** Inline lint directives: `<!-- postmortem-disable RULE -->`, `…-enable`, `…-disable-next-line`, like other linters'. */
import type { Postmortem } from '../document/model.js';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  line: number;
}

const DIRECTIVE_RE = /<!--\s*postmortem-(disable-next-line|disable|enable)\b([^>]*?)-->/g;
const cache = new WeakMap<Postmortem, Directive[]>();

/** The directives in the document's HTML comments (never in code), in line order. */
export function directivesOf(doc: Postmortem): Directive[] {
  let out = cache.get(doc);
  if (out) return out;
  out = [];
  for (const { value, line: firstLine } of doc.html) {
    if (!value.includes('postmortem-')) continue;
    DIRECTIVE_RE.lastIndex = 0;
    for (let m = DIRECTIVE_RE.exec(value); m; m = DIRECTIVE_RE.exec(value)) {
      const line = firstLine + (value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
      out.push({ kind: m[1] as Directive['kind'], rules, line });
    }
  }
  out.sort((a, b) => a.line - b.line);
  cache.set(doc, out);
  return out;
}

/** Whether `ruleId` is switched off at `line` by a directive. */
export function isDisabled(doc: Postmortem, ruleId: string, line: number): boolean {
  let disabled = false;
  for (const d of directivesOf(doc)) {
    if (d.line > line) break;
    const applies = d.rules.length === 0 || d.rules.includes(ruleId);
    if (!applies) continue;
    if (d.kind === 'disable') disabled = true;
    else if (d.kind === 'enable') disabled = false;
    else if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
  }
  return disabled;
}
