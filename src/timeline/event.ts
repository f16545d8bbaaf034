/**
 * What every timeline source yields, and how the times they carry are read. Sources report bad input through a
 * `Problems` collector (file and line or record), so that one run lists every problem and changes nothing.
 */
import { DateTime } from 'luxon';
import { UserError } from '../errors.js';

export interface TimelineEvent {
  /** Epoch milliseconds. */
  at: number;
  /** The text as the source has it, on one line (line breaks become spaces). */
  text: string;
  /** Where it came from, written after the text in parentheses: "slack: @alice", "pagerduty: trigger". */
  origin: string;
  /** File and line or record, for messages. */
  where: string;
}

/** Bad input found while reading sources: reported together, nothing written. */
export class Problems {
  readonly list: string[] = [];
  add(where: string, problem: string): void {
    this.list.push(`${where}: ${problem}`);
  }
  get size(): number {
    return this.list.length;
  }
  /** Throw one UserError listing the problems (at most 20 of them), when there are any. */
  check(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, 20);
    const more = this.list.length > shown.length ? `\n  … and ${this.list.length - shown.length} more` : '';
    const head = this.list.length === 1 ? 'bad input; nothing was changed' : `${this.list.length} problems in the input; nothing was changed`;
    throw new UserError(`${head}:\n  ${shown.join('\n  ')}${more}`);
  }
}

/** A value fit for one Markdown line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type TimeResult = { ok: true; at: number } | { ok: false; error: string };

/**
 * A time as sources write it: ISO 8601 with an offset or Z ("2024-03-01T14:02:11Z"), a local date-time
 * ("2024-03-01 14:02", read in `zone`), or Unix time in seconds or milliseconds (1709301731, "1709301731.0021").
 */
export function parseSourceTime(value: unknown, zone: string | undefined): TimeResult {
  if (typeof value === 'number') return epoch(value);
  if (typeof value !== 'string' || !value.trim()) return { ok: false, error: 'no time' };
  const text = value.trim();
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return epoch(Number(text));
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i.exec(text);
  if (!m) return { ok: false, error: `cannot read the time "${clip(text)}": expected ISO 8601 (2024-03-01T14:02:00Z), "2024-03-01 14:02" or Unix seconds` };
  const offset = m[3] ? (/^(UTC|GMT|Z)$/i.test(m[3]) ? 'Z' : m[3]) : '';
  if (!offset && !zone) {
    return { ok: false, error: `the time "${clip(text)}" has no zone and the document states none: add "timezone:" to its front matter or give --timezone` };
  }
  // Calendar fields, checked, then plain arithmetic: luxon's parser costs tens of microseconds a call, and a
  // source may have millions of lines. Only the offset of a local time in a zone is luxon's (once per hour).
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = '0'] = m[2]!.replace(',', '.').split(':') as [string, string, string?];
  const h = Number(hh);
  const min = Number(mm);
  const sec = Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || min > 59 || sec >= 60) return { ok: false, error: `"${clip(text)}" is not a valid date and time` };
  const local = Date.UTC(y, mo - 1, d, h, min, 0) + Math.round(sec * 1000);
  if (offset) {
    const o = offset === 'Z' ? ['+', '0', '0'] : /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!.slice(1);
    const minutes = (o[0] === '-' ? -1 : 1) * (Number(o[1]) * 60 + Number(o[2] ?? 0));
    return { ok: true, at: local - minutes * 60_000 };
  }
  const key = `${zone}|${m[1]}T${h}`;
  let minutes = offsets.get(key);
  if (minutes === undefined) {
    const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h }, { zone: zone! });
    if (!dt.isValid) return { ok: false, error: `"${clip(text)}" is not a valid date and time in ${zone}` };
    minutes = dt.offset;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, minutes);
  }
  return { ok: true, at: local - minutes * 60_000 };
}

/** Offsets of local hours in zones ("Europe/Berlin|2024-05-02T14" → 120). */
const offsets = new Map<string, number>();

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function epoch(n: number): TimeResult {
  if (!Number.isFinite(n) || n <= 0) return { ok: false, error: `"${n}" is not a time` };
  // Seconds until the year 5138; milliseconds beyond.
  const ms = n < 1e11 ? n * 1000 : n;
  return { ok: true, at: Math.floor(ms) };
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
