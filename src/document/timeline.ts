/** The timeline: raw entries resolved to instants (date, zone, 12/24-hour clock, midnight rollover). */
import { DateTime, type Zone } from 'luxon';
import { datePartsOf, withDate } from './dates.js';
import type { Root } from './markdown.js';
import type { Incident, Section, TimelineEntry } from './model.js';
import { plainLine, type Lines } from './text.js';
import { findTimes, formatInstant, resolveZone, type DateParts } from './time.js';
import { collectRawEntries } from './timeline-entries.js';
import { ALL_TIMES_RE, contextZone } from './zones.js';

export function extractTimeline(
  tree: Root,
  sections: Section[],
  lines: Lines,
  incident: Incident,
  defaultZone: string | undefined,
): TimelineEntry[] {
  const section =
    sections.find((s) => s.ids.includes('timeline') && s.depth <= 6) ??
    sections.find((s) => s.ids.includes('timeline') && s.style !== 'inline');
  if (!section) return [];
  const raw = collectRawEntries(tree, section, lines);
  // A zone stated for all times anywhere in the document ("All times PDT.") applies to the timeline.
  let docZone: Zone | undefined;
  for (let n = 1; n <= Math.min(lines.count, section.contentEnd); n++) {
    const l = lines.line(n);
    if (l.length < 100 && ALL_TIMES_RE.test(l)) {
      docZone = contextZone(l)?.zone ?? docZone;
    }
  }
  const incidentZone =
    incident.startInstant?.zone ??
    resolveZone(incident.timezone) ??
    resolveZone(defaultZone);
  const incidentDate = incident.startInstant
    ? { year: incident.startInstant.year, month: incident.startInstant.month, day: incident.startInstant.day }
    : datePartsOf(incident.start ?? incident.date);
  const usesMeridiem = raw.some((e) => findTimes(plainLine(e.text))[0]?.meridiem);

  const out: TimelineEntry[] = [];
  let prevKey: number | undefined;
  let prevHour: number | undefined;
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
    if (!t.meridiem && usesMeridiem && hour < 12 && prevHour !== undefined && prevHour >= 12 && hour + 12 >= prevHour) {
      hour += 12;
    }
    const minuteOfDay = hour * 60 + t.minute;
    if (t.date) {
      dayOffset = 0;
    } else if (prevKey !== undefined && minuteOfDay + dayOffset * 1440 < prevKey - 6 * 60) {
      dayOffset += 1; // went backwards by hours: past midnight
    }
    const key = t.date ? minuteOfDay : minuteOfDay + dayOffset * 1440;
    let date = withDate(t.date ?? e.dateContext ?? incidentDate, incidentDate);
    if (!t.date && date?.year !== undefined && dayOffset > 0) {
      const next = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }).plus({ days: dayOffset });
      date = { year: next.year, month: next.month, day: next.day };
    }
    const zone = t.zone ?? e.zoneContext ?? docZone ?? incidentZone;
    const formatted = formatInstant(date, { hour, minute: t.minute, second: t.second }, zone);
    entry.raw = t.raw;
    entry.time = formatted.iso;
    entry.zoneKnown = zone !== undefined;
    entry.dateKnown = date?.year !== undefined;
    if (formatted.instant) entry.instant = formatted.instant;
    entry.sortKey = key;
    const idx = e.text.indexOf(t.raw);
    if (idx >= 0 && e.line === e.endLine) {
      const col = e.textColumn + idx;
      entry.timeSpan = { line: e.line, column: col, endLine: e.line, endColumn: col + t.raw.length };
    }
    prevKey = key;
    prevHour = hour;
    out.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Action items
