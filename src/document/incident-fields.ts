/**
 * Where labelled fields stand in a document: "Label: value" lines (bold, in lists, in blockquotes), a label alone
 * with its value on the next line, Markdown tables, HTML tables, front matter values as people write them and
 * sections headed by a label. Code blocks are left out and code spans quote labels rather than state them. What a
 * label names and how its value is read: ./incident-labels.ts.
 */
import type { Node, Root } from './markdown.js';
import type { FrontMatter, Section } from './model.js';
import { hasDigit, type Lines } from './text.js';
import { colonFields, keyKind, LABEL_HINT_RE, labelKind, readValue, tableFields, type Cell, type FieldKind, type FieldTime } from './incident-labels.js';

const NON_BLANK_RE = /\S/;
const PREFIX_RE = /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?/;
/** The dash between a label and its value: "Detected — 14:05", "Start - 14:00". */
const DASH_RE = /[ \t][-\u2013\u2014][ \t]/;
/** A code span, which may run over the lines of its paragraph but not past a blank line. */
const INLINE_CODE_RE = /`(?:[^`\n]|\n(?!\n))*`/g;

/** A text with its code spans blanked, line breaks and lengths kept: code is quoted, not stated. */
export function blankCode(text: string): string {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  const out = text.includes('`') ? text.replace(INLINE_CODE_RE, blank) : text;
  // And HTML's: <code>…</code>, <pre>…</pre>.
  return out.includes('<code') || out.includes('<pre') ? out.replace(HTML_CODE_RE, blank) : out;
}
const HTML_CODE_RE = /<code\b[^<>]*>[^<]*<\/code>|<pre\b[^<>]*>[^<]*<\/pre>/gi;
/** A table's delimiter row, its blanks taken out. */
const DELIMITER_ROW_RE = /^\|?:?-+:?(?:\|:?-+:?)*\|?$/;

/** The cells of a Markdown table row, each with its column. */
function cellsOf(text: string, line: number, column: number): Cell[] {
  const cells: Cell[] = [];
  const body = text.trim().startsWith('|') ? text.slice(text.indexOf('|') + 1) : text;
  let at = column + (text.length - body.length);
  for (const piece of body.split(/(?<!\\)\|/)) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed || cells.length > 0) cells.push({ text: trimmed, line, column: at + lead });
    at += piece.length + 1;
  }
  if (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells;
}

/** What the fields pass needs of the Markdown structure: the lines of code and HTML blocks, the HTML blocks. */
export interface Layout {
  skip: Set<number>;
  /** The lines of HTML blocks (among `skip`): their "<strong>Label:</strong> value" fields are read with the tags blanked. */
  htmlLines: Set<number>;
  html: Array<{ value: string; line: number; column: number }>;
}

/** The lines of code and HTML blocks (read once per document). */
export function layoutOf(tree: Root): Layout {
  const layout: Layout = { skip: new Set<number>(), htmlLines: new Set<number>(), html: [] };
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'html') {
      for (let n = node.position.start.line; n <= node.position.end.line; n++) {
        layout.skip.add(n);
        if (node.type === 'html') layout.htmlLines.add(n);
      }
      if (node.type === 'html' && node.value.includes('<t')) layout.html.push({ value: node.value, line: node.position.start.line, column: node.position.start.column - 1 });
    } else if ('children' in node) for (const c of node.children) stack.push(c as Node);
  }
  layout.html.sort((a, b) => a.line - b.line);
  return layout;
}

/**
 * A line whose code spans label nothing: a colon in code that is not a time's ("`started: 2024-05-02T14:00Z`" quotes
 * a field, it states none) is blanked; times in code ("Start: `14:00 UTC`") are read. A span runs on from the line
 * before when `inCode`; returned with whether one runs on to the next line.
 */
function unlabelLine(line: string, inCode: boolean): { text: string; inCode: boolean } {
  const parts = line.split('`');
  for (let i = inCode ? 0 : 1; i < parts.length; i += 2) parts[i] = parts[i]!.replace(/(?<!\d):|:(?!\d)/g, ' ');
  return { text: parts.join('`'), inCode: parts.length % 2 === 0 ? !inCode : inCode };
}


