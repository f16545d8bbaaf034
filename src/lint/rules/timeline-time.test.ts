import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('timeline-time', () => {
  it('accepts entries that all have times', () => {
    expect(messagesOf(VALID, 'timeline-time')).toEqual([]);
  });

  it('reports an entry without a time at the entry', () => {
    const doc = edit(VALID, '- 09:20 — Suspecting load', '- Later — Suspecting load');
    const [m, ...rest] = messagesOf(doc, 'timeline-time');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ line: lineOf(doc, 'Later — Suspecting'), column: 1, severity: 'error' });
    expect(m!.message).toBe('Expected a time at the start of the timeline entry, found none in "Later — Suspecting load, the team double…": begin it with the time, e.g. "09:05 — …"');
  });

  it('reports an unknown-time placeholder such as [???]', () => {
    const doc = edit(VALID, '- 09:10 — On-call', '- [???] On-call');
    expect(messagesOf(doc, 'timeline-time').map((m) => m.line)).toEqual([lineOf(doc, '[???] On-call')]);
  });
});
