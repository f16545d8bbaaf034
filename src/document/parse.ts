/**
 * The one parser: text → Postmortem model. Every command reads documents through `parsePostmortem`.
 *
 * Markdown structure comes from micromark, remark's tokenizer, with front matter, GFM tables and task items
 * (./markdown.ts: the blocks, their positions and their text, without an mdast tree). On top of it we read what
 * people write outside Markdown's rules: headings as bold lines or lone "Label:" lines, timelines as bare lines or
 * one collapsed paragraph, times in a dozen styles.
 */
import { actionPriority, actionStatus, isTicket, statusOfCell, taskText } from './action-lifecycle.js';
import { DateTime, FixedOffsetZone, type Zone } from 'luxon';
import { parseMarkdown as readMarkdown, textOf, textOfAll, type Block, type Html, type List, type ListItem, type Node, type Paragraph, type Root, type Table } from './markdown.js';
import { parseTomlFrontMatter, parseYamlFrontMatter } from './frontmatter.js';
import { normalizeHeading, SectionMatcher } from './headings.js';
import type {
  ActionItem,
  Directive,
  FrontMatter,
  HeadingStyle,
  Incident,
  Postmortem,
  Section,
  Span,
  StatedDurationMention,
  TimelineEntry,
} from './model.js';
import {
  findDates,
  findDurations,
  findTimes,
  formatInstant,
  minutesBetween,
  parseIsoDateTime,
  resolveZone,
  type ClockTime,
  type DateParts,
} from './time.js';

export interface ParseOptions {
  /** Extra section names by id (from the template), added to the built-in synonyms. */
  sectionAliases?: Record<string, string[]>;
  /** Zone to assume when the document states none (IANA name), e.g. from the config. */
  defaultTimezone?: string;
}

const defaultMatcher = new SectionMatcher();
const matcherCache = new Map<string, SectionMatcher>();

function matcherFor(aliases: Record<string, string[]> | undefined): SectionMatcher {
  if (!aliases || Object.keys(aliases).length === 0) return defaultMatcher;
  const key = JSON.stringify(aliases);
  let m = matcherCache.get(key);
  if (!m) {
    m = new SectionMatcher(aliases);
    matcherCache.set(key, m);
  }
  return m;
}

/** Lines of a text, any line ending (CRLF, LF, lone CR), as micromark counts them. Split once, read often. */
export class Lines {
  readonly all: string[];
  constructor(text: string) {
    this.all = text.split(/\r\n|\r|\n/);
  }
  get count(): number {
    return this.all.length;
  }
  /** Text of 1-based line n, without its line ending. */
  line(n: number): string {
    return this.all[n - 1] ?? '';
  }
  range(from: number, to: number): string[] {
    return this.all.slice(Math.max(1, from) - 1, Math.max(0, Math.min(to, this.count)));
  }
}

/** Words per line of the body (after the front matter), counted once: the document's and every section's count are sums. */
class LineWords {
  private readonly counts: Int32Array;
  constructor(private readonly lines: Lines, bodyStart: number) {
    this.counts = countLineWords(lines.all, bodyStart);
  }
  /** Words on lines from..to (1-based, inclusive), comments left out; lines that look like ATX headings too when `skipHeadings`. */
  in(from: number, to: number, skipHeadings = false): number {
    let sum = 0;
    for (let n = Math.max(1, from); n <= Math.min(to, this.lines.count); n++) {
      if (skipHeadings && ATX_LIKE_RE.test(this.lines.all[n - 1]!)) continue;
      sum += this.counts[n - 1]!;
    }
    return sum;
  }
}

const ATX_LIKE_RE = /^\s*#{1,6}\s/;
const COMMENT_RE = /(?<!\\)<!--[\s\S]*?-->/g;

function countLineWords(all: string[], bodyStart: number): Int32Array {
  const out = new Int32Array(all.length);
  let lines = all;
  const first = Math.max(0, bodyStart - 1);
  const body = first === 0 ? all : all.slice(first);
  if (body.some((l) => l.includes('<!--'))) {
    // Blank comments out, line breaks kept, so a comment over several lines counts on none of them.
    lines = body.join('\n').replace(COMMENT_RE, (c) => c.replace(/[^\n]+/g, ' ')).split('\n');
    for (let i = 0; i < lines.length; i++) out[first + i] = wordCount(lines[i]!);
    return out;
  }
  for (let i = first; i < all.length; i++) out[i] = wordCount(all[i]!);
  return out;
}

interface Candidate extends Span {
  text: string;
  style: HeadingStyle;
  depth: number;
  ids: string[];
  /** First line of content. */
  contentStart: number;
  /** For inline labels: the last line of the paragraph holding them. */
  blockEnd?: number;
  /** Column where an inline label's content starts. */
  contentColumn?: number;
}

const BOLD_SEGMENT = /(\*\*|__)(.+?)\1/g;

/** Markdown emphasis, escapes and HTML breaks stripped from one source line. */
function plainLine(line: string): string {
  let out = line;
  // Each pass only where its character occurs: most lines have none of them.
  if (out.includes('<')) out = out.replace(/<br\s*\/?>/gi, ' ');
  if (out.includes('\\')) out = out.replace(/\\$/, '');
  if (out.includes('*') || out.includes('_')) {
    out = out.replace(/(\*\*|__)/g, '').replace(/(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])/g, '');
  }
  if (out.includes('`')) out = out.replace(/`/g, '');
  if (out.includes('\\')) out = out.replace(/\\([!-/:-@[-`{-~])/g, '$1'); // Markdown escapes: the text as a reader sees it
  return out.trim();
}

