import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

const NIGHT = `---
date: 2024-06-01
timezone: UTC
---
# Night incident

## Timeline

- 23:40 — disk fills up.
- 23:55 — alert.
- 00:10 — disk cleaned.
- 00:30 — all clear.
`;

describe('timeline-order', () => {
  it('accepts entries in order', () => {
    expect(messagesOf(VALID, 'timeline-order')).toEqual([]);
  });

  it('understands a midnight rollover', () => {
    expect(messagesOf(NIGHT, 'timeline-order')).toEqual([]);
  });

  it('reports an entry earlier than the one above it, at its time', () => {
    const doc = edit(VALID, '- 10:30 — An attempt', '- 09:45 — An attempt');
    const [m, ...rest] = messagesOf(doc, 'timeline-order');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ line: lineOf(doc, '09:45 — An attempt'), column: 3, endColumn: 8 });
    expect(m!.message).toBe(`Expected entries in time order, found 09:45 after 10:00 (line ${lineOf(doc, '- 10:00')}): correct its time or move the entry`);
  });
});
