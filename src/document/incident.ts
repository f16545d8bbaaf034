/**
 * The incident window: from front matter (started / resolved) or read from the summary's prose ("from 9:00 to
 * 11:30 AM EST"), with the durations the text states for it.
 */
import { DateTime } from 'luxon';
import { stringField } from './frontmatter.js';
import { datePartsOf, normalizeDate, withDate } from './dates.js';
import type { FrontMatter, Incident, Milestone, Section, StatedDurationMention, TimelineEntry, ZoneSource } from './model.js';
import { offsetToSpan, type Lines } from './text.js';
import type { TitleInfo } from './title.js';
import { findDurations } from './durations.js';
import { findDates, findTimes, formatInstant, minutesBetween, parseIsoDateTime, resolveZone, type ClockTime } from './time.js';
import { STANDALONE_ZONE_RE, zoneName } from './zones.js';

const RANGE_BETWEEN_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through|thru|and)[\s,*_()]*$/i;
const END_WORDS_RE = /(?:resolv|restor|end(?:ed)?\b|end time|recover|fixed|(?:was|were|is|came|come) back\b|back online|back up|mitigat|until|lasted|stabili|returned|complet|finish|resum|closed|back to (?:normal|baseline)|operational|cleared|healthy|subsid|concluded|normali[sz]|all[- ]clear|up and running)[^.]{0,40}$/i;
/** After an end time, before the sentence ends: "9:40 UTC traffic had returned to normal". */
const END_AFTER_RE = /^[^.;]{0,40}?\b(?:(?:was|were|had|has|have been|is)\s+)?(?:resolved|restored|recovered|resumed|returned to normal|back to (?:normal|baseline)|back online|(?:fully )?operational|mitigated|cleared|closed|healthy|subsided|normali[sz]ed|stabili[sz]ed|up and running)\b/i;
/** A timeline entry that says the incident is over. */
const RESOLVED_ENTRY_RE = /\b(?:resolved|restored|recovered|fully (?:operational|functional)|back to (?:normal|baseline)|returned to normal|back online|all[- ]clear|incident (?:closed|over|ended)|normali[sz]ed|stabili[sz]ed|subsided|subsides|up and running)\b/i;
const START_LABEL_RE = /\bstart(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
const END_LABEL_RE = /\bend(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
const STATED_BEFORE_RE = /(?:duration|lasted|lasting|for|outage of|downtime of|approximately|approx\.?|about|around|roughly|nearly|over|total(?:ling)?|(?<![\s:*_~])[\s:*_]*~)[\s:*_~]*$/i;
const STATED_AFTER_RE = /^[\s*_)]*(?:long\s+)?(?:outage|downtime|incident|disruption|interruption|of (?:downtime|outage|disruption)|service (?:outage|disruption))/i;

/** Front matter names for the incident's start and end: ours first, then the usual spellings of other templates. */
const START_KEYS = ['started', 'start', 'started_at', 'start_time', 'incident_start', 'impact_start', 'began'];
const END_KEYS = ['resolved', 'end', 'ended', 'resolved_at', 'end_time', 'ended_at', 'incident_end', 'impact_end'];

function firstOf(data: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (data[k] !== undefined) return data[k];
  return undefined;
}

/**
 * The end of an incident whose summary gives only its start: the last timeline entry after the start that says it is
 * over ("14:05 Service restored"), when the timeline has instants to compare.
 */
export function endFromTimeline(incident: Incident, timeline: TimelineEntry[]): void {
  if (incident.source !== 'summary' || !incident.startInstant || incident.endInstant || incident.end) return;
  const start = incident.startInstant.toMillis();
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (!e.instant || e.instant.toMillis() <= start || !RESOLVED_ENTRY_RE.test(e.text)) continue;
    incident.endInstant = e.instant;
    incident.end = e.time;
    if (e.timeSpan) incident.endSpan = e.timeSpan;
    incident.durationMinutes = minutesBetween(incident.startInstant, e.instant);
    return;
  }
}

