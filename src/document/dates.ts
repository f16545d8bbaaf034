/** Calendar dates: found in free text, and as the reader carries them (a year may be unknown). */
import { hasDigit, Memo, NONE } from './text.js';

export interface DateParts {
  year?: number;
  month: number;
  day: number;
}

export interface DateMention {
  index: number;
  length: number;
  date: DateParts;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ORD = '(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?\\s+)?';
// "March 1st, 2023", "Mar 1 2023", "March 1"
const DATE_MDY = `${WEEKDAY}(${MONTH_NAMES})\\.?\\s+(\\d{1,2})${ORD}(?:,?\\s*(\\d{4}))?`;
// "1 Nov 2022", "8th December 2023", "Tue, 1 Nov 2022"
const DATE_DMY = `${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH_NAMES})\\.?,?(?:\\s+(\\d{4}))?`;
const DATE_ISO = `(\\d{4})-(\\d{2})-(\\d{2})`;
// 02-15-2022, 02/15/2022 (US order, as seen in the wild)
const DATE_US = `(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})`;
// 2026/03/05, 2026.03.05 (year first, as written in East Asia and much of Europe)
const DATE_YMD = `(\\d{4})([/.])(\\d{1,2})\\14(\\d{1,2})`;
// 05.03.2026 (day first with dots, as written in much of Europe)
const DATE_DMY_DOTS = `(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})`;

export const DATE_RE = new RegExp(
  `(?<![\\w-])(?:${DATE_ISO}|${DATE_US}|${DATE_MDY}|${DATE_DMY}|${DATE_YMD}|${DATE_DMY_DOTS})(?![\\w]|\\.\\d)`,
  'giu',
);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date on the (proleptic Gregorian) calendar, as luxon has it; without a year, any day a month can have. */
export function validDate(year: number | undefined, month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year === undefined) return day <= 31;
  if (!Number.isInteger(year)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const datesMemo = new Memo<DateMention[]>();

/** All dates written in `text`, in order (every form has a digit: a text without one has none). */
export function findDates(text: string): DateMention[] {
  return hasDigit(text) ? datesMemo.get(text, readDates) : NONE;
}

function readDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const date = dateOf(m);
    if (date) out.push({ index: m.index, length: m[0].length, date });
  }
  return out;
}

/** A match of DATE_RE as a date of the calendar, or undefined. */
function dateOf(m: RegExpExecArray): DateParts | undefined {
  let date: DateParts | undefined;
  if (m[1]) date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // (US order, unless the first number cannot be a month: 14/03/2026 is the 14th of March.)
  else if (m[4]) date = Number(m[4]) > 12 ? { year: Number(m[6]), month: Number(m[5]), day: Number(m[4]) } : { year: Number(m[6]), month: Number(m[4]), day: Number(m[5]) };
  else if (m[7]) date = { month: MONTHS[m[7].toLowerCase()]!, day: Number(m[8]), ...(m[9] ? { year: Number(m[9]) } : {}) };
  else if (m[10]) date = { month: MONTHS[m[11]!.toLowerCase()]!, day: Number(m[10]), ...(m[12] ? { year: Number(m[12]) } : {}) };
  else if (m[13]) date = { year: Number(m[13]), month: Number(m[15]), day: Number(m[16]) };
  else if (m[17]) date = { year: Number(m[19]), month: Number(m[18]), day: Number(m[17]) };
  if (!date || !validDate(date.year, date.month, date.day)) return undefined;
  // "May 10" is a date, "may 10 users" is not: a lowercase "may" needs a year.
  if (m[7] && m[7] === 'may' && !m[9]) return undefined;
  return date;
}

/**
 * The date `text` starts with, or undefined. The leftmost match is the one at 0 when there is one, so this is
 * findDates' first date when it starts there (no second, sticky copy of DATE_RE: compiling one costs ~2 ms at start-up).
 */
export function dateAtStart(text: string): DateMention | undefined {
  const first = findDates(text)[0];
  return first?.index === 0 ? first : undefined;
}


export function withDate(parts: DateParts | undefined, fallback: DateParts | undefined): DateParts | undefined {
  if (!parts) return fallback;
  if (parts.year === undefined && fallback?.year !== undefined) return { ...parts, year: fallback.year };
  return parts;
}

/**
 * The day a summary names, or the day a labelled field states ("Date: 2026-08-11"): the summary's first date, unless
 * it has no year and the field has one (a field is stated for the purpose; "reviewed on Aug 14" in the summary may be
 * any later day).
 */
export function summaryOrField(summary: DateParts | undefined, field: DateParts | undefined): DateParts | undefined {
  if (summary?.year === undefined && field?.year !== undefined) return field;
  return summary ?? field;
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
