/**
 * The incident window from front matter: ours (`started`, `resolved`), the names other templates give it
 * (`start_time`, `startedAt`, `impact-start`, `outage_end`, `recovered_at`, …), one level down (`incident: {start,
 * end}`), with values as ISO date-times or as people write them ("2024-05-02 14:00 UTC", "May 2, 2024 3:30 PM PDT").
 */
import { DateTime, FixedOffsetZone, type Zone } from 'luxon';
import { type DateParts, findDates, normalizeDate } from './dates.js';
import { keyKind, type FieldKind } from './incident-labels.js';
import type { FrontMatter, Incident, Milestone, Span, ZoneSource } from './model.js';
import { findTimes, formatInstant, minutesBetween, parseIsoDateTime } from './time.js';

/** Front matter names for the incident's start and end: ours first, then the usual spellings of other templates. */
const START_KEYS = ['started', 'start', 'started_at', 'start_time', 'incident_start', 'impact_start', 'began'];
const END_KEYS = ['resolved', 'end', 'ended', 'resolved_at', 'end_time', 'ended_at', 'incident_end', 'impact_end'];
/** The milestone a front matter key names, read as its label is (./incident-labels.ts). */
const MILESTONE_OF: Partial<Record<FieldKind, Milestone['key']>> = { start: 'started', detected: 'detected', mitigated: 'mitigated', end: 'resolved' };
const milestones = new Map<string, Milestone['key'] | null>(); // the same keys come back document after document
const milestoneOf = (key: string): Milestone['key'] | undefined => {
  let m = milestones.get(key);
  if (m === undefined) {
    const kind = keyKind(key)?.kind;
    m = (kind && MILESTONE_OF[kind]) ?? null;
    if (milestones.size < 1000) milestones.set(key, m);
  }
  return m ?? undefined;
};
const EXACT: Record<Milestone['key'], string[]> = {
  started: START_KEYS,
  detected: ['detected', 'detected_at'],
  mitigated: ['mitigated', 'mitigated_at'],
  resolved: END_KEYS,
};

/** The ends of a range, one level under a key that names the window. */
const FROM_KEYS = ['from', 'since'];
const TO_KEYS = ['to', 'until', 'till'];

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** The field holding a milestone: its name (dotted one level down), value and span. */
function fieldOf(fm: FrontMatter, key: Milestone['key']): { field: string; value: unknown; span?: Span } | undefined {
  const data = fm.data;
  const exact = EXACT[key].find((n) => present(data[n]));
  if (exact) return { field: exact, value: data[exact], ...(fm.fields[exact] ? { span: fm.fields[exact] } : {}) };
  const keys = Object.keys(data);
  const own = keys.find((k) => present(data[k]) && !isMap(data[k]) && milestoneOf(k) === key);
  if (own) return { field: own, value: data[own], ...(fm.fields[own] ? { span: fm.fields[own] } : {}) };
  for (const parent of keys) {
    const inner = data[parent];
    if (!isMap(inner)) continue;
    // Under a key naming the window ("impact:", "outage:", "window:"), its ends may be "from" and "to".
    const range = key === 'started' ? FROM_KEYS : key === 'resolved' ? TO_KEYS : undefined;
    const k =
      Object.keys(inner).find((n) => present(inner[n]) && milestoneOf(n) === key) ??
      (range && keyKind(parent)?.kind === 'window' ? Object.keys(inner).find((n) => present(inner[n]) && range.includes(n.toLowerCase())) : undefined);
    if (k) return { field: `${parent}.${k}`, value: inner[k], ...(fm.fields[parent] ? { span: fm.fields[parent] } : {}) };
  }
  return undefined;
}

/**
 * Set the window from front matter (true), or leave the incident as it is (false) when no start or end reads as
 * a date-time. The milestones are recorded either way.
 */
export function windowFromFrontMatter(incident: Incident, fm: FrontMatter, fmZone: Zone | undefined, configZone: Zone | undefined, fmDate: DateParts | undefined): boolean {
  // A date-time without an offset is in the document's zone (front matter), else the config's; else it is read
  // as UTC and the zone is missing.
  const readValue = (v: unknown): { instant: DateTime; written: boolean } | undefined => {
    if (v instanceof Date) return { instant: DateTime.fromJSDate(v, { zone: fmZone ?? 'UTC' }), written: true };
    if (typeof v !== 'string' && !isMap(v)) return undefined;
    const text = String(v);
    const withOffset = parseIsoDateTime(text, true);
    if (withOffset) return { instant: withOffset, written: true };
    if (parseIsoDateTime(text, false)) {
      const dt = DateTime.fromISO(text.trim().replace(' ', 'T'), { zone: fmZone ?? configZone ?? 'UTC' });
      return dt.isValid ? { instant: dt, written: false } : undefined;
    }
    // As people write it: a date and a time in the value, with a zone or in the document's.
    const t = typeof v === 'string' && text.length < 100 ? findTimes(text)[0] : undefined;
    const date = t ? (t.date ?? findDates(text)[0]?.date) : undefined;
    if (!t || date?.year === undefined) return undefined;
    const out = formatInstant(date, t, t.zone ?? fmZone ?? configZone ?? FixedOffsetZone.utcInstance);
    return out.instant ? { instant: out.instant, written: !!t.zone } : undefined;
  };
  const read: Partial<Record<Milestone['key'], { instant: DateTime; written: boolean; span?: Span }>> = {};
  for (const key of ['started', 'detected', 'mitigated', 'resolved'] as const) {
    const f = fieldOf(fm, key);
    const r = f ? readValue(f.value) : undefined;
    if (!f || !r) continue;
    read[key] = { ...r, ...(f.span ? { span: f.span } : {}) };
    const m: Milestone = { key, field: f.field, iso: r.instant.toISO({ suppressMilliseconds: true })!, instant: r.instant, offsetWritten: r.written };
    if (f.span) m.span = f.span;
    incident.milestones.push(m);
  }
  const s = read.started;
  const e = read.resolved;
  if (!s && !e) return false;
  const offsetless = (s && !s.written) || (e && !e.written);
  incident.source = 'front-matter';
  const zs: ZoneSource | null = !offsetless ? 'written' : fmZone ? 'front-matter' : configZone ? 'config' : null;
  incident.zoneSource = zs;
  if (offsetless && !fmZone && !configZone) incident.zoneMissing = true;
  if (s) {
    incident.startInstant = s.instant;
    incident.start = s.instant.toISO({ suppressMilliseconds: true });
    if (s.span) incident.startSpan = s.span;
  }
  if (e) {
    incident.endInstant = e.instant;
    incident.end = e.instant.toISO({ suppressMilliseconds: true });
    if (e.span) incident.endSpan = e.span;
  }
  // (Read as UTC for want of a zone, a start names none.)
  if (!incident.timezone && s && !incident.zoneMissing) incident.timezone = s.instant.zoneName ?? null;
  if (s && e) incident.durationMinutes = minutesBetween(s.instant, e.instant);
  incident.date = s ? s.instant.toISODate() : fmDate ? normalizeDate(fmDate) : null;
  incident.dateSource = s ? 'start' : fmDate ? 'front-matter' : null;
  return true;
}