/** Durations the text states for the incident itself ("a 30-minute outage", "lasted 2 hours", "Duration: 45 minutes"). */
export function statedDurations(text: string, firstLine = 1): StatedDurationMention[] {
  const out: StatedDurationMention[] = [];
  for (const d of findDurations(text)) {
    const before = text.slice(Math.max(0, d.index - 30), d.index);
    const after = text.slice(d.index + d.length, d.index + d.length + 40);
    if (STATED_BEFORE_RE.test(before) || STATED_AFTER_RE.test(after) || (/^\s*\(/.test(after) && /\)\s*$/.test(before))) {
      out.push({ ...offsetToSpan(text, firstLine, 1, d.index, d.length), minutes: d.minutes, raw: d.raw.trim() });
    }
  }
  return out;
}

function summaryTextOf(
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  titleLine: number | null,
): { text: string; line: number } | undefined {
  const summary =
    sections.find((s) => s.ids.includes('summary') && s.depth <= 6) ??
    sections.find((s) => s.ids.includes('summary'));
  if (summary) {
    // Whole source lines, so that every offset maps back to its line and column.
    const ownEnd = summary.contentStart + Math.max(1, summary.text.split('\n').length) - 1;
    // A heading that carries the content ("Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM, UTC)"), or an
    // inline "Summary: …" label, is read with its line.
    const label = summary.heading.indexOf(':');
    const headingHasTimes = label >= 0 && findTimes(summary.heading.slice(label + 1)).length > 0;
    const from = summary.style === 'inline' || headingHasTimes ? summary.line : summary.contentStart;
    return { text: lines.range(from, Math.max(from, ownEnd)).join('\n'), line: from };
  }
  // No summary heading: the opening text before the first section is the summary; with none, the first section
  // (whatever its heading says) when it is none of the others: documents open with their overview.
  const firstSection = sections[0]?.line ?? lines.count + 1;
  const from = titleLine !== null ? titleLine + 1 : bodyStart;
  const opening = firstSection > from ? { text: lines.range(from, firstSection - 1).join('\n'), line: from } : undefined;
  if (opening && findTimes(opening.text).length > 0) return opening;
  const first = sections[0];
  if (first && first.style !== 'inline' && first.ids.length === 0) {
    const next = sections.find((s) => s.line > first.line && s.style !== 'inline' && s.depth <= first.depth);
    const to = next ? next.line - 1 : lines.count;
    if (to > first.contentStart) {
      const text = lines.range(first.contentStart, to).join('\n');
      if (findTimes(text).length > 0) return { text, line: first.contentStart };
    }
  }
  return opening;
}

