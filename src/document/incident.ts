/**
 * The incident window: from front matter (./incident-frontmatter.ts), from labelled fields anywhere in the body
 * ("Start time: …", a table of milestones: ./incident-fields.ts, ./incident-labels.ts), or read from the summary's
 * prose (./incident-prose.ts) or the opening lines above it; when the summary gives only the start, the end from a
 * section about the recovery or the impact, or from the timeline; placed on the calendar by ./incident-place.ts.
 * With the durations the text states for it.
 */
import { DateTime } from 'luxon';
import { stringField } from './frontmatter.js';
import { datePartsOf, findDates, normalizeDate, summaryOrField, withDate } from './dates.js';
import { windowFromFrontMatter } from './incident-frontmatter.js';
import { blankCode, frontMatterFields, headingFields, layoutOf, readFields } from './incident-fields.js';
import type { FieldKind, FieldTime } from './incident-labels.js';
import { blockAt, fieldAt, placeWindow, sectionBlock, type At, type Block, type PlaceContext } from './incident-place.js';
import { proseEnd, readProse, STARTED_ENTRY_RE } from './incident-prose.js';
import type { Root } from './markdown.js';
import type { FrontMatter, Incident, Section, StatedDurationMention, TimelineEntry } from './model.js';
import { offsetToSpan, type Lines } from './text.js';
import type { TitleInfo } from './title.js';
import { findDurations } from './durations.js';
import { findTimes, minutesBetween, resolveZone } from './time.js';

/** A timeline entry that says the incident is over. */
const RESOLVED_ENTRY_RE = /\b(?:resolved|restored|recovered|fully (?:operational|functional)|back to (?:normal|baseline)|returned to normal|back online|all[- ]clear|(?:incident|impact|outage|issue) (?:closed|over|end|ended|ends|mitigated)|end of (?:the )?(?:incident|impact|outage)|normali[sz]ed|stabili[sz]ed|subsided|subsides|up and running|(?:recovery|resolution) (?:confirmed|complete|completed))\b/i;
/** A timeline entry that says the impact was mitigated: the end when no entry says it is over. */
const MITIGATED_ENTRY_RE = /\bmitigat(?:ed|ion (?:confirmed|complete|completed))\b/i;
const STATED_BEFORE_RE = /(?:duration|lasted|lasting|for|outage of|downtime of|approximately|approx\.?|about|around|roughly|nearly|over|total(?:ling)?|(?<![\s:*_~])[\s:*_]*~)[\s:*_~]*$/i;
const STATED_AFTER_RE = /^[\s*_)]*(?:long\s+)?(?:outage|downtime|incident|disruption|interruption|of (?:downtime|outage|disruption)|service (?:outage|disruption))/i;

/**
 * The window from the timeline, when the rest of the document states less: the start from the entry that says the
 * incident began ("14:00 Impact starts"), when nothing else gives one; the end from the last entry after the start
 * that says it is over ("14:05 Service restored"). Only where the timeline has instants to compare.
 */
export function endFromTimeline(incident: Incident, timeline: TimelineEntry[]): void {
  if (incident.source === null && !incident.start) {
    const si = timeline.findIndex((x) => x.time && STARTED_ENTRY_RE.test(x.text));
    const e = timeline[si];
    if (!e?.time) return;
    if (!e.instant) {
      localWindow(incident, e, timeline.slice(si + 1));
      return;
    }
    incident.source = 'summary';
    incident.startInstant = e.instant;
    incident.start = e.time;
    if (e.timeSpan) incident.startSpan = e.timeSpan;
    incident.zoneMissing = !e.zoneKnown;
    if (e.zoneKnown) incident.timezone ??= e.instant.zoneName;
  }
  if (incident.source !== 'summary' || !incident.startInstant || incident.endInstant || incident.end) return;
  const start = incident.startInstant.toMillis();
  for (const said of [RESOLVED_ENTRY_RE, MITIGATED_ENTRY_RE]) {
    for (let i = timeline.length - 1; i >= 0; i--) {
      const e = timeline[i]!;
      if (!e.instant || e.instant.toMillis() <= start || !said.test(e.text)) continue;
      incident.endInstant = e.instant;
      incident.end = e.time;
      if (e.timeSpan) incident.endSpan = e.timeSpan;
      incident.durationMinutes = minutesBetween(incident.startInstant, e.instant);
      return;
    }
  }
}

