/** The incident window read from a summary's prose, in the ways people state it (sentences written by us). */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const window = (summary: string): [string | null, string | null] => {
  const d = parsePostmortem(`---\ntitle: T\ndate: 2024-05-02\n---\n\n# T\n\n## Summary\n\n${summary}\n\n## Root cause\n\nx\n`);
  return [d.incident.start, d.incident.end];
};
const UTC: [string, string] = ['2024-05-02T14:00:00Z', '2024-05-02T15:30:00Z'];

describe('incident window from the summary', () => {
  const stated: Array<[string, [string, string]]> = [
    ['From 14:00 to 15:30 UTC, checkout failed for most users.', UTC],
    ['Between 14:00 and 15:30 UTC on May 2, checkout failed.', UTC],
    ['The outage began at 14:00 UTC and ended at 15:30 UTC.', UTC],
    ['Start time: 14:00 UTC\nEnd time: 15:30 UTC', UTC],
    ['At 14:00 UTC, deploys started failing. The issue was resolved at 15:30 UTC.', UTC],
    ['Users could not log in from 2:00 PM until 3:30 PM EST.', ['2024-05-02T14:00:00-05:00', '2024-05-02T15:30:00-05:00']],
    ['At 14:00 UTC checkout started failing. Full service resumed at 15:30 UTC.', UTC],
    ['At 14:00 UTC error rates rose. They dropped back to baseline by 15:30 UTC.', UTC],
    ['At 14:00 UTC the queue stalled; the incident was closed at 15:30 UTC.', UTC],
    ['At 14:00 UTC the queue stalled, and by 15:30 UTC all systems were operational again.', UTC],
    ['At 14:00 UTC the queue stalled. At 15:30 UTC the backlog had cleared.', UTC],
    ['At 14:00 UTC we deployed. At 14:20 UTC we rolled back, and an hour later the fix was completed by 15:30 UTC.', UTC],
    ['On May 2 at 23:00 UTC the queue stalled; it recovered on May 3 at 01:30 UTC.', ['2024-05-02T23:00:00Z', '2024-05-03T01:30:00Z']],
  ];
  for (const [text, expected] of stated) {
    it(`reads "${text.replace(/\n/g, ' / ')}"`, () => expect(window(text)).toEqual(expected));
  }

  it('invents no end where the prose states none', () => {
    expect(window('At 14:00 UTC we deployed a change. At 14:10 UTC alerts fired, and the team started to look.')).toEqual(['2024-05-02T14:00:00Z', null]);
    expect(window('Checkout failed for a third of users; nothing says when.')).toEqual([null, null]);
  });
});
