/**
 * Raw timeline entries: the lines of the timeline section that carry a time, in every block people put them in
 * (lists, tables, paragraphs of bare lines, one collapsed paragraph, HTML), with the date and zone in force there.
 */
import type { Zone } from 'luxon';
import type { Block, List, ListItem, Root } from './markdown.js';
import { textOf, textOfAll } from './markdown.js';
import type { Section, Span } from './model.js';
import { sectionNodes } from './sections.js';
import { plainLine, spanOf, type Lines } from './text.js';
import { findTimes } from './time.js';
import { findDates, type DateParts } from './dates.js';
import { contextZone, statesZone } from './zones.js';
import { directTimed, looksTimed, QUOTE_PREFIX_RE, startsWithTime, timedBelow, timedItems } from './timed-lines.js';

export { QUOTE_PREFIX_RE, startsWithTime };

/**
 * The day a heading over timeline entries names: a date line, or a short heading with one date and no time
 * ("Day 2 — Wednesday 13 May 2026", "Second day (May 13)").
 */
function dayHeader(plain: string): DateParts | undefined {
  const d = isDateLine(plain);
  if (d || plain.length > 60 || findTimes(plain).length > 0) return d;
  const dates = findDates(plain);
  return dates.length === 1 ? dates[0]!.date : undefined;
}