export function inferIncident(
  fm: FrontMatter,
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  title: TitleInfo,
  defaultZone: string | undefined,
): Incident {
  const incident: Incident = {
    date: null,
    start: null,
    end: null,
    durationMinutes: null,
    timezone: null,
    source: null,
    statedDurations: [],
    zoneMissing: false,
    zoneSource: null,
    dateSource: null,
    milestones: [],
  };
  const fmZoneName = stringField(fm.data, ['timezone', 'time_zone', 'tz']);
  const fmZone = resolveZone(fmZoneName);
  if (fmZoneName && fmZone) incident.timezone = fmZoneName;

  const fmDate = datePartsOf(fm.data.date);
  const fmStart = firstOf(fm.data, START_KEYS);
  const fmEnd = firstOf(fm.data, END_KEYS);
  const summary = summaryTextOf(sections, lines, bodyStart, title.titleLine);

  if (summary) incident.statedDurations = statedDurations(summary.text, summary.line);

  const configZone = fmZone ? undefined : resolveZone(defaultZone);
  // A date-time without an offset is in the document's zone (front matter), else the config's; else it is read
  // as UTC and the zone is missing.
  const readValue = (v: unknown): { instant: DateTime; written: boolean } | undefined => {
    if (v instanceof Date) return { instant: DateTime.fromJSDate(v, { zone: fmZone ?? 'UTC' }), written: true };
    if (typeof v !== 'string' && !(v && typeof v === 'object')) return undefined;
    const text = String(v);
    const withOffset = parseIsoDateTime(text, true);
    if (withOffset) return { instant: withOffset, written: true };
    if (!parseIsoDateTime(text, false)) return undefined;
    const dt = DateTime.fromISO(text.trim().replace(' ', 'T'), { zone: fmZone ?? configZone ?? 'UTC' });
    return dt.isValid ? { instant: dt, written: false } : undefined;
  };
  let offsetless = false;
  const fromValue = (v: unknown): DateTime | undefined => {
    const r = readValue(v);
    if (r && !r.written) offsetless = true;
    return r?.instant;
  };
  const MILESTONES: Array<[Milestone['key'], string[]]> = [
    ['started', START_KEYS],
    ['detected', ['detected', 'detected_at']],
    ['mitigated', ['mitigated', 'mitigated_at']],
    ['resolved', END_KEYS],
  ];
  for (const [key, names] of MILESTONES) {
    const field = names.find((n) => fm.data[n] !== undefined && fm.data[n] !== null && fm.data[n] !== '');
    if (!field) continue;
    const r = readValue(fm.data[field]);
    if (!r) continue;
    const m: Milestone = { key, field, iso: r.instant.toISO({ suppressMilliseconds: true })!, instant: r.instant, offsetWritten: r.written };
    if (fm.fields[field]) m.span = fm.fields[field];
    incident.milestones.push(m);
  }
  if (fmStart !== undefined || fmEnd !== undefined) {
    const s = fromValue(fmStart);
    const e = fromValue(fmEnd);
    if (s || e) {
      incident.source = 'front-matter';
      const zs: ZoneSource | null = !offsetless ? 'written' : fmZone ? 'front-matter' : configZone ? 'config' : null;
      incident.zoneSource = zs;
      if (offsetless && !fmZone && !configZone) incident.zoneMissing = true;
      if (s) {
        incident.startInstant = s;
        incident.start = s.toISO({ suppressMilliseconds: true });
        const f = START_KEYS.map((k) => fm.fields[k]).find((at) => at !== undefined);
        if (f) incident.startSpan = f;
      }
      if (e) {
        incident.endInstant = e;
        incident.end = e.toISO({ suppressMilliseconds: true });
        const f = END_KEYS.map((k) => fm.fields[k]).find((at) => at !== undefined);
        if (f) incident.endSpan = f;
      }
      if (!incident.timezone && s) incident.timezone = s.zoneName ?? null;
      if (s && e) incident.durationMinutes = minutesBetween(s, e);
      incident.date = s ? s.toISODate() : fmDate ? normalizeDate(fmDate) : null;
      incident.dateSource = s ? 'start' : fmDate ? 'front-matter' : null;
      return incident;
    }
  }
  if (!summary) {
    const d = withDate(fmDate ?? title.date, undefined);
    if (d?.year !== undefined) {
      incident.date = normalizeDate(d);
      incident.dateSource = fmDate ? 'front-matter' : 'title';
    }
    return incident;
  }

  // Infer from the summary's prose.
  const times = findTimes(summary.text);
  const summaryDate = findDates(summary.text)[0]?.date;
  if (times.length === 0) {
    const d = withDate(summaryDate ?? fmDate ?? title.date, fmDate ?? title.date);
    if (d?.year !== undefined) {
      incident.date = normalizeDate(d);
      incident.dateSource = summaryDate ? 'summary' : fmDate ? 'front-matter' : 'title';
    }
    return incident;
  }
  let startIdx = 0;
  const labelled = times.findIndex((t) => START_LABEL_RE.test(summary.text.slice(Math.max(0, t.index - 40), t.index)));
  if (labelled >= 0) startIdx = labelled;
  const start = times[startIdx]!;
  let end: ClockTime | undefined;
  for (let j = startIdx + 1; j < times.length; j++) {
    const t = times[j]!;
    const prev = times[j - 1]!;
    let between = summary.text.slice(prev.index + prev.length, t.index);
    for (const d of findDates(between).reverse()) between = between.slice(0, d.index) + between.slice(d.index + d.length);
    between = between.replace(/\b(?:on|from|at)\b/gi, ' ');
    const lead = summary.text.slice(Math.max(0, t.index - 60), t.index);
    if (j === startIdx + 1 && RANGE_BETWEEN_RE.test(between)) {
      end = t;
      break;
    }
    // What follows the time up to the sentence's end or the next time: "by 9:40 traffic had returned to normal".
    const next = times[j + 1];
    const trail = summary.text.slice(t.index + t.length, Math.min(next ? next.index : Infinity, t.index + t.length + 60));
    if (END_LABEL_RE.test(lead.slice(-30)) || END_WORDS_RE.test(lead) || END_AFTER_RE.test(trail)) {
      end = t;
      break;
    }
  }
  // The incident's date: written by a time, in the summary, in front matter or in the title.
  const baseDate = withDate(start.date ?? summaryDate ?? fmDate ?? title.date, fmDate ?? title.date);
  // The zone: written by a time, stated in the summary, or for the document.
  const standalone = STANDALONE_ZONE_RE.exec(summary.text);
  const zone = start.zone ?? end?.zone ?? resolveZone(standalone?.[0]) ?? fmZone ?? resolveZone(defaultZone);
  incident.zoneSource =
    start.zone || end?.zone ? 'written' : resolveZone(standalone?.[0]) ? 'document' : fmZone ? 'front-matter' : resolveZone(defaultZone) ? 'config' : null;
  const zoneLabel = start.zoneText ?? end?.zoneText ?? standalone?.[0] ?? fmZoneName ?? defaultZone ?? null;
  const startOut = formatInstant(baseDate, start, start.zone ?? zone);
  if (baseDate?.year !== undefined) {
    incident.date = normalizeDate(baseDate);
    incident.dateSource = start.date || summaryDate ? 'summary' : fmDate ? 'front-matter' : 'title';
  }
  incident.source = 'summary';
  incident.start = startOut.iso;
  if (startOut.instant) incident.startInstant = startOut.instant;
  incident.startSpan = offsetToSpan(summary.text, summary.line, 1, start.index, start.length);
  if (zone) incident.timezone ??= zoneLabel ? zoneLabel.replace(/^\(|\)$/g, '') : zoneName(zone);
  else incident.zoneMissing = true;
  if (end) {
    let endDate = withDate(end.date ?? baseDate, baseDate);
    const startMinutes = start.hour * 60 + start.minute;
    let endHour = end.hour;
    if (!end.meridiem && start.meridiem && endHour < 12 && endHour * 60 + end.minute < startMinutes) endHour += 12;
    if (!end.date && endDate?.year !== undefined && endHour * 60 + end.minute < startMinutes) {
      const next = DateTime.fromObject({ year: endDate.year, month: endDate.month, day: endDate.day }).plus({ days: 1 });
      endDate = { year: next.year, month: next.month, day: next.day };
    }
    const endOut = formatInstant(endDate, { hour: endHour, minute: end.minute, second: end.second }, end.zone ?? zone);
    incident.end = endOut.iso;
    if (endOut.instant) incident.endInstant = endOut.instant;
    incident.endSpan = offsetToSpan(summary.text, summary.line, 1, end.index, end.length);
    if (startOut.instant && endOut.instant) {
      incident.durationMinutes = minutesBetween(startOut.instant, endOut.instant);
    } else {
      let minutes = endHour * 60 + end.minute - startMinutes;
      if (minutes < 0) minutes += 24 * 60;
      incident.durationMinutes = minutes;
    }
  }
  return incident;
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline
