/**
 * The clock times a window is stated with (./time.ts finds them), and what people write around them that the clock
 * reader leaves aside: noon and midnight; a range's start given as a bare hour ("from 9 to 11:45 a.m."); the half of
 * the day in words ("3:10 in the afternoon"); a zone after a time as a region ("11:45 a.m. Pacific"), an IANA name
 * or a numeric offset ("09:12:00 +0200"); the end of an ISO 8601 interval ("2026-03-03T14:05Z/2026-03-03T15:10Z");
 * the day of the month as an ordinal ("23:40 on the 4th").
 *
 * Each addition is tested only after a cheap look at the text (a word, the character after a time), so a text
 * without them costs one pass of the clock reader.
 */
import { findTimes, resolveZone, type ClockTime } from './time.js';

/**
 * A time as a window states it: with the day of the month when only that is written ("on the 4th"), or the day of
 * the week ("Friday 17:40", "06:00 on Monday"; 1 = Monday … 7 = Sunday).
 */
export type WindowTime = ClockTime & { day?: number; weekday?: number };

/** Noon and midnight ("from 10:00 AM until noon PST"), with a zone written after them. */
const NOON_RE = /\b(noon|midday|midnight)(?:[ \t]+([A-Z]{2,4}))?\b/gi;
/** A bare hour that starts a range: "from 9 to 11:45 a.m.", "between 2 and 4 p.m.". */
const BARE_HOUR_RE = /\b(?:from|between)\s+(\d{1,2})(?![\d:.])(?=\s*(?:[-\u2013\u2014]|to\b|and\b|until\b|till\b))/gi;
const BARE_JOINT_RE = /^\s*(?:[-\u2013\u2014]|to|and|until|till)\s*$/i;
/** The half of the day after a time: "3:10 in the afternoon", "11 at night". */
const DAY_HALF_RE = /^[\s,]*(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b/i;
/**
 * A zone after a time (and after the half of the day): "(America/Chicago)", "(Eastern time)", a zone's name in words
 * ("East Africa Time"), a US region alone ("Pacific", not "Central European …"), a numeric offset ("+0200").
 */
const ZONE_AFTER_RE = /^\s*(?:\(([^()\n]{1,40})\)|((?:[A-Z][a-z]+[ \t]+){1,4}Time)\b|(Pacific|Eastern|Central|Mountain)\b(?![ \t]+[A-Z])|([+\u2212-](?:0\d|1[0-4])[0-5]\d)(?!\d))/;

/** The day of the month as an ordinal, after or before a time: "23:40 on the 4th", "on the 5th at 01:15". */
const ORDINAL_AFTER_RE = /^[\s,]*on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b/i;
const ORDINAL_BEFORE_RE = /\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th),?\s+(?:at\s+)?$/i;

