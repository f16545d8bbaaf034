/** micromark's events read into the blocks of ./markdown.ts, with positions and plain text, without an mdast tree. */
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Event, Point as MicromarkPoint } from 'micromark-util-types';
import type { Block, Blockquote, Heading, List, ListItem, Literal, Paragraph, Point, Position, Root, Table, TableCell, TableRow } from './markdown.js';
import { events, type MarkdownOptions, type PlainChunk } from './micromark.js';

export type { MarkdownOptions };

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
  /**
   * One line of text micromark's inline tokenizer was spared (./micromark.ts): what it would have made of it. A
   * continuation line's indentation is a line prefix; blanks before the line end are a line suffix, or a hard break
   * when two or more spaces (no tab) end a line that is not the last; the line ending is text unless after a break.
   */
  const addPlainChunk = (raw: string, token: Event[1]): void => {
    let from = 0;
    if (token.previous) while (raw.charCodeAt(from) === 32 || raw.charCodeAt(from) === 9) from++;
    let end = raw.length;
    let eol = '';
    if (raw.charCodeAt(end - 1) === 10) end--;
    if (raw.charCodeAt(end - 1) === 13) end--;
    eol = raw.slice(end);
    let dataEnd = end;
    let tabs = false;
    while (dataEnd > from && (raw.charCodeAt(dataEnd - 1) === 32 || raw.charCodeAt(dataEnd - 1) === 9)) {
      if (raw.charCodeAt(dataEnd - 1) === 9) tabs = true;
      dataEnd--;
    }
    if (dataEnd > from) addText(raw.slice(from, dataEnd), token.start);
    if (eol === '') return;
    const hardBreak = token.next !== undefined && !tabs && end - dataEnd >= 2;
    if (!hardBreak && !afterSetextText) addText(eol, token.start);
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
    if (type === 'chunkText') {
      const plain = (token as PlainChunk)._plainText;
      if (plain !== undefined) addPlainChunk(plain, token);
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

