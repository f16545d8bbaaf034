/**
 * Heading candidates: every line that may open a section. Markdown headings (ATX, setext), HTML headings, bold
 * lines, lone "Label:" lines, bare section names, and inline "Label: text" lines (in paragraphs and bullets).
 */
import type { SectionMatcher } from './headings.js';
import type { Block, Heading, Html, Paragraph, Root } from './markdown.js';
import { textOf } from './markdown.js';
import type { HeadingStyle, Span } from './model.js';
import { BOLD_SEGMENT, piecesAtMost, plainLine, spanOf, type Lines } from './text.js';

export interface Candidate extends Span {
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
  /** A numbered section line ("4.  Action Items", "2.2.  Timeline"): its first number; a higher one ends it. */
  outline?: number;
}

const HTML_HEADING_RE = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const HTML_BOLD_LINE_RE = /^\s*(?:<p\b[^>]*>\s*)?<(strong|b)\b[^>]*>([^<]{2,80})<\/\1>\s*(?::\s*)?(?:<\/p>\s*)?(?:<br\s*\/?>\s*)?$/i;

/**
 * Whether the heading at `nodes[i]` is a list item that Markdown reads as a heading: a run of two or more headings of
 * one depth on adjacent lines (no blank line, no text between them), each a task or an event (three words or more,
 * or a time or date and more) rather than a section's name (`names`). That is how the wiki markup of Jira, Confluence
 * and MediaWiki writes a numbered list ("# Add an alert - owner: ops", "# 08:00 Certificate expires"); a document's
 * own headings have their text below them. Such a run opens no section: it is part of the one above (the timeline
 * reads timed headings as its entries, the action items read these as items).
 */
export function isListLikeHeading(nodes: readonly Block[], i: number, names: (text: string) => boolean): boolean {
  const node = nodes[i];
  if (!itemLike(node) || names(node.text)) return false;
  const line = node.position.start.line;
  const pairs = (other: Block | undefined, otherLine: number): boolean =>
    itemLike(other) && other.depth === node.depth && other.position.start.line === otherLine;
  return pairs(nodes[i - 1], line - 1) || pairs(nodes[i + 1], line + 1);
}

/** A one-line heading of three words or more, or of two that open with a digit ("08:00 Deploy"). */
function itemLike(node: Block | undefined): node is Heading {
  if (node?.type !== 'heading' || node.position.start.line !== node.position.end.line) return false;
  const text = node.text.trim();
  const need = text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57 ? 2 : 3;
  let words = 0;
  for (const w of text.split(' ')) if (w !== '' && ++words >= need) return true;
  return false;
}

