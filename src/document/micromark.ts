/**
 * micromark, set up for the block reader: parsers built once with the extensions we read (front matter, GFM tables,
 * task items), and bounds on what makes micromark slow (deep containers on one line, huge table rows, costly inline
 * constructs), applied in one linear pass that keeps every position.
 */
import { parse, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event, Token } from 'micromark-util-types';

const matter = frontmatter(['yaml', 'toml']);

/**
 * Inline constructs whose cost micromark lets grow with the square of a paragraph: emphasis (every closer without an
 * opener walks back over the whole paragraph), inline HTML (every `<!--`, `<?`, `<!X` scans to the paragraph's end),
 * links and images (label ends look back over every open bracket), code spans and autolinks. A document whose
 * paragraphs could make them expensive is read with them off: the same blocks, and plain text with the markup
 * characters left in (`*a*` reads "*a*"; inline HTML is plain text, so an inline `<!-- postmortem-... -->` comment is
 * no directive there).
 */
export const COSTLY_INLINE_CONSTRUCTS = ['attention', 'htmlText', 'labelStartLink', 'labelStartImage', 'labelEnd', 'codeText', 'autolink'];
const plainInline = { disable: { null: COSTLY_INLINE_CONSTRUCTS } };

/** Parsers are built once (combining extensions is not free) and reset for each document. */
const PARSERS = {
  full: { tables: parse({ extensions: [matter, gfmTable(), gfmTaskListItem()] }), plain: parse({ extensions: [matter, gfmTaskListItem()] }) },
  lite: { tables: parse({ extensions: [matter, gfmTable(), gfmTaskListItem(), plainInline] }), plain: parse({ extensions: [matter, gfmTaskListItem(), plainInline] }) },
};

/**
 * A GFM table needs a delimiter row: only `-`, `:`, `|` and blanks, with a `-` and a `:` or `|`, after at most a
 * blockquote's or an item's indentation. Without one the table construct (tried at every line) cannot match, so the
 * parser without it gives the same events, faster.
 */
const DELIMITER_ROW_RE = /^(?:[ \t]*>)*(?=[-:| \t]*[:|])(?=[-:| \t]*-)[-:| \t]+$/m;

/**
 * Container markers (`>`, `-`, `*`, `+`, `1.`) one line may open: micromark's time on a line grows with the square of
 * its nesting, and no document nests deeper than a few levels. Markers past this are blanked (same length, so every
 * position stays where it is).
 */
const MAX_LINE_CONTAINERS = 32;
/**
 * Indentation a line may start with: nesting by indentation costs micromark the same. Past it the excess is dropped
 * (the line's columns shift by as much; lines and the other lines' positions stay).
 */
const MAX_INDENT = 64;
/**
 * Table cells one row may have (micromark spends a sub-tokenizer on each): pipes past this read as `¦`, so a delimiter
 * row that wide is none, and a body row keeps its first cells (a table shows as many as its header has).
 */
const MAX_ROW_CELLS = 1000;
/**
 * Work the costly inline constructs may do on a document, in (markup characters x characters) summed over its
 * paragraphs, cells and headings: a bound on their quadratic cost. Ordinary documents stay far below it.
 */
const INLINE_BUDGET = 4_000_000;

const isMarkup = (c: number): boolean => c === 42 /* * */ || c === 95 /* _ */ || c === 60 /* < */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 96; /* ` */
const isBlankOrEnd = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);

interface Guarded {
  text: string;
  /** Markup x length over runs of non-blank lines: an upper bound of the costly constructs' work. */
  inlineCost: number;
}

