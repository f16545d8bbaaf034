/**
 * Raw timeline entries: the lines of the timeline section that carry a time, in every block people put them in
 * (lists, tables, paragraphs of bare lines, one collapsed paragraph, HTML), with the date and zone in force there.
 */
import type { Zone } from 'luxon';
import type { Html, List, ListItem, Root, Table } from './markdown.js';
import { textOf, textOfAll } from './markdown.js';
import type { Section, Span } from './model.js';
import { sectionNodes } from './sections.js';
import { plainLine, spanOf, type Lines } from './text.js';
import { findDates, findTimes, type ClockTime, type DateParts } from './time.js';
import { ALL_TIMES_RE, contextZone } from './zones.js';

function isDateLine(plain: string): DateParts | undefined {
  const stripped = plain.replace(/^[#\s*_-]+|[\s*_:]+$/g, '');
  const dates = findDates(stripped);
  const d = dates[0];
  if (d && d.index === 0 && d.length >= stripped.replace(/\s*\([^)]*\)\s*$/, '').length - 1) return d.date;
  return undefined;
}

export interface RawEntry extends Span {
  text: string;
  /** Offset of `text` in the line for time positions (column of text[0]). */
  textColumn: number;
  dateContext?: DateParts;
  zoneContext?: Zone;
}

const ENTRY_PREFIX_RE = /^[\s\-*•>|[(\]#]*(?:(?:at|on|by|around|approx\.?|about|~|from)\s+)?$/i;

/** Whether a time found at `index` of `text` starts the line (maybe after a date, a bullet or "At"). */
export function startsWithTime(text: string, t: ClockTime): boolean {
  let prefix = text.slice(0, t.index);
  const d = findDates(prefix)[0];
  if (d) prefix = prefix.slice(0, d.index) + prefix.slice(d.index + d.length);
  return ENTRY_PREFIX_RE.test(prefix.replace(/[,*_]/g, ' '));
}

export function collectRawEntries(tree: Root, section: Section, lines: Lines): RawEntry[] {
  const entries: RawEntry[] = [];
  const looseLines: Array<{ n: number; text: string; column: number; dateContext?: DateParts | undefined; zoneContext?: Zone | undefined }> = [];
  let sawTimedLine = false;
  let dateContext: DateParts | undefined;
  let zoneContext: Zone | undefined = contextZone(section.heading)?.zone;
  const pushLine = (n: number, text: string, column: number): void => {
    entries.push({ line: n, column, endLine: n, endColumn: column + text.length, text, textColumn: column, ...(dateContext ? { dateContext } : {}), ...(zoneContext ? { zoneContext } : {}) });
  };
  for (const node of sectionNodes(tree, section)) {
    if (node.type === 'heading') {
      const text = textOf(node);
      const d = isDateLine(text);
      if (d) dateContext = d;
      const z = contextZone(text);
      if (z) zoneContext = z.zone;
      continue;
    }
    if (node.type === 'list') {
      for (const item of (node as List).children) entries.push(listItemEntry(item, lines, dateContext, zoneContext));
      continue;
    }
    if (node.type === 'table') {
      const table = node as Table;
      for (const row of table.children.slice(1)) {
        const text = row.children.map((c) => textOf(c).trim()).join(' | ');
        entries.push({ ...spanOf(row), text, textColumn: row.position!.start.column, ...(dateContext ? { dateContext } : {}), ...(zoneContext ? { zoneContext } : {}) });
      }
      continue;
    }
    if (node.type !== 'paragraph' && node.type !== 'html') continue;
    if (node.type === 'html' && !/<br|<p\b|<li\b/i.test((node as Html).value)) continue;
    if (node.type === 'paragraph' && node.onlyImages) continue;
    const from = Math.max(node.position!.start.line, section.contentStart);
    const to = Math.min(node.position!.end.line, section.contentEnd);
    let open: RawEntry | undefined;
    for (let n = from; n <= to; n++) {
      const rawLine = lines.line(n);
      // A line may hold several entries joined by <br> (or be one of an HTML block's lines).
      let offset = 0;
      for (const rawPiece of rawLine.split(/(<br\s*\/?>|<\/?(?:li|p|div)\b[^>]*>)/i)) {
        const pieceOffset = offset;
        offset += rawPiece.length;
        if (/^<[^>]*>$/.test(rawPiece)) continue;
        const piece = node.type === 'html' ? rawPiece.replace(/<[^>]*>/g, '') : rawPiece.replace(/\\$/, '');
        const trimmed = piece.trim();
        if (!trimmed) continue;
        const column = pieceOffset + piece.length - piece.trimStart().length + 1;
        if (ALL_TIMES_RE.test(trimmed) && trimmed.length < 80) {
          const zc = contextZone(trimmed);
          if (zc) zoneContext = zc.zone;
          open = undefined;
          continue;
        }
        const dl = isDateLine(plainLine(trimmed));
        if (dl && findTimes(trimmed).length === 0) {
          dateContext = dl;
          open = undefined;
          continue;
        }
        const times = findTimes(trimmed);
        const first = times[0];
        if (first && startsWithTime(trimmed, first)) {
          // One collapsed paragraph: "9:00 AM - a. 9:05 AM - b." splits at each time that follows a sentence end.
          const starts = [first, ...times.slice(1).filter((t) => /[.;!|•]\s*[*_]*\s*$/.test(trimmed.slice(0, t.index)))];
          starts.forEach((t, i) => {
            const at = i === 0 ? 0 : t.index;
            const next = starts[i + 1];
            const text = trimmed.slice(at, next ? next.index : undefined).trim();
            pushLine(n, text, column + at);
          });
          open = entries[entries.length - 1];
          sawTimedLine = true;
        } else if (open) {
          open.text += ` ${trimmed}`;
          open.endLine = n;
          open.endColumn = column + trimmed.length;
        } else {
          looseLines.push({ n, text: trimmed, column, dateContext, zoneContext });
        }
      }
    }
  }
  // A timeline of bare lines whose times are not at the start ("Detected at 6:00 AM"): every line is an entry.
  if (!sawTimedLine && entries.length === 0) {
    for (const l of looseLines) {
      entries.push({ line: l.n, column: l.column, endLine: l.n, endColumn: l.column + l.text.length, text: l.text, textColumn: l.column, ...(l.dateContext ? { dateContext: l.dateContext } : {}), ...(l.zoneContext ? { zoneContext: l.zoneContext } : {}) });
    }
    entries.sort((a, b) => a.line - b.line);
  }
  return entries;
}

function listItemEntry(item: ListItem, lines: Lines, dateContext?: DateParts, zoneContext?: Zone): RawEntry {
  const first = item.children[0];
  const span = spanOf(item);
  let text: string;
  let textColumn = span.column;
  if (first && first.position && (first.type === 'paragraph' || first.type === 'heading')) {
    const ls = lines.range(first.position.start.line, first.position.end.line);
    if (ls.length > 0) ls[0] = ls[0]!.slice(first.position.start.column - 1);
    text = ls.map((l) => l.trim()).join(' ');
    textColumn = first.position.start.column;
    // "- **Detection Time:**" with its value in a nested bullet
    if (/:\s*[*_]*\s*$/.test(text) && findTimes(plainLine(text)).length === 0) {
      const rest = textOfAll(item.children.slice(1)).replace(/\s+/g, ' ').trim();
      if (rest) text = `${text} ${rest}`;
    }
  } else {
    text = textOf(item).trim();
  }
  return {
    ...span,
    endLine: first?.position?.end.line ?? span.endLine,
    text,
    textColumn,
    ...(dateContext ? { dateContext } : {}),
    ...(zoneContext ? { zoneContext } : {}),
  };
}
