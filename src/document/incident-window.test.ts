/**
 * The incident window in the many ways authors state it: labels, tables, ranges, sections other than the summary,
 * front matter under other names; and documents that state none, where nothing may be made up. Every document
 * here is written by us.
 */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const FM = '---\ntitle: Checkout errors\ndate: 2024-05-02\n---\n\n';
const window = (body: string, fm = FM): [string | null, string | null] => {
  const d = parsePostmortem(`${fm}${body}\n`);
  return [d.incident.start, d.incident.end];
};
const UTC: [string, string] = ['2024-05-02T14:00:00Z', '2024-05-02T15:30:00Z'];
const PT: [string, string] = ['2024-05-02T14:15:00-07:00', '2024-05-02T16:00:00-07:00'];
const PT_ = PT;
const ROOT = '\n\n## Root cause\n\nA configuration change.';
const summary = (text: string): string => `# Checkout errors\n\n## Summary\n\n${text}${ROOT}`;

describe('a window stated in the summary', () => {
  const cases: Array<[string, string, [string, string]]> = [
    ['began … resolved', 'The incident began at 14:00 UTC and was resolved at 15:30 UTC.', UTC],
    ['lasted from … to', 'The outage lasted from 14:00 to 15:30 UTC.', UTC],
    ['duration as a range', 'Duration: 14:00–15:30 UTC', UTC],
    ['12-hour times in a named region', 'Orders failed from 2:15pm until 4pm PT.', PT],
    ['ISO timestamps', 'Impact lasted from 2024-05-02T14:00:00Z to 2024-05-02T15:30:00Z.', UTC],
    ['across midnight, dates written', 'Payments failed from 23:50 on 2 May to 01:10 on 3 May (UTC).', ['2024-05-02T23:50:00Z', '2024-05-03T01:10:00Z']],
    ['across midnight, no dates', 'Payments failed between 23:50 and 01:10 UTC.', ['2024-05-02T23:50:00Z', '2024-05-03T01:10:00Z']],
    ['by … fully restored', 'At 14:00 UTC checkout began to fail. By 15:30 UTC service was fully restored.', UTC],
    ['impact window label', 'Impact window: 14:00 – 15:30 UTC.', UTC],
    ['outage window label, words', 'Outage window: 14:00 UTC to 15:30 UTC', UTC],
    ['bold labels', '**Start:** 14:00 UTC  \n**End:** 15:30 UTC', UTC],
    ['a quoted summary', '> Incident start: 14:00 UTC\n> Incident end: 15:30 UTC', UTC],
    ['detected, mitigated, resolved', '- Started: 14:00 UTC\n- Detected: 14:10 UTC\n- Mitigated: 15:00 UTC\n- Resolved: 15:30 UTC', UTC],
    ['resolved rather than mitigated', '- Impact start: 14:00 UTC\n- Mitigated: 15:00 UTC\n- Fully resolved: 15:30 UTC', UTC],
    ['starting … ending', 'Starting at 14:00 UTC and ending at 15:30 UTC, checkout failed.', UTC],
    ['approximate times', 'From approximately 14:00 UTC until about 15:30 UTC, checkout failed.', UTC],
    ['the end\'s half of the clock', 'Checkout failed from 2:00 to 3:30 p.m. EDT.', ['2024-05-02T14:00:00-04:00', '2024-05-02T15:30:00-04:00']],
    ['an arrow', 'Window: 14:00 UTC → 15:30 UTC', UTC],
    ['a range under an outage label', 'Outage: 2024-05-02 14:00 UTC – 2024-05-02 15:30 UTC', UTC],
    ['a zone in parentheses', 'Between 14:00 and 15:30 (UTC) a third of checkouts failed.', UTC],
    ['detection and resolution only', 'Detected: 14:00 UTC, when the first alert fired.\nResolved: 15:30 UTC', UTC],
    ['a range after another time', 'A change deployed at 13:40 UTC made checkout fail from 14:00 to 15:30 UTC.', UTC],
    ['the time it is said to have begun', 'A change was deployed at 13:40 UTC. The outage began at 14:00 UTC and was resolved at 15:30 UTC.', UTC],
    ['an approximate end of a range', 'Service was degraded between 14:00 UTC and approximately 15:30 UTC.', UTC],
    ['a hyphen between zoned times', 'From 14:00 UTC - 15:30 UTC checkout failed.', UTC],
    ['a region\'s clock in words', 'Orders failed from 2:15 PM until 4:00 PM Pacific Time.', PT],
    ['a window under "time of incident"', 'Time of incident: 14:00–15:30 UTC', UTC],
    ['times with dates in words', 'Between May 2, 2024 at 2:00 PM and May 2, 2024 at 3:30 PM UTC, checkout failed.', UTC],
  ];
  for (const [name, text, expected] of cases) {
    it(`reads ${name}: "${text.replace(/\n/g, ' / ')}"`, () => expect(window(summary(text))).toEqual(expected));
  }
});

