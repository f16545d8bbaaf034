import { preview, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'action-owner',
  description: 'Every action item names an owner.',
  defaultSeverity: 'error',
  docs: `An action item without an owner is the one that is "forgotten forever". Name one on the item:
\`(owner: @dana)\`, \`owner: Dana Lee\`, or a bare \`@handle\`; in an action table, fill the Owner column. Templates can
turn this off with \`lint.actions.owner: false\`.`,
  examples: [
    {
      title: "Owners written three ways",
      markdown: `## Corrective and preventative measures

- [ ] Alert on long-held locks (owner: @dba-team, due: 2023-03-15)
- [ ] Test migrations on a full-size copy, owner: Priya Natarajan, due: 2023-03-31
- [ ] Add locks to the runbook @tom due: 2023-03-10
`,
      messages: [],
    },
    {
      title: "An item without an owner",
      markdown: `## Corrective and preventative measures

- [ ] Add locks to the on-call runbook (due: 2023-03-10)
`,
      messages: [
        "3:1: Expected an owner for the action item \"Add locks to the on-call runbook\", found none: add \"(owner: @name)\"",
      ],
    },
  ],
  check({ doc, template, report }) {
    if (!template.lint.actions.owner) return;
    for (const a of doc.actionItems) {
      if (a.owner) continue;
      report(`Expected an owner for the action item "${preview(a.text)}", found none: add "(owner: @name)"`, { line: a.line, column: a.column, endLine: a.line, endColumn: a.line === a.endLine ? a.endColumn : a.column + 1 });
    }
  },
};
