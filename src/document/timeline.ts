/** The timeline: raw entries resolved to instants (date, zone, 12/24-hour clock, midnight rollover). */
import { DateTime, type Zone } from 'luxon';
import { addDays, type DateParts, datePartsOf, validDate, withDate } from './dates.js';
import type { Root } from './markdown.js';
import type { Incident, Section, TimelineEntry, ZoneSource } from './model.js';
import { plainLine, type Lines } from './text.js';
import { findTimes, formatInstant, resolveZone } from './time.js';
import { collectRawEntries, QUOTE_PREFIX_RE, startsWithTime } from './timeline-entries.js';
import { contextZone, statesZone } from './zones.js';

const LIST_ITEM_RE = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const TIME_WORD_RE = /time/i;

/** An entry that says it is on a later day than the one above it. */
const NEXT_DAY_RE = /\b(?:next|following|second|third)\s+(?:day|morning|night)\b|\bovernight\b|\bafter midnight\b|\btomorrow\b|\(\s*\+\s*\d(?:\s*d(?:ays?)?)?\s*\)|\bday\s+[2-9]\b|\bD\+\d\b/i;

/**
 * Whether a time earlier than the entry above it is the next day rather than a mistake: the step crosses midnight
 * (from the evening to the small hours), the entry says so, or the incident's window runs into a later day and the
 * entry fits it only as the next day.
 */
function rollsOver(prevMinute: number, minute: number, text: string, fitsNextDayOnly: boolean): boolean {
  if (NEXT_DAY_RE.test(text)) return true;
  if (crossesMidnight(prevMinute, minute)) return true;
  return fitsNextDayOnly;
}

/**
 * Whether a time of day earlier than the one before it reads as the next day by itself: from the evening to the
 * small hours, within twelve hours (21:40 → 00:10). The interview applies the same reading to times typed after
 * the incident's start.
 */
export function crossesMidnight(prevMinute: number, minute: number): boolean {
  return prevMinute >= 18 * 60 && minute < 8 * 60 && minute + 1440 - prevMinute <= 12 * 60;
}

/**
 * A timeline with no heading: in a document that names no section before it (a report written without headings),
 * the first block of three or more lines that start with a time, most of its lines. Read as the timeline; no section
 * is made of it (the document has no heading to point at).
 */
export function unheadedTimeline(tree: Root, sections: Section[], lines: Lines): Section | undefined {
  const before = sections.reduce((min, s) => Math.min(min, s.line), Infinity);
  for (const node of tree.children) {
    const { start, end } = node.position!;
    if (start.line >= before) break;
    if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'code' && node.type !== 'blockquote') continue;
    let timed = 0;
    let other = 0;
    for (let n = start.line; n <= end.line; n++) {
      const text = plainLine(lines.line(n).replace(QUOTE_PREFIX_RE, '')).replace(/^(?:[-*+]|\d{1,9}[.)])\s+/, '');
      if (!text) continue;
      const t = findTimes(text)[0];
      if (t && startsWithTime(text, t)) timed++;
      else other++;
    }
    if (timed >= 3 && timed >= other) {
      const span = { line: start.line, column: 1, endLine: start.line, endColumn: 1 };
      return { ...span, ids: ['timeline'], heading: '', style: 'label', depth: 7, contentStart: start.line, contentEnd: end.line, text: '', words: 0 };
    }
  }
  return undefined;
}