/**
 * An HTML line with its tags and code blanked (columns kept); a term's end ("</dt>") reads as the colon after a label.
 */
function untag(line: string): string {
  return blankCode(line).replace(/<(\/dt\b)?[^<>]*>/gi, (m, dt: string | undefined) => (dt ? `:${' '.repeat(m.length - 1)}` : ' '.repeat(m.length)));
}

/** Fields on lines from..to (1-based, inclusive), code blocks left out, HTML tables read by their cells. */
export function readFields(lines: Lines, from: number, to: number, layout: Layout): FieldTime[] {
  const { skip } = layout;
  const out: FieldTime[] = [];
  for (const h of layout.html) if (h.line >= from && h.line <= to) htmlFields(h.value, h.line, h.column, out);
  let table: { header?: Cell[]; rows: Cell[][] } | undefined;
  let pending: { label: { kind: FieldKind; zone?: string }; line: number } | undefined;
  // Inline code quotes labels, it states none; a code span may run over the lines of its paragraph.
  let inCode = false;
  let inPre = false;
  const flush = (): void => {
    if (table) tableFields(table.rows, table.header, out);
    table = undefined;
  };
  for (let n = Math.max(1, from); n <= Math.min(to, lines.count); n++) {
    let raw = lines.line(n);
    // An HTML line that is no table's ("<p><strong>Start:</strong> 14:05 UTC", "<dt>End</dt><dd>15:10</dd>"); code
    // (<pre>, <code>) quotes labels, it states none.
    if (layout.htmlLines.has(n)) {
      const pre: boolean = inPre || raw.includes('<pre');
      inPre = pre && !raw.includes('</pre');
      if (!pre && raw.length <= 400 && raw.includes('<') && !raw.includes('<t') && hasDigit(raw) && LABEL_HINT_RE.test(raw)) {
        const text = untag(raw);
        if (text.includes(':')) colonFields({ text, line: n, column: 0 }, out);
      }
    } else inPre = false;
    if (skip.has(n) || raw.length > 400 || !NON_BLANK_RE.test(raw)) {
      flush();
      inCode = false;
      continue;
    }
    if (inCode || raw.includes('`')) ({ text: raw, inCode } = unlabelLine(raw, inCode));
    const bar = raw.includes('|');
    // Only a table's rows (its header may hold no digit) and lines with a digit can give a time; a short line without
    // one may be a label whose value is on the next line ("**Start time:**" / "14:00 UTC").
    if (!table && !bar && !hasDigit(raw)) {
      let e = raw.length - 1;
      while (e > 0 && (raw.charCodeAt(e) === 32 || raw.charCodeAt(e) === 9)) e--;
      const last = raw.charCodeAt(e);
      const label = e < 80 && (last === 58 || last === 42 || last === 95) && LABEL_HINT_RE.test(raw) ? labelKind(raw.replace(PREFIX_RE, '').replace(/[*_\s]/g, ' ').trim().replace(/:$/, '')) : undefined;
      pending = label ? { label, line: n } : undefined;
      continue;
    }
    const prefix = PREFIX_RE.exec(raw)![0];
    const rest = raw.slice(prefix.length);
    if (pending && n - pending.line <= 2) {
      const f = readValue(pending.label.kind, pending.label, { text: rest, line: n, column: prefix.length });
      pending = undefined;
      if (f) {
        out.push(f);
        continue;
      }
    }
    pending = undefined;
    if (bar) {
      if (DELIMITER_ROW_RE.test(rest.replace(/[ \t]/g, ''))) {
        if (table && table.rows.length === 1 && !table.header) table.header = table.rows[0];
        continue;
      }
      table ??= { rows: [] };
      table.rows.push(cellsOf(rest, n, prefix.length));
      continue;
    }
    flush();
    if (!LABEL_HINT_RE.test(rest)) continue;
    const before = out.length;
    if (rest.includes(':')) colonFields({ text: rest, line: n, column: prefix.length }, out);
    // "Start time — 14:00 UTC": a label, a dash between blanks, the value.
    const dash = out.length === before ? DASH_RE.exec(rest) : null;
    const label = dash ? labelKind(rest.slice(0, dash.index)) : undefined;
    const f = dash && label ? readValue(label.kind, label, { text: rest.slice(dash.index + dash[0].length), line: n, column: prefix.length + dash.index + dash[0].length }) : undefined;
    if (f) out.push(f);
  }
  flush();
  // In the document's order, HTML tables among the lines ("the first start" is the one written first).
  return out.sort((a, b) => a.line - b.line);
}

