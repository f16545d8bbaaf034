/** Dates and date-times read by hand where luxon would be slow: the same answers as luxon. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse.js';
import { findTimes, parseIsoDateTime, resolveZone } from './time.js';
import { findDates, validDate } from './dates.js';

const two = (n: number): string => String(n).padStart(2, '0');

describe('validDate', () => {
  it("agrees with luxon's calendar for every day of years around leap-year rules", () => {
    for (const year of [0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) expect(validDate(year, month, day)).toBe(DateTime.fromObject({ year, month, day }).isValid);
      }
    }
  });
});

describe('parseIsoDateTime', () => {
  const text = fc
    .tuple(
      fc.integer({ min: 90, max: 2100 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.option(fc.integer({ min: 0, max: 61 })),
      fc.constantFrom('Z', '+00:00', '-00:00', '+05:30', '-05:00', '+14:00', '-12:00', '+01:60', '+1:00', ''),
      fc.constantFrom('T', ' '),
    )
    .map(([y, mo, d, h, mi, s, off, sep]) => `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}${s === null ? '' : `:${two(s)}`}${off}`);

  it("gives luxon's fromISO (setZone) reading: same instant, zone, offset and ISO text, or none", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, requireOffset) => {
        const ours = parseIsoDateTime(t, requireOffset);
        const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(t);
        const luxon = requireOffset && !hasOffset ? undefined : DateTime.fromISO(t.replace(' ', 'T'), { setZone: true });
        const expected = luxon?.isValid ? luxon : undefined;
        expect(ours === undefined).toBe(expected === undefined);
        if (ours && expected) {
          expect(ours.toISO()).toBe(expected.toISO());
          expect(ours.toMillis()).toBe(expected.toMillis());
          expect(ours.zoneName).toBe(expected.zoneName);
          expect(ours.offset).toBe(expected.offset);
          expect(ours.equals(expected)).toBe(true);
        }
      }),
      { seed: 3, numRuns: 4000 },
    );
  });
});

describe('formatInstant and addDays', () => {
  it('give what luxon gives for fixed offsets (fromObject, toISO) and for days added (plus)', async () => {
    const { formatInstant } = await import('./time.js');
    const { addDays } = await import('./dates.js');
    const { FixedOffsetZone } = await import('luxon');
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(0, 60, -300, 330, 840, -720, 345), fc.integer({ min: -400, max: 400 }),
        (year, month, day, hour, minute, second, offset, days) => {
          const zone = FixedOffsetZone.instance(offset);
          const ours = formatInstant({ year, month, day }, { hour, minute, second }, zone);
          const dt = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
          if (!dt.isValid) return;
          expect(ours.iso).toBe(dt.toISO({ suppressMilliseconds: true, includeOffset: true }));
          expect(ours.instant!.equals(dt)).toBe(true);
          const next = DateTime.fromObject({ year, month, day }).plus({ days });
          expect(addDays({ year, month, day }, days)).toEqual({ year: next.year, month: next.month, day: next.day });
        },
      ),
      { seed: 4, numRuns: 3000 },
    );
  });
});

describe('findTimes: zones and offsets after a time, and ranges that are none', () => {
  const read = (text: string): Array<[string, string | undefined]> => findTimes(text).map((t) => [t.raw, t.zone?.name]);
  it('reads offsets of at most 14 hours and regions\' clocks', () => {
    expect(read('9:00 UTC-5')).toEqual([['9:00 UTC-5', 'UTC-5']]);
    expect(read('9:00 UTC +02:00')).toEqual([['9:00 UTC +02:00', 'UTC+2']]);
    expect(read('12: 48pm GMT + 1')).toEqual([['12: 48pm GMT + 1', 'UTC+1']]);
    expect(read('10:00 (UTC−05:00)')).toEqual([['10:00 (UTC−05:00)', 'UTC-5']]);
    expect(read('4pm PT')).toEqual([['4pm PT', 'America/Los_Angeles']]);
    expect(read('2:15 PM Eastern Daylight Time')).toEqual([['2:15 PM Eastern Daylight Time', 'America/New_York']]);
  });
  it('reads the end of a range after a zone, not an offset', () => {
    expect(read('14:00 UTC – 15:30 UTC')).toEqual([['14:00 UTC', 'UTC'], ['15:30 UTC', 'UTC']]);
    expect(read('9:00 UTC-11:00 UTC')).toEqual([['9:00 UTC', 'UTC'], ['11:00 UTC', 'UTC']]);
    expect(read('14:00 UTC-15:30 UTC')).toEqual([['14:00 UTC', 'UTC'], ['15:30 UTC', 'UTC']]);
    expect(read('2024-05-02 14:00 UTC – 2024-05-02 15:30 UTC')).toEqual([['2024-05-02 14:00 UTC', 'UTC'], ['2024-05-02 15:30 UTC', 'UTC']]);
  });
  it('reads the no-break spaces word processors put inside a time, and "hrs" after it', () => {
    expect(read('2:05\u202fPM\u00a0EST')).toEqual([['2:05\u202fPM\u00a0EST', 'UTC-5']]);
    expect(findTimes('2:05\u00a0p.m.')[0]?.hour).toBe(14);
    expect(read('14:05 hrs UTC – 15:10 hrs UTC')).toEqual([['14:05 hrs UTC', 'UTC'], ['15:10 hrs UTC', 'UTC']]);
  });
  it('reads a date after a zone and a dash as the next date, not an offset', () => {
    expect(read('02 May 2024 14:00 UTC – 02 May 2024 15:30 UTC')).toEqual([['14:00 UTC', 'UTC'], ['15:30 UTC', 'UTC']]);
    expect(read('14:00 GMT - 03/05/2024 09:00 GMT')).toEqual([['14:00 GMT', 'UTC'], ['09:00 GMT', 'UTC']]);
    // An offset at the end of a sentence, spaced or not.
    expect(read('It was back at 11:30 GMT+3. Then')).toEqual([['11:30 GMT+3', 'UTC+3']]);
    expect(read('back at 11:30 UTC - 5.')).toEqual([['11:30 UTC - 5', 'UTC-5']]);
    // A spaced offset stays one when no date follows it.
    expect(read('12: 48pm GMT + 1')).toEqual([['12: 48pm GMT + 1', 'UTC+1']]);
  });
});

describe('dates beside times, as timelines write them', () => {
  it('reads year-first dates with slashes or dots, never a version number', () => {
    expect(findDates('2026/03/05 and 2026.3.5').map((d) => d.date)).toEqual([
      { year: 2026, month: 3, day: 5 },
      { year: 2026, month: 3, day: 5 },
    ]);
    expect(findDates('2026/03.05, 2023.10.12.1, v2026.03.05, 2026/13/05')).toEqual([]);
    // Day first where the first number cannot be a month, and with dots as written in much of Europe.
    expect(findDates('14/03/2026, 03/14/2026 and 05.03.2026').map((d) => d.date)).toEqual([
      { year: 2026, month: 3, day: 14 },
      { year: 2026, month: 3, day: 14 },
      { year: 2026, month: 3, day: 5 },
    ]);
  });

  it('gives a time the date written before it across a dash or a table cell border', () => {
    expect(findTimes('Aug 1 — 23:40 cron host replaced').map((t) => t.date)).toEqual([{ month: 8, day: 1 }]);
    expect(findTimes('2026-02-09 | 08:22 | CI | build fails').map((t) => t.date)).toEqual([{ year: 2026, month: 2, day: 9 }]);
    expect(findTimes('2026/03/05 14:18 released').map((t) => t.date)).toEqual([{ year: 2026, month: 3, day: 5 }]);
  });

  it('a timeline table with Date and Time columns dates each entry', () => {
    const md = '# T\n\n## Incident log\n\n| Date | Time (UTC) | What |\n|---|---|---|\n| 2026-02-09 | 23:50 | build fails |\n| 2026-02-10 | 10:30 | certificate requested |\n| 2026-02-10 | 15:10 | builds green |\n';
    expect(parsePostmortem(md).timeline.map((e) => e.time)).toEqual(['2026-02-09T23:50:00Z', '2026-02-10T10:30:00Z', '2026-02-10T15:10:00Z']); // (the zone from the Time column's header)
  });
});

describe('resolveZone: zones named in words', () => {
  it('reads a zone by its name, as its abbreviation reads ("East African Time" too)', () => {
    for (const [name, offset] of [['East Africa Time', 180], ['East African Time', 180], ['Central European Summer Time', 120], ['India Standard Time', 330], ['China Standard Time', 480]] as const) {
      expect([name, resolveZone(name)?.offset(0)]).toEqual([name, offset]);
    }
    expect(resolveZone('Pacific Time')?.name).toBe('America/Los_Angeles');
    expect(resolveZone('Martian Standard Time')).toBeUndefined();
  });
});
