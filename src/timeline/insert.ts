/**
 * Putting new entries into a document's timeline with the smallest text edit: new lines are inserted between the
 * existing ones, in the style of their neighbours (list item, table row or bare line), and nothing else changes.
 *
 * Where to insert and how to write the time come from the document model (entry lines, instants, the section's
 * lines); the result is then read back through the same model and must give exactly the old entries plus the new
 * ones at their instants. When the first way of writing the time is read otherwise (a date heading above, a
 * day rollover, a zone in the heading), the entries are placed one at a time, trying the time without date, with
 * date, then with its offset; an entry that cannot be placed so that it reads right is an error, not a guess.
 */
import { DateTime, type Zone } from 'luxon';
import type { Postmortem, Section, TimelineEntry } from '../document/model.js';
import { findTimes, resolveZone } from '../document/time.js';
import { UserError } from '../errors.js';
import { escapeInline } from '../new/render.js';

export interface NewEntry {
  /** Epoch ms; written to the minute. */
  at: number;
  /** What happened, as one line of plain text (escaped here for Markdown). */
  text: string;
}

export interface InsertContext {
  /** Read a text the way the document was read (same template aliases and default zone). */
  parse: (text: string) => Postmortem;
  /** Zone for documents whose timeline states none, from the config. */
  fallbackZone?: string;
}

const MINUTE = 60_000;
const minuteOf = (ms: number): number => Math.floor(ms / MINUTE);

/** Source lines with their line endings, as micromark counts lines (CRLF, LF, lone CR). */
function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(start, m.index));
    eols.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

export function timelineSection(doc: Postmortem): Section | undefined {
  return (
    doc.sections.find((s) => s.ids.includes('timeline') && s.depth <= 6) ??
    doc.sections.find((s) => s.ids.includes('timeline') && s.style !== 'inline')
  );
}

/** Letters and digits only, lower case: the same event written with other punctuation or escapes is the same. */
export function canonical(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Keys (minute and canonical text after the time) of the entries already in the timeline. */
export function existingKeys(doc: Postmortem): Set<string> {
  const keys = new Set<string>();
  for (const e of doc.timeline) {
    if (!e.instant || !e.raw) continue;
    const i = e.text.indexOf(e.raw);
    const rest = i >= 0 ? e.text.slice(0, i) + e.text.slice(i + e.raw.length) : e.text;
    keys.add(`${minuteOf(e.instant.toMillis())}|${canonical(rest)}`);
  }
  return keys;
}

export function entryKey(entry: NewEntry): string {
  return `${minuteOf(entry.at)}|${canonical(entry.text)}`;
}

/** The zone the document's timeline is read in, and the incident's date, as the model has them. */
export function timelineZone(doc: Postmortem, fallbackZone?: string): Zone | undefined {
  // An entry written without a zone was read in the zone a new one will be (the heading's, the document's).
  const timed = doc.timeline.find((e) => e.instant && e.raw && !findTimes(e.raw)[0]?.zoneText);
  return timed?.instant?.zone ?? doc.incident.startInstant?.zone ?? resolveZone(doc.incident.timezone) ?? resolveZone(fallbackZone);
}

function incidentDate(doc: Postmortem): string | undefined {
  return doc.incident.startInstant?.toISODate() ?? doc.incident.date ?? undefined;
}

type Style = { kind: 'list'; prefix: string; marker: string } | { kind: 'table'; cells: number; prefix: string } | { kind: 'bare'; prefix: string };

function styleOf(line: string): Style {
  const table = /^(\s*)\|/.exec(line);
  if (table) {
    const cells = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).length;
    return { kind: 'table', cells: Math.max(2, cells), prefix: table[1]! };
  }
  const list = /^([\s>]*)([-*+]|\d{1,9}[.)])[ \t]+/.exec(line);
  if (list) return { kind: 'list', prefix: list[1]!, marker: list[2]! };
  return { kind: 'bare', prefix: /^[\s>]*/.exec(line)![0] };
}

