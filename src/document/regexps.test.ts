/**
 * Regular expressions built at run time from pieces (new RegExp(`${A}|${B}`)) are beyond ESLint's reach: the
 * regexp plugin sees only literals. These are checked here with the analyser the plugin uses (scslre): no
 * super-linear backtracking, whatever suffix the text has. The literal ones are linted by `npm run lint:code`.
 */
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_LINE_RE, PLACEHOLDER_RE } from './placeholder.js';
import { findTimes, TIME_RE } from './time.js';
import { DATE_RE, findDates } from './dates.js';

const BUILT: Record<string, RegExp> = { DATE_RE, TIME_RE, PLACEHOLDER_RE, PLACEHOLDER_LINE_RE };

describe('regular expressions built at run time', () => {
  for (const [name, re] of Object.entries(BUILT)) {
    it(`${name} has no super-linear backtracking`, () => {
      const { reports } = analyse({ source: re.source, flags: re.flags }, { assumeRejectingSuffix: true, reportTypes: { Move: false } });
      expect(reports.map((r) => `${r.type}: ${r.character.literal.source}`)).toEqual([]);
    });
  }

  it('still read what they read before the rewrite', () => {
    expect(findTimes('9:00 - AM, UTC').map((t) => [t.hour, t.minute, t.zoneText])).toEqual([[9, 0, 'UTC']]);
    expect(findTimes('at 14:05 ( UTC+1 ) and 8.35 - pm').map((t) => [t.hour, t.minute])).toEqual([[14, 5], [20, 35]]);
    expect(findDates('Tue, 1 Nov 2022 and March 1st, 2023').map((d) => d.date)).toEqual([
      { year: 2022, month: 11, day: 1 },
      { year: 2023, month: 3, day: 1 },
    ]);
  });
});
