/** Lines and words: the source split once, plain text of a line, word counts, spans. */
import type { Node, Root } from './markdown.js';
import type { Span } from './model.js';

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

/** The lines a document was read with, kept for whatever reads it next (rules, import), so none splits it again. */
const LINES_OF = new WeakMap<object, readonly string[]>();

export function rememberLines(doc: object, lines: Lines): void {
  LINES_OF.set(doc, lines.all);
}

/** A read document's source lines, without their line endings (1-based line n is index n - 1). */
export function sourceLines(doc: { source: string }): readonly string[] {
  let lines = LINES_OF.get(doc);
  if (!lines) {
    lines = doc.source.split(/\r\n|\r|\n/);
    LINES_OF.set(doc, lines);
  }
  return lines;
}


export class LineWords {
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

export const BOLD_SEGMENT = /(\*\*|__)(.+?)\1/g;

/** Markdown emphasis, escapes and HTML breaks stripped from one source line. */
export function plainLine(line: string): string {
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


function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** Whether a trimmed text splits at blanks into at most `n` pieces (`text.split(/\s+/).length <= n`, stopping early). */
export function piecesAtMost(text: string, n: number): boolean {
  let pieces = 1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i)) && (i === 0 || !isSpace(text.charCodeAt(i - 1))) && ++pieces > n) return false;
  }
  return true;
}

/** Whitespace-separated tokens holding a letter or a digit, comments left out. One pass over the characters. */
export function wordCount(text: string): number {
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

/** The span of a Markdown node (which has a position: every node the reader makes has one). */
export function spanOf(node: Exclude<Node, Root>): Span {
  const p = node.position!;
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

/** The span of `length` characters at `index` of `text`, a text that starts at line `startLine`, column `startColumn`. */
export function offsetToSpan(text: string, startLine: number, startColumn: number, index: number, length: number): Span {
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

export const hasDigit = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

/**
 * The last texts read by findDates, findTimes and parseIsoDateTime (a bounded memo) (the passes ask about the same lines and values
 * more than once): their results are shared, so never change them.
 */
export class Memo<T> {
  private map = new Map<string, T>();
  get(text: string, read: (text: string) => T): T {
    let value = this.map.get(text);
    if (value === undefined) {
      if (this.map.size >= 1024) this.map.clear();
      value = read(text);
      this.map.set(text, value);
    }
    return value;
  }
}
export const NONE: never[] = [];
