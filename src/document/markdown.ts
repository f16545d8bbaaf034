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

/** The plain text of a node: what mdast-util-to-string gives for the same mdast node. */
export function textOf(node: Node): string {
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
    default: {
      let out = '';
      for (const child of node.children) out += textOf(child);
      return out;
    }
  }
}

/** Text of several sibling nodes, as of a node holding them. */
export function textOfAll(nodes: readonly Node[]): string {
  let out = '';
  for (const n of nodes) out += textOf(n);
  return out;
}

const matter = frontmatter(['yaml', 'toml']);
/** Parsers are built once (combining extensions is not free) and reset for each document. */
const withTables = parse({ extensions: [matter, gfmTable(), gfmTaskListItem()] });
const withoutTables = parse({ extensions: [matter, gfmTaskListItem()] });

/**
 * A GFM table needs a delimiter row: only `-`, `:`, `|` and blanks, with a `-` and a `:` or `|`, after at most a
 * blockquote's or an item's indentation. Without one the table construct (tried at every line) cannot match, so the
 * parser without it gives the same events, faster.
 */
const DELIMITER_ROW_RE = /^(?:[ \t]*>)*(?=[-:| \t]*[:|])(?=[-:| \t]*-)[-:| \t]+$/m;

function events(source: string): Event[] {
  const parser = DELIMITER_ROW_RE.test(source) ? withTables : withoutTables;
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(source, undefined, true)));
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
export function parseMarkdown(source: string): Root {
  const evs = events(source);
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
