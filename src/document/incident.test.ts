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
    ['At 14:00 UTC error rates climbed. By 15:30 UTC they had subsided.', UTC],
    ['At 14:00 UTC the API failed; it was up and running again at 15:30 UTC.', UTC],
    ['| | |\n| --- | --- |\n| Detected | 13:00 UTC |\n| Start time | 14:00 UTC |\n| Paged | 14:20 UTC |\n| End time | 15:30 UTC |', UTC],
  ];
  for (const [text, expected] of stated) {
    it(`reads "${text.replace(/\n/g, ' / ')}"`, () => expect(window(text)).toEqual(expected));
  }

  it('invents no end where the prose states none', () => {
    expect(window('At 14:00 UTC we deployed a change. At 14:10 UTC alerts fired, and the team started to look.')).toEqual(['2024-05-02T14:00:00Z', null]);
    expect(window('Checkout failed for a third of users; nothing says when.')).toEqual([null, null]);
  });
});

describe('incident window from elsewhere', () => {
  it('reads the first section as the overview when nothing names a summary (whatever its heading says)', () => {
    const d = parsePostmortem('# The long night\n\n![diagram](x.png)\n\n## What a night\n\n- It began on May 2, 2024, at 14:00 UTC.\n- It was resolved on May 2, 2024, at 15:30 UTC.\n\n## Root cause\n\nx\n');
    expect([d.incident.start, d.incident.end]).toEqual(UTC);
  });

  it('takes the end from the timeline entry that says it is over, when the summary gives only the start', () => {
    const d = parsePostmortem('---\ndate: 2024-05-02\n---\n# T\n\n## Summary\n\nAt 14:00 UTC checkout failed.\n\n## Timeline\n\n- 14:00 UTC alerts fire\n- 14:40 UTC rollback started\n- 15:30 UTC service restored\n- 16:00 UTC postmortem scheduled\n');
    expect([d.incident.start, d.incident.end, d.incident.durationMinutes]).toEqual([...UTC, 90]);
    expect(d.incident.endSpan).toMatchObject({ line: 14 });
    // No entry says it is over: no end is made up.
    const open = parsePostmortem('---\ndate: 2024-05-02\n---\n# T\n\n## Summary\n\nAt 14:00 UTC checkout failed.\n\n## Timeline\n\n- 14:00 UTC alerts fire\n- 14:40 UTC rollback started\n');
    expect([open.incident.start, open.incident.end]).toEqual([UTC[0], null]);
  });

  it('reads the start and end under the names other templates give them in front matter', () => {
    const d = parsePostmortem('---\nstart_time: 2024-05-02T14:00:00Z\nend_time: 2024-05-02T15:30:00Z\n---\n# T\n');
    expect([d.incident.start, d.incident.end, d.incident.source]).toEqual([...UTC, 'front-matter']);
  });
});

describe("the incident's date, from a labelled field and the summary", () => {
  const date = (summary: string): string | null =>
    parsePostmortem(`# Bucket made public\n\nDate: 2026-08-11\nSeverity: SEV-1\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 09:40 — policy merged\n`).incident.date;

  it('is the field\'s when the summary names a day without a year (a later review, say)', () => {
    expect(date('A policy change made the bucket public for 26 hours. The review took place on Aug 14.')).toBe('2026-08-11');
  });

  it("is the summary's when it names a full date", () => {
    expect(date('On 10 August 2026 a policy change made the bucket public.')).toBe('2026-08-10');
  });
});
