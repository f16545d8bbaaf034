/**
 * The incident's milestones where the document states them as labelled fields: "Start time: 14:00 UTC",
 * "**Resolved:** 15:30", "- Impact began: 2024-05-02 14:00", a table row "| Incident end | 15:30 UTC |", a table
 * whose columns are "Started | Resolved", an HTML table, "Impact window: 14:00–15:30 UTC".
 *
 * A field is a label and its value, found by the document's structure (./incident-fields.ts: a "Label:" line, a
 * list item, a table's row or column, an HTML cell); here the label is read for what it names and the value for its
 * time. Wording a reasonable person lists for the start, detection, mitigation and end of an incident, not phrases
 * of any one document.
 */
import { joins } from './incident-prose.js';
import { windowTimes } from './incident-times.js';
import type { ClockTime } from './time.js';
import { findDates } from './dates.js';
import { STANDALONE_ZONE_RE } from './zones.js';

export type FieldKind = 'start' | 'detected' | 'mitigated' | 'end' | 'window' | 'date';

/** A time read from a field: `time.index` is the column (0-based) of the time in its line. */
export interface FieldTime {
  kind: FieldKind;
  time: ClockTime;
  line: number;
  /** A zone the label or its column header states ("Time (UTC)"). */
  zoneHint?: string;
  /** For a window: its end. */
  end?: ClockTime;
  endLine?: number;
}

const SUBJECT = '(?:(?:the\\s+)?(?:incident|impact|outage|issue|problem|event|disruption|degradation|downtime|customer impact|service impact)\\s+)?';
const SUFFIX = '(?:\\s+(?:time|at|on|date(?:\\s*(?:\\/|and|&)\\s*time)?|datetime|timestamp|ts))?';
const START_LABEL_RE = new RegExp(
  `^(?:${SUBJECT}(?:start(?:ed)?|began|begin(?:ning)?|onset|occurred)${SUFFIX}|start of (?:the\\s+)?(?:incident|impact|outage|issue|disruption)|first impact|time (?:started|began|of onset|of (?:first )?impact))$`,
);
const END_LABEL_RE = new RegExp(
  `^(?:(?:fully\\s+)?(?:(?:services?|systems?)\\s+|${SUBJECT})(?:end(?:ed)?|resolved|recovered|restored|over|closed|fixed)${SUFFIX}|(?:resolution|recovery|restoration)\\s+(?:time|at|on)|full (?:recovery|resolution|restoration)|end of (?:the\\s+)?(?:incident|impact|outage|issue|disruption)|all[- ]clear|time (?:resolved|ended|restored|recovered|of resolution|of recovery))$`,
);
const DETECTED_LABEL_RE = /^(?:(?:first\s+)?detect(?:ed|ion)(?:\s+(?:time|at|on))?|time (?:of )?detect(?:ed|ion)|discovered|first alert(?:ed)?|alerted)$/;
const MITIGATED_LABEL_RE = /^(?:(?:impact\s+)?mitigat(?:ed|ion)(?:\s+(?:time|at|on))?|time (?:of )?mitigation|time mitigated)$/;
/** A label whose value is a range: "Impact window: 14:00–15:30 UTC", "Outage: 14:00 to 15:30", "When: …". */
const WINDOW_LABEL_RE = /^(?:(?:incident|impact|outage|downtime|disruption|affected|impacted|degradation)(?:\s+(?:window|period|time ?frame|duration|times?|time ?span|time range))?|window|period|time ?frame|duration|times?|time ?span|time range|when|date\s*(?:\/|and|&)\s*times?|dates?\s+and\s+times?|(?:time|window|period|duration) of (?:the\s+)?(?:incident|outage|impact|issue|disruption))$/;
const WINDOW_SUBJECT_RE = /\b(?:incident|impact|impacted|outage|downtime|disruption|affected|degradation)\b/i;
/** A label for the incident's day: "Date:", "Incident date", "Date of the incident". */
const DATE_LABEL_RE = /^(?:(?:incident|outage|event)\s+)?date$|^date of (?:the\s+)?(?:incident|outage|event)$/;

/** Words one of which a label that names a milestone holds: a cheap test before the labels' own. */
export const LABEL_HINT_RE = /start|began|begin|onset|occur|end|resol|recover|restor|over|clos|fix|clear|detect|discover|alert|mitigat|window|period|frame|duration|time|span|range|when|date|impact|outage|downtime|disruption/i;

/** The zone a label or column header states in parentheses ("Start (UTC)", "Time (UTC)"). */
function parenZone(text: string): string | undefined {
  const paren = /\(([^()]*)\)\s*$/.exec(text);
  return paren ? STANDALONE_ZONE_RE.exec(paren[1]!.toUpperCase())?.[0] : undefined;
}

