import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/document/parse.js';
import { findTimes } from '../src/document/time.js';

const ids = (md: string): string[] => parsePostmortem(md).sections.flatMap((s) => s.ids);
const times = (md: string): Array<string | null> => parsePostmortem(md).timeline.map((e) => e.time);

// Written by us in the style of the first seed: no Markdown at all, "Label:" lines as headings.
const LABEL_STYLE = `Postmortem


Issue Summary:
Duration: March 1st, 2023, 9:00 AM EST - March 1st, 2023, 12:00 PM EST
Impact: Nobody could sign in. Roughly 30% of users tried during the outage.

Root Cause: a schema change locked the accounts table.

Timeline:

9:00 AM: Support noticed a spike of sign-in failures.
9:05 AM: The error-rate alert paged on-call.
9:10 AM: On-call confirmed sign-in was timing out.
9:20 AM: Scaling the sign-in service changed nothing.
9:30 AM: The team looked at the database instead.
10:00 AM: A lock from the schema change was found.
10:30 AM: Releasing the lock by hand failed.
11:00 AM: The team chose to revert the schema change.
12:00 PM: The revert finished and sign-in recovered.
Root Cause and Resolution:
A schema change took a table lock that sign-in waited on; reverting it released the lock.

Corrective and Preventative Measures:
We will do the following:
Test schema changes on production-sized data.
Alert on long-held locks.
`;

// In the style of the second seed: ATX headings, a summary that states the window in prose without a zone.
const PROSE_STYLE = `# Postmortem: Sign-in outage

# Issue Summary
On Friday, December 8, 2023, from 10:45 AM to 11:30 AM, our sign-in page failed for most users.
# Timeline
- 10:45 AM: Alerts fired on failed sign-ins.
- 10:50 AM: On-call started looking.
- 10:55 AM: The sign-in service looked healthy.
- 11:00 AM: Attention moved to the database.
- 11:10 AM: A failed update script was found.
- 11:20 AM: Its partial changes were identified.
- 11:25 AM: A rollback script ran.
- 11:30 AM: Sign-in worked again.
# Root cause and resolution
An update script failed half-way. Rolling it back fixed sign-in.
# Corrective and preventative measures
- Review update scripts.
`;

