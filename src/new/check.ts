/**
 * Answers checked against what is known so far, by the lint rules themselves: the answers so far (with the one
 * being given) are rendered to the document `new` would write, read back through the parser and linted; the
 * messages that land on the answer being given are its problems. No rule's logic is copied here: an end before
 * the start is incident-window's finding, a stated duration the times contradict is incident-duration's, an
 * entry outside the window is timeline-window's, an entry out of order is timeline-order's.
 */
import type { RuleSetting } from '../config/config.js';
import type { Postmortem, Span } from '../document/model.js';
import { parsePostmortem } from '../document/parse.js';
import { lintDocument } from '../lint/engine.js';
import type { LintMessage } from '../lint/rule.js';
import type { Template } from '../template/template.js';
import { answered, type Answers } from './answers.js';
import type { Question } from './questions.js';
import { renderDocument } from './render.js';

export interface Problem {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  /** The question the problem is about, when one is. */
  question?: string;
}

/**
 * Rules that report what is still missing. While answers are being given everything after the current question
 * is missing, so these speak only at the review (through lintAll), never about one answer.
 */
const COMPLETENESS = ['frontmatter-required', 'section-required', 'section-empty', 'template-known'];

/** The fields that make the incident's window. */
const WINDOW = ['started', 'resolved'];

/** Field defaults applied, as in the document that is written. */
export function withDefaults(template: Template, answers: Answers): Answers {
  const fields = { ...answers.fields };
  for (const f of template.fields) if (fields[f.key] === undefined && f.default !== undefined) fields[f.key] = f.default;
  return { fields, sections: answers.sections };
}

function read(template: Template, answers: Answers): Postmortem {
  return parsePostmortem(renderDocument(template, withDefaults(template, answers)), 'new.md', { sectionAliases: template.aliases });
}

function lint(template: Template, doc: Postmortem, rules: Record<string, RuleSetting>, partial: boolean): LintMessage[] {
  const settings: Record<string, RuleSetting> = { ...rules };
  if (partial) {
    for (const id of COMPLETENESS) settings[id] = 'off';
    // The window's rule also says when start or end is missing: it speaks once both are known.
    const window = WINDOW.filter((k) => template.fields.some((f) => f.key === k));
    if (window.some((k) => !answered(doc.frontMatter.data[k]))) settings['incident-window'] = 'off';
  }
  return lintDocument(doc, template, { rules: settings });
}

/** Which lines of the document an answer is written on. */
export type Scope = { kind: 'question'; question: Question } | { kind: 'last-entry'; question: Question };

function within(span: { line: number; endLine: number }, m: LintMessage): boolean {
  return m.line >= span.line && m.line <= span.endLine;
}

function spanOf(doc: Postmortem, template: Template, scope: Scope): Array<{ line: number; endLine: number }> {
  const q = scope.question;
  if (q.kind === 'field') {
    const s = doc.frontMatter.fields[q.id];
    return s ? [s] : [];
  }
  if (scope.kind === 'last-entry') {
    const list: Span[] = q.kind === 'timeline' ? doc.timeline : doc.actionItems;
    const last = list[list.length - 1];
    return last ? [last] : [];
  }
  const ts = template.sections.find((s) => s.id === q.id)!;
  return doc.sections
    .filter((s) => s.style !== 'inline' && ts.covers.some((id) => s.ids.includes(id)))
    .map((s) => ({ line: s.line, endLine: Math.max(s.line, s.contentEnd) }));
}

function toProblem(m: LintMessage, question?: string): Problem {
  return { ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, ...(question ? { question } : {}) };
}

/** The problems the rules find in one answer, given the answers so far (which include it). */
export function checkAnswer(template: Template, answers: Answers, scope: Scope, rules: Record<string, RuleSetting> = {}): Problem[] {
  const doc = read(template, answers);
  const spans = spanOf(doc, template, scope);
  if (spans.length === 0) return [];
  return lint(template, doc, rules, true)
    .filter((m) => spans.some((s) => within(s, m)))
    .map((m) => toProblem(m, scope.question.id));
}

/** Every problem of the document the answers make, each with the question it is about when one is. */
export function lintAll(template: Template, answers: Answers, questions: Question[], rules: Record<string, RuleSetting> = {}, partial = false): Problem[] {
  const doc = read(template, answers);
  const located = questions.map((q) => ({ q, spans: spanOf(doc, template, { kind: 'question', question: q }) }));
  return lint(template, doc, rules, partial).map((m) => {
    const owner = located.find((x) => x.spans.some((s) => within(s, m)));
    return toProblem(m, owner?.q.id);
  });
}
