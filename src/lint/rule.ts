/** What a lint rule is: one file under rules/, exporting its id, description, docs and check. */
import type { Postmortem, Section, Span } from '../document/model.js';
import type { Template, TemplateSection } from '../template/template.js';

export type MessageSeverity = 'error' | 'warning';

export interface LintMessage extends Span {
  ruleId: string;
  severity: MessageSeverity;
  message: string;
}

export interface RuleContext {
  doc: Postmortem;
  template: Template;
  /** Options from the config (`[severity, { options }]`). */
  options: Record<string, unknown>;
  /** Set when the document names a template that does not exist (the default one is used instead). */
  templateProblem?: { name: string; available: string[] };
  report(message: string, where: Partial<Span> & { line: number; column: number }): void;
}

export interface Rule {
  /** Stable kebab-case id. */
  id: string;
  /** One line, for listings and SARIF. */
  description: string;
  /** Markdown for the README: what it checks, why, what to write instead. */
  docs: string;
  defaultSeverity: 'error' | 'warn';
  check(ctx: RuleContext): void;
}

/** Where to report something that is missing from the whole document: its first line. */
export function documentStart(doc: Postmortem): Span {
  const fm = doc.frontMatter.span;
  if (fm) return { line: fm.line, column: 1, endLine: fm.line, endColumn: 4 };
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The document sections that provide a template section (all of its ids). */
export function sectionsFor(doc: Postmortem, ts: TemplateSection): Section[] {
  return doc.sections.filter((s) => s.style !== 'inline' && ts.covers.some((id) => s.ids.includes(id)));
}

/** The heading of a section, for messages. */
export function headingSpan(section: Section): Span {
  return { line: section.line, column: section.column, endLine: section.endLine, endColumn: section.endColumn };
}

/** A number option, with its default. */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A short quote of an entry for messages: at most 40 characters. */
export function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text;
}

const lineStarts = new WeakMap<Postmortem, number[]>();

/** Line and column (1-based) of an offset in the document's source. */
export function positionOf(doc: Postmortem, offset: number): { line: number; column: number } {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    const re = /\r\n|\r|\n/g;
    for (let m = re.exec(doc.source); m; m = re.exec(doc.source)) starts.push(m.index + m[0].length);
    lineStarts.set(doc, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The span of [start, end) in the source. */
export function spanAt(doc: Postmortem, start: number, end: number): Span {
  const a = positionOf(doc, start);
  const b = positionOf(doc, Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
