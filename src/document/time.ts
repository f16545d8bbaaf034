/**
 * Recognising the clock times and zones people write in postmortems, in free text (dates: dates.ts).
 *
 * Recognition (which characters are a time) is ours; all calendar and zone arithmetic is luxon's.
 */
import { DateTime, FixedOffsetZone, Settings, type Zone } from 'luxon';
import { ianaZone, isValidZoneName } from './runtime-zone.js';
import { ABBREVIATIONS, NAMED_ZONES, PAIRS } from './zone-names.js';
import { findDates, validDate, type DateParts } from './dates.js';
import { hasDigit, Memo, NONE } from './text.js';


// We format ISO strings and offsets only: a fixed locale spares luxon asking the system for one (~30 ms at start).
Settings.defaultLocale = 'en-US';

export interface ClockTime {
  /** Offset of the match in the searched string. */
  index: number;
  /** Length of the whole match, zone included. */
  length: number;
  /** The text as written, e.g. "9:00 AM EST". */
  raw: string;
  hour: number;
  minute: number;
  second: number;
  /** true when written with am/pm (then `hour` is already on the 24-hour clock). */
  meridiem: boolean;
  /** Zone as written ("EST", "UTC+2", "Z"), if any. */
  zoneText?: string;
  /** Resolved zone, when the zone text is one we know. */
  zone?: Zone;
  /** A date written together with the time ("March 1, 2023 9:00 AM", "2023-03-01T09:00Z"). */
  date?: DateParts;
}

const MINUS = '[-\u2212\u2013]';
/** A blank inside a written time: a space, a tab, or the no-break spaces word processors and time formatters put there. */
const BL = '[ \\t\\u00a0\\u202f]';
// "UTC-5", "UTC +02:00", "GMT + 1": at most 14 hours. A range's end is no offset: a sign with blanks after it takes
// no time of day ("14:00 UTC – 15:30"), nor a date ("14:05 UTC – 06 May", "UTC - 06/05/2026"), and none followed by a
// zone or am/pm ("9:00 UTC-11:00 UTC"). A full stop after an offset ends its sentence ("back at 11:30 GMT+3.").
const OFFSET = `(?:UTC|GMT)(?:${BL}?(?:${MINUS}|\\+)(?:1[0-4]|0?\\d)(?::?[0-5]\\d)?(?![\\d:]|\\.\\d)(?!${BL}*(?:UTC|GMT|[ap]\\.?m)\\b)|${BL}*(?:${MINUS}|\\+)${BL}+\\d{1,2}(?![\\d:/]|\\.\\d)(?!${BL}+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))`;
const ABBR = Object.keys(ABBREVIATIONS)
  .filter((a) => a !== 'Z')
  .sort((a, b) => b.length - a.length)
  .join('|');
/**
 * A zone after a time: "EST", "(UTC)", "GMT +1", "(GMT+03:00)", "UTC−05:00", "PST/PDT", "PT" or "Pacific Time" (a
 * region's clock), "Z".
 */
const ZONE_SOURCE = `(?:\\(${BL}*)?(${OFFSET}|(?:${ABBR})(?:\\/[A-Z]{3,4})?|[PECM]T|(?:Pacific|Eastern|Central|Mountain)(?:${BL}+(?:Standard|Daylight))?${BL}+Time|Z)\\b${BL}*\\)?`;

const zoneCache = new Map<string, Zone | undefined>();

/** Resolve a zone as written to a luxon zone, or undefined when we cannot tell which zone it means. */
export function resolveZone(text: string | undefined | null): Zone | undefined {
  if (!text) return undefined;
  // Checking an IANA name costs an Intl.DateTimeFormat: remember the answers.
  if (zoneCache.has(text)) return zoneCache.get(text);
  const zone = resolveZoneUncached(text);
  if (zoneCache.size < 1000) zoneCache.set(text, zone);
  return zone;
}