/** What a label names, with the zone it states in parentheses ("Start (UTC)"). */
export function labelKind(label: string): { kind: FieldKind; zone?: string } | undefined {
  if (label.length > 100 || !LABEL_HINT_RE.test(label)) return undefined;
  let t = label.toLowerCase().replace(/[*_`]/g, '').trim();
  const zone = parenZone(t);
  t = t.replace(/\([^()]*\)\s*$/, '').trim();
  t = t.replace(/\s+/g, ' ');
  while (t.endsWith(':') || t.endsWith('.') || t.endsWith(' ')) t = t.slice(0, -1);
  if (t.length > 60) return undefined;
  const kind: FieldKind | undefined = START_LABEL_RE.test(t)
    ? 'start'
    : END_LABEL_RE.test(t)
      ? 'end'
      : DETECTED_LABEL_RE.test(t)
        ? 'detected'
        : MITIGATED_LABEL_RE.test(t)
          ? 'mitigated'
          : WINDOW_LABEL_RE.test(t)
            ? 'window'
            : DATE_LABEL_RE.test(t)
              ? 'date'
              : undefined;
  return kind ? { kind, ...(zone ? { zone } : {}) } : undefined;
}

export interface Cell {
  text: string;
  line: number;
  /** 0-based column of `text` in its line. */
  column: number;
}

/** What a front matter key names, read as a label: "impact_start", "startedAt", "outage-end" → "impact start", …. */
export function keyKind(key: string): { kind: FieldKind; zone?: string } | undefined {
  return labelKind(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' '));
}

/** The time a value states (with the date written in the value), placed in its line; for a window, its two ends. */
export function readValue(kind: FieldKind, label: { zone?: string }, value: Cell): FieldTime | undefined {
  if (kind === 'date') {
    const range = readValue('window', label, value);
    if (range) return range;
    // The day alone: carried as a time-less field at midnight, read for its date only.
    const d = findDates(value.text)[0];
    if (!d || d.index > 20) return undefined;
    return { kind, time: { index: value.column + d.index, length: d.length, raw: '', hour: 0, minute: 0, second: 0, meridiem: false, date: d.date }, line: value.line };
  }
  const times = windowTimes(value.text);
  // A field's value states its time first (after a date, a weekday, "at" or "approximately"), not deep in prose.
  if (times.length === 0 || times[0]!.index > 40) return undefined;
  const dated = (t: ClockTime): ClockTime => {
    const date = t.date ?? findDates(value.text)[0]?.date;
    return { ...t, index: value.column + t.index, ...(date ? { date } : {}) };
  };
  const out: FieldTime = { kind, time: dated(times[0]!), line: value.line, ...(label.zone ? { zoneHint: label.zone } : {}) };
  if (kind !== 'window') return out;
  const [a, b] = times;
  if (!a || !b) return undefined;
  if (!joins(value.text, a, b)) return undefined;
  return { ...out, end: dated(b), endLine: value.line };
}

/** Fields of a table's rows: a label cell and the cell after it, or a cell under a column header that labels it. */
export function tableFields(rows: Cell[][], header: Cell[] | undefined, out: FieldTime[]): void {
  // A column headed "Time" or "When" is a timeline's or a plan's: only a header that names the incident's window
  // ("Impact window", "Outage duration") makes a range under it the window.
  const heads = header?.map((h) => {
    const k = labelKind(h.text);
    return k?.kind === 'window' && !WINDOW_SUBJECT_RE.test(h.text) ? undefined : k;
  });
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const head = heads?.[i];
      if (head && row !== header) {
        const f = readValue(head.kind, head, row[i]!);
        if (f) out.push(f);
      }
      const own = labelKind(row[i]!.text);
      if (!own && row[i]!.text.includes(':')) colonFields(row[i]!, out);
      if (own && row[i + 1]) {
        const zone = own.zone ?? (header?.[i + 1] ? parenZone(header[i + 1]!.text) : undefined);
        const f = readValue(own.kind, zone ? { zone } : {}, row[i + 1]!);
        if (f) out.push(f);
      }
    }
  }
}


/** Markup and blanks after a label's colon: "**Start:** 14:00". */
const AFTER_COLON_RE = /^[*_]{0,2}[ \t]*/;

/**
 * "Label: value" fields in a text, however many: "**Start:** 14:00 UTC **End:** 15:30 UTC", "Start: 14:00; end:
 * 15:30". The label is the last one to five words before a colon (after the last , ; | or colon), the longest that
 * names a milestone; the value runs on from the colon.
 */
export function colonFields(cell: Cell, out: FieldTime[]): void {
  const { text } = cell;
  let from = 0;
  for (let c = text.indexOf(':'), seen = 0; c >= 0 && seen < 12; c = text.indexOf(':', c + 1), seen++) {
    const before = text.slice(Math.max(from, c - 60), c);
    from = c + 1;
    // A colon inside a time ("14:00") labels nothing; a label's value has a digit near it.
    if (/\d$/.test(before) && /^\d/.test(text.slice(c + 1))) continue;
    if (!/\d/.test(text.slice(c + 1, c + 50))) continue;
    const words = before.replace(/[*_`]/g, ' ').split(/[,;|]/).pop()!.trim().split(/\s+/);
    let label: ReturnType<typeof labelKind>;
    for (let k = Math.min(5, words.length); k >= 1 && !label; k--) label = labelKind(words.slice(-k).join(' '));
    if (!label) continue;
    const at = c + 1 + AFTER_COLON_RE.exec(text.slice(c + 1, c + 8))![0].length;
    const f = readValue(label.kind, label, { text: text.slice(at), line: cell.line, column: cell.column + at });
    if (f) out.push(f);
  }
}

