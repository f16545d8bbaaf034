/**
 * Markdown's block structure, read from micromark's events (the tokenizer under remark-parse) without building an
 * mdast tree: the blocks a postmortem's structure lives in (headings, paragraphs, lists and items, tables, HTML,
 * code, front matter) with their positions, and the plain text of each as mdast-util-to-string would give it.
 *
 * The grammar, the positions and the text are micromark's and mdast's (a property test compares them with
 * mdast-util-from-markdown on generated documents); what is left out is the inline tree nobody reads. Building
 * that tree was a fifth of the time `postmortem lint` spent on a document.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Event, Point as MicromarkPoint } from 'micromark-util-types';

export interface Point {
  line: number;
  column: number;
  offset: number;
}
export interface Position {
  start: Point;
  end: Point;
}
interface NodeBase {
  position: Position;
}
export interface Heading extends NodeBase {
  type: 'heading';
  depth: number;
  text: string;
}
export interface Paragraph extends NodeBase {
  type: 'paragraph';
  text: string;
  /** Nothing but images (and white space): a picture, not prose. */
  onlyImages: boolean;
}
export interface List extends NodeBase {
  type: 'list';
  ordered: boolean;
  children: ListItem[];
}
export interface ListItem extends NodeBase {
  type: 'listItem';
  /** `[x]` → true, `[ ]` → false, no check → null. */
  checked: boolean | null;
  children: Block[];
}
export interface Table extends NodeBase {
  type: 'table';
  children: TableRow[];
}
export interface TableRow extends NodeBase {
  type: 'tableRow';
  children: TableCell[];
}
export interface TableCell extends NodeBase {
  type: 'tableCell';
  text: string;
}
export interface Blockquote extends NodeBase {
  type: 'blockquote';
  children: Block[];
}
interface LiteralBase extends NodeBase {
  value: string;
}
export interface Html extends LiteralBase {
  type: 'html';
}
export interface Code extends LiteralBase {
  type: 'code';
}
export interface Matter extends LiteralBase {
  type: 'yaml' | 'toml';
}
export type Literal = Html | Code | Matter;
export interface Leaf extends NodeBase {
  type: 'thematicBreak' | 'definition';
}
export type Block = Heading | Paragraph | List | Table | Blockquote | Literal | Leaf;
/** HTML inside a paragraph or heading (a comment, a `<br>`), with where it starts. */
export interface InlineHtml {
  value: string;
  position: Position;
}
export interface Root {
  type: 'root';
  children: Block[];
  inlineHtml: InlineHtml[];
}
export type Node = Root | Block | ListItem | TableRow | TableCell;

/** The text a node holds itself (a leaf), or undefined for a node with children. */
function ownText(node: Node): string | undefined {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
    case 'tableCell':
      return node.text;
    case 'html':
    case 'code':
    case 'yaml':
    case 'toml':
      return node.value;
    case 'thematicBreak':
    case 'definition':
      return '';
    default:
      return undefined;
  }
}

/**
 * The plain text of a node: what mdast-util-to-string gives for the same mdast node. A walk with its own stack, not
 * recursion: no nesting depth runs out of call stack.
 */
export function textOf(node: Node): string {
  const own = ownText(node);
  if (own !== undefined) return own;
  let out = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const text = ownText(n);
    if (text !== undefined) {
      out += text;
      continue;
    }
    const children = (n as { children: Node[] }).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** Text of several sibling nodes, as of a node holding them. */
export function textOfAll(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) out += textOf(n);
  return out;
}

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

function run(parser: ReturnType<typeof parse>, text: string): Event[] {
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(text, undefined, true)));
}

export interface MarkdownOptions {
  /** `plain`: read inline content without the costly constructs (the default decides by the document). */
  inline?: 'auto' | 'full' | 'plain';
}

function events(source: string, options: MarkdownOptions): Event[] {
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

/** Tokens whose text is part of a node's text. */
const TEXT_TOKENS = new Set([
  'data',
  'codeTextData',
  'codeFlowValue',
  'htmlFlowData',
  'htmlTextData',
  'characterEscapeValue',
  'autolinkProtocol',
  'autolinkEmail',
  'yamlValue',
  'tomlValue',
]);
/** Tokens whose text never shows: link destinations and titles, reference labels, definitions, code fences. */
const HIDDEN_TOKENS = new Set(['resource', 'reference', 'definition', 'codeFencedFence']);
/** Inline nodes of mdast (for a paragraph's `onlyImages`, and where a task item's leading text ends). */
const INLINE_NODES = new Set(['emphasis', 'strong', 'link', 'image', 'codeText', 'htmlText', 'autolink', 'hardBreakEscape', 'hardBreakTrailing']);

type Container = Root | List | ListItem | Blockquote | Table | TableRow;
type TextLeaf = Heading | Paragraph | TableCell | Literal;

function point(p: MicromarkPoint): Point {
  return { line: p.line, column: p.column, offset: p.offset };
}

function spanOf(token: Event[1]): Position {
  return { start: point(token.start), end: point(token.end) };
}

/**
 * Where a list item ends, as mdast-util-from-markdown decides it: before the line endings (and container prefixes)
 * that precede the next item or the end of the list.
 */
function itemEnd(evs: Event[], index: number): Point {
  let lineIndex = -1;
  for (let i = index - 1; i >= 0; i--) {
    const [kind, token] = evs[i]!;
    const type = token.type as string;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (kind === 'exit') continue;
      lineIndex = i;
    } else if (
      type !== 'linePrefix' &&
      type !== 'blockQuotePrefix' &&
      type !== 'blockQuotePrefixWhitespace' &&
      type !== 'blockQuoteMarker' &&
      type !== 'listItemIndent'
    ) {
      break;
    }
  }
  return point(lineIndex >= 0 ? evs[lineIndex]![1].start : evs[index]![1].end);
}