function resolveZoneUncached(text: string): Zone | undefined {
  const t = text.trim().replace(/^\(|\)$/g, '').trim();
  if (!t) return undefined;
  if (t === 'Z' || t === 'z') return FixedOffsetZone.utcInstance;
  const offset = /^(?:UTC|GMT)?\s*([-\u2212\u2013+])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (offset) {
    const sign = offset[1] === '+' ? 1 : -1;
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return FixedOffsetZone.instance(sign * minutes);
  }
  const key = t.toUpperCase().replace(/\s+/g, '');
  const pair = PAIRS[key];
  if (pair) return ianaZone(pair);
  // A zone's name in words ("East Africa Time"), as its abbreviation or offset.
  const named = NAMED_ZONES[key];
  if (named) return resolveZoneUncached(named);
  const abbr = t.split('/')[0]!.toUpperCase();
  if (abbr in ABBREVIATIONS) return FixedOffsetZone.instance(ABBREVIATIONS[abbr]!);
  if (t.includes('/') || /^[A-Za-z_]+$/.test(t)) {
    if (isValidZoneName(t)) return ianaZone(t);
  }
  return undefined;
}

/**
 * Whether `name` is an IANA time-zone name people should write ("America/New_York", "UTC"). The database still
 * knows legacy names such as "EST", but an abbreviation is what this check is there to refuse.
 */
const ianaCache = new Map<string, boolean>();

export function isIanaZone(name: string): boolean {
  let ok = ianaCache.get(name);
  if (ok === undefined) {
    ok = (name.includes('/') || name === 'UTC' || name === 'GMT') && isValidZoneName(name);
    if (ianaCache.size < 1000) ianaCache.set(name, ok);
  }
  return ok;
}

const timesMemo = new Memo<ClockTime[]>();

const MERIDIEM = '(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![a-z])';
// ISO 8601 date-time: 2023-03-01T09:00Z, 2023-03-01 09:05, 2023-03-01T09:00:00-05:00
const ISO_DT = `(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+${MINUS.slice(1, -1)}]\\d{2}:?\\d{2})?`;
// 9:00 AM, 09:00, 12: 48pm, 8.35 AM, 11:26-am, 14:05:30, [14:05], 14:05 hrs
const CLOCK = `(\\d{1,2})(?:\\s?:\\s?|\\.(?=\\d{2}\\s*(?:-\\s*)?[ap]\\.?\\s?m))(\\d{2})(?::(\\d{2}))?(?!\\d)(?:${BL}*(?:-${BL}*)?${MERIDIEM}|${BL}*(?:hrs|hours|Uhr)\\b)?`;
// 12pm, 9 a.m.
const HOUR_ONLY = `(\\d{1,2})\\s?${MERIDIEM}`;
// 0300hrs, 1430 hrs
const MILITARY = `([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs|hours|h)\\b`;

export const TIME_RE = new RegExp(
  `(?<![\\d:.,/\\w])(?:${ISO_DT}|${CLOCK}|${HOUR_ONLY}|${MILITARY})(?:${BL}*(?:,${BL}*)?${ZONE_SOURCE})?`,
  'giu',
);

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith('p');
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/** All clock times written in `text`, in order, each with the zone and date written beside it. */
export function findTimes(text: string): ClockTime[] {
  return hasDigit(text) ? timesMemo.get(text, readTimes) : NONE;
}

function readTimes(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(text); m; m = TIME_RE.exec(text)) {
    let hour: number;
    let minute = 0;
    let second = 0;
    let meridiem = false;
    let zoneText: string | undefined;
    let date: DateParts | undefined;
    if (m[1]) {
      date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      hour = Number(m[4]);
      minute = Number(m[5]);
      second = Number(m[6] ?? 0);
      zoneText = m[7];
    } else if (m[8]) {
      hour = Number(m[8]);
      minute = Number(m[9]);
      second = Number(m[10] ?? 0);
      if (m[11]) {
        if (hour < 1 || hour > 12) continue;
        hour = to24(hour, m[11]);
        meridiem = true;
      }
    } else if (m[12]) {
      hour = Number(m[12]);
      if (hour < 1 || hour > 12) continue;
      hour = to24(hour, m[13]);
      meridiem = true;
    } else {
      hour = Number(m[14]);
      minute = Number(m[15]);
    }
    if (hour > 23 || minute > 59 || second > 59) continue;
    zoneText ??= m[16];
    const zone = resolveZone(zoneText);
    const time: ClockTime = {
      index: m.index,
      length: m[0].length,
      raw: m[0].trim(),
      hour,
      minute,
      second,
      meridiem,
    };
    if (zoneText) time.zoneText = zoneText.trim();
    if (zone) time.zone = zone;
    if (date) time.date = date;
    out.push(time);
  }
  attachDates(text, out);
  return out;
}