/**
 * The window from timeline entries whose times have no zone (an instant cannot be told): the entry that says the
 * incident began and the last one after it that says it is over, as local times, the zone missing.
 */
function localWindow(incident: Incident, start: TimelineEntry, after: TimelineEntry[]): void {
  incident.source = 'summary';
  incident.start = start.time;
  incident.zoneMissing = true;
  if (start.timeSpan) incident.startSpan = start.timeSpan;
  const local = (t: string): DateTime => DateTime.fromISO(t, { zone: 'UTC' });
  const from = local(start.time!);
  for (const said of [RESOLVED_ENTRY_RE, MITIGATED_ENTRY_RE]) {
    for (let i = after.length - 1; i >= 0; i--) {
      const e = after[i]!;
      if (!e.time || !said.test(e.text)) continue;
      const to = local(e.time);
      if (!from.isValid || !to.isValid || to <= from) continue;
      incident.end = e.time;
      if (e.timeSpan) incident.endSpan = e.timeSpan;
      incident.durationMinutes = minutesBetween(from, to);
      return;
    }
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

/** The text between the title and the first section. */
function openingOf(sections: Section[], lines: Lines, bodyStart: number, titleLine: number | null): Block | undefined {
  const firstSection = sections[0]?.line ?? lines.count + 1;
  const from = titleLine !== null ? titleLine + 1 : bodyStart;
  return firstSection > from ? { text: lines.range(from, firstSection - 1).join('\n'), line: from } : undefined;
}

function summaryTextOf(
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  titleLine: number | null,
): { text: string; line: number } | undefined {
  // (A title that names the summary, "# Incident summary — …", heads nothing of its own: the next one is read.)
  const named = sections.filter((s) => s.ids.includes('summary'));
  const summary = named.find((s) => s.depth <= 6 && s.text.trim() !== '') ?? named.find((s) => s.depth <= 6) ?? named[0];
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
  const opening = openingOf(sections, lines, bodyStart, titleLine);
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

/** The start and end labelled fields give: detection stands for the start, mitigation for the end, only beside a
 * stated other end. */
function fieldWindow(fields: FieldTime[]): { start?: At; end?: At } {
  const first = (kind: FieldKind): At | undefined => {
    const f = fields.find((x) => x.kind === kind);
    return f ? fieldAt(f) : undefined;
  };
  const range = fields.find((f) => f.kind === 'window' && f.end);
  let start = first('start') ?? (range ? fieldAt(range) : undefined);
  let end = first('end') ?? (range ? fieldAt(range, true) : undefined);
  if (!start && end) start = first('detected');
  if (start && !end) end = first('mitigated');
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

export function inferIncident(
  fm: FrontMatter,
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  title: TitleInfo,
  defaultZone: string | undefined,
  tree: Root,
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
  const summary = summaryTextOf(sections, lines, bodyStart, title.titleLine);
  if (summary) incident.statedDurations = statedDurations(summary.text, summary.line);
  const configZone = fmZone ? undefined : resolveZone(defaultZone);
  if (windowFromFrontMatter(incident, fm, fmZone, configZone, fmDate)) return incident;

  // Labelled fields first ("Start time: …", a table of milestones), then prose: the summary's own fields, its prose,
  // then the fields of the whole document (front matter values as people write them, sections headed by a label,
  // the body's lines and tables). The whole document is read only when the summary states no window.
  const ctx: PlaceContext = { summaryText: summary?.text ?? '', fmDate, titleDate: title.date, fmZone, fmZoneName, defaultZone };
  const layout = layoutOf(tree);
  const summaryEnd = summary ? summary.line + summary.text.split('\n').length - 1 : 0;
  let fields = summary ? readFields(lines, summary.line, summaryEnd, layout) : [];
  let w = fieldWindow(fields);
  if (w.start && w.end && placeWindow(incident, w.start, w.end, ctx, true)) return incident;

  let proseStart: At | undefined;
  const read = summary ? readProse(summary.text) : undefined;
  // A log in the summary states no window; the zone it is written in is the document's.
  const logAt = summary && read?.log ? blockAt(summary, read.start) : undefined;
  const r = read?.log ? undefined : read;
  if (summary && r) {
    proseStart = blockAt(summary, r.start);
    if (r.end && placeWindow(incident, proseStart, blockAt(summary, r.end), ctx, false)) return incident;
  }

  fields = [...frontMatterFields(fm, lines), ...headingFields(sections, lines), ...readFields(lines, bodyStart, lines.count, layout)];
  const fieldDate = fields.find((f) => f.kind === 'date')?.time.date;
  if (fieldDate) ctx.fieldDate = fieldDate;
  w = fieldWindow(fields);
  const fStart = w.start;
  const fEnd = w.end;
  if (fStart && fEnd && placeWindow(incident, fStart, fEnd, ctx, true)) return incident;

  // A window stated in the opening lines above the summary, or in the title.
  const opening = openingOf(sections, lines, bodyStart, title.titleLine);
  // The title: its line, or the first level-1 heading that names no section (when front matter titles the document).
  const h1 = sections[0]?.depth === 1 && sections[0].ids.length === 0 ? sections[0].line : undefined;
  const titleAt = title.titleLine ?? h1 ?? fm.fields.title?.line;
  const titleBlock = titleAt !== undefined ? { text: lines.line(titleAt), line: titleAt } : undefined;
  for (const b of [opening, titleBlock]) {
    const o = b && b.line !== summary?.line ? readProse(blankCode(b.text)) : undefined;
    if (b && o?.end && placeWindow(incident, blockAt(b, o.start), blockAt(b, o.end), ctx, true)) return incident;
  }
  const start = fStart ?? proseStart;
  if (!start) {
    const logZone = logAt ? (logAt.time.zoneText ?? logAt.zoneHint) : undefined;
    if (logZone && resolveZone(logZone) && !incident.timezone) {
      incident.timezone = logZone;
      incident.zoneSource = logAt?.time.zone ? 'written' : 'document';
    }
    const summaryDate = summary ? findDates(summary.text)[0]?.date : undefined;
    const d = withDate(summaryOrField(summaryDate, fieldDate) ?? fmDate ?? title.date, fmDate ?? title.date);
    if (d?.year !== undefined) {
      incident.date = normalizeDate(d);
      incident.dateSource = summaryDate || fieldDate ? 'summary' : fmDate ? 'front-matter' : 'title';
    }
    return incident;
  }
  // The end elsewhere: a labelled end, or a section about the recovery or the impact that says when it was over (a
  // start and how long it lasted state no end: nothing is worked out from them).
  const ends: At[] = fEnd ? [fEnd] : [];
  // The summary's own "restored at 15:30", when the start is a labelled field.
  if (summary && start === fStart) for (const t of proseEnd(summary.text)) ends.push(blockAt(summary, t));
  for (const id of ['resolution', 'impact']) {
    for (const s of sections) {
      if (!s.ids.includes(id) || s.ids.includes('summary')) continue;
      // A "Resolution: …" line is read with its label's line.
      const b = s.style === 'inline' ? { text: lines.range(s.line, Math.max(s.line, s.contentEnd)).join('\n'), line: s.line } : sectionBlock(s, lines);
      if (b) for (const t of proseEnd(b.text)) ends.push(blockAt(b, t));
    }
  }
  for (const end of ends) if (placeWindow(incident, start, end, ctx, true)) return incident;
  placeWindow(incident, start, undefined, ctx, false);
  return incident;
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline
