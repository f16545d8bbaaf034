/**
 * `postmortem timeline add` (during the incident: one entry now, or at --at, or a line per line of a pipe) and
 * `postmortem timeline import` (after it: events from Slack, PagerDuty, git, CSV or JSON Lines merged in order).
 * Both edit the document's timeline in place, under its lock, inserting lines and changing nothing else.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DateTime, type Zone } from 'luxon';
import type { GlobalOptions } from '../cli.js';
import type { Postmortem } from '../document/model.js';
import { findTimes } from '../document/time.js';
import { UserError } from '../errors.js';
import { parseDateTime } from '../new/answers.js';
import { openProject } from '../project.js';
import { collectEvents, entryText } from '../timeline/collect.js';
import { mostRecentDraft, readerFor, shown } from '../timeline/document.js';
import { entryKey, existingKeys, insertEntries, timelineSection, timelineZone, type NewEntry } from '../timeline/insert.js';
import { addedLines, readDocument, updateDocument } from '../timeline/store.js';

export interface AddOptions extends GlobalOptions {
  at?: string;
  file?: string;
  stdin?: boolean;
  dryRun?: boolean;
}

export interface ImportOptions extends GlobalOptions {
  into: string;
  since?: string;
  until?: string;
  match?: string;
  dryRun?: boolean;
  source?: string;
  reaction?: string;
  channel?: string;
  timeColumn: string;
  textColumn: string;
  authorColumn?: string;
  label?: string;
  timezone?: string;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

function zoneOrFail(doc: Postmortem, fallback: string | undefined): Zone {
  if (!timelineSection(doc)) throw new UserError(`${doc.path}: no Timeline section to add to; add a "## Timeline" heading`);
  const zone = timelineZone(doc, fallback);
  if (!zone) throw new UserError(`${doc.path}: the document states no time zone; add "timezone:" to its front matter (or to the config)`);
  return zone;
}

/**
 * A time as typed for --at, --since, --until: "now", "14:10", "2:10 PM", "2024-05-02 14:10", or ISO 8601 with an
 * offset; without a date it takes the incident's, and the next day's when that is more than six hours before the
 * last timed entry (the way the timeline itself is read).
 */
export function parseWhen(input: string, flag: string, doc: Postmortem, zone: Zone): number {
  // A document without a date yet (a hand-made draft): today's.
  const date = doc.incident.startInstant?.setZone(zone).toISODate() ?? doc.incident.date ?? DateTime.now().setZone(zone).toISODate()!;
  const r = parseDateTime(input, { zone: zone.name, date, now: DateTime.now() });
  if (!r.ok) throw new UserError(`${flag} "${input}": ${r.error}`);
  let at = DateTime.fromISO(r.value, { setZone: true }).toMillis();
  const t = findTimes(input.trim())[0];
  const dateless = !/^now$/i.test(input.trim()) && !/^\d{4}-\d{2}-\d{2}/.test(input.trim()) && !t?.date;
  const last = Math.max(...doc.timeline.flatMap((e) => (e.instant ? [e.instant.toMillis()] : [])));
  if (dateless && Number.isFinite(last)) while (at < last - SIX_HOURS) at += DAY;
  return at;
}

function printAdded(path: string, before: string, after: string, prefix = ''): void {
  for (const l of addedLines(before, after)) process.stdout.write(`${prefix}${shown(path)}:${l.line}: ${l.text.trim()}\n`);
}

