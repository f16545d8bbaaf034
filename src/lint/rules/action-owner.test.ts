import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('action-owner', () => {
  it('accepts items with owners written as (owner: @x), "owner: Name" or a bare @handle', () => {
    expect(messagesOf(VALID, 'action-owner')).toEqual([]);
    const named = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '— owner: Dana Lee, due: 2023-03-15');
    expect(messagesOf(named, 'action-owner')).toEqual([]);
    const bare = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '@dba-team due: 2023-03-15');
    expect(messagesOf(bare, 'action-owner')).toEqual([]);
  });

  it('reports an item without owner at the item', () => {
    const doc = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '(due: 2023-03-15)');
    const [m, ...rest] = messagesOf(doc, 'action-owner');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ line: lineOf(doc, 'Alert when any lock'), column: 1, severity: 'error' });
    expect(m!.message).toBe('Expected an owner for the action item "Alert when any lock on users-db is held…", found none: add "(owner: @name)"');
  });

  it('reads owners from an action table', () => {
    const doc = edit(
      VALID,
      /- \[x\] Revert[\s\S]*$/,
      '| Action | Owner | Due |\n| --- | --- | --- |\n| Add lock alerts | @dba-team | 2023-03-15 |\n| Test migrations | | 2023-03-31 |\n',
    );
    const ms = messagesOf(doc, 'action-owner');
    expect(ms.map((m) => m.line)).toEqual([lineOf(doc, '| Test migrations')]);
  });
});

describe('action-owner with action-due', () => {
  it('gives one message for an item with neither owner nor due date, naming both', () => {
    const doc = edit(VALID, ' (owner: @dba-team, due: 2023-03-15)', '');
    const all = messagesOf(doc, 'action-owner').concat(messagesOf(doc, 'action-due'));
    expect(all).toHaveLength(1);
    expect(all[0]!.message).toBe('Expected an owner and a due date for the action item "Alert when any lock on users-db is held…", found neither: add "(owner: @name, due: YYYY-MM-DD)"');
  });

  it('tells an invalid due date from a missing one', () => {
    const doc = edit(VALID, 'due: 2023-03-15', 'due: 2023-13-45');
    const [m, ...rest] = messagesOf(doc, 'action-due');
    expect(rest).toEqual([]);
    expect(m!.message).toBe('Expected a real due date for the action item "Alert when any lock on users-db is held…", found "2023-13-45", which is not a date: write it as YYYY-MM-DD');
    const both = edit(VALID, '(owner: @dba-team, due: 2023-03-15)', '(due: 2023-02-30)');
    expect(messagesOf(both, 'action-due')).toEqual([]);
    expect(messagesOf(both, 'action-owner')[0]!.message).toMatch(/^Expected an owner and a real due date for .*, found no owner and "2023-02-30", which is not a date/);
  });

  it('leaves the due date to action-due when action-owner is off', () => {
    const doc = edit(VALID, ' (owner: @dba-team, due: 2023-03-15)', '');
    expect(messagesOf(doc, 'action-due', { rules: { 'action-owner': 'off' } })).toHaveLength(1);
  });
});