/** Bound what makes micromark slow (see MAX_LINE_CONTAINERS, MAX_ROW_CELLS) in one linear pass, and weigh the rest. */
export function guard(source: string, tables: boolean): Guarded {
  const n = source.length;
  let pieces: string[] | undefined;
  let copied = 0;
  let inlineCost = 0;
  let runLength = 0;
  let runMarkup = 0;
  let i = 0;
  while (i < n) {
    // The container prefix of the line starting at i.
    let j = i;
    let markers = 0;
    let cut = -1;
    for (;;) {
      while (j < n && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
      if (markers === 0 && j - i > MAX_INDENT) {
        (pieces ??= []).push(source.slice(copied, i));
        copied = j - MAX_INDENT;
      }
      const c = source.charCodeAt(j);
      let k = j;
      if (c === 62) k = j + 1;
      else if ((c === 45 || c === 42 || c === 43) && isBlankOrEnd(source.charCodeAt(j + 1))) k = j + 1;
      else if (c >= 48 && c <= 57) {
        let d = j + 1;
        while (d < n && d - j < 9 && source.charCodeAt(d) >= 48 && source.charCodeAt(d) <= 57) d++;
        const e = source.charCodeAt(d);
        if ((e === 46 || e === 41) && isBlankOrEnd(source.charCodeAt(d + 1))) k = d + 1;
      }
      if (k === j) break;
      if (++markers === MAX_LINE_CONTAINERS + 1) cut = j;
      j = k;
    }
    if (cut >= 0) {
      (pieces ??= []).push(source.slice(copied, cut), ' '.repeat(j - cut));
      copied = j;
    }
    // The rest of the line.
    let pipes = 0;
    let markup = 0;
    let blank = true;
    let end = j;
    for (; end < n; end++) {
      const c = source.charCodeAt(end);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) blank = false;
      if (isMarkup(c)) markup++;
      else if (c === 124 && tables && ++pipes > MAX_ROW_CELLS) {
        (pieces ??= []).push(source.slice(copied, end), '\u00a6');
        copied = end + 1;
      }
    }
    if (blank && markers === 0) {
      inlineCost += runMarkup * runLength;
      runLength = runMarkup = 0;
    } else {
      runLength += end - i + 1;
      runMarkup += markup;
    }
    i = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  inlineCost += runMarkup * runLength;
  if (pieces) {
    pieces.push(source.slice(copied));
    return { text: pieces.join(''), inlineCost };
  }
  return { text: source, inlineCost };
}

/** Blocks whose inline content micromark parses on its own. */
const INLINE_BLOCKS = new Set(['paragraph', 'atxHeading', 'setextHeading', 'tableHeader', 'tableData']);

/** The costly constructs' bound again, over the blocks a plain parse found instead of runs of lines. */
function inlineCostOf(text: string, evs: Event[]): number {
  let cost = 0;
  for (const [kind, token] of evs) {
    if (kind !== 'enter' || !INLINE_BLOCKS.has(token.type as string)) continue;
    let markup = 0;
    for (let k = token.start.offset; k < token.end.offset; k++) if (isMarkup(text.charCodeAt(k))) markup++;
    cost += markup * (token.end.offset - token.start.offset);
  }
  return cost;
}

/**
 * Characters at which micromark's inline tokenizer can start a construct (`!` `&` `*` `<` `[` `\\` `]` `_` and the
 * backtick), or changes a character (NUL).
 */
const isInlineSpecial = (c: number): boolean =>
  c === 0 || c === 33 || c === 38 || c === 42 || c === 60 || c === 91 || c === 92 || c === 93 || c === 95 || c === 96;

/** A run of text (one chunk per line) whose inline reading is known without micromark's text tokenizer. */
export interface PlainChunk extends Token {
  _plainText?: string;
}

/**
 * Spare micromark's inline tokenizer (about 40% of its time on ordinary prose) the text it would find nothing in: a
 * heading's or paragraph's text with none of the characters an inline construct starts at is data, line endings,
 * and the blanks around line ends, which ./blocks.ts reads from the chunks as micromark would (a property test holds
 * the two readings equal). Any other text, and table cells, are tokenized as before.
 */
function sparePlainText(evs: Event[], source: string): void {
  let tables = 0;
  for (const [kind, token, context] of evs) {
    if (token.type === 'table') tables += kind === 'enter' ? 1 : -1;
    if (kind !== 'enter' || token.type !== 'chunkText' || tables > 0 || token.contentType !== 'text' || token.previous || token._contentTypeTextTrailing) continue;
    // Blanks that open the text (not a continuation line's indentation) are left to micromark.
    const first = source.charCodeAt(token.start.offset);
    if (first === 32 || first === 9) continue;
    let plain = true;
    for (let chunk: Token | undefined = token; chunk && plain; chunk = chunk.next) {
      for (let k = chunk.start.offset; k < chunk.end.offset; k++) {
        if (isInlineSpecial(source.charCodeAt(k))) {
          plain = false;
          break;
        }
      }
    }
    if (!plain) continue;
    for (let chunk: Token | undefined = token; chunk; chunk = chunk.next) {
      delete chunk.contentType;
      (chunk as PlainChunk)._plainText = context.sliceSerialize(chunk);
    }
  }
}

function run(parser: ReturnType<typeof parse>, text: string): Event[] {
  parser.defined = [];
  parser.lazy = {};
  const evs = parser.document().write(preprocess()(text, undefined, true));
  // micromark's postprocess (subtokenize until done), with plain text spared once the blocks have their text chunks
  // (the first pass makes them all; a chunk made later would only be tokenized as usual).
  let spared = false;
  while (!subtokenize(evs)) {
    if (!spared) sparePlainText(evs, text);
    spared = true;
  }
  return evs;
}

export interface MarkdownOptions {
  /** `plain`: read inline content without the costly constructs (the default decides by the document). */
  inline?: 'auto' | 'full' | 'plain';
}

export function events(source: string, options: MarkdownOptions): Event[] {
  const tables = DELIMITER_ROW_RE.test(source);
  const { text, inlineCost } = guard(source, tables);
  const pick = (set: typeof PARSERS.full) => (tables ? set.tables : set.plain);
  const mode = options.inline ?? 'auto';
  if (mode === 'full' || (mode === 'auto' && inlineCost <= INLINE_BUDGET)) return run(pick(PARSERS.full), text);
  // Over the bound by runs of lines: read plainly (linear), then weigh the blocks it found; most often (a long table,
  // a long list) they are well within it and the full reading follows.
  const plain = run(pick(PARSERS.lite), text);
  if (mode === 'plain' || inlineCostOf(text, plain) > INLINE_BUDGET) return plain;
  return run(pick(PARSERS.full), text);
}

