/** Heading candidates in the shapes teams write them: real documents in, sections out. */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const sectionsOf = (markdown: string): Array<[number, string[]]> => parsePostmortem(markdown).sections.map((s) => [s.line, s.ids]);

describe('heading candidates', () => {
  it('a numbered line of its own ("1. Summary", read by Markdown as a one-item list) opens a section', () => {
    const md = [
      'Incident report: backups skipped', '', '1. Summary', '', 'The backup job did not run from 2026-08-02 to 2026-08-05.', '',
      '2. Timeline', '', 'Aug 1 — 23:40 cron host replaced', 'Aug 6 — 10:15 restore test finds the gap', '',
      '3. Action items', '', '- Alert when no backup completed in 26 hours (owner: Ravi)', '',
    ].join('\n');
    expect(sectionsOf(md)).toEqual([[3, ['summary']], [7, ['timeline']], [12, ['action-items']]]);
    const pm = parsePostmortem(md);
    // Each entry on the day written before its time, the year from the summary's date.
    expect(pm.timeline.map((e) => [e.line, e.time])).toEqual([[9, '2026-08-01T23:40'], [10, '2026-08-06T10:15']]);
    expect(pm.actionItems.map((a) => a.owner)).toEqual(['Ravi']);
  });

  it('not a numbered outline of section names (a table of contents), nor a one-item list of text', () => {
    expect(sectionsOf('# T\n\n1. Summary\n2. Timeline\n3. Action items\n\n## Summary\n\nx\n')).toEqual([[7, ['summary']]]);
    expect(sectionsOf('# T\n\n## Summary\n\nx\n\n1. Restart the summary service\n\ny\n')).toEqual([[3, ['summary']]]);
  });

  it('a heading in Jira wiki markup pasted as is ("h2. Timeline"), with its ||Time||Event|| table read as timed lines', () => {
    const md = 'h1. PIR: sync stalled\n\nh2. Summary\n\nThe sync stalled on 2026-06-03.\n\nh2. Timeline\n\n||Time||Event||\n|06:10|patch applied|\n|06:12|worker keeps polling|\n|11:20|sync resumes|\n';
    expect(sectionsOf(md)).toEqual([[3, ['summary']], [7, ['timeline']]]);
    expect(parsePostmortem(md).timeline.filter((e) => e.time).map((e) => e.line)).toEqual([10, 11, 12]);
  });
});

describe('lines Markdown reads as headings but the author wrote as a list (wiki markup "# item")', () => {
  const jira = (items: string[]): string =>
    ['h1. PIR: stock sync stalled', '', 'h2. Summary', '', 'The stock sync stalled for five hours.', '', 'h2. Action items', '', ...items, '', 'h2. Lessons learned', '', 'The vendor changes its API without notice.', ''].join('\n');

  it('a run of adjacent one-line headings of one depth, each a sentence, opens no section and is the action items', () => {
    const md = jira(['# Alert when stock has not changed for 30 minutes - owner: integrations', '# Contract test against the vendor sandbox - owner: qa', '# Ask the vendor for notice of API changes']);
    const pm = parsePostmortem(md);
    expect(pm.sections.map((s) => [s.line, s.ids])).toEqual([[3, ['summary']], [7, ['action-items']], [13, ['lessons-learned']]]);
    expect(pm.title).toBe('PIR: stock sync stalled');
    expect(pm.actionItems.map((a) => [a.line, a.text, a.owner])).toEqual([
      [9, 'Alert when stock has not changed for 30 minutes - owner: integrations', 'integrations'],
      [10, 'Contract test against the vendor sandbox - owner: qa', 'qa'],
      [11, 'Ask the vendor for notice of API changes', null],
    ]);
    // Their words are the section's: it is not empty.
    expect(pm.sections[1]!.words).toBeGreaterThan(20);
  });

  it('a run of timed lines ("# 08:00 Certificate expires") is the timeline\'s entries', () => {
    const md = '== Summary ==\nReplication stopped on 2026-09-08.\n\n== Timeline ==\n# 08:00 Certificate expires\n# 09:15 Accounts created\n# 14:10 Replication restarted\n\n== Action items ==\n# Alert on replica lag\n';
    const pm = parsePostmortem(md);
    expect(pm.sections.map((s) => s.ids)).toEqual([['summary'], ['timeline'], ['action-items']]);
    expect(pm.timeline.map((e) => [e.line, e.time])).toEqual([[5, '2026-09-08T08:00'], [6, '2026-09-08T09:15'], [7, '2026-09-08T14:10']]);
  });

  it('not adjacent headings that are section names ("## Root cause analysis" over "## What went well")', () => {
    expect(sectionsOf('# Report\n\n## Root cause analysis\n## What went well\n\nText.\n')).toEqual([[3, ['root-cause']], [4, ['lessons-learned']]]);
  });

  it('not headings with a blank line between them, nor short ones, nor one alone', () => {
    expect(sectionsOf('# Report\n\n## Summary\n\nText.\n\n# One heading with some words\n# Other heading with some words\n').map(([l]) => l)).toEqual([3]);
    expect(sectionsOf('# Report\n\n## Summary\n\nText.\n\n## Why it failed\n\nx\n\n## How we restarted it all\n\ny\n').length).toBe(3);
    expect(sectionsOf('## Summary\n## Impact\n\nText.\n')).toEqual([[1, ['summary']], [2, ['impact']]]);
    expect(sectionsOf('# Report\n\n# Alert when stock has not changed\n\nText.\n')).toEqual([[3, []]]);
  });
});