/** Give each time the date written right before or after it ("March 1, 2023, 9:00 AM", "10:00 AM UTC, February 14"). */
function attachDates(text: string, times: ClockTime[]): void {
  if (times.length === 0) return;
  const dates = findDates(text);
  if (dates.length === 0) return;
  for (const t of times) {
    if (t.date) continue;
    for (const d of dates) {
      const before = text.slice(d.index + d.length, t.index);
      const after = text.slice(t.index + t.length, d.index);
      // (Also across a dash or a table's cell border: "Aug 1 — 23:40", "2026-02-09 | 08:22".)
      if (d.index + d.length <= t.index && /^[\s,]*(?:(?:at|from|@|[-\u2013\u2014|])[\s,]*)?$/i.test(before)) t.date = d.date;
      else if (d.index >= t.index + t.length && /^[\s,]*(?:on[\s,]*)?$/i.test(after)) t.date = d.date;
    }
  }
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A time as people read it: "09:00" or, with seconds, "09:00:30". */
export function clockString(hour: number, minute: number, second = 0): string {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return second ? `${hh}:${mm}:${String(second).padStart(2, '0')}` : `${hh}:${mm}`;
}

/** The most complete form we can give: ISO with offset, local date-time, or time of day. */
export function formatInstant(
  date: DateParts | undefined,
  clock: { hour: number; minute: number; second: number },
  zone: Zone | undefined,
): { iso: string; instant?: DateTime } {
  if (date?.year !== undefined) {
    if (zone?.isUniversal && date.year >= 100 && validDate(date.year, date.month, date.day)) {
      // A fixed offset (UTC among them): the instant and its ISO text from the numbers, as fromObject and toISO give them.
      const offset = zone.offset(0);
      const ms = Date.UTC(date.year, date.month - 1, date.day, clock.hour, clock.minute, clock.second) - offset * 60_000;
      const dt = DateTime.fromMillis(ms, { zone });
      const y = String(date.year).padStart(4, '0');
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const zoneText = offset === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      return { iso: `${y}-${two(date.month)}-${two(date.day)}T${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}${zoneText}`, instant: dt };
    }
    if (zone) {
      const dt = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute, second: clock.second },
        { zone },
      );
      if (dt.isValid) {
        return { iso: dt.toISO({ suppressMilliseconds: true, includeOffset: true })!, instant: dt };
      }
    }
    const y = String(date.year).padStart(4, '0');
    const mo = String(date.month).padStart(2, '0');
    const d = String(date.day).padStart(2, '0');
    return { iso: `${y}-${mo}-${d}T${clockString(clock.hour, clock.minute, clock.second)}` };
  }
  return { iso: clockString(clock.hour, clock.minute, clock.second) };
}

/** Parse an ISO 8601 date-time; `requireOffset` insists on an explicit offset or Z. */
/** Whole minutes from `start` to `end` (exact: the difference of the instants, not of calendar fields). */
export function minutesBetween(start: DateTime, end: DateTime): number {
  return Math.round((end.toMillis() - start.toMillis()) / 60_000);
}

const isoMemo = new Memo<DateTime | null>();

export function parseIsoDateTime(value: string, requireOffset: boolean): DateTime | undefined {
  // The same front matter values are read by several passes and rules: the last ones are kept (DateTime is immutable).
  return isoMemo.get(`${requireOffset ? '1' : '0'}${value}`, () => readIsoDateTime(value, requireOffset) ?? null) ?? undefined;
}

/** The usual front matter date-time: whole seconds at most, and an offset or Z. */
const USUAL_ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function readIsoDateTime(value: string, requireOffset: boolean): DateTime | undefined {
  const text = value.trim();
  // The usual form, from its numbers (luxon's ISO parser takes ~50 µs); the same DateTime as fromISO with setZone.
  const m = USUAL_ISO_RE.exec(text);
  if (m) {
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
    const offset = m[7] ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
    if (year >= 100 && validDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && Number(m[10] ?? 0) <= 59) {
      const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
      return DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) });
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text);
  if (requireOffset && !hasOffset) return undefined;
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
  return dt.isValid ? dt : undefined;
}
