/** Sections recognized by what they hold when no heading names them. */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';

const idsOf = (markdown: string): Array<[string, string[]]> => parsePostmortem(markdown).sections.map((s) => [s.heading, s.ids]);

describe('sections by content', () => {
  it('a heading over a run of timed lines is the timeline', () => {
    const md = '# Cache storm\n\n## How the night went\n\n- 09:00 alert fired\n  - paged the on-call\n- 09:05 cache flushed\n- 09:40 error rates back to normal\n\n## Root cause\n\nA TTL of zero.\n';
    expect(idsOf(md)).toContainEqual(['How the night went', ['timeline']]);
    expect(parsePostmortem(md).timeline.filter((e) => e.time)).toHaveLength(3);
  });

  it('not when a heading already names the timeline, nor for a few times in prose', () => {
    const named = '# T\n\n## Timeline\n\n- 09:00 a\n- 09:05 b\n- 09:10 c\n\n## Replay\n\n- 10:00 a\n- 10:05 b\n- 10:10 c\n';
    expect(idsOf(named)).toContainEqual(['Replay', []]);
    const prose = '# T\n\n## What we saw\n\nAt 09:00 the alert fired and we looked at the dashboards for a long while.\nThen at 09:30 we rolled back, which took a few minutes to roll out everywhere.\nNobody could log in for the whole half hour, on web or mobile.\n';
    expect(idsOf(prose)).toContainEqual(['What we saw', ['summary']]);
  });

  it('a timed run is the timeline whatever its heading names, and a table of measurements by time is not', () => {
    const md = [
      '# Tax timeouts', '', '## Summary', '', 'Checkout failed for a third of requests.', '',
      '## What happened', '', '- 15:04 UTC: vendor latency rises to 4 s', '- 15:11 UTC: checkout error alert pages on-call',
      '- 15:38 UTC: address validation switched to cached mode', '',
      '## Details', '', '| Time | p99 | Errors |', '|---|---|---|', '| 15:00 | 120 ms | 0.3% |', '| 15:10 | 9.8 s | 31% |', '| 15:40 | 2.1 s | 12% |', '',
    ].join('\n');
    expect(idsOf(md)).toEqual([['Summary', ['summary']], ['What happened', ['summary', 'timeline']], ['Details', []]]);
    expect(parsePostmortem(md).timeline.filter((e) => e.time).map((e) => e.line)).toEqual([9, 10, 11]);
  });

  it('a list of tasks with owners or check boxes is the action items', () => {
    const md = '# T\n\n## Summary\n\nThe cache fell over.\n\n## Making sure it never happens again\n\n- [ ] Alert on TTL zero @dana\n- [ ] Load test the cache @lee\n- Write the runbook\n';
    expect(idsOf(md)).toContainEqual(['Making sure it never happens again', ['action-items']]);
    expect(parsePostmortem(md).actionItems.map((a) => a.owner)).toEqual(['@dana', '@lee', null]);
  });

  it('the prose that opens a document under a heading that names nothing is its summary', () => {
    const md = '# Login outage\n\n## A long Tuesday\n\nFor three hours nobody could log in because a migration locked the users table.\n\n## Root cause\n\nThe lock.\n';
    expect(idsOf(md)[0]).toEqual(['A long Tuesday', ['summary']]);
  });
});

describe('headings by word stems', () => {
  it('names sections that no phrase lists', () => {
    const md = '# T\n\n## Impact on shoppers\n\nx\n\n## Why it broke\n\nx\n\n## Fixing it\n\nx\n\n## Preventing a repeat\n\nx\n\n## Things we learned\n\nx\n';
    expect(idsOf(md).map(([, ids]) => ids)).toEqual([['impact'], ['root-cause'], ['resolution'], ['action-items'], ['lessons-learned']]);
  });

  it('reads the words of writers whose first language is not English', () => {
    const md = '# Report of service interruption\n\n## Influence\n\nx\n\n## Reason analysis\n\nx\n\n## Solve method\n\nx\n\n## Solution\n\nx\n';
    expect(idsOf(md).map(([, ids]) => ids)).toEqual([['impact'], ['root-cause'], ['resolution'], ['resolution']]);
  });

  it('reads "Effects on customers" as the impact and "Measures" as the action items, but "Measures taken" as what was done', () => {
    const md = '# T\n\n## Effects on customers\n\nx\n\n## Measures taken to stop it\n\nx\n\n## Future measures\n\nx\n\n## Measures\n\nx\n';
    expect(idsOf(md).map(([, ids]) => ids)).toEqual([['impact'], ['resolution'], ['action-items'], ['action-items']]);
  });

  it('only in real headings: a bold label inside a section stays text', () => {
    const md = '# T\n\n## Summary\n\n**Fixing it:** we rolled back.\n\nMore text.\n';
    expect(idsOf(md)).toEqual([['Summary', ['summary']]]);
  });

  it("reads contractions: \"What we're doing about it\"", () => {
    expect(idsOf("# T\n\n## What we're doing about it\n\n- x\n")[0]![1]).toEqual(['action-items']);
  });
});
