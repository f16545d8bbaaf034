/** Timelines in every block Markdown has: each style written by us, as authors put them. */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const doc = (timeline: string): string =>
  ['---', 'title: Checkout errors', 'date: 2024-05-02', 'timezone: UTC', '---', '', '# Checkout errors', '', '## Timeline', '', timeline, '', '## Root cause', '', 'A bad deploy.', ''].join('\n');

function timed(markdown: string): Array<[number, string | null]> {
  return parsePostmortem(markdown).timeline.filter((e) => e.time !== null).map((e) => [e.line, e.time]);
}

const LINE = 11; // the timeline's first line in doc()

describe('timeline entries', () => {
  it('in a flat list', () => {
    expect(timed(doc('- 09:00 alert fired\n- 09:05 on-call paged\n- 09:40 rolled back'))).toEqual([
      [LINE, '2024-05-02T09:00:00Z'],
      [LINE + 1, '2024-05-02T09:05:00Z'],
      [LINE + 2, '2024-05-02T09:40:00Z'],
    ]);
  });

  it('in lists nested under day headings', () => {
    const t = timed(doc('- May 2\n  - 23:50 alert fired\n  - 23:55 on-call paged\n- May 3\n  - 00:20 rolled back\n  - 00:40 all clear'));
    expect(t).toEqual([
      [LINE + 1, '2024-05-02T23:50:00Z'],
      [LINE + 2, '2024-05-02T23:55:00Z'],
      [LINE + 4, '2024-05-03T00:20:00Z'],
      [LINE + 5, '2024-05-03T00:40:00Z'],
    ]);
  });

  it('in lists nested under a group label', () => {
    const t = timed(doc('- Detection\n  - 09:00 alert fired\n  - 09:05 paged\n- Recovery\n  - 09:40 rolled back'));
    expect(t.map(([l]) => l)).toEqual([LINE + 1, LINE + 2, LINE + 4]);
  });

  it('with the time nested under a label as its value', () => {
    const t = timed(doc('- **Detected:**\n  - May 2, 2024, 09:00\n- **Paged:**\n  - May 2, 2024, 09:05'));
    expect(t).toEqual([
      [LINE, '2024-05-02T09:00:00Z'],
      [LINE + 2, '2024-05-02T09:05:00Z'],
    ]);
  });

  it('in a blockquote', () => {
    const t = timed(doc('> 09:00 alert fired\n> 09:05 on-call paged\n>\n> 09:40 rolled back'));
    expect(t.map(([l]) => l)).toEqual([LINE, LINE + 1, LINE + 3]);
  });

  it('in a list inside a blockquote', () => {
    const t = timed(doc('> - 09:00 alert fired\n> - 09:05 on-call paged'));
    expect(t.map(([l]) => l)).toEqual([LINE, LINE + 1]);
  });

  it('in an indented block the author did not mean as code', () => {
    const t = timed(doc('    09:00 alert fired\n    09:05 on-call paged\n    09:40 rolled back'));
    expect(t.map(([l]) => l)).toEqual([LINE, LINE + 1, LINE + 2]);
  });

  it('in a fenced block of log-like lines', () => {
    const t = timed(doc('```\n09:00 alert fired\n09:05 on-call paged\n09:40 rolled back\n```'));
    expect(t.map(([l]) => l)).toEqual([LINE + 1, LINE + 2, LINE + 3]);
  });

  it('in a table', () => {
    const t = timed(doc('| Time | Event |\n| --- | --- |\n| 09:00 | alert fired |\n| 09:05 | paged |'));
    expect(t.map(([l]) => l)).toEqual([LINE + 2, LINE + 3]);
  });

  it('in HTML', () => {
    const t = timed(doc('<ul>\n<li>09:00 alert fired</li>\n<li>09:05 paged</li>\n</ul>'));
    expect(t.map(([l]) => l)).toEqual([LINE + 1, LINE + 2]);
  });

  it('in an HTML table, a row per line (a Confluence export), its cells joined like a Markdown table\'s', () => {
    const md = doc('<table>\n<tr><th>Time</th><th>Event</th></tr>\n<tr><td>09:00</td><td>alert fired</td></tr>\n<tr><td>09:05</td><td>paged</td></tr>\n</table>');
    expect(timed(md)).toEqual([
      [LINE + 2, '2024-05-02T09:00:00Z'],
      [LINE + 3, '2024-05-02T09:05:00Z'],
    ]);
    expect(parsePostmortem(md).timeline.find((e) => e.time)?.text).toBe('09:00 | alert fired');
  });

  it('as bare lines and as one collapsed paragraph', () => {
    expect(timed(doc('09:00 alert fired\n09:05 on-call paged')).map(([l]) => l)).toEqual([LINE, LINE + 1]);
    expect(timed(doc('09:00 alert fired. 09:05 on-call paged. 09:40 rolled back.'))).toHaveLength(3);
  });

  it('in numbered lists and with bold times', () => {
    expect(timed(doc('1. **09:00** alert fired\n2. **09:05** paged')).map(([l]) => l)).toEqual([LINE, LINE + 1]);
  });

  it('never from a code block that is code', () => {
    expect(timed(doc('```sql\nSELECT now(); -- 09:00\nALTER TABLE users ADD COLUMN x int;\n```'))).toEqual([]);
  });

  it('in a report written as one list: the entries nested under a "- Timeline:" bullet, and only those', () => {
    const md = [
      '# INC-7 redis eviction', '', '- Summary: session redis evicted sessions at 03:24', '- Impact: ~35k users logged out',
      '- Timeline:', '  - 03:10 batch starts writing to session redis', '  - 03:24 evictions start', '  - 04:05 evictions stop',
      '- Fix: stopped the batch at 03:52', '- Action items:', '  - [ ] separate credentials per redis (@ops)', '  - [ ] maxmemory alert at 80% (@ops)', '',
    ].join('\n');
    const pm = parsePostmortem(md);
    expect(pm.timeline.map((e) => [e.line, e.time])).toEqual([[6, '03:10'], [7, '03:24'], [8, '04:05']]);
    expect(pm.actionItems.map((a) => [a.line, a.text, a.owner, a.done])).toEqual([
      [11, 'separate credentials per redis (@ops)', '@ops', false],
      [12, 'maxmemory alert at 80% (@ops)', '@ops', false],
    ]);
  });

  it('in prose: each sentence that begins with a time is an entry, at the line where its time is', () => {
    const t = timed(doc('All times UTC. At 09:00 the alert fired. At 09:05 the on-call\nwas paged and joined.\nBy 09:40 we had rolled back; nobody noticed at 09:30 why.'));
    expect(t).toEqual([
      [LINE, '2024-05-02T09:00:00Z'],
      [LINE, '2024-05-02T09:05:00Z'],
      [LINE + 2, '2024-05-02T09:40:00Z'],
    ]);
    // A time inside a sentence is not an entry of its own.
    expect(timed(doc('We rolled back at 09:40 after the alert at 09:00.'))).toHaveLength(1);
  });

  it('with the zone stated as people state it: "Times are UTC", "times PT" in the heading, "All times Pacific", "9:55 PM PT"', () => {
    const zoned = (heading: string, body: string): Array<string | null> =>
      parsePostmortem(['# T', '', '## Summary', '', 'On 2026-06-14 the disks filled.', '', `## ${heading}`, '', body, ''].join('\n')).timeline.map((e) => e.time);
    expect(zoned('Timeline', 'Times are UTC, from the change log:\n\n- 10:00 change applied\n- 10:05 cleaner runs')).toEqual(['2026-06-14T10:00:00Z', '2026-06-14T10:05:00Z']);
    expect(zoned('Timeline (copied from the channel, times PT)', '[9:02 AM] release-bot: rolled out\n[10:47 AM] maria: conversion down')).toEqual(['2026-06-14T09:02:00-07:00', '2026-06-14T10:47:00-07:00']);
    expect(zoned('Timeline', 'All times Pacific.\n\n- 21:55 compaction starts\n- 23:10 disk at 95%')).toEqual(['2026-06-14T21:55:00-07:00', '2026-06-14T23:10:00-07:00']);
    expect(zoned('Timeline', '- 9:55 PM PT: compaction starts\n- 11:10 PM ET: disk at 95%')).toEqual(['2026-06-14T21:55:00-07:00', '2026-06-14T23:10:00-04:00']);
    // "Timeline" itself, or a count of times, states no zone.
    expect(zoned('Timeline', 'Retried 3 times a day.\n\n- 10:00 change applied\n- 10:05 cleaner runs')).toEqual(['2026-06-14T10:00', '2026-06-14T10:05']);
  });

  it('under day headings that say more than the date ("### Day 2 — Wednesday 13 May 2026"), with Zulu times', () => {
    const md = doc('### Day 1 — Tuesday 12 May 2026\n\n- 23:30Z exports fail\n\n### Day 2 — Wednesday 13 May 2026\n\n- 00:10Z escalated\n- 22:50Z fix applied');
    expect(timed(md)).toEqual([
      [LINE + 2, '2026-05-12T23:30:00Z'],
      [LINE + 6, '2026-05-13T00:10:00Z'],
      [LINE + 7, '2026-05-13T22:50:00Z'],
    ]);
    // A heading with a time, or with two dates, names no day.
    expect(timed(doc('### Escalated 2026-05-13 at 00:10\n\n- 09:00 a\n- 09:05 b')).map(([, t]) => t)).toEqual(['2024-05-02T09:00:00Z', '2024-05-02T09:05:00Z']);
  });

  it('in a report with no headings at all: the run of timed lines is the timeline, prose times are not entries', () => {
    const md = [
      'Outage writeup: partner webhooks failed on 2026-10-07', '',
      'Webhooks failed for about an hour and a half; the first partner wrote to us at 16:31.', '',
      'All times below are UTC.', '',
      '16:02 egress proxy enabled', '16:05 retry queue starts growing', '17:10 domains added to the allow list', '',
      'We fixed it at 17:10 by adding the domains.', '',
    ].join('\n');
    const pm = parsePostmortem(md);
    expect(pm.sections).toEqual([]);
    expect(pm.timeline.map((e) => [e.line, e.time])).toEqual([[7, '2026-10-07T16:02:00Z'], [8, '2026-10-07T16:05:00Z'], [9, '2026-10-07T17:10:00Z']]);
    // Two timed lines are not a timeline.
    expect(parsePostmortem('Title\n\n16:02 a\n16:05 b\nthen nothing\n').timeline).toEqual([]);
  });

  it('as headings, each with its story in the paragraphs below (a time inside the story is not an entry)', () => {
    const md = doc('### 21:10 — Planned failover\n\nThe database team failed over.\n\n### 21:44 — First alert\n\nThe alert paged the on-call,\nwho joined at 21:49.');
    const pm = parsePostmortem(md);
    expect(pm.timeline.map((e) => [e.line, e.endLine, e.time])).toEqual([
      [LINE, LINE + 2, '2024-05-02T21:10:00Z'],
      [LINE + 4, LINE + 7, '2024-05-02T21:44:00Z'],
    ]);
    expect(pm.timeline[1]!.text).toBe('21:44 — First alert The alert paged the on-call, who joined at 21:49.');
    expect(pm.timeline[0]!.column).toBe(5); // after "### "
    // A heading over timed lines of its own is a group of entries ("### 14:00–15:00"), not one.
    expect(timed(doc('### 14:00–15:00\n\n- 14:02 alert\n- 14:10 paged\n\n### 15:00–16:00\n\n- 15:20 rolled back')).map(([l]) => l)).toEqual([LINE + 2, LINE + 3, LINE + 7]);
  });

  it('nested under a timed item, each timed sub-item its own entry', () => {
    const t = timed(doc('- 10:02 certificate rolled\n  - 10:04 first report\n  - more detail, untimed\n- 10:15 incident declared'));
    expect(t.map(([l]) => l)).toEqual([LINE, LINE + 1, LINE + 3]);
  });

  it('not from a log pasted below a timeline written out, which backs it up; a log alone is the timeline', () => {
    const log = '```\n10:09:12 sso_error_rate > 20%\n10:31:40 sso_error_rate re-notify\n```';
    expect(timed(doc(`- 10:02 certificate rolled\n- 10:15 incident declared\n\n${log}`)).map(([l]) => l)).toEqual([LINE, LINE + 1]);
    expect(timed(doc(log)).map(([l]) => l)).toEqual([LINE + 1, LINE + 2]);
  });

  it('as bare lines that open with a word placing the time ("Approximately 07:55", "Between 08:00 and 09:40", "Shortly after 09:10")', () => {
    const t = timed(doc('Approximately 07:55 the build finished.\nBetween 08:00 and 09:40 the old index served.\nShortly after 09:10 a report came in.\nThe on-call looked at it around 09:25.'));
    expect(t).toEqual([
      [LINE, '2024-05-02T07:55:00Z'],
      [LINE + 1, '2024-05-02T08:00:00Z'],
      [LINE + 2, '2024-05-02T09:10:00Z'],
    ]);
  });

  it('as an on-call\'s notes, with a weekday, a short date, "@", a dash, a status emoji or "Day 2," before the time', () => {
    const lines = ['Fri 3/6 @ 17:40 config pushed', '— 17:42 503s rise', '🔔 17:55 one ticket', 'Day 2, 10:15 more tickets', '3/9 08:05 pattern seen', 'On March 9 at 08:40 traced', '@ 08:52 rolled back', 'T0 was 17:40.'];
    expect(timed(doc(lines.join('\n'))).map(([l]) => l - LINE)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('on a 12-hour clock written without AM or PM, past noon ("12:10" then "1:05"); never for a 24-hour clock', () => {
    expect(timed(doc('- 11:50 alert\n- 12:10 paged\n- 1:05 rolled back\n- 2:30 all clear')).map(([, t]) => t)).toEqual([
      '2024-05-02T11:50:00Z', '2024-05-02T12:10:00Z', '2024-05-02T13:05:00Z', '2024-05-02T14:30:00Z',
    ]);
    expect(timed(doc('- 11:50 alert\n- 12:10 paged\n- 01:05 rolled back')).map(([, t]) => t)[2]).toBe('2024-05-02T01:05:00Z');
    expect(timed(doc('- 10:00 alert\n- 11:00 paged\n- 9:30 (written late) first report')).map(([, t]) => t)[2]).toBe('2024-05-02T09:30:00Z');
  });

  it('as bare lines opening with a day-first date ("14/03/2026 14:02", "05.03.2026 14:10"), dated by it', () => {
    expect(timed(doc('14/03/2026 23:50 alert\n15.03.2026 00:20 rolled back'))).toEqual([
      [LINE, '2026-03-14T23:50:00Z'],
      [LINE + 1, '2026-03-15T00:20:00Z'],
    ]);
  });
});

describe('a timeline folded in <details>', () => {
  it('takes the zone its <summary> line states, as a heading\'s, and reads the list inside as entries', () => {
    const md = [
      '### Summary', '', 'Builds queued on 2026-05-19.', '', '### Timeline', '', '<details>', '<summary>Timeline (UTC), from the incident channel</summary>', '',
      '- 06:00 runner image rolls out', '- 06:12 first job failures', '- 09:15 pool rolled back', '', '</details>', '',
    ].join('\n');
    const pm = parsePostmortem(md);
    expect(pm.timeline.map((e) => [e.line, e.time, e.zoneSource])).toEqual([
      [10, '2026-05-19T06:00:00Z', 'timeline'], [11, '2026-05-19T06:12:00Z', 'timeline'], [12, '2026-05-19T09:15:00Z', 'timeline'],
    ]);
  });
});

describe("a timeline's bare times, in the document's zone", () => {
  const withZone = (zone: string, started: string, resolved: string, entries: string[]): string =>
    ['---', 'title: Payments API 502s', `timezone: ${zone}`, `started: ${started}`, `resolved: ${resolved}`, '---', '', '# Payments API 502s', '', '## Timeline', '', ...entries.map((e) => `- ${e} — something happened`), ''].join('\n');
  const times = (md: string): Array<[string | null, string | undefined]> => parsePostmortem(md).timeline.map((e) => [e.time, e.zoneSource]);

  it("takes each entry's offset from the zone's rules across a clock change, not the offset the start is written with", () => {
    // New York moved to -04:00 at 02:00 on 2026-03-08: the start is written at -05:00, the entries after 02:00 are at -04:00.
    const md = withZone('America/New_York', '2026-03-08T01:30:00-05:00', '2026-03-08T03:45:00-04:00', ['01:30', '01:58', '03:05', '04:10']);
    expect(times(md)).toEqual([
      ['2026-03-08T01:30:00-05:00', 'front-matter'], ['2026-03-08T01:58:00-05:00', 'front-matter'],
      ['2026-03-08T03:05:00-04:00', 'front-matter'], ['2026-03-08T04:10:00-04:00', 'front-matter'],
    ]);
  });

  it('reads them as local times when the start is written in UTC', () => {
    const md = withZone('Asia/Kolkata', '2026-07-01T04:50:00Z', '2026-07-01T05:50:00Z', ['10:20', '11:20']);
    expect(times(md).map(([t]) => t)).toEqual(['2026-07-01T10:20:00+05:30', '2026-07-01T11:20:00+05:30']);
    // 22:30Z is the next morning in Tokyo: the entries are on the local day.
    const tokyo = withZone('Asia/Tokyo', '2026-07-01T22:30:00Z', '2026-07-01T23:30:00Z', ['07:30', '08:30']);
    expect(times(tokyo).map(([t]) => t)).toEqual(['2026-07-02T07:30:00+09:00', '2026-07-02T08:30:00+09:00']);
  });
});

describe('a 12-hour timeline with an entry in another zone', () => {
  it("reads that entry's hour on its own clock: \"11:30 PT\" after \"2:10 PM\" Eastern is not 23:30", () => {
    const md = ['---', 'title: Search slow', 'timezone: America/New_York', 'started: 2026-06-10T14:00:00-04:00', 'resolved: 2026-06-10T15:00:00-04:00', '---', '', '# Search slow', '', '## Timeline', '',
      '- 2:00 PM — latency alert', '- 2:10 PM — failover to the second vendor', '- 11:30 PT — vendor recovers', '- 3:00 PM — resolved', ''].join('\n');
    expect(parsePostmortem(md).timeline.map((e) => e.time)).toEqual(['2026-06-10T14:00:00-04:00', '2026-06-10T14:10:00-04:00', '2026-06-10T11:30:00-07:00', '2026-06-10T15:00:00-04:00']);
  });

  it('still carries the afternoon on to a bare hour in the same zone, written by its abbreviation', () => {
    const md = ['---', 'title: Search slow', 'timezone: America/Los_Angeles', 'started: 2026-01-10T14:00:00-08:00', 'resolved: 2026-01-10T15:30:00-08:00', '---', '', '# Search slow', '', '## Timeline', '',
      '- 2:00 PM PST — latency alert', '- 2:40 PM — failover', '- 3:30 — resolved', ''].join('\n');
    expect(parsePostmortem(md).timeline.map((e) => e.time)).toEqual(['2026-01-10T14:00:00-08:00', '2026-01-10T14:40:00-08:00', '2026-01-10T15:30:00-08:00']);
  });
});

describe('a chat pasted as is', () => {
  it('reads each "Name  2:05 PM" line with the message lines right under it as one entry', () => {
    const md = ['# Login outage', '', '**Timeline** (all times ET)', '', 'Sam Lee  2:05 PM', 'first 500s from /auth/login, pager goes off', 'Priya  2:09 PM', 'looking. auth-db CPU is pinned', 'Sam Lee  3:10 PM', 'logins back to normal', ''].join('\n');
    expect(parsePostmortem(md).timeline.map((e) => [e.line, e.endLine, e.raw, e.text])).toEqual([
      [5, 6, '2:05 PM', 'Sam Lee  2:05 PM first 500s from /auth/login, pager goes off'],
      [7, 8, '2:09 PM', 'Priya  2:09 PM looking. auth-db CPU is pinned'],
      [9, 10, '3:10 PM', 'Sam Lee  3:10 PM logins back to normal'],
    ]);
  });

  it('is not read so when a line that is no header has a time in it', () => {
    const md = ['# Login outage', '', '**Timeline**', '', 'Sam Lee  2:05 PM', 'paged at 2:06 PM by the alert', 'Priya  2:09 PM', 'looking', ''].join('\n');
    expect(parsePostmortem(md).timeline.map((e) => e.line)).toEqual([5, 6, 7, 8]);
  });
});
