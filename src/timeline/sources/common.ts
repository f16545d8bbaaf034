/** What the readers of timeline sources share: options, JSON read with a position, filters applied early. */
import { readFileSync, statSync } from 'node:fs';
import type { Problems, TimelineEvent } from '../event.js';
import { fileProblem } from '../../errors.js';

export interface SourceOptions {
  /** Zone for times written without one: --timezone, else the document's. */
  zone?: string;
  /** Epoch ms bounds, inclusive; readers may use them to skip whole files (Slack's per-day files). */
  since?: number;
  until?: number;
  /** Slack: only messages with this reaction ("pushpin"). */
  reaction?: string;
  /** Slack: the channel to read when the source is the export's top folder. */
  channel?: string;
  /** CSV and JSON Lines: the names of the time, text and (optional) author columns. */
  timeColumn: string;
  textColumn: string;
  authorColumn?: string;
  /** CSV and JSON Lines: the origin's label (default: the file's name without its extension). */
  label?: string;
  /** Where `git` runs (the working directory). */
  cwd: string;
}

export type SourceReader = (path: string, options: SourceOptions, problems: Problems) => AsyncIterable<TimelineEvent>;

/** A whole JSON file larger than this is refused (per-day Slack files and PagerDuty pages are far smaller). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Parse a JSON file; on failure report where (line and column) and return undefined. */
export function readJson(path: string, shown: string, problems: Problems): unknown {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_JSON_BYTES) {
      problems.add(shown, `too large (${(size / 1024 / 1024).toFixed(0)} MB; JSON files over ${MAX_JSON_BYTES / 1024 / 1024} MB are not read whole: use JSON Lines)`);
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.add(shown, `cannot read: ${fileProblem(error)}`);
    return undefined;
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    problems.add(`${shown}${jsonErrorPosition(text, error as Error)}`, `not valid JSON (${jsonErrorText(error as Error)})`);
    return undefined;
  }
}

/** JSON.parse's message without the position, which is given as line and column instead. */
export function jsonErrorText(error: Error): string {
  let m = error.message;
  const at = m.indexOf(' in JSON at position');
  if (at >= 0) m = m.slice(0, at);
  const line = m.lastIndexOf(' (line ');
  if (line >= 0 && m.endsWith(')')) m = m.slice(0, line);
  return m;
}

/** ":LINE:COLUMN" from a JSON.parse error's "at position N", when it has one. */
export function jsonErrorPosition(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return /Unexpected end/.test(error.message) ? `:${text.split('\n').length}` : '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `:${line}:${column}`;
}

export function inRange(event: TimelineEvent, options: Pick<SourceOptions, 'since' | 'until'>): boolean {
  return (options.since === undefined || event.at >= options.since) && (options.until === undefined || event.at <= options.until);
}

/** A value at a dotted path ("event.time") of a record. */
export function pick(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
