import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf } from '../../../test/helpers.js';

const DOC = `# Queue backlog

## Summary

On 2024-02-10 from 14:00 to 15:00 the queue stopped draining.

## Timeline

- 14:00 — backlog alert.
- 14:20 — consumer restarted.
- 15:00 — drained.
`;

describe('timeline-timezone', () => {
  it('accepts a zone stated under the heading, in the heading, or per entry', () => {
    expect(messagesOf(edit(DOC, '## Timeline\n', '## Timeline\n\nAll times in UTC.\n'), 'timeline-timezone')).toEqual([]);
    expect(messagesOf(edit(DOC, '## Timeline', '## Timeline (all times CET)'), 'timeline-timezone')).toEqual([]);
    expect(messagesOf(DOC, 'timeline-timezone', { timezone: 'Europe/Berlin' })).toEqual([]);
  });

  it('reports once at the heading when no entry has a zone', () => {
    const ms = messagesOf(DOC, 'timeline-timezone');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: lineOf(DOC, '## Timeline'), column: 1 });
    expect(ms[0]!.message).toMatch(/^Expected a time zone for the timeline, found none for any of its 3 timed entries/);
  });

  it('reports each entry without a zone when others have one', () => {
    let doc = edit(DOC, '- 14:00 —', '- 14:00 UTC —');
    doc = edit(doc, '- 15:00 —', '- 15:00 UTC —');
    const ms = messagesOf(doc, 'timeline-timezone');
    expect(ms.map((m) => [m.line, m.column])).toEqual([[lineOf(doc, '14:20'), 3]]);
    expect(ms[0]!.message).toMatch(/^Expected a time zone for the entry at 14:20, found none/);
  });
});