describe('sections', () => {
  it('reads "Label:" lines as headings, inline labels included', () => {
    const doc = parsePostmortem(LABEL_STYLE);
    expect(doc.sections.map((s) => [s.ids, s.heading, s.line, s.style])).toEqual([
      [['summary'], 'Issue Summary', 4, 'label'],
      [['impact'], 'Impact', 6, 'inline'],
      [['root-cause'], 'Root Cause', 8, 'inline'],
      [['timeline'], 'Timeline', 10, 'label'],
      [['root-cause', 'resolution'], 'Root Cause and Resolution', 21, 'label'],
      [['action-items'], 'Corrective and Preventative Measures', 24, 'label'],
    ]);
  });

  it('reads ATX, setext and HTML headings', () => {
    expect(ids('Summary\n=======\n\nText.\n\nTimeline\n--------\n\n- 09:00 x\n')).toEqual(['summary', 'timeline']);
    expect(ids('<h2>Issue summary</h2>\n<p>text</p>\n\n<h3 align="center">Root cause</h3>\n\nText.\n')).toEqual(['summary', 'root-cause']);
  });

  it('reads bold-line headings, emoji, shortcodes, numbering, subtitles and "&"', () => {
    const md = [
      '**Issue Summary:**', 'Text.', '',
      '## 🚨 2. Impact:', 'Text.', '',
      '## :memo:  Timeline (all times UTC)', '- 09:00 a', '',
      '### Root Cause & Resolution: The Detective Story', 'Text.', '',
      '## IV. CORRECTIVE AND PREVENTIVE MEASURES', '- x', '',
    ].join('\n');
    expect(ids(md)).toEqual(['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'action-items']);
  });

  it('does not take the document title for a section', () => {
    expect(ids('# Postmortem: Summary of the March outage\n\n## Timeline\n\n- 09:00 x\n')).toEqual(['timeline']);
  });

  it('keeps unknown headings out and known synonyms in', () => {
    expect(ids('## Background\n\nx\n\n## Follow-up tasks\n\n- y\n\n## Lessons learned\n\nz\n')).toEqual(['action-items', 'lessons-learned']);
  });

  it('uses template aliases', () => {
    const doc = parsePostmortem('## How we fixed it\n\nText.\n', 'x.md', { sectionAliases: { resolution: ['How we fixed it'] } });
    expect(doc.sections.map((s) => s.ids)).toEqual([['resolution']]);
  });
});

describe('incident window', () => {
  it('infers 09:00–12:00 EST from a "Duration:" line (180 minutes)', () => {
    const { incident } = parsePostmortem(LABEL_STYLE);
    expect(incident).toMatchObject({
      start: '2023-03-01T09:00:00-05:00',
      end: '2023-03-01T12:00:00-05:00',
      durationMinutes: 180,
      timezone: 'EST',
      source: 'summary',
    });
  });

  it('infers 10:45–11:30 on 2023-12-08 with no zone (45 minutes)', () => {
    const { incident } = parsePostmortem(PROSE_STYLE);
    expect(incident).toMatchObject({
      start: '2023-12-08T10:45',
      end: '2023-12-08T11:30',
      durationMinutes: 45,
      timezone: null,
      zoneMissing: true,
    });
  });

  it('prefers the front matter and keeps its offsets', () => {
    const md = '---\nstarted: 2024-01-01T23:30:00+01:00\nresolved: 2024-01-02T01:00:00+01:00\ntimezone: Europe/Paris\n---\n# X\n';
    expect(parsePostmortem(md).incident).toMatchObject({
      start: '2024-01-01T23:30:00+01:00',
      end: '2024-01-02T01:00:00+01:00',
      durationMinutes: 90,
      timezone: 'Europe/Paris',
      source: 'front-matter',
    });
  });

  it('rolls an end time past midnight to the next day', () => {
    const md = '## Summary\n\nOn 2024-03-09 from 11:30 PM to 1:15 AM UTC the API was down.\n';
    expect(parsePostmortem(md).incident).toMatchObject({ end: '2024-03-10T01:15:00Z', durationMinutes: 105 });
  });

  it('reads start and end given as labelled lines', () => {
    const md = '## Issue Summary\n\n- **Start Time:** 2024-04-02 14:00 UTC\n- **End Time:** 2024-04-02 16:30 UTC\n';
    expect(parsePostmortem(md).incident).toMatchObject({ start: '2024-04-02T14:00:00Z', end: '2024-04-02T16:30:00Z', durationMinutes: 150 });
  });
});

describe('timeline', () => {
  it('reads bare lines: all 9 entries of the label-style document, with date and zone', () => {
    expect(times(LABEL_STYLE)).toEqual([
      '2023-03-01T09:00:00-05:00', '2023-03-01T09:05:00-05:00', '2023-03-01T09:10:00-05:00',
      '2023-03-01T09:20:00-05:00', '2023-03-01T09:30:00-05:00', '2023-03-01T10:00:00-05:00',
      '2023-03-01T10:30:00-05:00', '2023-03-01T11:00:00-05:00', '2023-03-01T12:00:00-05:00',
    ]);
  });

  it('reads bullets: 8 entries with date but no zone', () => {
    const doc = parsePostmortem(PROSE_STYLE);
    expect(doc.timeline).toHaveLength(8);
    expect(doc.timeline[0]).toMatchObject({ line: 6, text: '10:45 AM: Alerts fired on failed sign-ins.', raw: '10:45 AM', time: '2023-12-08T10:45', zoneKnown: false });
  });

  it('reads one collapsed paragraph', () => {
    const md = '## Timeline\n\n9:00 AM - alert fired. 9:05 AM - on-call paged. 9:30 AM - fixed.\n';
    expect(parsePostmortem(md).timeline.map((e) => [e.raw, e.text])).toEqual([
      ['9:00 AM', '9:00 AM - alert fired.'],
      ['9:05 AM', '9:05 AM - on-call paged.'],
      ['9:30 AM', '9:30 AM - fixed.'],
    ]);
  });

  it('reads a table, and a date stated above it', () => {
    const md = '## Timeline (UTC)\n\n2024-05-06\n\n| Time | Event |\n| --- | --- |\n| 14:05 | deploy |\n| 14:20 | rollback |\n';
    expect(times(md)).toEqual(['2024-05-06T14:05:00Z', '2024-05-06T14:20:00Z']);
  });

  it('reads [HH:mm] with "All times PDT." and a rollover past midnight', () => {
    const md = 'All times PDT.\n\n## Summary\n\nOn May 30, 2024 jobs slowed down.\n\n## Timeline\n\n- [23:55] Jobs slow.\n- [00:20] Disk throttled.\n- [07:00] Recovered.\n';
    expect(times(md)).toEqual(['2024-05-30T23:55:00-07:00', '2024-05-31T00:20:00-07:00', '2024-05-31T07:00:00-07:00']);
  });

  it('reads entries grouped under date sub-headings', () => {
    const md = '## Timeline\n\nAll times in UTC.\n\n### 2023-07-19\n\n- 22:00 deploy\n\n### 2023-07-20\n\n- 01:00 fix\n';
    expect(times(md)).toEqual(['2023-07-19T22:00:00Z', '2023-07-20T01:00:00Z']);
  });

  it('reads label sub-groups inside a label-style timeline', () => {
    const md = 'Timeline:\n\nDetection:\n\n- 2:00 PM (UTC): alert.\n\nActions Taken:\n\n- 2:10 PM (UTC): isolated.\n\nRoot Cause:\n\nA bad key.\n';
    expect(parsePostmortem(md).timeline.map((e) => e.raw)).toEqual(['2:00 PM (UTC)', '2:10 PM (UTC)']);
  });

  it('reads a value nested under a labelled bullet', () => {
    const md = '**Timeline:**\n- **Detection Time:**\n  - March 11, 2024, 10:15 AM (UTC)\n- **Method:**\n  - complaints\n';
    expect(parsePostmortem(md).timeline.map((e) => e.time)).toEqual(['2024-03-11T10:15:00Z', null]);
  });

  it('uses the document zone from the config when none is stated', () => {
    const doc = parsePostmortem(PROSE_STYLE, 'x.md', { defaultTimezone: 'America/Chicago' });
    expect(doc.timeline[0]!.time).toBe('2023-12-08T10:45:00-06:00');
  });
});

describe('time styles', () => {
  const cases: Array<[string, string, number, number, string?]> = [
    ['9:00 AM', '9:00 AM', 9, 0],
    ['10:45 AM EST', '10:45 AM EST', 10, 45, 'EST'],
    ['14:05 UTC', '14:05 UTC', 14, 5, 'UTC'],
    ['[14:05] deploy', '14:05', 14, 5],
    ['0300hrs (EAT) alert', '0300hrs (EAT)', 3, 0, 'EAT'],
    ['8.35 AM GMT', '8.35 AM GMT', 8, 35, 'GMT'],
    ['11:26-am-GMT', '11:26-am', 11, 26],
    ['12: 48pm GMT +1', '12: 48pm GMT +1', 12, 48, 'GMT +1'],
    ['12pm', '12pm', 12, 0],
    ['1:10pm PST', '1:10pm PST', 13, 10, 'PST'],
    ['02:15 AM UTC', '02:15 AM UTC', 2, 15, 'UTC'],
    ['10:00 (UTC−05:00)', '10:00 (UTC−05:00)', 10, 0, 'UTC−05:00'],
    ['2023-03-01T09:00Z', '2023-03-01T09:00Z', 9, 0, 'Z'],
    ['Tue, 1 Nov 2022 07:32:16 GMT', '07:32:16 GMT', 7, 32, 'GMT'],
  ];
  for (const [text, raw, hour, minute, zone] of cases) {
    it(`reads "${text}"`, () => {
      const [t] = findTimes(text);
      expect(t).toMatchObject({ raw, hour, minute });
      if (zone) expect(t!.zoneText).toBe(zone);
    });
  }

  it('reads "Month D, YYYY, h:mm AM (UTC)" with its date', () => {
    const [t] = findTimes('March 11, 2024, 10:15 AM (UTC)');
    expect(t).toMatchObject({ hour: 10, minute: 15, date: { year: 2024, month: 3, day: 11 }, zoneText: 'UTC' });
  });

  it('does not read versions, decimals, ratios or durations as times', () => {
    expect(findTimes('version 2.14 with 99.95 uptime, ratio 3:1000, a 30-minute outage')).toEqual([]);
  });
});

describe('front matter and encodings', () => {
  it('reads TOML front matter', () => {
    const doc = parsePostmortem('+++\ntitle = "DNS outage"\ndate = 2024-01-05\n[extra]\nauthor = "x"\n+++\n\nText.\n');
    expect(doc.frontMatter.kind).toBe('toml');
    expect(doc.title).toBe('DNS outage');
    expect(doc.frontMatter.fields.title).toMatchObject({ line: 2 });
    expect(doc.frontMatter.fields.author).toBeUndefined();
  });

  it('reads CRLF and a BOM with the same lines as LF', () => {
    const crlf = `\ufeff${PROSE_STYLE.replace(/\n/g, '\r\n')}`;
    const a = parsePostmortem(crlf);
    const b = parsePostmortem(PROSE_STYLE);
    expect(a.sections.map((s) => [s.ids, s.line])).toEqual(b.sections.map((s) => [s.ids, s.line]));
    expect(a.timeline.map((e) => [e.line, e.time])).toEqual(b.timeline.map((e) => [e.line, e.time]));
  });

  it('keeps a YAML error with its position and parses the rest', () => {
    const doc = parsePostmortem('---\ntitle: "unclosed\n---\n\n## Timeline\n\n- 09:00 x\n');
    expect(doc.frontMatter.error).toMatchObject({ line: 2 });
    expect(doc.timeline).toHaveLength(1);
  });
});

describe('action items', () => {
  it('reads task lists with owner, due date and done', () => {
    const md = '## Action items\n\n- [x] Add alert (owner: @dana, due: 2024-02-01)\n- [ ] Fix docs — owner: Sam Lee, by March 3, 2024\n- Rotate keys #123\n';
    expect(parsePostmortem(md).actionItems.map((a) => [a.line, a.owner, a.due, a.done, a.ticket])).toEqual([
      [3, '@dana', '2024-02-01', true, null],
      [4, 'Sam Lee', '2024-03-03', false, null],
      [5, null, null, null, '#123'],
    ]);
  });

  it('reads tasks nested under a "Tasks:" bullet and bare lines', () => {
    expect(parsePostmortem('## Corrective measures\n\n- Tasks:\n  - one\n  - two\n').actionItems.map((a) => a.text)).toEqual(['one', 'two']);
    expect(LABEL_STYLE && parsePostmortem(LABEL_STYLE).actionItems.map((a) => a.text)).toEqual([
      'Test schema changes on production-sized data.',
      'Alert on long-held locks.',
    ]);
  });
});