function isDateLine(plain: string): DateParts | undefined {
  const stripped = plain.replace(/^[#\s*_-]+|(?<![\s*_:])[\s*_:]+$/g, '');
  const dates = findDates(stripped);
  const d = dates[0];
  if (d && d.index === 0 && d.length >= stripped.replace(/(?<!\s)\s*\([^()]*\)\s*$/, '').length - 1) return d.date;
  return undefined;
}

export interface RawEntry extends Span {
  text: string;
  /** Offset of `text` in the line for time positions (column of text[0]). */
  textColumn: number;
  dateContext?: DateParts;
  zoneContext?: Zone;
}

const SUMMARY_RE = /<summary\b[^>]*>([^<]{1,200})<\/summary>/;

/** A time that begins a sentence: after its end, maybe after "At" ("… out. At 10:04 the pods…"); [1] is the word. */
const SENTENCE_START_RE = /[.;!|•][ \t]*(?:[*_]+[ \t]*)?((?:(?:at|by|around|about|from|on)[ \t]+)?)$/i;

export function collectRawEntries(tree: Root, section: Section, lines: Lines): RawEntry[] {
  const entries: RawEntry[] = [];
  const looseLines: Array<{ n: number; text: string; column: number; dateContext?: DateParts | undefined; zoneContext?: Zone | undefined }> = [];
  let sawTimedLine = false;
  /** Lines of log blocks (fenced or indented lines that start with times). */
  const logBlocks: Array<[number, number]> = [];
  /** The entry a heading opened: the paragraphs below it tell its story. */
  let headingEntry: RawEntry | undefined;
  let dateContext: DateParts | undefined;
  let zoneContext: Zone | undefined = contextZone(section.heading)?.zone;
  const pushLine = (n: number, text: string, column: number): void => {
    entries.push({ line: n, column, endLine: n, endColumn: column + text.length, text, textColumn: column, ...(dateContext ? { dateContext } : {}), ...(zoneContext ? { zoneContext } : {}) });
  };
  // Blocks in document order; quotes and lists are opened in place (a stack, not recursion: any depth is fine).
  const stack: Array<Block | ListItem> = sectionNodes(tree, section).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'heading') {
      const text = textOf(node);
      headingEntry = undefined;
      // A narrative timeline: each entry a heading ("### 21:10 — Planned failover"), its story in the paragraphs below.
      const plain = plainLine(text);
      const t = findTimes(plain)[0];
      // ("### 14:00–15:00" over timed lines of its own is a group of entries, not one.)
      if (t && startsWithTime(plain, t) && node.position!.start.line > section.line && !timedBelow(lines, node.position!.end.line + 1, section.contentEnd)) {
        const raw = lines.line(node.position!.start.line).trimEnd();
        const marker = /^\s{0,3}#{1,6}[ \t]+/.exec(raw)?.[0].length ?? 0;
        let end = raw.length;
        while (end > marker && raw[end - 1] === '#') end--; // a closing sequence "## 21:10 — a ##"
        const body = end < raw.length && /\s/.test(raw[end - 1] ?? '') ? raw.slice(marker, end).trimEnd() : raw.slice(marker);
        pushLine(node.position!.start.line, body, marker + 1);
        headingEntry = entries[entries.length - 1];
        sawTimedLine = true;
        continue;
      }
      const d = dayHeader(plain);
      if (d) dateContext = d;
      const z = contextZone(text);
      if (z) zoneContext = z.zone;
      continue;
    }
    if (node.type === 'blockquote') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      continue;
    }
    if (node.type === 'list') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      continue;
    }
    if (node.type === 'listItem') {
      // Only the section's own items (a section in a bullet of a list that holds the whole report).
      if (node.position!.start.line < section.line || node.position!.start.line > section.contentEnd) continue;
      // "- May 3" or "- Detection" with timed entries nested under it: a group, read for its date, then opened.
      // ("- **Detected:**" over one nested "- 10:15 AM" is one entry, its value nested: listItemEntry.)
      const nested = node.children.filter((c): c is List => c.type === 'list');
      const head = node.children[0];
      const headText = head && head.type !== 'list' ? plainLine(textOf(head)) : '';
      const headTime = findTimes(headText)[0];
      const d = dayHeader(headText);
      if (nested.length > 0 && !(headTime && startsWithTime(headText, headTime)) && nested.reduce((n, l) => n + timedItems(l, 2), 0) >= (d || !/:\s*$/.test(headText) ? 1 : 2)) {
        if (d) dateContext = d;
        for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
        continue;
      }
      entries.push(listItemEntry(node, lines, dateContext, zoneContext));
      // Timed items nested under a timed item are entries of their own ("- 10:02 cert rolled" over "  - 10:04 first report").
      if (headTime && startsWithTime(headText, headTime) && nested.some((l) => directTimed(l))) {
        for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
      }
      continue;
    }
    if (node.type === 'table') {
      for (const row of node.children.slice(1)) {
        const text = row.children.map((c) => textOf(c).trim()).join(' | ');
        entries.push({ ...spanOf(row), text, textColumn: row.position!.start.column, ...(dateContext ? { dateContext } : {}), ...(zoneContext ? { zoneContext } : {}) });
      }
      continue;
    }
    let from = Math.max(node.position!.start.line, section.contentStart);
    let to = Math.min(node.position!.end.line, section.contentEnd);
    if (node.type === 'code') {
      // Indented or fenced lines that are a timeline (log-like: most lines start with a time), not code.
      if (/^\s*(?:>\s*)*(?:`{3,}|~{3,})/.test(lines.line(from))) {
        from++;
        if (/^\s*(?:>\s*)*(?:`{3,}|~{3,})\s*$/.test(lines.line(to))) to--;
      }
      if (!looksTimed(lines, from, to)) continue;
    } else if (node.type !== 'paragraph' && node.type !== 'html') continue;
    if (node.type === 'html' && node.value.includes('<summary')) {
      // A timeline folded in <details>: its <summary> line is its heading ("Timeline (UTC), from the channel").
      const summary = SUMMARY_RE.exec(node.value);
      const z = summary ? contextZone(summary[1]!) : undefined;
      if (z) zoneContext = z.zone;
    }
    if (node.type === 'html' && !/<br|<p\b|<li\b|<tr\b/i.test(node.value)) continue;
    if (node.type === 'paragraph' && node.onlyImages) continue;
    let open: RawEntry | undefined = node.type === 'paragraph' ? headingEntry : undefined;
    if (node.type === 'code') logBlocks.push([from, to]);
    for (let n = from; n <= to; n++) {
      // Quote markers blanked, columns kept.
      const rawLine = lines.line(n).replace(QUOTE_PREFIX_RE, (q) => ' '.repeat(q.length));
      // A line may hold several entries joined by <br> (or be one of an HTML block's lines).
      let offset = 0;
      // (An HTML table's row is an entry, its cells joined as a Markdown table's are: "10:03 | Failover".)
      for (const rawPiece of rawLine.split(/(<br\s*\/?>|<\/?(?:li|p|div|tr)\b[^>]*>)/i)) {
        const pieceOffset = offset;
        offset += rawPiece.length;
        if (/^<[^>]*>$/.test(rawPiece)) continue;
        const piece = node.type === 'html' ? rawPiece.replace(/<\/t[dh]>\s*(?=<t[dh]\b)/gi, ' | ').replace(/<[^<>]*>/g, '') : rawPiece.replace(/\\$/, '');
        const trimmed = piece.trim();
        if (!trimmed) continue;
        const column = pieceOffset + piece.length - piece.trimStart().length + 1;
        const zc = trimmed.length < 80 && statesZone(trimmed) ? contextZone(trimmed) : undefined;
        if (zc) {
          zoneContext = zc.zone;
          open = undefined;
          // ("All times UTC. At 09:00 the alert fired." goes on to its entries.)
          if (findTimes(trimmed).length === 0) continue;
        }
        const dl = isDateLine(plainLine(trimmed));
        if (dl && findTimes(trimmed).length === 0) {
          dateContext = dl;
          open = undefined;
          continue;
        }
        const times = findTimes(trimmed);
        const first = times[0];
        // Each sentence that begins with a time is an entry: in one collapsed paragraph ("9:00 AM - a. 9:05 AM - b.")
        // and in prose ("All times UTC. At 10:00 the rollout started. At 10:04 the pods came up.").
        const starts = first && startsWithTime(trimmed, first) ? [0] : [];
        for (const t of times) {
          if (t === first && starts.length > 0) continue;
          const m = SENTENCE_START_RE.exec(trimmed.slice(Math.max(0, t.index - 40), t.index));
          if (m) starts.push(t.index - m[1]!.length);
        }
        if (starts.length > 0) {
          const before = trimmed.slice(0, starts[0]).trim();
          if (before && open) {
            open.text += ` ${before}`;
            open.endLine = n;
          } else if (before) looseLines.push({ n, text: before, column, dateContext, zoneContext });
          starts.forEach((at, i) => {
            const text = trimmed.slice(at, starts[i + 1]).trim();
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
  // A log pasted below a timeline written out (a list, a table, lines) backs it up: its lines are not entries.
  // Alone, a log is the timeline.
  if (logBlocks.length > 0) {
    const inLog = (e: RawEntry): boolean => logBlocks.some(([a, b]) => e.line >= a && e.line <= b);
    if (entries.some((e) => !inLog(e) && findTimes(plainLine(e.text)).length > 0)) return entries.filter((e) => !inLog(e));
  }
  // A timeline of bare lines whose times are not at the start ("Detected at 6:00 AM"): every line is an entry.
  if (!sawTimedLine && entries.length === 0) {
    const heads = chatHeads(looseLines);
    for (let i = 0; i < looseLines.length; i++) {
      const l = looseLines[i]!;
      const entry: RawEntry = { line: l.n, column: l.column, endLine: l.n, endColumn: l.column + l.text.length, text: l.text, textColumn: l.column, ...(l.dateContext ? { dateContext: l.dateContext } : {}), ...(l.zoneContext ? { zoneContext: l.zoneContext } : {}) };
      // A chat pasted as is: the message lines right under a "Name  2:05 PM" line are its entry's text.
      while (heads && i + 1 < looseLines.length && !heads[i + 1] && looseLines[i + 1]!.n === entry.endLine + 1) {
        const m = looseLines[++i]!;
        entry.text += ` ${m.text}`;
        entry.endLine = m.n;
        entry.endColumn = m.column + m.text.length;
      }
      entries.push(entry);
    }
    entries.sort((a, b) => a.line - b.line);
  }
  return entries;
}

/** A chat's message header: a name (or nothing) and a time at the end, nothing else ("Sam Lee  2:05 PM", "Priya 14:09"). */
const CHAT_HEAD_RE = /^[@\p{L}][\p{L}\p{M}.'’ -]{0,40}?\s+(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?)$/u;

/**
 * Which of a run of loose lines head a chat's messages, when the run is a chat pasted as is: it opens with a header
 * line, has two or more, and every other line is a message (no time in it). Undefined otherwise.
 */
function chatHeads(lines: ReadonlyArray<{ text: string }>): boolean[] | undefined {
  if (lines.length < 3) return undefined;
  const heads = lines.map((l) => l.text.length <= 60 && CHAT_HEAD_RE.test(plainLine(l.text)));
  if (!heads[0] || heads.filter(Boolean).length < 2) return undefined;
  if (lines.some((l, i) => !heads[i] && findTimes(plainLine(l.text)).length > 0)) return undefined;
  return heads;
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
    if (/:\s*(?:[*_]+\s*)?$/.test(text) && findTimes(plainLine(text)).length === 0) {
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
