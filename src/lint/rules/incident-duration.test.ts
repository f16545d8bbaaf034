import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf } from '../../../test/helpers.js';

const DOC = `# Checkout errors

## Summary

On 2024-05-02 from 13:45 to 15:30 UTC, checkout failed for every customer. The 105-minute outage began with a bad deploy.

## Timeline

- 13:45 UTC — deploy.
- 15:30 UTC — rollback done.
`;

describe('incident-duration', () => {
  it('accepts a stated duration that matches the window', () => {
    expect(messagesOf(DOC, 'incident-duration')).toEqual([]);
    expect(messagesOf(edit(DOC, 'The 105-minute outage', 'The outage lasted about 1 hour and 45 minutes and'), 'incident-duration')).toEqual([]);
  });

  it('flags "30-minute outage" for 13:45–15:30 at the stated duration', () => {
    const doc = edit(DOC, 'The 105-minute outage', 'The 30-minute outage');
    const [m] = messagesOf(doc, 'incident-duration');
    const line = lineOf(doc, '30-minute');
    expect(m).toMatchObject({ line, column: doc.split('\n')[line - 1]!.indexOf('30-minute') + 1, severity: 'error' });
    expect(m!.message).toBe('Expected the stated duration to match the window 2024-05-02T13:45:00Z to 2024-05-02T15:30:00Z (1 h 45 min), found "30-minute" (30 minutes): correct the duration or the times');
  });

  it('ignores durations about other things', () => {
    const doc = edit(DOC, 'The 105-minute outage began', 'Locks held for more than 5 minutes now alert; it began');
    expect(messagesOf(doc, 'incident-duration')).toEqual([]);
    const neutral = edit(DOC, 'The 105-minute outage began', 'The alert threshold is 5 minutes; it began');
    expect(messagesOf(neutral, 'incident-duration')).toEqual([]);
  });
});
