import { describe, expect, it } from 'vitest';
import { edit, lineOf, loadBuiltin, messagesOf, VALID } from '../../../test/helpers.js';

const asking = (): ReturnType<typeof loadBuiltin> => {
  const template = loadBuiltin('default');
  template.lint.actions.ticket = true;
  return template;
};

const TABLE = `---
title: Disk full
date: 2024-03-01
---

# Disk full

## Action items

| Item | Owner | Status | Ticket |
| --- | --- | --- | --- |
| Alert on disk usage | @ana | open | INFRA-1 |
| Grow the volume | @bo | open | later |
| Rotate the logs | @bo | done | |
| Move the logs | @bo | won't do | |
`;

describe('action-ticket', () => {
  it('is silent unless the template asks for tickets', () => {
    expect(messagesOf(VALID, 'action-ticket')).toEqual([]);
  });

  it('reports open items without a ticket, and accepts #123, ABC-123 and URLs', () => {
    let doc = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '(owner: @dba-team, due: 2023-03-15, ticket: DB-7)');
    doc = edit(doc, '(owner: @priya.natarajan, due: 2023-03-31)', '(owner: @priya.natarajan, due: 2023-03-31) https://tracker.example.com/issues/5');
    const messages = messagesOf(doc, 'action-ticket', { template: asking() });
    // The done item needs none; "Add database locks…" has none.
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: lineOf(doc, 'Add database locks'), column: 1 });
    expect(messages[0]!.message).toBe('Expected a ticket for the action item "Add database locks to the on-call runboo…", found none: add "ticket: ABC-123" (or #123, or its URL)');
    const fixed = edit(doc, '(owner: @tom.okafor, due: 2023-03-10)', '(owner: @tom.okafor, due: 2023-03-10) #42');
    expect(messagesOf(fixed, 'action-ticket', { template: asking() })).toEqual([]);
  });

  it('checks the form of a Ticket column, and skips done and won\'t-do rows', () => {
    const messages = messagesOf(TABLE, 'action-ticket', { template: asking() });
    expect(messages.map((m) => [m.line, m.message])).toEqual([[lineOf(TABLE, 'Grow the volume'), 'Expected a ticket as #123, ABC-123 or a URL for the action item "Grow the volume", found "later"']]);
  });
});
