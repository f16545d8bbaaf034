/** Calendar dates as the reader carries them (a year may be unknown). */
import { validDate, type DateParts } from './time.js';

export function withDate(parts: DateParts | undefined, fallback: DateParts | undefined): DateParts | undefined {
  if (!parts) return fallback;
  if (parts.year === undefined && fallback?.year !== undefined) return { ...parts, year: fallback.year };
  return parts;
}

export function datePartsOf(value: unknown): DateParts | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'string' || (value && typeof value === 'object')) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
    // Only a date of the calendar (2023-02-30 is none).
    if (m && validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  return undefined;
}

export function normalizeDate(d: DateParts): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.year !== undefined ? `${String(d.year).padStart(4, '0')}-${mm}-${dd}` : `--${mm}-${dd}`;
}

/** The date `days` after `d` (before, when negative), on the proleptic Gregorian calendar as luxon has it. */
export function addDays(d: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const at = new Date(0);
  at.setUTCFullYear(d.year, d.month - 1, d.day + days); // years below 100 stay themselves (Date.UTC would add 1900)
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}
