/**
 * A start and an end read from the document (a summary's prose, a labelled field, a section about the recovery)
 * placed on the calendar: the date written by them or for the document, the zone written by them, stated near
 * them or for the document, and the end rolled over midnight when it comes before the start on the clock.
 */
import { DateTime, type Zone } from 'luxon';
import { addDays, type DateParts, findDates, normalizeDate, summaryOrField, validDate, withDate } from './dates.js';
import type { FieldTime } from './incident-labels.js';
import type { Incident, Section, Span } from './model.js';
import { offsetToSpan, type Lines } from './text.js';
import { formatInstant, minutesBetween, resolveZone } from './time.js';
import type { WindowTime } from './incident-times.js';
import { STANDALONE_ZONE_RE, zoneName } from './zones.js';

/** A time where the document states it, with a zone stated near it ("Time (UTC)", "All times UTC"). */
export interface At {
  time: WindowTime;
  span: Span;
  zoneHint?: string;
}

/** Lines of text read together, from line `line`. */
export interface Block {
  text: string;
  line: number;
}

export interface PlaceContext {
  summaryText: string;
  /** The day a labelled field gives ("Date: 2024-05-02"). */
  fieldDate?: DateParts;
  fmDate?: DateParts;
  titleDate?: DateParts;
  fmZone?: Zone;
  fmZoneName?: string;
  defaultZone?: string;
}

export function blockAt(b: Block, time: WindowTime): At {
  const hint = STANDALONE_ZONE_RE.exec(b.text)?.[0];
  return { time, span: offsetToSpan(b.text, b.line, 1, time.index, time.length), ...(hint ? { zoneHint: hint } : {}) };
}

export function fieldAt(f: FieldTime, end = false): At {
  const time = end && f.end ? f.end : f.time;
  const line = end && f.endLine ? f.endLine : f.line;
  return {
    time,
    span: { line, column: time.index + 1, endLine: line, endColumn: time.index + 1 + time.length },
    ...(f.zoneHint ? { zoneHint: f.zoneHint } : {}),
  };
}

/** A date moved to the day of its month a text names ("on the 4th"), when that day is on the calendar. */
function onDay(d: DateParts | undefined, day: number | undefined): DateParts | undefined {
  if (!d || day === undefined || day === d.day) return d;
  const moved = { ...d, day };
  return validDate(d.year, d.month, day) ? moved : d;
}

/** The date itself when it is that day of the week, else the last such day before it (the document is dated later). */
function onWeekday(d: DateParts | undefined, weekday: number | undefined): DateParts | undefined {
  if (!d || weekday === undefined || d.year === undefined || !validDate(d.year, d.month, d.day)) return d;
  const own = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: 'UTC' }).weekday;
  return own === weekday ? d : addDays(d as Required<DateParts>, -((own - weekday + 7) % 7));
}

function nextMonth(d: DateParts): DateParts {
  return d.month === 12 ? { ...d, month: 1, ...(d.year !== undefined ? { year: d.year + 1 } : {}) } : { ...d, month: d.month + 1 };
}

/** A section's content as whole source lines. */
export function sectionBlock(s: Section, lines: Lines): Block | undefined {
  if (s.contentEnd < s.contentStart) return undefined;
  return { text: lines.range(s.contentStart, s.contentEnd).join('\n'), line: s.contentStart };
}

/**
 * Set the incident's window from `start` and `end`. With `strict` (a start and an end read apart), a window whose
 * end is not after its start is refused (false, the incident untouched): an end on the clock before the start
 * counts as the next day only across midnight (evening to small hours).
 */
