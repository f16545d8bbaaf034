import { isTicketForm } from '../../document/action-lifecycle.js';
import { preview, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'action-ticket',
  description: 'Every open action item links its ticket, where the template asks for one.',
  defaultSeverity: 'error',
  docs: `With \`lint.actions.ticket: true\` in the template, each open action item names the ticket that tracks it,
in a form a tracker gives: \`#123\`, \`ABC-123\` or a URL (\`ticket: OPS-12\` on the item, or a Ticket, Issue or Bug
column in an action table). Items done (\`- [x]\`) or won't-do (\`- [-]\`) need none. \`SEV-1\` is a severity, not
a ticket.`,
  check({ doc, template, report }) {
    if (!template.lint.actions.ticket) return;
    for (const a of doc.actionItems) {
      if (a.status !== 'open' || (a.ticket && isTicketForm(a.ticket))) continue;
      const where = { line: a.line, column: a.column, endLine: a.line, endColumn: a.line === a.endLine ? a.endColumn : a.column + 1 };
      if (a.ticket) report(`Expected a ticket as #123, ABC-123 or a URL for the action item "${preview(a.text)}", found "${preview(a.ticket)}"`, where);
      else report(`Expected a ticket for the action item "${preview(a.text)}", found none: add "ticket: ABC-123" (or #123, or its URL)`, where);
    }
  },
};
