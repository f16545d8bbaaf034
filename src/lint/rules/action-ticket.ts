import { isTicketForm } from '../../document/action-lifecycle.js';
import { preview, type Rule } from '../rule.js';
import { itemSpan } from './action-owner.js';

export const rule: Rule = {
  id: 'action-ticket',
  description: 'Every open action item links its ticket, where the template (or this rule\'s option) asks for one.',
  defaultSeverity: 'error',
  docs: `With \`lint.actions.ticket: true\` in the template (or \`action-ticket: [error, { required: true }]\` in the
config), each open action item names the ticket that tracks it, in a form a tracker gives: \`#123\`, \`ABC-123\` or
a URL (\`ticket: OPS-12\` on the item, or a Ticket, Issue or Bug column in an action table). Items done (\`- [x]\`)
or won't-do (\`- [-]\`) need none. \`SEV-1\` is a severity, not a ticket.`,
  options: {
    required: { type: 'boolean', description: 'ask every open item for a ticket even when the template does not', default: false },
  },
  examples: [
    {
      title: 'Tickets written three ways; done and won\'t-do items need none',
      options: { required: true },
      markdown: `## Corrective and preventative measures

- [ ] Alert on long-held locks (owner: @dba-team, due: 2023-03-15, ticket: DB-143)
- [ ] Test migrations on a full-size copy (owner: @priya, due: 2023-03-31) #4411
- [ ] Add locks to the runbook (owner: @tom, due: 2023-03-10) https://tracker.example.com/browse/OPS-7
- [x] Revert the migration (owner: @tom, due: 2023-03-01)
- [-] Rewrite the migration tool (owner: @tom, due: 2023-04-01)
`,
      messages: [],
    },
    {
      title: 'An open item without a ticket, and a Ticket column with something else in it',
      options: { required: true },
      markdown: `## Corrective and preventative measures

- [ ] Page on queue depth (owner: @ana, due: 2023-03-15)

| Item | Owner | Due | Ticket |
| --- | --- | --- | --- |
| Grow the volume | @bo | 2023-03-20 | later |
`,
      messages: [
        '3:1: Expected a ticket for the action item "Page on queue depth", found none: add "ticket: ABC-123" (or #123, or its URL)',
        '7:1: Expected a ticket as #123, ABC-123 or a URL for the action item "Grow the volume", found "later"',
      ],
    },
  ],
  check({ doc, template, options, report }) {
    if (!template.lint.actions.ticket && options.required !== true) return;
    for (const a of doc.actionItems) {
      if (a.status !== 'open' || (a.ticket && isTicketForm(a.ticket))) continue;
      if (a.ticket) report(`Expected a ticket as #123, ABC-123 or a URL for the action item "${preview(a.text)}", found "${preview(a.ticket)}"`, itemSpan(a));
      else report(`Expected a ticket for the action item "${preview(a.text)}", found none: add "ticket: ABC-123" (or #123, or its URL)`, itemSpan(a));
    }
  },
};