/** Front matter fields with a value as people write it ("start: 14:00 UTC", "window: 14:00–15:30 UTC"). */
export function frontMatterFields(fm: FrontMatter, lines: Lines): FieldTime[] {
  const out: FieldTime[] = [];
  for (const [key, v] of Object.entries(fm.data)) {
    const span = fm.fields[key];
    if (typeof v !== 'string' || !span || v.length > 200) continue;
    const label = keyKind(key);
    if (!label) continue;
    const at = lines.line(span.line).indexOf(v);
    const f = readValue(label.kind, label, { text: v, line: span.line, column: Math.max(0, at) });
    if (f) out.push(f);
  }
  return out;
}

/** Fields whose label is a section's heading and whose value is the section's first line ("### Start time" / "14:00 UTC"). */
export function headingFields(sections: Section[], lines: Lines): FieldTime[] {
  const out: FieldTime[] = [];
  for (const s of sections) {
    if (s.style === 'inline' || s.ids.length > 0) continue;
    const label = labelKind(s.heading);
    if (!label) continue;
    for (let n = s.contentStart; n <= Math.min(s.contentEnd, s.contentStart + 3); n++) {
      const raw = lines.line(n);
      if (!raw.trim()) continue;
      const prefix = PREFIX_RE.exec(raw)![0];
      const f = readValue(label.kind, label, { text: raw.slice(prefix.length), line: n, column: prefix.length });
      if (f) out.push(f);
      break;
    }
  }
  return out;
}

/** Fields of an HTML table: its rows' cells, placed at their line and column in the source. */
function htmlFields(html: string, line: number, column: number, out: FieldTime[]): void {
  if (!/<t[dh]\b/i.test(html) || html.length > 20_000) return;
  // Cells come in order: their lines are counted on from the last one placed (linear in the table's length).
  let seen = 0;
  let seenLine = line;
  let lineStart = -column;
  const place = (index: number): { line: number; column: number } => {
    for (let i = html.indexOf('\n', seen); i >= 0 && i < index; i = html.indexOf('\n', i + 1)) {
      seenLine++;
      lineStart = i + 1;
    }
    seen = Math.max(seen, index);
    return { line: seenLine, column: index - lineStart };
  };
  const rows: Cell[][] = [];
  let header: Cell[] | undefined;
  const starts = [0];
  const tr = /<tr\b[^<>]*>/gi;
  for (let m = tr.exec(html); m; m = tr.exec(html)) starts.push(m.index + m[0].length);
  for (let r = 0; r < starts.length; r++) {
    const start = starts[r]!;
    const row = html.slice(start, starts[r + 1] ?? html.length);
    const cells: Cell[] = [];
    let onlyHeads = true;
    const open = /<(t[dh])\b[^<>]*>/gi;
    const close = /<\/t[dh]>|<t[dhr]\b/gi;
    for (let m = open.exec(row); m; m = open.exec(row)) {
      const from = m.index + m[0].length;
      close.lastIndex = from;
      const end = close.exec(row)?.index ?? row.length;
      const inner = row.slice(from, end);
      if (m[1]!.toLowerCase() === 'td') onlyHeads = false;
      const text = inner.replace(/<[^<>]*>/g, ' ');
      const lead = text.length - text.trimStart().length;
      cells.push({ text: text.trim(), ...place(start + from + lead) });
    }
    if (cells.length === 0) continue;
    if (onlyHeads && rows.length === 0 && cells.length > 1) header = cells;
    rows.push(cells);
  }
  tableFields(rows, header, out);
}
