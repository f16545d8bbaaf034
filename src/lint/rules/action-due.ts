import { preview, type Rule } from '../rule.js';
import { itemSpan, lacksDue } from './action-owner.js';

export const rule: Rule = {
  id: 'action-due',
  description: 'Every open action item has a due date, where the template asks for one.',
  defaultSeverity: 'error',
  docs: `With \`lint.actions.due: true\` in the template (as in \`default\`), each action item that is not yet done
carries a due date: \`due: 2023-03-15\` (or \`by March 15, 2023\`, or a Due column in an action table). Items
checked off (\`- [x]\`) need none. A date that does not exist (\`due: 2023-13-45\`) is reported as such.
\`postmortem actions --overdue\` reads these dates. An item without an owner either is reported once, by
\`action-owner\`, naming both.`,
  examples: [
    {
      title: "An open item with a due date, and a done item without one",
      markdown: `## Corrective and preventative measures

- [ ] Alert on locks held over 5 minutes (owner: @dba-team, due: 2023-03-15)
- [x] Revert the migration (owner: @tom)
`,
      messages: [],
    },
    {
      title: "An open item without a due date",
      markdown: `## Corrective and preventative measures

- [ ] Add locks to the on-call runbook (owner: @tom)
`,
      messages: [
        "3:1: Expected a due date for the action item \"Add locks to the on-call runbook\", found none: add \"due: YYYY-MM-DD\"",
      ],
    },
  ],
  check({ doc, template, enabled, report }) {
    if (!template.lint.actions.due) return;
    const ownerRule = enabled('action-owner') && template.lint.actions.owner;
    for (const a of doc.actionItems) {
      if (!lacksDue(a, template)) continue;
      if (ownerRule && !a.owner) continue; // action-owner's message names the due date too
      const item = `the action item "${preview(a.text)}"`;
      report(
        a.dueInvalid
          ? `Expected a real due date for ${item}, found "${a.dueInvalid}", which is not a date: write it as YYYY-MM-DD`
          : `Expected a due date for ${item}, found none: add "due: YYYY-MM-DD"`,
        itemSpan(a),
      );
    }
  },
};