export function extractTimeline(
  tree: Root,
  sections: Section[],
  lines: Lines,
  incident: Incident,
  defaultZone: string | undefined,
  /** `defaultZone` is the document's own (its front matter's), not the config's. */
  zoneStated = false,
): TimelineEntry[] {
  // A report written as one list ("- Timeline:" with the entries nested under it) has its timeline in a bullet.
  const section =
    sections.find((s) => s.ids.includes('timeline') && s.depth <= 6) ??
    sections.find((s) => s.ids.includes('timeline') && s.style !== 'inline') ??
    sections.find((s) => s.ids.includes('timeline') && s.contentEnd > s.line && LIST_ITEM_RE.test(lines.line(s.line))) ??
    unheadedTimeline(tree, sections, lines);
  if (!section) return [];
  const raw = collectRawEntries(tree, section, lines);
  // A zone stated for all times anywhere in the document ("All times PDT.") applies to the timeline.
  let docZone: Zone | undefined;
  for (let n = 1; n <= Math.min(lines.count, section.contentEnd); n++) {
    const l = lines.line(n);
    // Every way of stating it has the word "time" (TIME_WORD_RE: a cheap test before the patterns).
    if (l.length < 100 && TIME_WORD_RE.test(l) && statesZone(l)) {
      docZone = contextZone(l)?.zone ?? docZone;
    }
  }
  // The zone of the bare times: the document's own (its front matter's), whose rules give each entry its offset across
  // a clock change, rather than the offset the start happens to be written with ("started: …T01:30:00-05:00" before
  // the change, "04:10" after it is -04:00); the config's zone when the start agrees with it; else the start's zone.
  const declared = resolveZone(defaultZone);
  const start = incident.startInstant;
  const agrees = declared !== undefined && start !== undefined && declared.offset(start.toMillis()) === start.offset;
  const useDeclared = declared !== undefined && (zoneStated || agrees || start === undefined);
  // (A start read as UTC for want of a zone gives the entries none.)
  const startZone = incident.zoneMissing ? undefined : start?.zone;
  const incidentZone = useDeclared ? declared : (startZone ?? (incident.zoneMissing ? undefined : resolveZone(incident.timezone)) ?? declared);
  const incidentZoneSource: ZoneSource | undefined = useDeclared ? (zoneStated ? 'front-matter' : 'config') : (incident.zoneSource ?? (declared ? 'config' : undefined));
  const windowStart = start?.toMillis();
  const windowEnd = incident.endInstant?.toMillis();
  // The start's day where the times are read (04:50Z is 10:20 on the same day in Kolkata, 22:00Z the next in Tokyo).
  const local = start && incidentZone ? start.setZone(incidentZone) : start;
  const incidentDate = local ? { year: local.year, month: local.month, day: local.day } : datePartsOf(incident.start ?? incident.date);
  // A 12-hour timeline: most of its times say AM or PM (one "9:40pm" among 24-hour times is a typo, not a clock).
  const firstTimes = raw.map((e) => findTimes(plainLine(e.text))[0]).filter((t) => t !== undefined);
  const usesMeridiem = firstTimes.filter((t) => t.meridiem).length * 2 > firstTimes.length;
  // A 12-hour clock without AM or PM ("11:50", "12:10", "1:05"): no time past 12, none written "0x:", none dated.
  const bareTwelveHour = !usesMeridiem && firstTimes.length > 0 &&
    firstTimes.every((t) => !t.meridiem && !t.date && t.hour >= 1 && t.hour <= 12 && t.raw.charCodeAt(0) !== 48);

  const out: TimelineEntry[] = [];
  let prevKey: number | undefined;
  let prevHour: number | undefined;
  let prevZone: Zone | undefined;
  /** Each entry's minutes since the epoch on its local day, where its day is known: its order without a zone. */
  const onDay = new Map<TimelineEntry, number>();
  /** When two zones' clocks are compared ("PST" and America/Los_Angeles agree in winter). */
  const clockAt = windowStart ?? Date.UTC(2024, 0, 1);
  let dayOffset = 0;
  let lastDateContext: DateParts | undefined;
  for (const e of raw) {
    const plain = plainLine(e.text);
    const t = findTimes(plain)[0];
    const entry: TimelineEntry = {
      line: e.line,
      column: e.column,
      endLine: e.endLine,
      endColumn: e.endColumn,
      text: plain,
      raw: null,
      time: null,
      zoneKnown: false,
      dateKnown: false,
    };
    if (!t) {
      out.push(entry);
      continue;
    }
    if (e.dateContext !== lastDateContext) {
      dayOffset = 0;
      prevKey = undefined;
      lastDateContext = e.dateContext;
    }
    let hour = t.hour;
    // Hours compare on one clock only: "11:30 PT" after "2:10 PM" Eastern is no evening.
    const zone = t.zone ?? e.zoneContext ?? docZone ?? incidentZone;
    const sameClock = prevZone === undefined || zone === undefined || zone.equals(prevZone) || zone.offset(clockAt) === prevZone.offset(clockAt);
    if (!sameClock) {
      // (read as written)
    } else if (!t.meridiem && usesMeridiem && hour < 12 && prevHour !== undefined && prevHour >= 12 && hour + 12 >= prevHour) {
      hour += 12;
    } else if (bareTwelveHour && hour < 12 && prevHour !== undefined && prevHour >= 10 && hour + 12 >= prevHour && hour + 12 - prevHour <= 6) {
      hour += 12; // past noon on a 12-hour clock: "12:10" then "1:05"
    }
    const minuteOfDay = hour * 60 + t.minute;
    const baseDate = withDate(t.date ?? e.dateContext ?? incidentDate, incidentDate);
    const dayAfter = (d: typeof baseDate, days: number): typeof baseDate => {
      if (!d || d.year === undefined || days === 0) return d;
      if (validDate(d.year, d.month, d.day)) return addDays({ year: d.year, month: d.month, day: d.day }, days);
      const next = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }).plus({ days }); // (invalid: stays so)
      return { year: next.year, month: next.month, day: next.day };
    };
    let rolled = false;
    // After a rollover, a time much later in the day than the entry above it belongs to the day before (an entry
    // out of place, reported by timeline-order), not to the new day: it does not move the day on.
    let entryDays = dayOffset;
    if (!t.date && dayOffset > 0 && prevKey !== undefined && minuteOfDay + dayOffset * 1440 - prevKey > 12 * 60) entryDays = dayOffset - 1;
    if (t.date) {
      dayOffset = 0;
      entryDays = 0;
    } else if (entryDays !== dayOffset) {
      // (kept on the day before)
    } else if (prevKey !== undefined && minuteOfDay + dayOffset * 1440 < prevKey - 6 * 60) {
      // Went backwards by hours: past midnight, or a mistake (reported by timeline-order at this entry).
      const prevMinute = ((prevKey % 1440) + 1440) % 1440;
      let fitsNextDayOnly = false;
      if (windowStart !== undefined && windowEnd !== undefined && baseDate?.year !== undefined) {
        const at = (days: number): number | undefined => formatInstant(dayAfter(baseDate, days), { hour, minute: t.minute, second: t.second }, zone).instant?.toMillis();
        const same = at(dayOffset);
        const next = at(dayOffset + 1);
        const inside = (ms: number | undefined): boolean => ms !== undefined && ms >= windowStart - 2 * 3600_000 && ms <= windowEnd + 3600_000;
        fitsNextDayOnly = !inside(same) && inside(next);
      }
      if (rollsOver(prevMinute, minuteOfDay, plain, fitsNextDayOnly)) {
        dayOffset += 1;
        entryDays = dayOffset;
        rolled = true;
      }
    }
    const key = t.date ? minuteOfDay : minuteOfDay + entryDays * 1440;
    const date = t.date ? baseDate : dayAfter(baseDate, entryDays);
    const formatted = formatInstant(date, { hour, minute: t.minute, second: t.second }, zone);
    entry.raw = t.raw;
    entry.time = formatted.iso;
    entry.zoneKnown = zone !== undefined;
    const zoneSource: ZoneSource | undefined = t.zone ? 'written' : e.zoneContext ? 'timeline' : docZone ? 'document' : incidentZoneSource;
    if (zone && zoneSource) entry.zoneSource = zoneSource;
    if (rolled) entry.rolledOver = true;
    entry.dateKnown = date?.year !== undefined;
    if (formatted.instant) entry.instant = formatted.instant;
    entry.sortKey = key;
    if (date?.year !== undefined) onDay.set(entry, Date.UTC(date.year, date.month - 1, date.day) / 60_000 + minuteOfDay);
    const idx = e.text.indexOf(t.raw);
    if (idx >= 0 && e.line === e.endLine) {
      const col = e.textColumn + idx;
      entry.timeSpan = { line: e.line, column: col, endLine: e.line, endColumn: col + t.raw.length };
    }
    prevKey = key;
    prevHour = hour;
    prevZone = zone;
    out.push(entry);
  }
  // Without a zone there is no instant to order by. When every timed entry's day is known (its own date, a day
  // header, the incident's date), the days order them too: "Aug 12, 06:30" comes after "Aug 11, 22:15".
  if (out.some((e) => e.sortKey !== undefined && !e.instant) && out.every((e) => e.time === null || e.dateKnown)) {
    for (const e of out) {
      const at = onDay.get(e);
      if (at !== undefined) e.sortKey = at;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Action items