export async function add(words: string[] | string | undefined, opts: AddOptions): Promise<number> {
  const joined = Array.isArray(words) ? words.join(' ') : words;
  const text = joined === undefined || joined === '' ? undefined : joined;
  const project = await openProject(process.cwd(), opts.config);
  if (opts.stdin && text !== undefined) throw new UserError('give the entry as an argument or with --stdin, not both');
  if (!opts.stdin && (text === undefined || !text.trim())) throw new UserError('nothing to add: give the entry\'s text, e.g. postmortem timeline add "Rolled back the deploy", or --stdin');
  if (opts.stdin && opts.at) throw new UserError('--at and --stdin do not go together: lines from a pipe take the time they arrive');
  const path = opts.file ? resolve(opts.file) : await mostRecentDraft(opts.config);
  const reader = readerFor(project, path);

  const write = async (entries: Array<{ text: string; at?: number }>): Promise<void> => {
    const update = (source: string): string => {
      const doc = reader.read(source);
      const zone = zoneOrFail(doc, reader.fallbackZone);
      const rows: NewEntry[] = entries.map((e) => ({ text: e.text, at: e.at ?? parseWhen(opts.at ?? 'now', '--at', doc, zone) }));
      return insertEntries(doc, source, rows, reader);
    };
    if (opts.dryRun) {
      const before = readDocument(path);
      printAdded(path, before, update(before));
      return;
    }
    const { before, after } = await updateDocument(path, update);
    printAdded(path, before, after);
  };

  if (!opts.stdin) {
    await write([{ text: text!.replace(/\s+/g, ' ').trim() }]);
    return 0;
  }
  // Lines from a pipe, each at the time it arrives; lines that arrive together are written together.
  const queue: Array<{ text: string; at: number }> = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) queue.push({ text: t, at: Date.now() });
    wake?.();
  });
  lines.on('close', () => {
    ended = true;
    wake?.();
  });
  for (;;) {
    if (queue.length === 0) {
      if (ended) break;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
      continue;
    }
    await write(queue.splice(0, queue.length));
  }
  return 0;
}

export async function importEvents(sources: string[], opts: ImportOptions): Promise<number> {
  const project = await openProject(process.cwd(), opts.config);
  const path = resolve(opts.into);
  const reader = readerFor(project, path);
  const doc = reader.read(readDocument(path));
  // Sources are read even when the document states no zone, so that zone-less times are reported with their line.
  const zone = timelineZone(doc, reader.fallbackZone);
  if (opts.timezone && !DateTime.now().setZone(opts.timezone).isValid) throw new UserError(`--timezone "${opts.timezone}": not an IANA time-zone name such as Europe/Berlin or UTC`);
  const events = await collectEvents(sources, {
    cwd: process.cwd(),
    ...(opts.timezone || zone ? { zone: opts.timezone ?? zone!.name } : {}),
    timeColumn: opts.timeColumn,
    textColumn: opts.textColumn,
    ...(opts.since ? { since: parseWhen(opts.since, '--since', doc, zoneOrFail(doc, reader.fallbackZone)) } : {}),
    ...(opts.until ? { until: parseWhen(opts.until, '--until', doc, zoneOrFail(doc, reader.fallbackZone)) } : {}),
    ...(opts.match !== undefined ? { match: opts.match } : {}),
    ...(opts.source ? { source: opts.source } : {}),
    ...(opts.reaction ? { reaction: opts.reaction } : {}),
    ...(opts.channel ? { channel: opts.channel } : {}),
    ...(opts.authorColumn ? { authorColumn: opts.authorColumn } : {}),
    ...(opts.label ? { label: opts.label } : {}),
  });
  zoneOrFail(doc, reader.fallbackZone);
  let already = 0;
  const update = (source: string): string => {
    const current = reader.read(source);
    const keys = existingKeys(current);
    const rows = events.map((e) => ({ at: e.at, text: entryText(e) })).filter((r) => !keys.has(entryKey(r)));
    already = events.length - rows.length;
    return insertEntries(current, source, rows, reader);
  };
  const { before, after } = opts.dryRun ? { before: readDocument(path), after: '' } : await updateDocument(path, update);
  const result = opts.dryRun ? update(before) : after;
  printAdded(path, before, result);
  const added = events.length - already;
  const note = already ? ` (${already} already there)` : '';
  const s = (n: number): string => (n === 1 ? 'entry' : 'entries');
  process.stdout.write(
    opts.dryRun
      ? `would add ${added} ${s(added)} to ${shown(path)}${note}; nothing was written (--dry-run)\n`
      : `added ${added} ${s(added)} to ${shown(path)}${note}\n`,
  );
  return 0;
}
