import type { ActionItem } from '../../document/model.js';
import type { Template } from '../../template/template.js';
import { preview, type Rule, type RuleContext } from '../rule.js';

/** Whether an item lacks its due date: the template asks for one, it is open, and none (or no real one) is written. */
export function lacksDue(a: ActionItem, template: Template): boolean {
  return template.lint.actions.due && a.done !== true && !a.due;
}

/** Where to report an action item: its first line. */
export function itemSpan(a: ActionItem): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: a.line, column: a.column, endLine: a.line, endColumn: a.line === a.endLine ? a.endColumn : a.column + 1 };
}

/** The message for an item without an owner, naming its missing or invalid due date too when action-due is on. */
export function ownerMessage(a: ActionItem, ctx: Pick<RuleContext, 'template' | 'enabled'>): string {
  const due = ctx.enabled('action-due') && lacksDue(a, ctx.template);
  const item = `the action item "${preview(a.text)}"`;
  if (!due) return `Expected an owner for ${item}, found none: add "(owner: @name)"`;
  if (a.dueInvalid) {
    return `Expected an owner and a real due date for ${item}, found no owner and "${a.dueInvalid}", which is not a date: add "(owner: @name)" and write the date as YYYY-MM-DD`;
  }
  return `Expected an owner and a due date for ${item}, found neither: add "(owner: @name, due: YYYY-MM-DD)"`;
}

export const rule: Rule = {
  id: 'action-owner',
  description: 'Every action item names an owner.',
  defaultSeverity: 'error',
  docs: `An action item without an owner is the one that is "forgotten forever". Name one on the item:
\`(owner: @dana)\`, \`owner: Dana Lee\`, or a bare \`@handle\`; in an action table, fill the Owner column. Templates can
turn this off with \`lint.actions.owner: false\`. An item that lacks its due date as well gets one message naming
both (from this rule), not two.`,
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
  check({ doc, template, enabled, report }) {
    if (!template.lint.actions.owner) return;
    for (const a of doc.actionItems) {
      if (a.owner) continue;
      report(ownerMessage(a, { template, enabled }), itemSpan(a));
    }
  },
};