describe('a window stated elsewhere in the document', () => {
  it('reads labelled fields above the summary', () => {
    const body = '# Checkout errors\n\n**Date:** 2024-05-02  \n**Start time:** 14:00 UTC  \n**End time:** 15:30 UTC\n\n## Summary\n\nCheckout failed for a third of users after a configuration change.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads a table of milestones in its own section', () => {
    const body = '# Checkout errors\n\n## Summary\n\nCheckout failed for a third of users.\n\n## Key times\n\n| Milestone | Time (UTC) |\n| --- | --- |\n| Impact began | 2024-05-02 14:00 |\n| Detected | 2024-05-02 14:05 |\n| Impact ended | 2024-05-02 15:30 |' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads a table whose columns are start and end', () => {
    const body = '# Checkout errors\n\n| Severity | Started | Resolved |\n| --- | --- | --- |\n| SEV-2 | 2024-05-02 14:00 UTC | 2024-05-02 15:30 UTC |\n\n## Summary\n\nCheckout failed for a third of users.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads an HTML table', () => {
    const body = '# Checkout errors\n\n<table>\n  <tr><th>Incident start</th><td>2024-05-02 14:00 UTC</td></tr>\n  <tr>\n    <th>Incident end</th>\n    <td>2024-05-02 15:30 UTC</td>\n  </tr>\n</table>\n\n## Summary\n\nCheckout failed for a third of users.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('takes the start from the summary and the end from the resolution section', () => {
    const body = '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout started failing after a configuration change.\n\n## Resolution\n\nWe reverted the change at 15:10 UTC; by 15:30 UTC checkout was back to normal.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('takes the end from a recovery section that says the service recovered', () => {
    const body = '# Checkout errors\n\n## Summary\n\nThe incident started at 14:00 UTC.\n\n## Recovery\n\nAll services recovered at 15:30 UTC.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads a blockquote of labels above the summary, with a weekday and a 12-hour time', () => {
    const body = '# Checkout errors\n\n> **Incident start:** Thursday, May 2, 2024 2:00 PM UTC\n> **Service restored at:** Thursday, May 2, 2024 3:30 PM UTC\n\n## Summary\n\nCheckout failed.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('takes the start from the summary and the end from a labelled field below it', () => {
    const body = '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout started failing.\n\n## Details\n\n- Severity: SEV-2\n- Time resolved: 15:30 UTC' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads the timeline entries that say the incident began and that it was over', () => {
    const body = '# Checkout errors\n\n## Summary\n\nA configuration change broke checkout.\n\n## Timeline\n\n- 13:50 UTC configuration pushed\n- 14:00 UTC impact begins: checkout errors rise\n- 14:20 UTC on-call paged\n- 15:30 UTC incident resolved\n- 16:00 UTC postmortem scheduled' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads times written as code after a label', () => {
    expect(window('# Checkout errors\n\n- Start: `2024-05-02 14:00 UTC`\n- End: `2024-05-02 15:30 UTC`\n\n## Summary\n\nCheckout failed.' + ROOT)).toEqual(UTC);
  });

  it('reads several labels on one line or in one cell', () => {
    const doc = (line: string): string => `# Checkout errors\n\n${line}\n\n## Summary\n\nCheckout failed.${ROOT}`;
    expect(window(doc('**Start:** 14:00 UTC **End:** 15:30 UTC'))).toEqual(UTC);
    expect(window(doc('Severity: SEV-2; impact start: 14:00 UTC; impact end: 15:30 UTC'))).toEqual(UTC);
    expect(window(doc('| Start: 14:00 UTC | End: 15:30 UTC |\n| --- | --- |'))).toEqual(UTC);
  });

  it('takes the day from a "Date:" field when the times have none', () => {
    const body = '# Checkout errors\n\n- **Date:** 2 May 2024\n- **Start time:** 14:00 UTC\n- **End time:** 15:30 UTC\n\n## Summary\n\nCheckout failed.' + ROOT;
    expect(window(body, '')).toEqual(UTC);
  });

  it('reads sections headed by a label', () => {
    const body = '# Checkout errors\n\n## Summary\n\nCheckout failed.\n\n### Start time\n\n14:00 UTC\n\n### End time\n\n15:30 UTC' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('takes the end from the impact section when the summary gives only the start', () => {
    const body = '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout began to fail.\n\n## Impact\n\nA third of checkouts failed until 15:30 UTC, when the service recovered.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads a window stated in the opening lines above the summary', () => {
    const body = '# Checkout errors\n\n_On 2 May 2024, from 14:00 to 15:30 UTC, a third of checkouts failed._\n\n## Summary\n\nA configuration change broke checkout.' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads timeline entries that name the impact\'s start and end', () => {
    const body = '# Checkout errors\n\n## Summary\n\nA configuration change broke checkout.\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 13:50 UTC | Configuration pushed |\n| 14:00 UTC | Impact start |\n| 14:20 UTC | On-call paged |\n| 15:30 UTC | Impact end |' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads those entries when the timeline\'s times have no zone it knows', () => {
    const body = '# Checkout errors\n\n## Summary\n\nA configuration change broke checkout.\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 13:50 | Configuration pushed |\n| 14:00 | Impact start |\n| 14:20 | On-call paged |\n| 15:30 | Impact end |' + ROOT;
    const d = parsePostmortem(`${FM}${body}\n`).incident;
    expect([d.start, d.end, d.durationMinutes, d.zoneMissing]).toEqual(['2024-05-02T14:00', '2024-05-02T15:30', 90, true]);
  });

  it('takes the end from the timeline entry that says the impact was mitigated when none says it is over', () => {
    const body = '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout started failing.\n\n## Timeline\n\n- 14:00 UTC alerts fire\n- 15:30 UTC mitigated by rolling back\n- 16:00 UTC root cause found' + ROOT;
    expect(window(body)).toEqual(UTC);
  });

  it('reads times in the opening paragraph of a document without a summary heading', () => {
    const body = '# Checkout errors\n\nOn 2 May 2024 checkout failed between 14:00 and 15:30 UTC.\n\n## What went wrong\n\nA configuration change.';
    expect(window(body)).toEqual(UTC);
  });
});

describe('more ways people state it', () => {
  const PDT: [string, string] = ['2024-05-02T14:00:00-07:00', '2024-05-02T15:30:00-07:00'];
  const above = (lines: string): string => `# Checkout errors\n\n${lines}\n\n## Summary\n\nCheckout failed.${ROOT}`;
  const cases: Array<[string, string, [string, string]]> = [
    ['labels with a subject, 12-hour times', summary('Incident began: May 2, 2024, 2:00 PM PDT\nIssue resolved: 3:30 PM PDT'), PDT],
    ['a "When:" range', above('**When:** May 2, 2024, 14:00–15:30 UTC'), UTC],
    ['first alert and resolution time', above('- First alert: 14:00 UTC\n- Resolution time: 15:30 UTC'), UTC],
    ['date & time labels', above('Start Date & Time: 2024-05-02 14:00 UTC\nEnd Date & Time: 2024-05-02 15:30 UTC'), UTC],
    ['a duration label over a range of date-times', above('Incident Duration: 2024-05-02 14:00 UTC to 2024-05-02 15:30 UTC'), UTC],
    ['"between 2:00 and 3:30 PM"', summary('The outage occurred on May 2, 2024 between 2:00 and 3:30 PM PDT.'), PDT],
    ['12-hour times across midnight', summary('Checkout failed from 11:50 PM to 12:40 AM EDT.'), ['2024-05-02T23:50:00-04:00', '2024-05-03T00:40:00-04:00']],
    ['a field/value table in its own section', '# Checkout errors\n\n## Incident details\n\n| Field | Value |\n|---|---|\n| Start | 2024-05-02 14:00 UTC |\n| End | 2024-05-02 15:30 UTC |\n\n## Summary\n\nCheckout failed.' + ROOT, UTC],
    ['labels and values joined by a dash', above('- Start time — 14:00 UTC\n- End time — 15:30 UTC'), UTC],
    ['two labels on a line split by a bar', above('Started: 2024-05-02 14:00 UTC | Ended: 2024-05-02 15:30 UTC'), UTC],
    ['bold labels with the value on the next line', above('**Start time**\n14:00 UTC\n\n**End time**\n15:30 UTC'), UTC],
    ['labels with the value in the next paragraph', above('**Start time:**\n\n14:00 UTC\n\n**End time:**\n\n15:30 UTC'), UTC],
    ['started on … ended on', summary('The incident started on 2024-05-02 at 14:00 UTC and ended on 2024-05-02 at 15:30 UTC.'), UTC],
    ['a story with steps between', summary('At 14:00 UTC, our API began returning errors. Engineers identified the cause at 14:40 UTC and rolled back at 15:10 UTC. Error rates returned to normal at 15:30 UTC.'), UTC],
    ['approximate 12-hour times in a region', summary('On May 2nd at approximately 2:00pm Pacific Time, checkout began failing. The incident was resolved at approximately 3:30pm Pacific Time.'), PDT],
    ['beginning … restored', summary('Beginning at 14:00 UTC on May 2, checkout failed. Full functionality was restored at 15:30 UTC.'), UTC],
    ['a duration before the range', summary('For 90 minutes, between 14:00 and 15:30 UTC on 2 May 2024, checkout failed.'), UTC],
    ['came back', summary('Checkout was down from 14:00 UTC. It came back at 15:30 UTC.'), UTC],
    ['errors ceased', summary('Errors started at 14:00 UTC and ceased at 15:30 UTC.'), UTC],
    ['a timeframe label', summary('Timeframe: 2024-05-02 14:00 – 15:30 UTC'), UTC],
    ['until noon', summary('Logins failed from 10:30 AM until noon EDT.'), ['2024-05-02T10:30:00-04:00', '2024-05-02T12:00:00-04:00']],
    ['to midnight', summary('Exports failed from 10:00 PM to midnight UTC.'), ['2024-05-02T22:00:00Z', '2024-05-03T00:00:00Z']],
    ['all systems nominal', summary('At 14:00 UTC checkout failed; all systems were nominal again at 15:30 UTC.'), UTC],
    ['a range in the title', '# Checkout outage, 2 May 2024, 14:00–15:30 UTC\n\n## Summary\n\nA configuration change broke checkout.' + ROOT, UTC],
    ['a labelled start and the summary\'s end', '# Checkout errors\n\nStart time: 14:00 UTC\n\n## Summary\n\nA configuration change broke checkout. Service was restored at 15:30 UTC.' + ROOT, UTC],
    ['a hyphen between zoned times, no blanks', summary('Checkout failed 14:00 UTC-15:30 UTC.'), UTC],
    ['"through to"', summary('Checkout failed from 14:00 UTC through to 15:30 UTC.'), UTC],
    ['an inline "Resolution:" section', '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout started failing.\n\nResolution: we rolled back, and by 15:30 UTC checkout had recovered.\n\n## Root cause\n\nA configuration change.', UTC],
    ['occurred … fixed', above('- Occurred: 2024-05-02 14:00 UTC\n- Fixed: 2024-05-02 15:30 UTC'), UTC],
    ['full resolution', above('- Impact began: 14:00 UTC\n- Full resolution: 15:30 UTC'), UTC],
    ['a window of impact', above('**Window of impact:** 14:00 – 15:30 UTC'), UTC],
    ['an impacted period', above('Impacted period: 2024-05-02 14:00 UTC to 15:30 UTC'), UTC],
    ['a start/end table with zones in the headers', summary('| Start (UTC) | End (UTC) | Duration |\n|---|---|---|\n| 2024-05-02 14:00 | 2024-05-02 15:30 | 1h30m |'), UTC],
  ];
  for (const [name, body, expected] of cases) it(`reads ${name}`, () => expect(window(body)).toEqual(expected));
});

describe('what people write around the times of a window', () => {
  const above = (lines: string): string => `# Checkout errors\n\n${lines}\n\n## Summary\n\nCheckout failed.${ROOT}`;
  const CEST: [string, string] = ['2024-05-02T10:00:00+02:00', '2024-05-02T11:30:00+02:00'];
  const cases: Array<[string, string, [string, string], string?]> = [
    ['an ISO 8601 interval in a field', above('- Impact: 2024-05-02T14:00Z/2024-05-02T15:30Z'), UTC],
    ['an ISO 8601 interval in prose', summary('The interval 2024-05-02T14:00:00Z/2024-05-02T15:30:00Z covers the outage.'), UTC],
    ['ordinal days across midnight', summary('Checkout failed from 22:10 on the 1st until 00:20 on the 2nd (UTC).'), ['2024-05-01T22:10:00Z', '2024-05-02T00:20:00Z']],
    ['ordinal days across the end of a month', summary('Checkout failed from 23:50 on the 31st until 00:30 on the 1st, UTC.'), ['2024-05-31T23:50:00Z', '2024-06-01T00:30:00Z'], '---\ntitle: T\ndate: 2024-05-31\n---\n\n'],
    ['a bare hour starting a range', summary('Orders failed from 2 to 3:30 p.m. UTC.'), UTC],
    ['a bare hour after "between"', summary('Between 2 and 3:30 PM UTC most orders failed.'), UTC],
    ['the afternoon in words', summary('Checkout failed between 2:00 and 3:30 in the afternoon (UTC).'), UTC],
    ['a US region alone after the time', summary('Orders failed from 2:15 p.m. until 4 p.m. Pacific.'), PT_],
    ['an IANA zone in parentheses', summary('Checkout failed from 10:00 to 11:30 (Europe/Berlin).'), CEST],
    ['numeric offsets after the seconds', above('- Start: Thu, 02 May 2024 10:00:00 +0200\n- End: Thu, 02 May 2024 11:30:00 +0200'), CEST],
    ['notes on which end a time is', above('**Outage:** 2024-05-02 14:00 UTC (start) – 2024-05-02 15:30 UTC (end)'), UTC],
    ['day-month dates around a dash after a zone', above('Impact: 02 May 2024 14:00 UTC – 02 May 2024 15:30 UTC'), UTC],
    ['the milestones in one sentence', summary('Impact began 14:00 UTC, was detected 14:10 UTC, mitigated 15:00 UTC and resolved 15:30 UTC.'), UTC],
    ['mitigated, then resolved', summary('Checkout failed at 14:00 UTC. The impact was mitigated at 15:00 UTC and fully resolved at 15:30 UTC.'), UTC],
    ['stable again', summary('Latency rose at 14:00 UTC; by 15:30 UTC the service was stable again.'), UTC],
    ['was stable by', summary('Latency rose at 14:00 UTC and the service was stable by 15:30 UTC.'), UTC],
    ['a title that names the summary', '# Incident summary: checkout errors\n\n## Summary\n\nCheckout failed from 14:00 to 15:30 UTC.' + ROOT, UTC],
    ['a plan beside the incident\'s own range', summary('The maintenance window was planned for 01:00–03:00 UTC, but checkout failed from 14:00 to 15:30 UTC.'), UTC],
    ['a log in the summary whose lines say when the impact began and ended', summary('- 13:50 UTC: config pushed\n- 14:00 UTC: impact starts, checkout errors rise\n- 14:20 UTC: on-call paged\n- 15:30 UTC: resolved'), UTC],
    ['a zone named in words', summary('Logins failed from 10:00 to 11:30 Central European Summer Time.'), CEST],
    ['an offset at the end of a sentence', summary('Checkout went down at 16:00 GMT+2 and came back at 17:30 GMT+2.'), ['2024-05-02T16:00:00+02:00', '2024-05-02T17:30:00+02:00']],
    ['days of the week over a weekend, the document dated after', summary('Uploads failed between 22:00 on Friday and 06:00 on Monday (UTC).'), ['2024-04-26T22:00:00Z', '2024-04-29T06:00:00Z']],
    ['days of the week before the times', summary('Uploads failed from Wednesday 23:10 until Thursday 00:40 UTC.'), ['2024-05-01T23:10:00Z', '2024-05-02T00:40:00Z']],
    ['a start said after its time', summary('At 13:55 UTC a deploy started. At 14:00 UTC, errors began. At 15:30 UTC, errors stopped.'), UTC],
    ['a habit beside the incident', summary('We normally deploy between 09:00 and 17:00 UTC. On 2 May checkout failed from 14:00 to 15:30 UTC.'), UTC],
    ['two times and what failed in between', summary('The certificate expired at 14:00 UTC; we renewed it at 15:30 UTC. All API calls failed in between.'), UTC],
    ['two times and an outage in the meantime', summary('A deploy went out at 14:00 UTC and was rolled back at 15:30 UTC; in the meantime checkout was down.'), UTC],
    ['opening hours beside the incident', summary('Our support hours are 08:00 to 18:00 UTC. Chat failed from 14:00 to 15:30 UTC.'), UTC],
    ['a nightly job beside the incident', summary('The export runs from 01:00 to 03:00 UTC every night; on 2 May checkout failed from 14:00 to 15:30 UTC.'), UTC],
    ['no-break spaces from a word processor', summary('Checkout failed from 2:00\u202fPM to 3:30\u202fPM\u00a0UTC.'), UTC],
    ['times written with "hrs"', summary('Checkout failed from 14:00 hrs to 15:30 hrs UTC.'), UTC],
    ['a count between two numbers', summary('Between 2 and 3 services failed at 14:00 UTC; all had recovered by 15:30 UTC.'), UTC],
  ];
  for (const [name, body, expected, fm] of cases) it(`reads ${name}`, () => expect(window(body, fm)).toEqual(expected));

  it('takes no US region from a word that goes on as another name ("Central European offices")', () => {
    expect(window(summary('Logins failed at 10:00 Central European offices. It ended at 11:30.'))).toEqual(['2024-05-02T10:00', '2024-05-02T11:30']);
  });

  it('reads labelled fields in HTML that is no table (a Confluence or Google Docs export)', () => {
    const html = (block: string): string => `<h1>Checkout errors</h1>\n${block}\n\n<h2>Summary</h2>\n<p>Checkout failed.</p>`;
    expect(window(html('<p><b>Impact began:</b> 2024-05-02 14:00 UTC<br>\n<b>Impact ended:</b> 2024-05-02 15:30 UTC</p>'))).toEqual(UTC);
    expect(window(html('<dl><dt>Started</dt><dd>14:00 UTC</dd><dt>Resolved</dt><dd>15:30 UTC</dd></dl>'))).toEqual(UTC);
    // Code in HTML quotes labels, it states none.
    expect(window(html('<p>Write <code>start: 2024-05-02 14:00 UTC</code> and <code>end: 2024-05-02 15:30 UTC</code>.</p>'))).toEqual([null, null]);
    expect(window(html('<pre>\nStart: 2024-05-02 14:00 UTC\nEnd: 2024-05-02 15:30 UTC\n</pre>'))).toEqual([null, null]);
  });

  it('reads "from" and "to" under a front matter key that names the window', () => {
    expect(window('# T\n', '---\noutage:\n  from: 2024-05-02 14:00 UTC\n  to: 2024-05-02 15:30 UTC\n---\n')).toEqual(UTC);
    // Under a key that names no window, "from" and "to" are anything (a route, a migration).
    expect(window('# T\n', '---\nmigration:\n  from: 2024-05-02 14:00 UTC\n  to: 2024-05-02 15:30 UTC\n---\n')).toEqual([null, null]);
  });

  const none: Array<[string, string]> = [
    ['a scheduled maintenance range and a start', summary('Maintenance was scheduled from 02:00 to 04:00 UTC. Writes began failing at 02:30 UTC; we do not know when they stopped.')],
    ['a change window and a start', summary('During the change window (01:00–03:00 UTC) the database was upgraded. Errors started at 01:40 UTC.')],
    ['a planned range on another day', summary('Alerts fired at 10:15 UTC. The vendor has planned a maintenance for 2024-05-09 from 02:00 to 03:00 UTC.')],
    ['an action taken to restore service, in the resolution section', '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout began to fail.\n\n## Resolution\n\nA rollback was made to restore the previous version at 14:40 UTC; later tests passed.' + ROOT],
    ['a habitual range and a start', summary('Backups usually run between 01:00 and 02:00 UTC. On 2 May the backup failed at 01:20 UTC.')],
    ['a log as the opening text', '# Checkout errors\n\nAll times UTC.\n\n14:00 deploy of the pricing service\n14:10 alerts fire\n14:40 rollback\n15:30 error rate back to normal\n\nWe rolled back the deploy.'],
  ];
  for (const [name, body] of none) {
    it(`invents nothing for ${name}`, () => {
      const [start, end] = window(body);
      expect(start !== null && end !== null).toBe(false);
    });
  }
});

describe('where the window is said', () => {
  it('points at the times in a labelled line, a table cell and an HTML cell', () => {
    const at = (body: string): Array<[number, number] | undefined> => {
      const i = parsePostmortem(`${FM}${body}\n`).incident;
      return [i.startSpan, i.endSpan].map((s) => (s ? [s.line, s.column] : undefined));
    };
    // Line 6 is the document's first line after the front matter and a blank line.
    expect(at('# T\n\n- **Start time:** 14:00 UTC\n- **End time:** 15:30 UTC')).toEqual([[8, 19], [9, 17]]);
    expect(at('# T\n\n| Start | End |\n| --- | --- |\n| 14:00 UTC | 15:30 UTC |')).toEqual([[10, 3], [10, 15]]);
    expect(at('# T\n\n<table>\n<tr><th>Start</th><td>14:00 UTC</td></tr>\n<tr>\n  <th>End</th>\n  <td>15:30 UTC</td>\n</tr>\n</table>')).toEqual([[9, 23], [12, 7]]);
  });
});

describe('a window in front matter under other names', () => {
  const names: Array<[string, string]> = [
    ['startedAt', 'resolvedAt'],
    ['incident_started', 'incident_resolved'],
    ['impact-start', 'impact-end'],
    ['outage_start', 'outage_end'],
    ['began_at', 'recovered_at'],
  ];
  for (const [s, e] of names) {
    it(`reads ${s} / ${e}`, () => {
      expect(window('# T\n', `---\n${s}: 2024-05-02T14:00:00Z\n${e}: 2024-05-02T15:30:00Z\n---\n`)).toEqual(UTC);
    });
  }
  it('reads values written as people write them', () => {
    expect(window('# T\n', '---\nstart: 2024-05-02 14:00 UTC\nend: May 2, 2024 3:30 PM UTC\n---\n')).toEqual(UTC);
  });
  it('reads times written without a date, on the document\'s date', () => {
    expect(window('# T\n', '---\ndate: 2024-05-02\nstart: 14:00 UTC\nend: 15:30 UTC\n---\n')).toEqual(UTC);
    expect(window('# T\n', '---\ndate: 2024-05-02\nimpact_window: 14:00 - 15:30 UTC\n---\n')).toEqual(UTC);
  });
  it('reads a start and an end under one key', () => {
    expect(window('# T\n', '---\nincident:\n  start: 2024-05-02T14:00:00Z\n  end: 2024-05-02T15:30:00Z\n---\n')).toEqual(UTC);
  });
});

describe('documents that state no window', () => {
  const none: Array<[string, string]> = [
    ['only a date', summary('On 2 May 2024 checkout failed for a third of users.')],
    ['only a duration', summary('Checkout failed for about 90 minutes.')],
    ['only a duration, labelled', summary('Duration: 90 minutes\nSeverity: SEV-2')],
    ['a start, no end', summary('Start: 14:00 UTC\nEnd: unknown')],
    ['detected only', summary('- Detected: 14:05 UTC\n- Severity: SEV-2')],
    ['a fix that is not an end', summary('At 14:00 UTC checkout failed. A fix was deployed at 15:30 UTC and is being watched.')],
    ['a timeline without an end', '# Checkout errors\n\n## Summary\n\nCheckout failed.\n\n## Timeline\n\n- 14:00 UTC alert fired\n- 14:20 UTC on-call paged\n- 15:00 UTC rollback started' + ROOT],
    ['a due date in action items', '# Checkout errors\n\n## Summary\n\nCheckout failed.\n\n## Action items\n\n| Action | Due | Status |\n| --- | --- | --- |\n| Add a canary | 2024-06-01 | Resolved |' + ROOT],
    ['a schedule in the resolution', '# Checkout errors\n\n## Summary\n\nCheckout failed on 2 May.\n\n## Resolution\n\nThe database was restored from a backup.' + ROOT],
    // A start and how long it lasted state no end: the reader does not work one out.
    ['a start and how long it lasted', summary('The outage began at 14:00 UTC and lasted 90 minutes.')],
    ['a start and a duration, labelled', summary('Started: 14:00 UTC\nDuration: 1h 30m')],
    ['a fix deployed, in the resolution section', '# Checkout errors\n\n## Summary\n\nStart: 14:00 UTC\n\n## Resolution\n\nThe fix was deployed at 15:30 UTC and is being watched.' + ROOT],
    ['an end before the start, in the resolution section', '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout failed.\n\n## Resolution\n\nThe replica had recovered at 13:00 UTC already.' + ROOT],
    ['a single time under a window label', summary('Time: 14:00 UTC\nImpact: 40% of checkouts')],
    ['a label over prose', summary('Resolution: the team looked into it; at 15:30 UTC a fix was tried, to no effect.\nStart: 14:00 UTC')],
    ['a timeline that says the incident began and never that it ended', '# Checkout errors\n\n## Summary\n\nCheckout broke.\n\n## Timeline\n\n- 14:00 UTC impact begins\n- 15:30 UTC still investigating' + ROOT],
    ['two times joined by "and" without "between"', summary('At 14:00 and 15:30 UTC the cache was flushed; nothing failed.')],
    ['two times and nothing failing in between', summary('We checked the replicas at 14:00 UTC and again at 15:30 UTC; in between, the team wrote the runbook.')],
    ['opening hours', summary('Chat was down for part of the afternoon. Our support hours are 09:00 to 17:00 UTC on weekdays, so customers noticed.')],
    ['a range that recurs', summary('The sync job runs 02:00–04:00 UTC on weekdays; it skipped a run and reports were stale.')],
    ['a daily window', summary('Backups are taken daily between 01:00 and 01:30 UTC; one was missing.')],
    ['a date field alone', '# Checkout errors\n\n**Date:** 2 May 2024\n\n## Summary\n\nCheckout failed for about an hour.' + ROOT],
    ['a heading that labels nothing with a time', '# Checkout errors\n\n## Summary\n\nCheckout failed.\n\n### Duration\n\nAbout an hour and a half.' + ROOT],
    ['labels whose values are no times', '# Checkout errors\n\n**Start:** when the deploy began **End:** unknown, 3 teams involved\n\n## Summary\n\nCheckout failed at 14:00 UTC.' + ROOT],
    ['labels quoted as code', '# Checkout errors\n\nWrite `started: 2024-05-02T14:00:00Z` and `resolved: 2024-05-02T15:30:00Z` in the front matter.\n\n```yaml\nstart: 2024-05-02 14:00 UTC\nend: 2024-05-02 15:30 UTC\n```\n\n## Summary\n\nNothing happened yet.' + ROOT],
    ['labels quoted as code over two lines', '# Checkout errors\n\nLabels such as (`Start time:\n14:00 UTC`, `**Resolved:** 15:30`) are read.\n\n## Summary\n\nNothing happened yet.' + ROOT],
    ['a timeline table whose time column holds a range', '# Checkout errors\n\n## Summary\n\nCheckout failed.\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 14:00–14:20 | Investigation |\n| 14:30 | Rollback |' + ROOT],
    ['a whole postmortem whose timeline never says it is over', '# Checkout errors\n\n## Summary\n\nAround 14:00 UTC customers reported checkout errors after a configuration change.\n\n## Impact\n\nAbout 30% of checkout requests failed.\n\n## Timeline\n\n- 14:00 UTC first customer reports\n- 14:20 UTC rollback started\n- 14:45 UTC monitoring\n\n## Root cause\n\nA configuration change.\n\n## Action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Add a canary | @ana | 2024-06-01 |'],
    ['times to detect and resolve', summary('Time to detect: 5 minutes\nTime to resolve: 2 hours\nThe outage lasted about two hours.')],
    ['a plan in the resolution section', '# Checkout errors\n\n## Summary\n\nAt 14:00 UTC checkout started failing.\n\n## Resolution\n\nWe will restore the replica by 17:00 UTC during a maintenance window.' + ROOT],
    ['lasted, without a start', summary('A configuration change broke checkout; the outage lasted 90 minutes before it was resolved.')],
  ];
  for (const [name, body] of none) {
    it(`invents nothing for ${name}`, () => {
      const [start, end] = window(body);
      expect(start !== null && end !== null).toBe(false);
    });
  }
});
