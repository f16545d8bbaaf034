/**
 * What a lint rule is: one file under rules/, exporting everything about it — id, one-line description, docs,
 * options schema, whether it can fix what it finds, examples (which are its tests and its README docs) and check.
 */
import type { Postmortem, Section, Span } from '../document/model.js';
import type { Template, TemplateSection } from '../template/template.js';

export type MessageSeverity = 'error' | 'warning';

/**
 * Kinds of fix, chosen with `--fix-type` (like ESLint's). All but the opt-in ones are applied by `--fix` alone.
 * - spelling: a choice written in another spelling (`sev1` → `SEV-1`)
 * - datetime: a front matter date-time without an offset, given the document's zone
 * - heading: a bold or "Label:" line used as a heading → a Markdown heading
 * - task-list: action items written as plain bullets → a task list
 * - duration: a stated duration that contradicts the window → the window's (opt-in: the prose may be right)
 */
export const FIX_KINDS = ['spelling', 'datetime', 'heading', 'task-list', 'duration'] as const;
export type FixKind = (typeof FIX_KINDS)[number];
/** Kinds applied only when named with --fix-type. */
export const OPT_IN_FIX_KINDS: readonly FixKind[] = ['duration'];

/** Replace source[start, end) (UTF-16 offsets into the document's text) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A mechanical fix for one message: edits that never overlap, each as small as it can be. */
export interface Fix {
  kind: FixKind;
  /** What the fix does, for code actions ("Write SEV-1"). */
  title: string;
  edits: TextEdit[];
}

export interface LintMessage extends Span {
  ruleId: string;
  severity: MessageSeverity;
  message: string;
  fix?: Fix;
}

/** One option a rule accepts in `[severity, { options }]`. */
export interface OptionSpec {
  type: 'number' | 'boolean' | 'string';
  description: string;
  /** Shown in the docs; the template may supply its own. */
  default?: number | boolean | string;
  min?: number;
  integer?: boolean;
}

/**
 * An example: a Markdown document (usually short), and the messages this rule gives on it, as
 * "line:column: message". No messages: a valid example. Each is run as a test, and shown in the README.
 */
export interface RuleExample {
  title: string;
  markdown: string;
  messages: string[];
  /** Options for the rule (`[severity, options]`). */
  options?: Record<string, unknown>;
  /** A built-in template (default: `default`). */
  template?: string;
  /** The document after `--fix` (all default kinds plus `fixTypes`), when the rule fixes it. */
  fixed?: string;
  fixTypes?: FixKind[];
}

export interface RuleContext {
  doc: Postmortem;
  template: Template;
  /** Options from the config (`[severity, { options }]`). */
  options: Record<string, unknown>;
  /** Set when the document names a template that does not exist (the default one is used instead). */
  templateProblem?: { name: string; available: string[] };
  /** Whether another rule runs (with any severity): a rule may leave to it what it would report. */
  enabled(ruleId: string): boolean;
  report(message: string, where: Partial<Span> & { line: number; column: number }, fix?: Fix): void;
}

export interface Rule {
  /** Stable kebab-case id. */
  id: string;
  /** One line, for listings and SARIF. */
  description: string;
  /** Markdown for the README: what it checks, why, what to write instead. */
  docs: string;
  defaultSeverity: 'error' | 'warn';
  /** Options accepted in `[severity, { options }]`, checked in config and templates. None: takes no options. */
  options?: Record<string, OptionSpec>;
  /** Kinds of fix the rule's messages may carry. */
  fixable?: FixKind[];
  /** Valid and invalid documents with the messages expected: run as tests, rendered in the docs. */
  examples: RuleExample[];
  check(ctx: RuleContext): void;
}

/** Why a rule's options are wrong, or undefined when they are fine. */
export function optionsProblem(rule: Rule, options: Record<string, unknown>): string | undefined {
  const spec = rule.options ?? {};
  const known = Object.keys(spec);
  for (const [key, value] of Object.entries(options)) {
    const s = spec[key];
    if (!s) {
      return known.length === 0
        ? `rule "${rule.id}" takes no options, found "${key}"`
        : `unknown option "${key}" for rule "${rule.id}"; expected ${known.map((k) => `"${k}"`).join(' or ')}`;
    }
    const what = s.type === 'number' ? (s.integer ? 'a whole number' : 'a number') : s.type === 'boolean' ? 'true or false' : 'text';
    const bad =
      typeof value !== s.type ||
      (s.type === 'number' && (!Number.isFinite(value) || (s.integer && !Number.isInteger(value)) || (s.min !== undefined && (value as number) < s.min)));
    if (bad) return `option "${key}" of rule "${rule.id}" must be ${what}${s.min !== undefined ? ` of at least ${s.min}` : ''}, not ${JSON.stringify(value)}`;
  }
  return undefined;
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

/** "a" or "an" before a word as it is said: an "Issue summary", a "Timeline", an "SLO", a "user". */
export function article(word: string): 'a' | 'an' {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, '');
  if (/^(?:[aeio]|u(?![nr]?[aeiou])(?!s[aeiou])|hour|honest|honou?r|heir)/i.test(w)) return 'an';
  if (/^[FHLMNRSX](?:[A-Z]|$)/.test(w)) return 'an'; // letters said with a vowel: an "SLO", an "RCA"
  if (/^8|^1[18](?:\D|$)/.test(w)) return 'an';
  return 'a';
}

/** The front matter could not be read (a syntax error, not a missing closing line): its fields are unknown. */
export function frontMatterUnreadable(doc: Postmortem): boolean {
  const e = doc.frontMatter.error;
  return Boolean(e && !e.unclosed);
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

/** Offset of the start of a 1-based line in the document's source. */
export function lineOffset(doc: Postmortem, line: number): number {
  positionOf(doc, 0); // builds the line table
  const starts = lineStarts.get(doc)!;
  return starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
}

/** The text of a 1-based line, without its line break. */
export function lineText(doc: Postmortem, line: number): string {
  const start = lineOffset(doc, line);
  const rest = doc.source.slice(start);
  const m = /\r\n|\r|\n/.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

/**
 * An edit replacing the value of a single-line front matter field (`key: value`, `key: "value"`, TOML
 * `key = "value"`) with `value`, quoted as it was; undefined when the value is not a plain one-line scalar.
 */
export function fieldValueEdit(doc: Postmortem, key: string, value: string): TextEdit | undefined {
  const at = doc.frontMatter.fields[key];
  if (!at) return undefined;
  const text = lineText(doc, at.line);
  const m = /^(\s*["']?[\w-]+["']?\s*[:=][ \t]*)(?:"([^"\\]*)"|'([^']*)'|([^\s"'#[{|>&*!](?:[^#]*[^\s#])?))([ \t]*(?:#.*)?)$/.exec(text);
  if (!m) return undefined;
  const start = lineOffset(doc, at.line) + m[1]!.length + (m[4] === undefined ? 1 : 0);
  const old = m[2] ?? m[3] ?? m[4]!;
  if (m[2] !== undefined && /["\\]/.test(value)) return undefined;
  if (m[3] !== undefined && value.includes("'")) return undefined;
  if (m[4] !== undefined && !/^[\w.:+-]+$/.test(value)) return undefined; // stays a plain scalar of the same type
  return { start, end: start + old.length, newText: value };
}