/** JavaScript's \s: the characters that separate words. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** Whitespace-separated tokens holding a letter or a digit, comments left out. One pass over the characters. */
function wordCount(text: string): number {
  const t = text.includes('<!--') ? text.replace(COMMENT_RE, ' ') : text;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) {
      inWord = false;
      continue;
    }
    if (inWord) continue;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      inWord = true;
      count++;
    } else if (c >= 128) {
      const cp = t.codePointAt(i)!;
      if (LETTER_OR_DIGIT_RE.test(String.fromCodePoint(cp))) {
        inWord = true;
        count++;
      }
      if (cp > 0xffff) i++;
    }
  }
  return count;
}

function isDateLine(plain: string): DateParts | undefined {
  const stripped = plain.replace(/^[#\s*_-]+|[\s*_:]+$/g, '');
  const dates = findDates(stripped);
  const d = dates[0];
  if (d && d.index === 0 && d.length >= stripped.replace(/\s*\([^)]*\)\s*$/, '').length - 1) return d.date;
  return undefined;
}

const ALL_TIMES_RE = /\b(?:all\s+times?(?:\s+are)?(?:\s+(?:in|are))?|times?\s+(?:are\s+)?(?:in|shown in))\s*:?\s*\(?([A-Z]{1,5}(?:\/[A-Z]{3,4})?|(?:UTC|GMT)\s*[-\u2212+]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]+\/[A-Za-z_]+)/i;
const STANDALONE_ZONE_RE = /(?:\b(?:UTC|GMT)\s*[-\u2212\u2013+]\s*\d{1,2}(?::?\d{2})?|\b(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|SAST|CAT|EAT|WAT|IST|JST|AEST|AEDT|SGT)\b)/;

/** A zone stated for a block of times: "(all times GMT)", "All times in PST", "Timeline (UTC−05:00)". */
function contextZone(text: string): { zone: Zone; name: string } | undefined {
  const all = ALL_TIMES_RE.exec(text);
  if (all) {
    const zone = resolveZone(all[1]);
    if (zone) return { zone, name: all[1]! };
  }
  const paren = /\(([^)]*)\)/.exec(text);
  if (paren) {
    const m = STANDALONE_ZONE_RE.exec(paren[1]!);
    if (m) {
      const zone = resolveZone(m[0]);
      if (zone) return { zone, name: m[0] };
    }
  }
  return undefined;
}

function zoneName(zone: Zone): string {
  if (zone instanceof FixedOffsetZone) return zone.name === 'UTC' ? 'UTC' : zone.name;
  return zone.name;
}

const MAX_NESTING = 16;
const RISKY_RE = new RegExp(`^[ \\t]{${MAX_NESTING * 2},}|^(?:[ \\t]*>){${MAX_NESTING},}|([*_~])\\1{63,}`, 'm');

/**
 * Markdown no person writes, but a fuzzer or a broken export does, makes the Markdown parser recurse or backtrack
 * for minutes: thousands of nested quotes or lists, or runs of thousands of emphasis markers. Cap nesting and blank
 * out such runs, keeping every line (and so every line number) where it is.
 */
export function guardMarkdown(source: string): string {
  if (!RISKY_RE.test(source)) return source;
  return source
    .split(/(\r\n|\r|\n)/)
    .map((part) => {
      let line = part;
      const indent = /^[ \t]*/.exec(line)![0];
      if (indent.length > MAX_NESTING * 2) line = line.slice(indent.length - MAX_NESTING * 2);
      const quotes = /^(?:[ \t]*>)+/.exec(line);
      if (quotes && (quotes[0].match(/>/g) ?? []).length > MAX_NESTING) line = '>'.repeat(MAX_NESTING) + line.slice(quotes[0].length);
      return line.replace(/([*_~])\1{63,}/g, (run) => ' '.repeat(run.length));
    })
    .join('');
}

function parseMarkdown(source: string): Root {
  try {
    return readMarkdown(guardMarkdown(source));
  } catch {
    // Never throw on a document: without its Markdown structure it still has lines, words and times.
    return { type: 'root', children: [], inlineHtml: [] };
  }
}

export function parsePostmortem(input: string, path = '<input>', options: ParseOptions = {}): Postmortem {
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new Lines(source);
  const tree = parseMarkdown(source);
  const matcher = matcherFor(options.sectionAliases);

  const frontMatter = readFrontMatter(tree);
  const bodyStart = frontMatter.span ? frontMatter.span.endLine + 1 : 1;
  const words = new LineWords(lines, bodyStart);
  const candidates = collectCandidates(tree, lines, matcher);
  const titleInfo = findTitle(tree, frontMatter, lines, bodyStart, candidates);
  const sections = buildSections(candidates, lines, words, titleInfo.titleLine);
  const directives = collectDirectives(tree);

  const fmZone = stringField(frontMatter.data, ['timezone', 'time_zone', 'tz']);
  const docDefaultZone = fmZone ?? options.defaultTimezone;
  const incident = inferIncident(frontMatter, sections, lines, bodyStart, titleInfo, docDefaultZone);
  const timeline = extractTimeline(tree, sections, lines, incident, docDefaultZone);
  const actionItems = extractActionItems(tree, sections, lines);

  return {
    path,
    source,
    title: titleInfo.title,
    template: stringField(frontMatter.data, ['template']) ?? null,
    frontMatter,
    sections,
    timeline,
    actionItems,
    incident,
    words: words.in(bodyStart, lines.count),
    directives,
    lineCount: lines.count,
  };
}

function stringField(data: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  }
  return undefined;
}

