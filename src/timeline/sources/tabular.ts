/**
 * Everything else: CSV (a header row, then one event per row) or JSON Lines (one object per line), with the time
 * and the text in columns named by --time-column and --text-column (default "time" and "text"), and optionally
 * an author column. Both are read as a stream, a row at a time.
 */
import { createReadStream } from 'node:fs';
import { basename, extname, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { oneLine, parseSourceTime, type Problems, type TimelineEvent } from '../event.js';
import { jsonErrorText, pick, type SourceOptions } from './common.js';

function labelFor(path: string, options: SourceOptions, kind: string): string {
  if (options.label) return options.label;
  if (path === '-') return kind;
  return basename(path, extname(path)) || kind;
}

function display(path: string, options: SourceOptions): string {
  return path === '-' ? '<stdin>' : relative(options.cwd, path) || path;
}

function toEvent(record: Record<string, unknown>, where: string, label: string, options: SourceOptions, problems: Problems): TimelineEvent | undefined {
  const time = pick(record, options.timeColumn);
  if (time === undefined || time === null || time === '') {
    problems.add(where, `no time in column "${options.timeColumn}"`);
    return undefined;
  }
  const t = parseSourceTime(time, options.zone);
  if (!t.ok) {
    problems.add(where, t.error);
    return undefined;
  }
  const rawText = pick(record, options.textColumn);
  const text = oneLine(typeof rawText === 'string' ? rawText : rawText === undefined || rawText === null ? '' : String(rawText));
  if (!text) {
    problems.add(where, `no text in column "${options.textColumn}"`);
    return undefined;
  }
  const author = options.authorColumn ? pick(record, options.authorColumn) : undefined;
  const who = typeof author === 'string' && author.trim() ? `: ${oneLine(author)}` : '';
  return { at: t.at, text, origin: `${label}${who}`, where };
}

export async function* readJsonLines(path: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  const shown = display(path, options);
  const label = labelFor(path, options, 'jsonl');
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    const where = `${shown}:${n}`;
    let record: unknown;
    try {
      record = JSON.parse(n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
    } catch (error) {
      problems.add(where, `not valid JSON (${jsonErrorText(error as Error)})`);
      continue;
    }
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      problems.add(where, 'expected a JSON object');
      continue;
    }
    const event = toEvent(record as Record<string, unknown>, where, label, options, problems);
    if (event) yield event;
  }
}

export async function* readCsv(path: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  const { parse } = await import('csv-parse');
  const shown = display(path, options);
  const label = labelFor(path, options, 'csv');
  const input = path === '-' ? process.stdin : createReadStream(path);
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, delimiter: extname(path).toLowerCase() === '.tsv' ? '\t' : ',', info: true, max_record_size: 1024 * 1024 }),
  );
  let checkedHeader = false;
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const where = `${shown}:${row.info.lines}`;
      if (!checkedHeader) {
        checkedHeader = true;
        const columns = Object.keys(row.record);
        const missing = [options.timeColumn, options.textColumn].filter((c) => !columns.includes(c));
        if (missing.length) {
          problems.add(`${shown}:1`, `no column ${missing.map((c) => `"${c}"`).join(' or ')} in the header (columns: ${columns.join(', ')}); name them with --time-column and --text-column`);
          return;
        }
      }
      const event = toEvent(row.record, where, label, options, problems);
      if (event) yield event;
    }
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    problems.add(`${shown}${e.lines ? `:${e.lines}` : ''}`, `not valid CSV (${e.message.replace(/^Invalid Record Length: /, '').replace(/,? at line \d+/, '')})`);
  }
}
