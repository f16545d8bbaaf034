/** Times typed without a date, read the way the document reader reads them (the midnight policy is one function). */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDateTime, type AnswerContext } from './answers.js';

const ctx: AnswerContext = {
  zone: 'America/New_York',
  date: '2026-11-28',
  start: { key: 'started', iso: '2026-11-28T21:10:00-05:00' },
  now: DateTime.fromISO('2026-11-30T12:00:00Z'),
};

describe('a time typed without a date', () => {
  it('after an evening start, in the small hours, is the next day', () => {
    expect(parseDateTime('00:10', ctx, 'resolved')).toEqual({ ok: true, value: '2026-11-29T00:10:00-05:00' });
    expect(parseDateTime('12:10am', ctx)).toEqual({ ok: true, value: '2026-11-29T00:10:00-05:00' });
  });

  it('later the same evening, or written with its date, stays as written', () => {
    expect(parseDateTime('23:50', ctx, 'mitigated')).toEqual({ ok: true, value: '2026-11-28T23:50:00-05:00' });
    expect(parseDateTime('2026-11-28 00:10', ctx, 'resolved')).toEqual({ ok: true, value: '2026-11-28T00:10:00-05:00' });
  });

  it('not for the start itself, nor after a start in the afternoon', () => {
    expect(parseDateTime('00:10', ctx, 'started')).toEqual({ ok: true, value: '2026-11-28T00:10:00-05:00' });
    const afternoon = { ...ctx, start: { key: 'started', iso: '2026-11-28T14:00:00-05:00' } };
    expect(parseDateTime('01:00', afternoon, 'resolved')).toEqual({ ok: true, value: '2026-11-28T01:00:00-05:00' });
  });
});