/** Ways to write the time, most natural first: as `postmortem new` writes it, the other date form, with offset. */
function timeForms(at: number, zone: Zone, date: string | undefined): string[] {
  const local = DateTime.fromMillis(minuteOf(at) * MINUTE, { zone });
  const hhmm = local.toFormat('HH:mm');
  const dated = `${local.toISODate()} ${hhmm}`;
  const first = local.toISODate() === date ? hhmm : dated;
  return [first, first === hhmm ? dated : hhmm, local.toFormat("yyyy-MM-dd'T'HH:mmZZ")];
}

function renderLine(style: Style, time: string, text: string): string {
  switch (style.kind) {
    case 'table':
      return `${style.prefix}| ${time} | ${escapeInline(text, true)} |${' |'.repeat(style.cells - 2)}`;
    case 'list':
      return `${style.prefix}${style.marker} ${time} — ${escapeInline(text)}`;
    case 'bare':
      return `${style.prefix}${time} — ${escapeInline(text)}`;
  }
}

interface Anchor {
  /** Insert after this 1-based line (0: before the first line). */
  after: number;
  style: Style;
  /** Blank lines to add before and after the inserted lines (a new list after a paragraph or a heading). */
  blankBefore: boolean;
  blankAfter: boolean;
}

/** Where an entry at `at` goes, and in which style, from the model of the document as it is. */
function anchorFor(doc: Postmortem, lines: string[], section: Section, at: number): Anchor {
  const timed = doc.timeline.filter((e): e is TimelineEntry & { instant: DateTime } => e.instant !== undefined);
  const line = (n: number): string => lines[n - 1] ?? '';
  const entryStarts = new Set(doc.timeline.map((e) => e.line));
  const endOf = (e: TimelineEntry): number => {
    let n = Math.max(e.endLine, e.line);
    while (n < section.contentEnd && line(n + 1).trim() && /^\s/.test(line(n + 1)) && !entryStarts.has(n + 1)) n++;
    return n;
  };
  let prev: TimelineEntry | undefined;
  for (const e of timed) if (minuteOf(e.instant.toMillis()) <= minuteOf(at)) prev = e;
  if (prev) return { after: endOf(prev), style: styleOf(line(prev.line)), blankBefore: false, blankAfter: false };
  const next = timed[0];
  if (next) return { after: next.line - 1, style: styleOf(line(next.line)), blankBefore: false, blankAfter: false };
  // No timed entry yet: after a table's last row if the section has a table, else a new list after the content.
  const headingEnd = Math.max(section.line, section.contentStart - 1);
  let lastContent = headingEnd;
  for (let n = section.contentStart; n <= section.contentEnd; n++) if (line(n).trim()) lastContent = n;
  for (let n = section.contentStart; n < section.contentEnd; n++) {
    if (line(n).trim().startsWith('|') && line(n).trim().endsWith('|') && isDelimiterRow(line(n + 1))) {
      let end = n + 1;
      while (end < section.contentEnd && /^\s*\|/.test(line(end + 1))) end++;
      return { after: end, style: styleOf(line(n)), blankBefore: false, blankAfter: false };
    }
  }
  return { after: lastContent, style: { kind: 'list', prefix: '', marker: '-' }, blankBefore: true, blankAfter: line(lastContent + 1).trim() !== '' };
}

/** A table's delimiter row: "| --- | :---: |". */
function isDelimiterRow(line: string): boolean {
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c.trim()));
}

interface Planned {
  text: string;
  /** 1-based lines of the inserted entries in the new text, with their instants. */
  inserted: Array<{ line: number; at: number }>;
}

