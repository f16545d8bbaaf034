/** Source times: the fast arithmetic agrees with luxon, and what is not a time says so. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseSourceTime } from './event.js';

const at = (value: unknown, zone?: string): number | string => {
  const r = parseSourceTime(value, zone);
  return r.ok ? r.at : r.error;
};

describe('parseSourceTime', () => {
  it('reads ISO 8601 with Z or an offset, a local time in the zone, Unix seconds and milliseconds', () => {
    const t = Date.parse('2024-05-02T12:04:10Z');
    expect(at('2024-05-02T12:04:10Z')).toBe(t);
    expect(at('2024-05-02 14:04:10+02:00')).toBe(t);
    expect(at('2024-05-02T14:04:10+0200')).toBe(t);
    expect(at('2024-05-02T07:34:10-04:30')).toBe(t);
    expect(at('2024-05-02T12:04:10.250Z')).toBe(t + 250);
    expect(at('2024-05-02T12:04:10,5 UTC')).toBe(t + 500);
    expect(at('2024-05-02 14:04:10', 'Europe/Berlin')).toBe(t);
    expect(at('2024-01-02 13:04', 'Europe/Berlin')).toBe(Date.parse('2024-01-02T12:04:00Z'));
    expect(at(1714651450)).toBe(t);
    expect(at('1714651450.000100')).toBe(t);
    expect(at(1714651450000)).toBe(t);
  });

  it('refuses what is not a time, and a local time without a zone', () => {
    expect(at('2024-02-30T10:00:00Z')).toMatch(/not a valid date and time/);
    expect(at('2024-05-02T24:00:00Z')).toMatch(/not a valid date and time/);
    expect(at('yesterday')).toMatch(/cannot read the time "yesterday"/);
    expect(at('2024-05-02 14:04')).toMatch(/has no zone and the document states none/);
    expect(at(null)).toBe('no time');
    expect(at(-5)).toMatch(/is not a time/);
  });

  it('agrees with luxon on any valid date-time, with an offset or in a zone', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const dt = DateTime.fromJSDate(date, { zone }).startOf('second');
          const withOffset = dt.toISO({ suppressMilliseconds: true })!;
          expect(at(withOffset)).toBe(dt.toMillis());
          // A local time: equal to luxon's reading of the same wall-clock time in that zone.
          const local = dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
          expect(at(local.replace('T', ' '), zone)).toBe(DateTime.fromISO(local, { zone }).toMillis());
        },
      ),
      { numRuns: 500 },
    );
  });
});
