import { describe, expect, it } from 'vitest';
import { edit, lineOf, loadBuiltin, messagesOf, VALID } from '../../../test/helpers.js';

describe('action-due', () => {
  it('accepts items with due dates, and done items without', () => {
    expect(messagesOf(VALID, 'action-due')).toEqual([]);
    const done = edit(VALID, '(owner: @tom.okafor, due: 2023-03-01)', '(owner: @tom.okafor)');
    expect(messagesOf(done, 'action-due')).toEqual([]);
  });

  it('reports an open item without a due date', () => {
    const doc = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '(owner: @dba-team)');
    const [m] = messagesOf(doc, 'action-due');
    expect(m).toMatchObject({ line: lineOf(doc, 'Alert when any lock'), column: 1 });
    expect(m!.message).toBe('Expected a due date for the action item "Alert when any lock on users-db is held…", found none: add "due: YYYY-MM-DD"');
  });

  it('is silent when the template does not ask for due dates', () => {
    const template = loadBuiltin('default');
    template.lint.actions.due = false;
    const doc = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '(owner: @dba-team)');
    expect(messagesOf(doc, 'action-due', { template })).toEqual([]);
  });
});