/** Insert `entries` (each with the form of time chosen by `form`) into `source`, anchored on `doc`. */
function plan(doc: Postmortem, source: string, section: Section, entries: NewEntry[], zone: Zone, form: number): Planned {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const { lines, eols } = splitLines(bom ? source.slice(1) : source);
  const eol = eols.find((e) => e) ?? '\n';
  const date = incidentDate(doc);
  const byLine = new Map<number, { anchor: Anchor; rows: NewEntry[] }>();
  for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
    const anchor = anchorFor(doc, lines, section, entry.at);
    const group = byLine.get(anchor.after) ?? { anchor, rows: [] };
    group.rows.push(entry);
    byLine.set(anchor.after, group);
  }
  const out: string[] = [];
  const inserted: Planned['inserted'] = [];
  const emit = (after: number): void => {
    const group = byLine.get(after);
    if (!group) return;
    // The line before the insertion must end with a line break.
    if (out.length > 0 && !out[out.length - 1]!.endsWith('\n') && !out[out.length - 1]!.endsWith('\r')) out[out.length - 1] += eol;
    if (group.anchor.blankBefore && after > 0) out.push(eol);
    for (const row of group.rows) {
      out.push(`${renderLine(group.anchor.style, timeForms(row.at, zone, date)[form]!, row.text)}${eol}`);
      inserted.push({ line: out.length, at: row.at });
    }
    if (group.anchor.blankAfter) out.push(eol);
  };
  emit(0);
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]! + eols[i]!);
    emit(i + 1);
  }
  return { text: bom + out.join(''), inserted };
}

interface Reading {
  time: string | null;
  text: string;
}

const readingOf = (e: TimelineEntry): Reading => ({ time: e.time, text: e.text });

/** Whether `after` reads as `before` plus the inserted entries at their instants, in order where it was. */
function readsRight(before: Postmortem, after: Postmortem, planned: Planned): boolean {
  const at = new Map(planned.inserted.map((i) => [i.line, i.at]));
  const old = before.timeline.filter((e) => e.time !== null).map(readingOf);
  const kept: Reading[] = [];
  let found = 0;
  for (const e of after.timeline) {
    if (e.time === null) continue;
    const want = at.get(e.line);
    if (want === undefined) {
      kept.push(readingOf(e));
      continue;
    }
    if (!e.instant || minuteOf(e.instant.toMillis()) !== minuteOf(want)) return false;
    found++;
  }
  if (found !== planned.inserted.length || kept.length !== old.length) return false;
  if (kept.some((k, i) => k.time !== old[i]!.time || k.text !== old[i]!.text)) return false;
  // In order where the document was in order.
  const ordered = (d: Postmortem): boolean => {
    const instants = d.timeline.flatMap((e) => (e.instant ? [minuteOf(e.instant.toMillis())] : []));
    return instants.every((v, i) => i === 0 || instants[i - 1]! <= v);
  };
  return !ordered(before) || ordered(after);
}

/**
 * The document's text with `entries` in its timeline. Throws a UserError when the document has no timeline
 * section, no zone to read times in, or an entry cannot be placed so that the document reads it right.
 */
export function insertEntries(doc: Postmortem, source: string, entries: NewEntry[], ctx: InsertContext): string {
  if (entries.length === 0) return source;
  const section = timelineSection(doc);
  if (!section) throw new UserError(`${doc.path}: no Timeline section to add to; add a "## Timeline" heading`);
  const zone = timelineZone(doc, ctx.fallbackZone);
  if (!zone) throw new UserError(`${doc.path}: the document states no time zone; add "timezone:" to its front matter (or to the config)`);
  const batch = plan(doc, source, section, entries, zone, 0);
  if (readsRight(doc, ctx.parse(batch.text), batch)) return batch.text;
  // One at a time, trying each way of writing the time.
  let text = source;
  let current = doc;
  for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
    let done = false;
    const s = timelineSection(current)!;
    const z = timelineZone(current, ctx.fallbackZone)!;
    for (let form = 0; form < 3 && !done; form++) {
      const p = plan(current, text, s, [entry], z, form);
      const next = ctx.parse(p.text);
      if (readsRight(current, next, p)) {
        text = p.text;
        current = next;
        done = true;
      }
    }
    if (!done) {
      const when = DateTime.fromMillis(entry.at, { zone: z }).toFormat('yyyy-MM-dd HH:mm ZZ');
      throw new UserError(`${doc.path}: cannot place "${entry.text.slice(0, 40)}" (${when}) in the timeline so that it reads at that time (are the entries around it in order?); nothing was changed`);
    }
  }
  return text;
}