/** `listLike`: gets the lines of headings read as list items (isListLikeHeading), whose words are the section's. */
export function collectCandidates(tree: Root, lines: Lines, matcher: SectionMatcher, listLike: number[] = []): Candidate[] {
  const out: Candidate[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.position) continue;
    if (node.type === 'heading') {
      if (isListLikeHeading(nodes, i, (text) => matcher.match(text, 'strict').length > 0)) {
        listLike.push(node.position.start.line);
        continue;
      }
      const text = textOf(node).trim();
      const startLine = lines.line(node.position.start.line);
      out.push({
        ...spanOf(node),
        text,
        style: /^\s{0,3}#/.test(startLine) ? 'atx' : 'setext',
        depth: node.depth,
        ids: matcher.match(text, 'heading'),
        contentStart: node.position.end.line + 1,
      });
    } else if (node.type === 'html') {
      collectHtmlCandidates(node, matcher, out);
    } else if (node.type === 'paragraph') {
      collectParagraphCandidates(node, lines, matcher, out);
    } else if (node.type === 'list') {
      // "1. Summary" on a line of its own, the section's text below it: a numbered heading that Markdown reads as a
      // list of one item. Only a lone item (a numbered outline of section names is a table of contents).
      const only = node.children.length === 1 ? node.children[0]! : undefined;
      const head = only?.children.length === 1 ? only.children[0] : undefined;
      if (node.ordered && head?.type === 'paragraph' && head.position!.start.line === head.position!.end.line) {
        const text = plainLine(textOf(head)).replace(/(?<!\s)\s*:\s*$/, '');
        const short = piecesAtMost(text, 6);
        const ids = short ? matcher.match(text, 'strict') : [];
        const line = lines.line(node.position.start.line);
        const number = OUTLINE_NUMBER_RE.exec(line)?.[1];
        const outline = number === undefined ? undefined : Number(number);
        if (ids.length > 0 || (short && outline !== undefined && outline > 1)) {
          // One that names no section ("5.  References") is kept for its number: it ends a section numbered lower.
          out.push({ ...spanOf(node), endColumn: line.length + 1, text: line.trim(), style: 'label', depth: 7, ids, contentStart: node.position.end.line + 1, outline });
          if (ids.length > 0) continue;
        }
      }
      // "- **Impact:** 30% of users…": a labelled bullet marks a section inside the one around it.
      for (const item of node.children) {
        const first = item.children[0];
        if (first?.type !== 'paragraph' || !first.position) continue;
        const line = lines.line(first.position.start.line);
        const text = line.slice(first.position.start.column - 1);
        const m = INLINE_LABEL_RE.exec(text.trim()) ?? LABEL_LINE_RE.exec(plainLine(text));
        if (!m) continue;
        const ids = matcher.match(m[1]!, 'strict');
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
    const text = m[2]!.replace(/<[^<>]*>/g, '').replace(/\s+/g, ' ').trim();
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
      ids: matcher.match(text, 'heading'),
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

const OUTLINE_NUMBER_RE = /^\s*(\d{1,4})[.)]/;
/** A note in parentheses at the end of a line. */
const TRAILING_NOTE_RE = /\s\([^()]*\)\s*$/;
const LABEL_LINE_RE = /^([^:]{2,60}):\s*$/;
export const WIKI_HEADING_RE = /^h[1-6]\.[ \t]+/;

/** A heading line of wiki markup: Jira's "h2. Text", MediaWiki's "== Text ==" (as many "=" on each side, 1 to 6). */
export function wikiHeading(line: string): { depth: number; text: string } | undefined {
  const jira = WIKI_HEADING_RE.exec(line);
  if (jira) {
    const text = plainLine(line.slice(jira[0].length)).trim();
    return text ? { depth: line.charCodeAt(1) - 48, text } : undefined;
  }
  let open = 0;
  while (line.charCodeAt(open) === 61) open++;
  let close = 0;
  while (close < line.length - open && line.charCodeAt(line.length - 1 - close) === 61) close++;
  if (open === 0 || open > 6 || close !== open) return undefined;
  const text = plainLine(line.slice(open, line.length - close).replace(/'{2,}/g, '')).trim();
  return text ? { depth: open, text } : undefined;
}
const INLINE_LABEL_RE = /^(?:\*\*|__|\*|_)?([\p{L}][^:*_]{1,40}?)(?:\*\*|__|\*|_)?\s*:\s*(?:(?:\*\*|__|\*|_)\s*)?(\S.*)$/u;

function collectParagraphCandidates(node: Paragraph, lines: Lines, matcher: SectionMatcher, out: Candidate[]): void {
  const { start, end } = node.position!;
  for (let n = start.line; n <= end.line; n++) {
    const raw = lines.line(n);
    const line = raw.includes('<') || raw.includes('\\') ? raw.replace(/(?<!\s)\s*(?:<br\s*\/?>|\\)\s*$/i, '').trimEnd() : raw.trimEnd();
    const indent = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const span = { line: n, column: indent + 1, endLine: n, endColumn: line.length + 1 };
    // An escaped colon or asterisk ("Timeline\\:", "\\*\\*Impact\\*\\*") is the author saying "this is text".
    if (/\\[:*_]/.test(trimmed)) continue;
    // A whole line in bold: "**Timeline:**", "**Root** **cause**", with a note in parentheses after it ("**Timeline**
    // (all times IST)").
    if (trimmed.length <= 120 && /\*\*|__/.test(trimmed) && trimmed.replace(BOLD_SEGMENT, '').replace(TRAILING_NOTE_RE, '').replace(/[\s:]/g, '') === '') {
      const text = plainLine(trimmed).replace(/(?<!\s)\s*:\s*$/, '');
      const ids = matcher.match(text);
      if (ids.length > 0 && piecesAtMost(text, 12)) {
        out.push({ ...span, text, style: 'bold', depth: 7, ids, contentStart: n + 1 });
      }
      continue;
    }
    // A heading in wiki markup pasted as is, Jira's "h2. Timeline" or MediaWiki's "== Timeline ==": a heading of its
    // depth, which ends the sections above it whether or not it names one.
    const c0 = trimmed.charCodeAt(0);
    const wiki = c0 === 104 || c0 === 61 ? wikiHeading(trimmed) : undefined;
    if (wiki) {
      out.push({ ...span, text: wiki.text, style: 'label', depth: wiki.depth, ids: matcher.match(wiki.text, 'heading'), contentStart: n + 1 });
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
    if (!plain.includes(':') && piecesAtMost(plain, 6)) {
      const ids = matcher.match(plain, 'strict');
      if (ids.length > 0) {
        const number = plain.charCodeAt(0) <= 57 ? OUTLINE_NUMBER_RE.exec(plain)?.[1] : undefined; // ("2.2.  Timeline")
        out.push({ ...span, text: plain, style: 'label', depth: 7, ids, contentStart: n + 1, outline: number === undefined ? undefined : Number(number) });
        continue;
      }
    }
    // "Impact: text…" at the start of a line: marks a section without ending the one around it.
    const inline = INLINE_LABEL_RE.exec(trimmed);
    if (inline) {
      const ids = matcher.match(inline[1]!, 'strict');
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