describe('headings in wiki markup, pasted as is', () => {
  it('MediaWiki "== Section ==" lines open sections of their depth; one that names nothing ends the section above', () => {
    const md = [
      '= Postmortem: replica drift =', '', '== Summary ==', 'Replication stopped after a certificate expired.', '',
      '== Action items ==', '# Renew the replication certificate by automation (owner: identity)', '# Alert on replica lag over ten minutes', '',
      '== Notes ==', 'Discussed at the weekly review.', '',
    ].join('\n');
    const pm = parsePostmortem(md);
    expect(pm.sections.map((s) => [s.line, s.ids, s.depth, s.heading])).toEqual([
      [3, ['summary'], 2, 'Summary'], [6, ['action-items'], 2, 'Action items'], [10, [], 2, 'Notes'],
    ]);
    expect(pm.actionItems.map((a) => a.line)).toEqual([7, 8]);
  });

  it('Jira "h2. Section" lines likewise, with "h1." a title', () => {
    const pm = parsePostmortem('h1. PIR: sync stalled\n\nh2. Summary\n\nThe sync stalled.\n\nh2. Appendix\n\nRaw notes.\n');
    expect(pm.title).toBe('PIR: sync stalled');
    expect(pm.sections.map((s) => [s.line, s.ids, s.depth])).toEqual([[3, ['summary'], 2], [7, [], 2]]);
  });

  it('not a line of equals signs, nor one with uneven signs (a bare line naming a section, as any other)', () => {
    const pm = parsePostmortem('Text\n\n===\n\n== Summary =\n\nx\n');
    expect(pm.sections.map((s) => [s.line, s.ids, s.depth])).toEqual([[5, ['summary'], 7]]);
  });
});

describe('numbered section lines ("2.2.  Timeline", "4.  Action Items")', () => {
  it('a higher number on a short numbered line ends the section, whether or not that line names one', () => {
    const md = [
      'PIR-14: packet loss between sites', '', '1.  Summary', '', '   A fibre cut moved traffic to the second path.', '',
      '2.2.  Timeline', '', '   - 07:48  Path A goes down', '   - 07:52  Loss alarms', '   - 11:28  Path A restored', '',
      '3.  Analysis', '', '   The second path was sized for 60% of peak.', '',
      '4.  Action Items', '', '   4.1.  Pause bulk replication when one path is down.', '         Owner: network automation. Due: 2026-11-15.', '',
      '5.  References', '', '   Carrier runbook.', '',
    ].join('\n');
    const pm = parsePostmortem(md);
    const byId = (id: string) => pm.sections.find((s) => s.ids.includes(id))!;
    expect(byId('timeline').contentEnd).toBe(12);
    expect(pm.timeline.map((e) => e.line)).toEqual([9, 10, 11]);
    expect(byId('action-items').contentEnd).toBe(21);
    // The wrapped line of fields belongs to the item above it.
    expect(pm.actionItems.map((a) => [a.line, a.owner, a.due])).toEqual([[19, 'network automation', '2026-11-15']]);
  });
});

describe('a bold line with a note in parentheses after it', () => {
  it('opens the section it names ("**Timeline** (all times IST, UTC+05:30)"), and its zone is the timeline\'s', () => {
    const md = '# Checkout errors\n\n**Summary**\n\nCheckout failed.\n\n**Timeline** (all times IST, UTC+05:30)\n\n| Time | Event |\n| --- | --- |\n| 10:20 | alert fires |\n| 11:05 | rollback done |\n';
    expect(sectionsOf(md)).toEqual([[3, ['summary']], [7, ['timeline']]]);
    expect(parsePostmortem(md).timeline.map((e) => [e.time, e.zoneKnown])).toEqual([['10:20', true], ['11:05', true]]);
  });

  it('is still no heading when the bold part names nothing ("**Note** (see below)")', () => {
    expect(sectionsOf('# Checkout errors\n\n**Note** (see below)\n\nText.\n')).toEqual([]);
  });
});