function readFrontMatter(tree: Root): FrontMatter {
  const first = tree.children[0] as (Block & { value?: string }) | undefined;
  const type = first?.type as string | undefined;
  if (!first?.position || (type !== 'yaml' && type !== 'toml')) {
    return { kind: null, data: {}, fields: {} };
  }
  const span: Span = {
    line: first.position.start.line,
    column: first.position.start.column,
    endLine: first.position.end.line,
    endColumn: first.position.end.column,
  };
  const value = first.value ?? '';
  const firstLine = span.line + 1;
  return type === 'yaml' ? parseYamlFrontMatter(value, firstLine, span) : parseTomlFrontMatter(value, firstLine, span);
}

function spanOf(node: Exclude<Node, Root>): Span {
  const p = node.position!;
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

const HTML_HEADING_RE = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const HTML_BOLD_LINE_RE = /^\s*(?:<p\b[^>]*>\s*)?<(strong|b)\b[^>]*>([^<]{2,80})<\/\1>\s*:?\s*(?:<\/p>)?\s*(?:<br\s*\/?>)?\s*$/i;

function collectCandidates(tree: Root, lines: Lines, matcher: SectionMatcher): Candidate[] {
  const out: Candidate[] = [];
  for (const node of tree.children) {
    if (!node.position) continue;
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      const startLine = lines.line(node.position.start.line);
      out.push({
        ...spanOf(node),
        text,
        style: /^\s{0,3}#/.test(startLine) ? 'atx' : 'setext',
        depth: node.depth,
        ids: matcher.match(text),
        contentStart: node.position.end.line + 1,
      });
    } else if (node.type === 'html') {
      collectHtmlCandidates(node, matcher, out);
    } else if (node.type === 'paragraph') {
      collectParagraphCandidates(node, lines, matcher, out);
    } else if (node.type === 'list') {
      // "- **Impact:** 30% of users…": a labelled bullet marks a section inside the one around it.
      for (const item of node.children) {
        const first = item.children[0];
        if (first?.type !== 'paragraph' || !first.position) continue;
        const line = lines.line(first.position.start.line);
        const text = line.slice(first.position.start.column - 1);
        const m = INLINE_LABEL_RE.exec(text.trim()) ?? LABEL_LINE_RE.exec(plainLine(text));
        if (!m) continue;
        const ids = matcher.match(m[1]!, true);
        if (ids.length === 0) continue;
        out.push({
          line: first.position.start.line,
          column: first.position.start.column,
          endLine: first.position.start.line,
          endColumn: line.length + 1,
          text: m[1]!.trim(),
          style: 'inline',
          depth: 8,
          ids,
          contentStart: first.position.start.line,
          contentColumn: first.position.start.column,
          blockEnd: item.position!.end.line,
        });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

function collectHtmlCandidates(node: Html, matcher: SectionMatcher, out: Candidate[]): void {
  const base = node.position!.start;
  const lineAt = (offset: number): { line: number; column: number } => {
    const before = node.value.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    const line = base.line + (before.match(/\n/g)?.length ?? 0);
    return { line, column: nl < 0 ? base.column + offset : offset - nl };
  };
  HTML_HEADING_RE.lastIndex = 0;
  for (let m = HTML_HEADING_RE.exec(node.value); m; m = HTML_HEADING_RE.exec(node.value)) {
    const text = m[2]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const start = lineAt(m.index);
    const end = lineAt(m.index + m[0].length);
    out.push({
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text,
      style: 'html',
      depth: Number(m[1]),
      ids: matcher.match(text),
      contentStart: end.line + 1,
    });
  }
  const valueLines = node.value.split(/\r\n|\r|\n/);
  valueLines.forEach((l, i) => {
    const m = HTML_BOLD_LINE_RE.exec(l);
    if (!m) return;
    const ids = matcher.match(m[2]!);
    if (ids.length === 0) return;
    const line = base.line + i;
    out.push({
      line,
      column: 1,
      endLine: line,
      endColumn: l.length + 1,
      text: m[2]!.trim(),
      style: 'bold',
      depth: 7,
      ids,
      contentStart: line + 1,
    });
  });
}

const LABEL_LINE_RE = /^([^:]{2,60}):\s*$/;
const INLINE_LABEL_RE = /^(?:\*\*|__|\*|_)?([\p{L}][^:*_]{1,40}?)(?:\*\*|__|\*|_)?\s*:\s*(?:\*\*|__|\*|_)?\s*(\S.*)$/u;

function collectParagraphCandidates(node: Paragraph, lines: Lines, matcher: SectionMatcher, out: Candidate[]): void {
  const { start, end } = node.position!;
  for (let n = start.line; n <= end.line; n++) {
    const raw = lines.line(n);
    const line = raw.includes('<') || raw.includes('\\') ? raw.replace(/\s*(?:<br\s*\/?>|\\)\s*$/i, '').trimEnd() : raw.trimEnd();
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const span = { line: n, column: indent + 1, endLine: n, endColumn: line.length + 1 };
    // An escaped colon or asterisk ("Timeline\\:", "\\*\\*Impact\\*\\*") is the author saying "this is text".
    if (/\\[:*_]/.test(trimmed)) continue;
    // A whole line in bold: "**Timeline:**", "**Root** **cause**"
    if (trimmed.length <= 120 && /\*\*|__/.test(trimmed) && trimmed.replace(BOLD_SEGMENT, '').replace(/[\s:]/g, '') === '') {
      const text = plainLine(trimmed).replace(/\s*:\s*$/, '');
      const ids = matcher.match(text);
      if (ids.length > 0 && text.split(/\s+/).length <= 12) {
        out.push({ ...span, text, style: 'bold', depth: 7, ids, contentStart: n + 1 });
      }
      continue;
    }
    const plain = plainLine(trimmed);
    // A lone "Label:" line: "Issue Summary:", "Timeline (all times GMT):"
    const label = LABEL_LINE_RE.exec(plain);
    if (label && /\p{L}/u.test(label[1]!) && label[1]!.split(/\s+/).length <= 10) {
      const ids = matcher.match(label[1]!);
      if (ids.length > 0) out.push({ ...span, text: label[1]!.trim(), style: 'label', depth: 7, ids, contentStart: n + 1 });
      continue;
    }
    // A bare line that is exactly a section name: "TIMELINE", "Issue Summary"
    if (!plain.includes(':') && plain.split(/\s+/).length <= 6) {
      const ids = matcher.match(plain, true);
      if (ids.length > 0) {
        out.push({ ...span, text: plain, style: 'label', depth: 7, ids, contentStart: n + 1 });
        continue;
      }
    }
    // "Impact: text…" at the start of a line: marks a section without ending the one around it.
    const inline = INLINE_LABEL_RE.exec(trimmed);
    if (inline) {
      const ids = matcher.match(inline[1]!, true);
      if (ids.length > 0) {
        out.push({
          ...span,
          endColumn: indent + trimmed.indexOf(':') + 2,
          text: inline[1]!.trim(),
          style: 'inline',
          depth: 8,
          ids,
          contentStart: n,
          contentColumn: indent + trimmed.length - inline[2]!.length + 1,
          blockEnd: end.line,
        });
      }
    }
  }
}

interface TitleInfo {
  title: string | null;
  titleLine: number | null;
  date?: DateParts;
}

function findTitle(tree: Root, fm: FrontMatter, lines: Lines, bodyStart: number, candidates: Candidate[]): TitleInfo {
  const fmTitle = stringField(fm.data, ['title']);
  let title: string | null = fmTitle ?? null;
  let titleLine: number | null = null;
  const headings = candidates.filter((c) => c.depth <= 6);
  const first = headings[0];
  if (fmTitle && first && first.line >= bodyStart && normalizeHeading(first.text) === normalizeHeading(fmTitle)) {
    return withTitleDate({ title: fmTitle, titleLine: first.line });
  }
  const h1 = headings.find((c) => c.depth === 1) ?? headings[0];
  // The document's title: the first heading, when it names no section (or says "postmortem"), and nothing in the
  // front matter names the document already.
  if (h1 && fmTitle === undefined && (h1 === headings[0] || h1.ids.length === 0)) {
    if (h1.ids.length === 0 || /post\s*-?\s*mortem|incident report/i.test(h1.text)) {
      title = h1.text;
      titleLine = h1.line;
    }
  }
  if (title === null) {
    for (const node of tree.children) {
      if (!node.position || node.position.start.line < bodyStart) continue;
      if (node.type === 'paragraph') {
        const first = plainLine(lines.line(node.position.start.line));
        const isSection = candidates.some((c) => c.line === node.position!.start.line && c.ids.length > 0);
        if (first && first.length <= 100 && !isSection) {
          title = first;
          titleLine = node.position.start.line;
        }
        break;
      }
      if (node.type === 'heading') break;
    }
  }
  return withTitleDate({ title, titleLine });
}

function withTitleDate(info: TitleInfo): TitleInfo {
  if (info.title) {
    const d = findDates(info.title)[0];
    if (d) info.date = d.date;
  }
  return info;
}

/** Whether the first non-blank line after `line` starts with a clock time (a timeline entry). */
function followedByTimedLine(lines: Lines, line: number): boolean {
  for (let n = line + 1; n <= Math.min(lines.count, line + 3); n++) {
    const text = plainLine(lines.line(n)).replace(/^[-*+]\s+|^\d+[.)]\s+/, '');
    if (!text) continue;
    const t = findTimes(text)[0];
    return t !== undefined && startsWithTime(text, t);
  }
  return false;
}

function buildSections(all: Candidate[], lines: Lines, words: LineWords, titleLine: number | null): Section[] {
  const sections: Section[] = [];
  const last = lines.count;
  // A bold or "Label:" line naming what a real heading already names is a sub-label inside a section
  // ("**Root cause:**" in a summary that has a "## Root cause" of its own), not a section.
  const real = new Set(all.filter((c) => c.depth <= 6 && c.line !== titleLine).flatMap((c) => c.ids));
  const candidates = all.filter((c) => c.depth !== 7 || !c.ids.every((id) => real.has(id)));
  candidates.forEach((c, i) => {
    // Headings that name no known section are kept (ids: []); bold and "Label:" lines only when they name one.
    if (c.ids.length === 0 && c.depth > 6) return;
    if (titleLine !== null && c.line === titleLine) return;
    let end = last;
    for (let j = i + 1; j < candidates.length; j++) {
      const d = candidates[j]!;
      if (d.line === c.line) continue;
      const terminates =
        c.depth <= 6
          ? d.depth <= c.depth
          : c.depth === 7
            ? d.depth <= 6 || (d.depth === 7 && d.ids.length > 0)
            : d.depth <= 6 || d.ids.length > 0;
      // Inside a timeline written with "Label:" lines, "Detection:" followed by timed entries is a group of the
      // timeline, not the next section.
      const timelineGroup =
        c.depth === 7 && c.ids.includes('timeline') && d.depth === 7 && !d.ids.includes('timeline') &&
        followedByTimedLine(lines, d.line);
      if (terminates && !timelineGroup) {
        end = d.line - 1;
        break;
      }
    }
    if (c.blockEnd !== undefined) end = Math.min(end, c.blockEnd);
    let textLines = lines.range(c.contentStart, end);
    if (c.style === 'inline' && c.contentColumn !== undefined && textLines.length > 0) {
      textLines = [textLines[0]!.slice(c.contentColumn - 1), ...textLines.slice(1)];
    }
    // The section's own text stops at the first section nested in it.
    const nested = candidates.find(
      (d) => d.line > c.line && d.line <= end && d.ids.length > 0 && d.style !== 'inline',
    );
    const ownEnd = nested ? nested.line - 1 : end;
    const ownText = textLines.slice(0, Math.max(0, ownEnd - c.contentStart + 1)).join('\n');
    sections.push({
      ids: c.ids,
      heading: c.text,
      style: c.style,
      depth: c.depth,
      line: c.line,
      column: c.column,
      endLine: c.endLine,
      endColumn: c.endColumn,
      contentStart: c.contentStart,
      contentEnd: end,
      text: ownText,
      words:
        c.style === 'inline' && textLines.length > 0
          ? wordCount(textLines[0]!) + words.in(c.contentStart + 1, end, true)
          : words.in(c.contentStart, end, true),
    });
  });
  return sections;
}

const DIRECTIVE_RE = /<!--\s*postmortem-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

function collectDirectives(tree: Root): Directive[] {
  const out: Directive[] = [];
  const read = (value: string, firstLine: number): void => {
    if (!value.includes('postmortem-')) return;
    DIRECTIVE_RE.lastIndex = 0;
    for (let m = DIRECTIVE_RE.exec(value); m; m = DIRECTIVE_RE.exec(value)) {
      const line = firstLine + (value.slice(0, m.index).match(/\n/g)?.length ?? 0);
      const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
      out.push({ kind: m[1] as Directive['kind'], rules, line });
    }
  };
  const visit = (node: Node): void => {
    if (node.type === 'html') read(node.value, node.position.start.line);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  for (const html of tree.inlineHtml) read(html.value, html.position.start.line);
  return out.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------------------------
// Incident window

const RANGE_BETWEEN_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through|thru|and)[\s,*_()]*$/i;
const END_WORDS_RE = /(?:resolv|restor|end(?:ed)?\b|end time|recover|fixed|(?:was|were|is|came|come) back\b|back online|back up|mitigat|until|lasted|stabili|returned)[^.]{0,40}$/i;
const START_LABEL_RE = /\bstart(?:ed)?(?:\s+time)?\s*\**\s*[:=-]/i;
const END_LABEL_RE = /\bend(?:ed)?(?:\s+time)?\s*\**\s*[:=-]/i;
const STATED_BEFORE_RE = /(?:duration|lasted|lasting|for|outage of|downtime of|approximately|approx\.?|about|around|roughly|nearly|over|~|total(?:ling)?)[\s:*_~]*$/i;
const STATED_AFTER_RE = /^[\s*_)]*(?:long\s+)?(?:outage|downtime|incident|disruption|interruption|of (?:downtime|outage|disruption)|service (?:outage|disruption))/i;

function offsetToSpan(text: string, startLine: number, startColumn: number, index: number, length: number): Span {
  const before = text.slice(0, index);
  const nl = before.lastIndexOf('\n');
  const line = startLine + (before.match(/\n/g)?.length ?? 0);
  const column = nl < 0 ? startColumn + index : index - nl;
  const inside = text.slice(index, index + length);
  const nl2 = inside.lastIndexOf('\n');
  const endLine = line + (inside.match(/\n/g)?.length ?? 0);
  const endColumn = nl2 < 0 ? column + length : length - nl2;
  return { line, column, endLine, endColumn };
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

/** Whether a stated duration agrees with the window: within `toleranceMinutes` or 10%, whichever is larger. */
export function durationAgrees(stated: number, actual: number, toleranceMinutes = 5): boolean {
  return Math.abs(stated - actual) <= Math.max(toleranceMinutes, actual * 0.1);
}

function withDate(parts: DateParts | undefined, fallback: DateParts | undefined): DateParts | undefined {
  if (!parts) return fallback;
  if (parts.year === undefined && fallback?.year !== undefined) return { ...parts, year: fallback.year };
  return parts;
}

function datePartsOf(value: unknown): DateParts | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'string' || (value && typeof value === 'object')) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  return undefined;
}

function summaryTextOf(
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  titleLine: number | null,
): { text: string; line: number } | undefined {
  const summary =
    sections.find((s) => s.ids.includes('summary') && s.depth <= 6) ??
    sections.find((s) => s.ids.includes('summary'));
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
  // No summary heading: the opening text before the first section is the summary.
  const firstSection = sections[0]?.line ?? lines.count + 1;
  const from = titleLine !== null ? titleLine + 1 : bodyStart;
  if (firstSection <= from) return undefined;
  return { text: lines.range(from, firstSection - 1).join('\n'), line: from };
}

function inferIncident(
  fm: FrontMatter,
  sections: Section[],
  lines: Lines,
  bodyStart: number,
  title: TitleInfo,
  defaultZone: string | undefined,
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
  };
  const fmZoneName = stringField(fm.data, ['timezone', 'time_zone', 'tz']);
  const fmZone = resolveZone(fmZoneName);
  if (fmZoneName && fmZone) incident.timezone = fmZoneName;

  const fmDate = datePartsOf(fm.data.date);
  const fmStart = fm.data.started ?? fm.data.start;
  const fmEnd = fm.data.resolved ?? fm.data.end ?? fm.data.ended;
  const summary = summaryTextOf(sections, lines, bodyStart, title.titleLine);

  if (summary) incident.statedDurations = statedDurations(summary.text, summary.line);

  const fromValue = (v: unknown): DateTime | undefined => {
    if (v instanceof Date) return DateTime.fromJSDate(v, { zone: fmZone ?? 'UTC' });
    if (typeof v === 'string') return parseIsoDateTime(v, false);
    if (v && typeof v === 'object') return parseIsoDateTime(String(v), false);
    return undefined;
  };
  if (fmStart !== undefined || fmEnd !== undefined) {
    const s = fromValue(fmStart);
    const e = fromValue(fmEnd);
    if (s || e) {
      incident.source = 'front-matter';
      if (s) {
        incident.startInstant = s;
        incident.start = s.toISO({ suppressMilliseconds: true });
        if (fm.fields.started ?? fm.fields.start) incident.startSpan = (fm.fields.started ?? fm.fields.start)!;
      }
      if (e) {
        incident.endInstant = e;
        incident.end = e.toISO({ suppressMilliseconds: true });
        const f = fm.fields.resolved ?? fm.fields.end ?? fm.fields.ended;
        if (f) incident.endSpan = f;
      }
      if (!incident.timezone && s) incident.timezone = s.zoneName ?? null;
      if (s && e) incident.durationMinutes = minutesBetween(s, e);
      incident.date = s ? s.toISODate() : fmDate ? normalizeDate(fmDate) : null;
      return incident;
    }
  }
  if (!summary) {
    const d = withDate(fmDate ?? title.date, undefined);
    if (d?.year !== undefined) incident.date = normalizeDate(d);
    return incident;
  }

  // Infer from the summary's prose.
  const times = findTimes(summary.text);
  const summaryDate = findDates(summary.text)[0]?.date;
  if (times.length === 0) {
    const d = withDate(summaryDate ?? fmDate ?? title.date, fmDate ?? title.date);
    if (d?.year !== undefined) incident.date = normalizeDate(d);
    return incident;
  }
  let startIdx = 0;
  const labelled = times.findIndex((t) => START_LABEL_RE.test(summary.text.slice(Math.max(0, t.index - 40), t.index)));
  if (labelled >= 0) startIdx = labelled;
  const start = times[startIdx]!;
  let end: ClockTime | undefined;
  for (let j = startIdx + 1; j < times.length; j++) {
    const t = times[j]!;
    const prev = times[j - 1]!;
    let between = summary.text.slice(prev.index + prev.length, t.index);
    for (const d of findDates(between).reverse()) between = between.slice(0, d.index) + between.slice(d.index + d.length);
    between = between.replace(/\b(?:on|from|at)\b/gi, ' ');
    const lead = summary.text.slice(Math.max(0, t.index - 60), t.index);
    if (j === startIdx + 1 && RANGE_BETWEEN_RE.test(between)) {
      end = t;
      break;
    }
    if (END_LABEL_RE.test(lead.slice(-30)) || END_WORDS_RE.test(lead)) {
      end = t;
      break;
    }
  }
  // The incident's date: written by a time, in the summary, in front matter or in the title.
  const baseDate = withDate(start.date ?? summaryDate ?? fmDate ?? title.date, fmDate ?? title.date);
  // The zone: written by a time, stated in the summary, or for the document.
  const standalone = STANDALONE_ZONE_RE.exec(summary.text);
  const zone = start.zone ?? end?.zone ?? resolveZone(standalone?.[0]) ?? fmZone ?? resolveZone(defaultZone);
  const zoneLabel = start.zoneText ?? end?.zoneText ?? standalone?.[0] ?? fmZoneName ?? defaultZone ?? null;
  const startOut = formatInstant(baseDate, start, start.zone ?? zone);
  if (baseDate?.year !== undefined) incident.date = normalizeDate(baseDate);
  incident.source = 'summary';
  incident.start = startOut.iso;
  if (startOut.instant) incident.startInstant = startOut.instant;
  incident.startSpan = offsetToSpan(summary.text, summary.line, 1, start.index, start.length);
  if (zone) incident.timezone ??= zoneLabel ? zoneLabel.replace(/^\(|\)$/g, '') : zoneName(zone);
  else incident.zoneMissing = true;
  if (end) {
    let endDate = withDate(end.date ?? baseDate, baseDate);
    const startMinutes = start.hour * 60 + start.minute;
    let endHour = end.hour;
    if (!end.meridiem && start.meridiem && endHour < 12 && endHour * 60 + end.minute < startMinutes) endHour += 12;
    if (!end.date && endDate?.year !== undefined && endHour * 60 + end.minute < startMinutes) {
      const next = DateTime.fromObject({ year: endDate.year, month: endDate.month, day: endDate.day }).plus({ days: 1 });
      endDate = { year: next.year, month: next.month, day: next.day };
    }
    const endOut = formatInstant(endDate, { hour: endHour, minute: end.minute, second: end.second }, end.zone ?? zone);
    incident.end = endOut.iso;
    if (endOut.instant) incident.endInstant = endOut.instant;
    incident.endSpan = offsetToSpan(summary.text, summary.line, 1, end.index, end.length);
    if (startOut.instant && endOut.instant) {
      incident.durationMinutes = minutesBetween(startOut.instant, endOut.instant);
    } else {
      let minutes = endHour * 60 + end.minute - startMinutes;
      if (minutes < 0) minutes += 24 * 60;
      incident.durationMinutes = minutes;
    }
  }
  return incident;
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline

interface RawEntry extends Span {
  text: string;
  /** Offset of `text` in the line for time positions (column of text[0]). */
  textColumn: number;
  dateContext?: DateParts;
  zoneContext?: Zone;
}

const ENTRY_PREFIX_RE = /^[\s\-*•>|[(\]#]*(?:(?:at|on|by|around|approx\.?|about|~|from)\s+)?$/i;

/** Whether a time found at `index` of `text` starts the line (maybe after a date, a bullet or "At"). */
function startsWithTime(text: string, t: ClockTime): boolean {
  let prefix = text.slice(0, t.index);
  const d = findDates(prefix)[0];
  if (d) prefix = prefix.slice(0, d.index) + prefix.slice(d.index + d.length);
  return ENTRY_PREFIX_RE.test(prefix.replace(/[,*_]/g, ' '));
}

function sectionNodes(tree: Root, section: Section): Block[] {
  return tree.children.filter((n) => {
    if (!n.position) return false;
    return n.position.end.line >= section.contentStart && n.position.start.line <= section.contentEnd;
  });
}

function collectRawEntries(tree: Root, section: Section, lines: Lines): RawEntry[] {
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

function extractTimeline(
  tree: Root,
  sections: Section[],
  lines: Lines,
  incident: Incident,
  defaultZone: string | undefined,
): TimelineEntry[] {
  const section =
    sections.find((s) => s.ids.includes('timeline') && s.depth <= 6) ??
    sections.find((s) => s.ids.includes('timeline') && s.style !== 'inline');
  if (!section) return [];
  const raw = collectRawEntries(tree, section, lines);
  // A zone stated for all times anywhere in the document ("All times PDT.") applies to the timeline.
  let docZone: Zone | undefined;
  for (let n = 1; n <= Math.min(lines.count, section.contentEnd); n++) {
    const l = lines.line(n);
    if (l.length < 100 && ALL_TIMES_RE.test(l)) {
      docZone = contextZone(l)?.zone ?? docZone;
    }
  }
  const incidentZone =
    incident.startInstant?.zone ??
    resolveZone(incident.timezone) ??
    resolveZone(defaultZone);
  const incidentDate = incident.startInstant
    ? { year: incident.startInstant.year, month: incident.startInstant.month, day: incident.startInstant.day }
    : datePartsOf(incident.start ?? incident.date);
  const usesMeridiem = raw.some((e) => findTimes(plainLine(e.text))[0]?.meridiem);

  const out: TimelineEntry[] = [];
  let prevKey: number | undefined;
  let prevHour: number | undefined;
  let dayOffset = 0;
  let lastDateContext: DateParts | undefined;
  for (const e of raw) {
    const plain = plainLine(e.text);
    const t = findTimes(plain)[0];
    const entry: TimelineEntry = {
      line: e.line,
      column: e.column,
      endLine: e.endLine,
      endColumn: e.endColumn,
      text: plain,
      raw: null,
      time: null,
      zoneKnown: false,
      dateKnown: false,
    };
    if (!t) {
      out.push(entry);
      continue;
    }
    if (e.dateContext !== lastDateContext) {
      dayOffset = 0;
      prevKey = undefined;
      lastDateContext = e.dateContext;
    }
    let hour = t.hour;
    if (!t.meridiem && usesMeridiem && hour < 12 && prevHour !== undefined && prevHour >= 12 && hour + 12 >= prevHour) {
      hour += 12;
    }
    const minuteOfDay = hour * 60 + t.minute;
    if (t.date) {
      dayOffset = 0;
    } else if (prevKey !== undefined && minuteOfDay + dayOffset * 1440 < prevKey - 6 * 60) {
      dayOffset += 1; // went backwards by hours: past midnight
    }
    const key = t.date ? minuteOfDay : minuteOfDay + dayOffset * 1440;
    let date = withDate(t.date ?? e.dateContext ?? incidentDate, incidentDate);
    if (!t.date && date?.year !== undefined && dayOffset > 0) {
      const next = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }).plus({ days: dayOffset });
      date = { year: next.year, month: next.month, day: next.day };
    }
    const zone = t.zone ?? e.zoneContext ?? docZone ?? incidentZone;
    const formatted = formatInstant(date, { hour, minute: t.minute, second: t.second }, zone);
    entry.raw = t.raw;
    entry.time = formatted.iso;
    entry.zoneKnown = zone !== undefined;
    entry.dateKnown = date?.year !== undefined;
    if (formatted.instant) entry.instant = formatted.instant;
    entry.sortKey = key;
    const idx = e.text.indexOf(t.raw);
    if (idx >= 0 && e.line === e.endLine) {
      const col = e.textColumn + idx;
      entry.timeSpan = { line: e.line, column: col, endLine: e.line, endColumn: col + t.raw.length };
    }
    prevKey = key;
    prevHour = hour;
    out.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Action items

const OWNER_FIELD_RE = /\(owner:\s*([^,()\n]*?[^\s,()][^,()\n]*?)\s*(?:,|\))/iu;
const OWNER_RE = /\b(?:owners?|assignee|assigned to|owned by|responsible)\s*\**\s*[:=]?\s*\**\s*(@[\w./-]+|[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*)?|[\w.-]+)/iu;
const HANDLE_RE = /(?<![\w.])@([A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/;
const DUE_RE = /\b(?:due|deadline|by|target|eta)\b\s*(?:date)?\s*\**\s*[:=]?\s*\**\s*/gi;
const TICKET_RE = /(?<![\w/])(#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+)/;

function normalizeDate(d: DateParts): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.year !== undefined ? `${d.year}-${mm}-${dd}` : `--${mm}-${dd}`;
}

function parseActionText(text: string, span: Span, done: boolean | null): ActionItem {
  // "(owner: X, due: D)" as postmortem new writes it, then the ways people write it.
  const loose = OWNER_RE.exec(text)?.[1] ?? (HANDLE_RE.exec(text) ? `@${HANDLE_RE.exec(text)![1]}` : undefined);
  const owner = OWNER_FIELD_RE.exec(text)?.[1]?.trim() ?? (loose ? loose.replace(/[,.;)]+$/, '') || null : null);
  let due: string | null = null;
  // The first "due:", "by", "deadline" that a date follows ("Add alerts by region" has none).
  for (const label of text.matchAll(DUE_RE)) {
    const rest = text.slice(label.index + label[0].length);
    const d = findDates(rest)[0];
    if (d && d.index === 0) {
      due = normalizeDate(d.date);
      break;
    }
  }
  const ticket = [...text.matchAll(new RegExp(TICKET_RE, 'g'))].map((m) => m[1]!).find(isTicket) ?? null;
  return { ...span, text, owner: owner || null, due, done, status: actionStatus(text, done), priority: actionPriority(text), ticket };
}

const META_SUFFIX_RE = /\s*\((?:owner|due)\s*:[^()]*\)\s*$/i;

/** One action item as typed on a command line: "[x] Task (owner: @x, due: 2023-03-15)". */
export function parseActionLine(line: string): { item: string; owner: string | null; due: string | null; done: boolean } {
  const done = /^\s*\[[xX]\]\s*/.test(line);
  const text = line.replace(/^\s*\[[ xX]\]\s*/, '');
  const parsed = parseActionText(text, { line: 1, column: 1, endLine: 1, endColumn: 1 }, done);
  const item = text.replace(META_SUFFIX_RE, '').trim();
  return { item, owner: parsed.owner, due: parsed.due, done };
}

function extractActionItems(tree: Root, sections: Section[], lines: Lines): ActionItem[] {
  const out: ActionItem[] = [];
  const seen = new Set<number>();
  for (const section of sections) {
    if (!section.ids.includes('action-items') || section.style === 'inline') continue;
    for (const node of sectionNodes(tree, section)) {
      if (node.type === 'list') {
        for (const item of (node as List).children) {
          const nested = item.children.find((c): c is List => c.type === 'list');
          const head = item.children[0];
          const headText = head ? textOf(head).trim() : '';
          // "Tasks:" with the tasks nested under it
          if (nested && /:\s*$/.test(headText)) {
            for (const sub of nested.children) addItem(sub);
          } else {
            addItem(item);
          }
        }
      } else if (node.type === 'table') {
        const table = node as Table;
        const header = table.children[0]?.children.map((c) => normalizeHeading(textOf(c))) ?? [];
        const ownerCol = header.findIndex((h) => /owner|assignee|who/.test(h));
        const dueCol = header.findIndex((h) => /due|deadline|date/.test(h));
        const doneCol = header.findIndex((h) => /status|done|state/.test(h));
        const priorityCol = header.findIndex((h) => /^(priority|prio|p)$/.test(h));
        const ticketCol = header.findIndex((h) => /^(ticket|issue|bug|jira|link|tracking)s?$/.test(h));
        for (const row of table.children.slice(1)) {
          const cells = row.children.map((c) => textOf(c).trim());
          const item = parseActionText(cells.join(' | '), spanOf(row), null);
          if (ownerCol >= 0) item.owner = cells[ownerCol] || null;
          if (dueCol >= 0 && cells[dueCol]) {
            const d = findDates(cells[dueCol]!)[0];
            item.due = d ? normalizeDate(d.date) : cells[dueCol]!;
          }
          if (doneCol >= 0 && cells[doneCol]) {
            item.status = statusOfCell(cells[doneCol]!) ?? item.status;
            item.done = item.status === 'done';
          }
          if (priorityCol >= 0 && cells[priorityCol]) item.priority = actionPriority(cells[priorityCol]!) ?? item.priority;
          if (ticketCol >= 0 && cells[ticketCol]) item.ticket = cells[ticketCol]!;
          item.text = cells.filter((_, i) => ![ownerCol, dueCol, doneCol, priorityCol, ticketCol].includes(i)).join(' | ');
          out.push(item);
        }
      } else if (node.type === 'paragraph' && !sections.some((s) => s !== section && s.line >= node.position!.start.line && s.line <= node.position!.end.line && s.style !== 'inline' && s.line > section.line)) {
        // Bare lines as items, as in hand-written documents without list markup.
        const from = Math.max(node.position!.start.line, section.contentStart);
        const to = Math.min(node.position!.end.line, section.contentEnd);
        for (let n = from; n <= to; n++) {
          const l = lines.line(n).trim();
          const plain = plainLine(l);
          if (!plain || /:\s*$/.test(plain) || seen.has(n)) continue;
          seen.add(n);
          const col = lines.line(n).indexOf(l) + 1;
          out.push(parseActionText(plain, { line: n, column: col, endLine: n, endColumn: col + l.length }, null));
        }
      }
    }
  }
  return out;

  function addItem(item: ListItem): void {
    const span = spanOf(item);
    if (seen.has(span.line)) return;
    seen.add(span.line);
    const first = item.children[0];
    const text = first ? textOf(first).replace(/\s+/g, ' ').trim() : '';
    const line = lines.line(span.line);
    const all = textOf(item).replace(/\s+/g, ' ').trim();
    const parsed = parseActionText(all, { ...span, endLine: first?.position?.end.line ?? span.line, endColumn: first?.position?.end.column ?? line.length + 1 }, item.checked ?? null);
    // The task itself: "(owner: …, due: …)" is in owner and due.
    parsed.text = taskText(text.replace(META_SUFFIX_RE, '').trim() || text);
    out.push(parsed);
  }
}
