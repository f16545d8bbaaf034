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

describe('timeline-order: which entry is out of place, and when a time is the next day', () => {
  const tl = (entries: string[], head = '## Timeline (all times UTC)'): string => `${head}\n\n${entries.map((e) => `- ${e} — Something happened.`).join('\n')}\n`;
  const order = (doc: string) => messagesOf(doc, 'timeline-order').map((m) => [m.line, m.message.replace(/^Expected entries in time order, found /, '').replace(/: correct.*$/, '')]);

  it('reports a mistyped time (19:40 among 09:xx) at itself, once, whatever comes after', () => {
    const doc = tl(['09:30', '19:40', '09:50', '10:05', '10:20']);
    expect(order(doc)).toEqual([[4, '19:40 between 09:30 (line 3) and 09:50 (line 5)']]);
    expect(order(tl(['09:30', '9:40pm', '09:50', '10:05']))).toEqual([[4, '9:40pm between 09:30 (line 3) and 09:50 (line 5)']]);
  });

  it('reports an entry that goes back at itself', () => {
    expect(order(tl(['09:30', '10:00', '09:45', '10:30']))).toEqual([[5, '09:45 after 10:00 (line 4)']]);
  });

  it('reads a step from the evening into the small hours as the next day, and a stated next day', () => {
    expect(order(tl(['22:50', '23:40', '00:10', '01:20']))).toEqual([]);
    expect(order(tl(['15:00', '17:30', '09:00 (next day)', '10:00']))).toEqual([]);
    // Without either, a jump back from the afternoon to the morning is a mistake.
    expect(order(tl(['15:00', '17:30', '09:00', '10:00']))).toEqual([[5, '09:00 after 17:30 (line 4)']]);
  });

  it('after a rollover, keeps a late entry on the day before instead of moving every later entry on', () => {
    const doc = tl(['23:15', '00:10', '23:40', '00:35', '01:20']);
    expect(order(doc)).toEqual([[5, '23:40 after 00:10 (line 4)']]);
  });
});

describe('timeline-order: entries that carry their own dates, with no zone stated', () => {
  const dated = (lines: string[]): string => `# Backup job stopped\n\nDate: 2026-08-01\n\n## Timeline\n\n${lines.join('\n')}\n`;

  it('orders them by their days: a day later at an earlier hour is in order', () => {
    const doc = dated(['- Aug 1, 23:40 — cron host replaced', '- Aug 2, 02:00 — first backup did not run', '- Aug 6, 10:15 — restore test finds no new backup']);
    expect(messagesOf(doc, 'timeline-order')).toEqual([]);
    const european = dated(['- 13.11.2026 23:58 — queue opens', '- 14.11.2026 00:03 — checkout at full CPU']);
    expect(messagesOf(european, 'timeline-order')).toEqual([]);
  });

  it('still reports an entry whose day is earlier than the one above', () => {
    const doc = dated(['- Aug 2, 02:00 — first backup did not run', '- Aug 1, 23:40 — cron host replaced', '- Aug 6, 10:15 — restore test']);
    expect(messagesOf(doc, 'timeline-order').map((m) => m.line)).toEqual([lineOf(doc, 'Aug 1, 23:40')]);
  });
});
