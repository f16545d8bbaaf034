/** Runs the rules over one document and applies severities and disable comments. */
import type { RuleSetting } from '../config/config.js';
import type { Postmortem } from '../document/model.js';
import type { Template } from '../template/template.js';
import { isDisabled } from './directives.js';
import type { LintMessage, Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';

export interface LintSettings {
  /** Rule settings from the config, over the template's own. */
  rules?: Record<string, RuleSetting>;
  templateProblem?: RuleContext['templateProblem'];
}

/** A rule's severity and options for a document: the config's, else its template's, else the rule's default. */
export function settingFor(rule: Rule, template: Template, settings: LintSettings): { severity: 'off' | 'warn' | 'error'; options: Record<string, unknown>; from: 'config' | 'template' | 'default' } {
  const fromConfig = settings.rules?.[rule.id];
  const fromTemplate = template.lint.rules[rule.id];
  const s = fromConfig ?? fromTemplate ?? rule.defaultSeverity;
  const from = fromConfig !== undefined ? 'config' : fromTemplate !== undefined ? 'template' : 'default';
  if (Array.isArray(s)) return { severity: s[0], options: s[1] ?? {}, from };
  return { severity: s, options: {}, from };
}

/** Rules that report what the template requires: not run when the document's own template is unknown. */
const TEMPLATE_REQUIREMENTS = new Set(['frontmatter-required', 'section-required', 'action-due', 'action-task-list', 'word-count']);

export function lintDocument(doc: Postmortem, template: Template, settings: LintSettings = {}): LintMessage[] {
  const messages: LintMessage[] = [];
  const last = Math.max(1, doc.lineCount);
  const active = new Map(RULES.map((rule) => [rule.id, settingFor(rule, template, settings)]));
  const enabled = (id: string): boolean => (active.get(id)?.severity ?? 'off') !== 'off';
  for (const rule of RULES) {
    const { severity, options } = active.get(rule.id)!;
    if (severity === 'off') continue;
    // Checked against a template the document did not ask for, what it lacks is not known: template-known says so.
    if (settings.templateProblem && TEMPLATE_REQUIREMENTS.has(rule.id)) continue;
    const ctx: RuleContext = {
      doc,
      template,
      options,
      enabled,
      report(message, where, fix) {
        // Every position points inside the file.
        const line = Math.min(Math.max(1, where.line), last);
        const column = Math.max(1, where.column);
        const endLine = Math.min(Math.max(line, where.endLine ?? line), last);
        const endColumn = endLine === line ? Math.max(column, where.endColumn ?? column) : Math.max(1, where.endColumn ?? 1);
        if (isDisabled(doc, rule.id, line)) return;
        const m: LintMessage = { ruleId: rule.id, severity: severity === 'error' ? 'error' : 'warning', message, line, column, endLine, endColumn };
        if (fix && fix.edits.length > 0) m.fix = fix;
        messages.push(m);
      },
    };
    if (settings.templateProblem) ctx.templateProblem = settings.templateProblem;
    rule.check(ctx);
  }
  // Rule ids are lower-case ASCII words and hyphens, which compare the same by code unit as by locale; the locale's
  // collator costs ~8 ms to create, at the first two messages on one spot.
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