export function placeWindow(incident: Incident, startAt: At, endAt: At | undefined, ctx: PlaceContext, strict: boolean): boolean {
  const end = endAt?.time;
  // "from 2:00 to 3:30 p.m.": the start is on the end's half of the clock when that keeps it before the end.
  const start = !startAt.time.meridiem && end?.meridiem && startAt.time.hour < 12 && startAt.time.hour + 12 <= end.hour
    ? { ...startAt.time, hour: startAt.time.hour + 12 }
    : startAt.time;
  const summaryDate = findDates(ctx.summaryText)[0]?.date;
  const baseDate = onWeekday(onDay(withDate(start.date ?? summaryOrField(summaryDate, ctx.fieldDate) ?? ctx.fmDate ?? ctx.titleDate, ctx.fmDate ?? ctx.titleDate), start.date ? undefined : start.day), start.date ? undefined : start.weekday);
  const standalone = startAt.zoneHint ?? endAt?.zoneHint ?? STANDALONE_ZONE_RE.exec(ctx.summaryText)?.[0];
  const stated = resolveZone(standalone);
  const config = resolveZone(ctx.defaultZone);
  const zone = start.zone ?? end?.zone ?? stated ?? ctx.fmZone ?? config;
  const startOut = formatInstant(baseDate, start, start.zone ?? zone);
  let endOut: ReturnType<typeof formatInstant> | undefined;
  let minutes: number | null = null;
  if (end) {
    let endDate = withDate(end.date ?? baseDate, baseDate);
    // "until 01:15 on the 5th": that day of the start's month (of the next one, when it comes before the start's day).
    const endDay = end.date ? undefined : end.day;
    if (endDay !== undefined && endDate) endDate = onDay(endDay < endDate.day ? nextMonth(endDate) : endDate, endDay);
    const startMinutes = start.hour * 60 + start.minute;
    let endHour = end.hour;
    if (!end.meridiem && start.meridiem && endHour < 12 && endHour * 60 + end.minute < startMinutes) endHour += 12;
    const earlier = endHour * 60 + end.minute < startMinutes;
    // "from Friday 17:40 until Monday 08:52": the days between the two days of the week.
    const weekdays = !end.date && endDay === undefined && start.weekday !== undefined && end.weekday !== undefined && endDate?.year !== undefined;
    if (weekdays) endDate = addDays(endDate as Required<DateParts>, (end.weekday! - start.weekday! + 7) % 7);
    const dated = !!end.date || endDay !== undefined || weekdays;
    if (strict && !dated && earlier && !(startMinutes >= 18 * 60 && endHour < 8)) return false;
    if (!dated && endDate?.year !== undefined && earlier) {
      const next = DateTime.fromObject({ year: endDate.year, month: endDate.month, day: endDate.day }).plus({ days: 1 });
      endDate = { year: next.year, month: next.month, day: next.day };
    }
    endOut = formatInstant(endDate, { hour: endHour, minute: end.minute, second: end.second }, end.zone ?? zone);
    if (startOut.instant && endOut.instant) minutes = minutesBetween(startOut.instant, endOut.instant);
    else {
      minutes = endHour * 60 + end.minute - startMinutes;
      if (minutes < 0) minutes += 24 * 60;
    }
    if (strict && minutes <= 0) return false;
  }
  incident.zoneSource = start.zone || end?.zone ? 'written' : stated ? 'document' : ctx.fmZone ? 'front-matter' : config ? 'config' : null;
  const zoneLabel = start.zoneText ?? end?.zoneText ?? standalone ?? ctx.fmZoneName ?? ctx.defaultZone ?? null;
  if (baseDate?.year !== undefined) {
    incident.date = normalizeDate(baseDate);
    incident.dateSource = start.date || summaryDate || ctx.fieldDate ? 'summary' : ctx.fmDate ? 'front-matter' : 'title';
  }
  incident.source = 'summary';
  incident.start = startOut.iso;
  if (startOut.instant) incident.startInstant = startOut.instant;
  incident.startSpan = startAt.span;
  if (zone) incident.timezone ??= zoneLabel ? zoneLabel.replace(/^\(|\)$/g, '') : zoneName(zone);
  else incident.zoneMissing = true;
  if (endAt && endOut) {
    incident.end = endOut.iso;
    if (endOut.instant) incident.endInstant = endOut.instant;
    incident.endSpan = endAt.span;
    incident.durationMinutes = minutes;
  }
  return true;
}
