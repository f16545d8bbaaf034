import { preview, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'action-due',
  description: 'Every open action item has a due date, where the template asks for one.',
  defaultSeverity: 'error',
  docs: `With \`lint.actions.due: true\` in the template (as in \`default\`), each action item that is not yet done
carries a due date: \`due: 2023-03-15\` (or \`by March 15, 2023\`, or a Due column in an action table). Items
checked off (\`- [x]\`) or marked won't-do (\`- [-]\`, \`wontdo\`) need none. \`postmortem actions --overdue\` reads these dates.`,
  check({ doc, template, report }) {
    if (!template.lint.actions.due) return;
    for (const a of doc.actionItems) {
      if (a.due || a.status !== 'open') continue;
      report(`Expected a due date for the action item "${preview(a.text)}", found none: add "due: YYYY-MM-DD"`, { line: a.line, column: a.column, endLine: a.line, endColumn: a.line === a.endLine ? a.endColumn : a.column + 1 });
    }
  },
};