/** A day of the week beside a time: "Friday 17:40", "on Friday at 17:40", "22:00 on Friday", "11pm Monday". */
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_AFTER_RE = /^[\s,]*(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const WEEKDAY_BEFORE_RE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:at\s+)?$/i;
/** Days of the week in a text, to be left out of what joins two times ("between 22:00 on Friday and 06:00 on Monday"). */
export const WEEKDAY_RE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** The clock times of a text, as a window is stated with them (see the module's comment). */
export function windowTimes(text: string): WindowTime[] {
  const found = findTimes(text);
  let times: WindowTime[] = found;
  const extra: WindowTime[] = [];
  if (/noon|midday|midnight/i.test(text)) noons(text, extra);
  if (found.length > 0 && /\b(?:from|between)\s+\d/i.test(text)) bareHours(text, found, extra);
  if (extra.length > 0) times = [...found, ...extra].sort((a, b) => a.index - b.index);
  const halves = /\b(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b/i.test(text);
  const ordinals = /\bon\s+the\s+\d/i.test(text);
  const weekdays = /day\b/i.test(text) && /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(text);
  const out: WindowTime[] = [];
  let changed = false;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    let u: WindowTime = t;
    if (halves && !t.meridiem && t.hour <= 12) u = dayHalf(text, u);
    if (!u.zone) u = zoneAfter(text, u);
    if (ordinals && !u.date) u = ordinalDay(text, u);
    if (weekdays && !u.date) u = weekdayOf(text, u);
    if (u !== t) changed = true;
    out.push(u);
    const end = t.index + t.length;
    if (t.date && text.charCodeAt(end) === 47 /* / */ && times[i + 1]?.index !== end + 1) {
      // An ISO 8601 interval: its end is read after the slash (the clock reader takes no time right after one).
      const next = findTimes(text.slice(end + 1, end + 41))[0];
      if (next?.index === 0 && next.date) {
        out.push({ ...next, index: end + 1 });
        changed = true;
      }
    }
  }
  return changed ? out : times;
}

function noons(text: string, out: WindowTime[]): void {
  NOON_RE.lastIndex = 0;
  for (let m = NOON_RE.exec(text); m; m = NOON_RE.exec(text)) {
    const zone = resolveZone(m[2]);
    const length = zone ? m[0].length : m[1]!.length;
    const t: WindowTime = { index: m.index, length, raw: m[0].slice(0, length), hour: m[1]!.toLowerCase() === 'midnight' ? 0 : 12, minute: 0, second: 0, meridiem: true };
    if (zone) {
      t.zone = zone;
      t.zoneText = m[2]!;
    }
    out.push(t);
  }
}

/** A bare hour joined as a range to the time right after it: "from 9 to 11:45 a.m." (the end gives its half of the day). */
function bareHours(text: string, times: ClockTime[], out: WindowTime[]): void {
  BARE_HOUR_RE.lastIndex = 0;
  let k = 0; // the matches come in order: the next time after each is found going forward
  for (let m = BARE_HOUR_RE.exec(text); m; m = BARE_HOUR_RE.exec(text)) {
    const hour = Number(m[1]);
    const at = m.index + m[0].length - m[1]!.length;
    const after = at + m[1]!.length;
    while (k < times.length && times[k]!.index < after) k++;
    const next = times[k];
    if (hour > 23 || !next || next.index - after > 12 || !BARE_JOINT_RE.test(text.slice(after, next.index))) continue;
    out.push({ index: at, length: m[1]!.length, raw: m[1]!, hour, minute: 0, second: 0, meridiem: false });
  }
}

/** "3:10 in the afternoon": on the 24-hour clock, with a zone written after the words. */
function dayHalf(text: string, t: WindowTime): WindowTime {
  const end = t.index + t.length;
  const m = DAY_HALF_RE.exec(text.slice(end, end + 30));
  if (!m) return t;
  const half = (m[1] ?? m[2]!).toLowerCase();
  let hour = t.hour;
  if (half === 'morning') hour = hour === 12 ? 0 : hour;
  else if (half === 'night') hour = hour >= 6 && hour < 12 ? hour + 12 : hour === 12 ? 0 : hour;
  else hour = hour < 12 ? hour + 12 : hour;
  const u: WindowTime = { ...t, hour, meridiem: true };
  return t.zone ? u : zoneAfter(text, u, end + m[0].length);
}

/** A zone written after a time that the clock reader leaves aside: "(America/Chicago)", "Pacific", "+0200". */
function zoneAfter(text: string, t: WindowTime, from = t.index + t.length): WindowTime {
  const first = text.charCodeAt(from);
  const c = text.charCodeAt(from + (first === 32 || first === 10 || first === 0xa0 || first === 0x202f ? 1 : 0));
  // "(", a capital (a zone's name), a sign
  if (c !== 40 && !(c >= 65 && c <= 90) && c !== 43 && c !== 45 && c !== 0x2212) return t;
  const m = ZONE_AFTER_RE.exec(text.slice(from, from + 60));
  if (!m) return t;
  const written = m[1] ?? m[2] ?? (m[3] ? `${m[3]} Time` : m[4]!);
  const zone = resolveZone(written);
  return zone ? { ...t, zone, zoneText: (m[1] ?? m[2] ?? m[3] ?? m[4]!).trim() } : t;
}

/** "23:40 on the 4th", "on the 5th at 01:15": the day of the month, its month and year from the document. */
function ordinalDay(text: string, t: WindowTime): WindowTime {
  const end = t.index + t.length;
  const m = ORDINAL_AFTER_RE.exec(text.slice(end, end + 20)) ?? ORDINAL_BEFORE_RE.exec(text.slice(Math.max(0, t.index - 24), t.index));
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? { ...t, day } : t;
}

/** "Friday 17:40", "06:00 on Monday": the day of the week, placed on the calendar from the document's date. */
function weekdayOf(text: string, t: WindowTime): WindowTime {
  const end = t.index + t.length;
  const m = WEEKDAY_AFTER_RE.exec(text.slice(end, end + 16)) ?? WEEKDAY_BEFORE_RE.exec(text.slice(Math.max(0, t.index - 16), t.index));
  if (!m) return t;
  const u: WindowTime = { ...t, weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 1 };
  // "11pm Monday (PT)": the zone after the day.
  return u.zone || !WEEKDAY_AFTER_RE.test(text.slice(end, end + 16)) ? u : zoneAfter(text, u, end + m[0].length);
}
