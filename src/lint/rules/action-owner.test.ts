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