const FIRST_EOL_RE = /^(?:\r?\n|\r)/;
const LAST_EOL_RE = /(?:\r?\n|\r)$/;
const TABLE_CODE_ESCAPE_RE = /\\([\\|])/g;

/** Parse Markdown (with YAML/TOML front matter, GFM tables and task items) into blocks with positions and text. */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): Root {
  const evs = events(source, options);
  const root: Root = { type: 'root', children: [], inlineHtml: [] };
  const stack: Container[] = [root];

  let leaf: TextLeaf | undefined;
  let buf = '';
  let hidden = 0;
  let inlineDepth = 0;
  let atHardBreak = false;
  // A setext heading's text ends before the line ending above its underline.
  let afterSetextText = false;
  let referenceBase: 10 | 16 | undefined;
  let codeTextStart = 0;
  let htmlTextStart = 0;
  let htmlTextPosition: Position | undefined;
  // A task item's paragraph: mdast drops the blank after `[x]` from its first text node and starts the paragraph there.
  let taskParagraph = false;
  let headTextLength = -1;
  let firstTextStart: MicromarkPoint | undefined;

  const top = (): Container => stack[stack.length - 1]!;
  const add = (block: Block): void => {
    const parent = top();
    (parent.children as Block[]).push(block);
  };
  const closeItem = (index: number): void => {
    const t = top();
    if (t.type === 'listItem') {
      t.position.end = itemEnd(evs, index);
      stack.pop();
    }
  };
  const addText = (text: string, start: MicromarkPoint): void => {
    if (leaf === undefined || hidden > 0) return;
    if (firstTextStart === undefined) firstTextStart = start;
    buf += text;
    if (inlineDepth === 0 && leaf.type === 'paragraph' && leaf.onlyImages && text.trim() !== '') leaf.onlyImages = false;
  };
  const openLeaf = (node: TextLeaf): void => {
    add(node as Block);
    leaf = node;
    buf = '';
    inlineDepth = 0;
    atHardBreak = false;
    afterSetextText = false;
    headTextLength = -1;
    firstTextStart = undefined;
  };

  for (let i = 0; i < evs.length; i++) {
    const [kind, token, context] = evs[i]!;
    const type = token.type as string;
    if (kind === 'enter') {
      if (HIDDEN_TOKENS.has(type)) {
        if (type === 'definition') add({ type: 'definition', position: spanOf(token) });
        hidden++;
        continue;
      }
      if (hidden > 0) continue;
      if (TEXT_TOKENS.has(type) || type === 'characterReference') continue; // text is taken on exit
      if (INLINE_NODES.has(type)) {
        if (leaf !== undefined) {
          if (headTextLength < 0) headTextLength = buf.length;
          if (inlineDepth === 0 && leaf.type === 'paragraph' && type !== 'image') leaf.onlyImages = false;
          if (type === 'codeText') codeTextStart = buf.length;
          if (type === 'htmlText') {
            htmlTextStart = buf.length;
            htmlTextPosition = spanOf(token);
          }
        }
        inlineDepth++;
        continue;
      }
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          openLeaf({ type: 'heading', depth: 0, text: '', position: spanOf(token) });
          break;
        case 'paragraph': {
          const parent = top();
          taskParagraph = parent.type === 'listItem' && !parent.children.some((c) => c.type === 'paragraph');
          openLeaf({ type: 'paragraph', text: '', onlyImages: true, position: spanOf(token) });
          break;
        }
        case 'codeFenced':
        case 'codeIndented':
        case 'htmlFlow':
        case 'yaml':
        case 'toml':
          openLeaf({ type: type === 'htmlFlow' ? 'html' : type === 'yaml' || type === 'toml' ? type : 'code', value: '', position: spanOf(token) } as Literal);
          break;
        case 'tableHeader':
        case 'tableData':
          openLeaf({ type: 'tableCell', text: '', position: spanOf(token) });
          break;
        case 'listOrdered':
        case 'listUnordered': {
          const list: List = { type: 'list', ordered: type === 'listOrdered', children: [], position: spanOf(token) };
          add(list);
          stack.push(list);
          break;
        }
        case 'listItemPrefix': {
          // A new item of the innermost list: the previous one ends here.
          closeItem(i);
          const list = top();
          if (list.type !== 'list') break;
          const item: ListItem = { type: 'listItem', checked: null, children: [], position: spanOf(token) };
          list.children.push(item);
          stack.push(item);
          break;
        }
        case 'blockQuote': {
          const quote: Blockquote = { type: 'blockquote', children: [], position: spanOf(token) };
          add(quote);
          stack.push(quote);
          break;
        }
        case 'table': {
          const table: Table = { type: 'table', children: [], position: spanOf(token) };
          add(table);
          stack.push(table);
          break;
        }
        case 'tableRow': {
          const row: TableRow = { type: 'tableRow', children: [], position: spanOf(token) };
          (top() as Table).children.push(row);
          stack.push(row);
          break;
        }
        case 'thematicBreak':
          add({ type: 'thematicBreak', position: spanOf(token) });
          break;
      }
      continue;
    }

    // exit
    if (HIDDEN_TOKENS.has(type)) {
      hidden--;
      continue;
    }
    if (hidden > 0) continue;
    if (TEXT_TOKENS.has(type)) {
      addText(context.sliceSerialize(token), token.start);
      continue;
    }
    if (INLINE_NODES.has(type)) {
      inlineDepth--;
      if (leaf === undefined) continue;
      if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') atHardBreak = true;
      else if (type === 'codeText' && leaf.type === 'tableCell') {
        // GFM: in a table, `\|` inside code is a pipe.
        buf = buf.slice(0, codeTextStart) + buf.slice(codeTextStart).replace(TABLE_CODE_ESCAPE_RE, (m, c: string) => (c === '|' ? c : m));
      } else if (type === 'htmlText' && htmlTextPosition) {
        htmlTextPosition.end = point(token.end);
        root.inlineHtml.push({ value: buf.slice(htmlTextStart), position: htmlTextPosition });
        htmlTextPosition = undefined;
      }
      continue;
    }
    switch (type) {
      case 'lineEnding':
        if (atHardBreak) atHardBreak = false;
        else if (!afterSetextText) addText(context.sliceSerialize(token), token.start);
        break;
      case 'characterReferenceMarkerNumeric':
        referenceBase = 10;
        break;
      case 'characterReferenceMarkerHexadecimal':
        referenceBase = 16;
        break;
      case 'characterReferenceValue': {
        const raw = context.sliceSerialize(token);
        const value = referenceBase ? decodeNumericCharacterReference(raw, referenceBase) : decodeNamedCharacterReference(raw);
        addText(value === false ? raw : value, token.start);
        referenceBase = undefined;
        break;
      }
      case 'atxHeadingSequence':
        if (leaf?.type === 'heading' && leaf.depth === 0) leaf.depth = context.sliceSerialize(token).length;
        break;
      case 'setextHeadingText':
        afterSetextText = true;
        break;
      case 'setextHeadingLineSequence':
        if (leaf?.type === 'heading') leaf.depth = context.sliceSerialize(token).charCodeAt(0) === 61 ? 1 : 2;
        break;
      case 'taskListCheckValueChecked':
      case 'taskListCheckValueUnchecked': {
        const item = top();
        if (item.type === 'listItem') item.checked = type === 'taskListCheckValueChecked';
        break;
      }
      case 'atxHeading':
      case 'setextHeading':
      case 'paragraph':
      case 'tableHeader':
      case 'tableData':
      case 'codeFenced':
      case 'codeIndented':
      case 'htmlFlow':
      case 'yaml':
      case 'toml': {
        if (!leaf) break;
        leaf.position.end = point(token.end);
        if (leaf.type === 'paragraph') {
          const item = top();
          if (taskParagraph && item.type === 'listItem' && item.checked !== null) {
            const head = headTextLength < 0 ? buf.length : headTextLength;
            if (head > 0) {
              buf = buf.slice(1);
              if (head > 1 && firstTextStart) {
                leaf.position.start = { line: firstTextStart.line, column: firstTextStart.column + 1, offset: firstTextStart.offset + 1 };
              }
            }
          }
          leaf.text = buf;
        } else if (leaf.type === 'heading' || leaf.type === 'tableCell') {
          leaf.text = buf;
        } else if (type === 'codeFenced' || type === 'yaml' || type === 'toml') {
          leaf.value = buf.replace(FIRST_EOL_RE, '').replace(LAST_EOL_RE, '');
        } else if (type === 'codeIndented') {
          leaf.value = buf.replace(LAST_EOL_RE, '');
        } else {
          leaf.value = buf;
        }
        leaf = undefined;
        buf = '';
        break;
      }
      case 'listOrdered':
      case 'listUnordered':
        closeItem(i); // the list's last item ends with it
      // falls through
      case 'blockQuote':
      case 'table':
      case 'tableRow': {
        const node = top();
        if (node.type !== 'root') {
          node.position.end = point(token.end);
          stack.pop();
        }
        break;
      }
    }
  }
  return root;
}
