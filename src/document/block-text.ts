/**
 * The plain text of the block reader's leaves (headings, paragraphs, table cells, code, HTML, front matter), from
 * micromark's events: what mdast-util-to-string gives for the same mdast node. Text tokens, character references,
 * line endings and hard breaks, the lines micromark's inline tokenizer was spared (./micromark.ts), inline HTML, and
 * the blank mdast drops after a task item's `[x]`.
 */
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Event, Point as MicromarkPoint, TokenizeContext } from 'micromark-util-types';
import { point, spanOf } from './block-positions.js';
import type { Heading, ListItem, Literal, Paragraph, Position, Root, TableCell } from './markdown.js';
import type { PlainChunk } from './micromark.js';

export type TextLeaf = Heading | Paragraph | TableCell | Literal;

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
/** Inline nodes of mdast (for a paragraph's `onlyImages`, and where a task item's leading text ends). */
const INLINE_NODES = new Set(['emphasis', 'strong', 'link', 'image', 'codeText', 'htmlText', 'autolink', 'hardBreakEscape', 'hardBreakTrailing']);
/** Tokens that end a leaf. */
const LEAF_ENDS = new Set(['atxHeading', 'setextHeading', 'paragraph', 'tableHeader', 'tableData', 'codeFenced', 'codeIndented', 'htmlFlow', 'yaml', 'toml']);

const FIRST_EOL_RE = /^(?:\r?\n|\r)/;
const LAST_EOL_RE = /(?:\r?\n|\r)$/;
const TABLE_CODE_ESCAPE_RE = /\\([\\|])/g;

/** The text of the leaf being read: one at a time (leaves do not nest). */
export class LeafText {
  private leaf: TextLeaf | undefined;
  private buf = '';
  private inlineDepth = 0;
  private atHardBreak = false;
  /** A setext heading's text ends before the line ending above its underline. */
  private afterSetextText = false;
  private referenceBase: 10 | 16 | undefined;
  private codeTextStart = 0;
  private htmlTextStart = 0;
  private htmlTextPosition: Position | undefined;
  /** A task item's paragraph: mdast drops the blank after `[x]` from its first text node and starts the paragraph there. */
  private taskParagraph = false;
  private headTextLength = -1;
  private firstTextStart: MicromarkPoint | undefined;

  constructor(private readonly root: Root) {}

  /** A leaf opens (already added to its parent); `firstInItem`: a paragraph that is its list item's first. */
  open(node: TextLeaf, firstInItem = false): void {
    if (node.type === 'paragraph') this.taskParagraph = firstInItem;
    this.leaf = node;
    this.buf = '';
    this.inlineDepth = 0;
    this.atHardBreak = false;
    this.afterSetextText = false;
    this.headTextLength = -1;
    this.firstTextStart = undefined;
  }

  private add(text: string, start: MicromarkPoint): void {
    const leaf = this.leaf;
    if (leaf === undefined) return;
    if (this.firstTextStart === undefined) this.firstTextStart = start;
    this.buf += text;
    if (this.inlineDepth === 0 && leaf.type === 'paragraph' && leaf.onlyImages && text.trim() !== '') leaf.onlyImages = false;
  }

  /**
   * One line of text micromark's inline tokenizer was spared (./micromark.ts): what it would have made of it. A
   * continuation line's indentation is a line prefix; blanks before the line end are a line suffix, or a hard break
   * when two or more spaces (no tab) end a line that is not the last; the line ending is text unless after a break.
   */
  private addPlainChunk(raw: string, token: Event[1]): void {
    let from = 0;
    if (token.previous) while (raw.charCodeAt(from) === 32 || raw.charCodeAt(from) === 9) from++;
    let end = raw.length;
    if (raw.charCodeAt(end - 1) === 10) end--;
    if (raw.charCodeAt(end - 1) === 13) end--;
    const eol = raw.slice(end);
    let dataEnd = end;
    let tabs = false;
    while (dataEnd > from && (raw.charCodeAt(dataEnd - 1) === 32 || raw.charCodeAt(dataEnd - 1) === 9)) {
      if (raw.charCodeAt(dataEnd - 1) === 9) tabs = true;
      dataEnd--;
    }
    if (dataEnd > from) this.add(raw.slice(from, dataEnd), token.start);
    if (eol === '') return;
    const hardBreak = token.next !== undefined && !tabs && end - dataEnd >= 2;
    if (!hardBreak && !this.afterSetextText) this.add(eol, token.start);
  }

  /** An entering event: whether it was text's to read (text tokens are read on exit, inline nodes counted). */
  enter(type: string, token: Event[1]): boolean {
    if (TEXT_TOKENS.has(type) || type === 'characterReference') return true;
    if (!INLINE_NODES.has(type)) return false;
    const leaf = this.leaf;
    if (leaf !== undefined) {
      if (this.headTextLength < 0) this.headTextLength = this.buf.length;
      if (this.inlineDepth === 0 && leaf.type === 'paragraph' && type !== 'image') leaf.onlyImages = false;
      if (type === 'codeText') this.codeTextStart = this.buf.length;
      if (type === 'htmlText') {
        this.htmlTextStart = this.buf.length;
        this.htmlTextPosition = spanOf(token);
      }
    }
    this.inlineDepth++;
    return true;
  }

  /** An exiting event: whether it was text's to read. `parent`: the container the leaf is in. */
  exit(type: string, token: Event[1], context: TokenizeContext, parent: Root | { type: string }): boolean {
    if (TEXT_TOKENS.has(type)) {
      this.add(context.sliceSerialize(token), token.start);
      return true;
    }
    if (type === 'chunkText') {
      const plain = (token as PlainChunk)._plainText;
      if (plain !== undefined) this.addPlainChunk(plain, token);
      return true;
    }
    if (INLINE_NODES.has(type)) {
      this.exitInline(type, token);
      return true;
    }
    if (LEAF_ENDS.has(type)) {
      this.close(type, token, parent);
      return true;
    }
    const leaf = this.leaf;
    switch (type) {
      case 'lineEnding':
        if (this.atHardBreak) this.atHardBreak = false;
        else if (!this.afterSetextText) this.add(context.sliceSerialize(token), token.start);
        return true;
      case 'characterReferenceMarkerNumeric':
        this.referenceBase = 10;
        return true;
      case 'characterReferenceMarkerHexadecimal':
        this.referenceBase = 16;
        return true;
      case 'characterReferenceValue': {
        const raw = context.sliceSerialize(token);
        const value = this.referenceBase ? decodeNumericCharacterReference(raw, this.referenceBase) : decodeNamedCharacterReference(raw);
        this.add(value === false ? raw : value, token.start);
        this.referenceBase = undefined;
        return true;
      }
      case 'atxHeadingSequence':
        if (leaf?.type === 'heading' && leaf.depth === 0) leaf.depth = context.sliceSerialize(token).length;
        return true;
      case 'setextHeadingText':
        this.afterSetextText = true;
        return true;
      case 'setextHeadingLineSequence':
        if (leaf?.type === 'heading') leaf.depth = context.sliceSerialize(token).charCodeAt(0) === 61 ? 1 : 2;
        return true;
    }
    return false;
  }

  private exitInline(type: string, token: Event[1]): void {
    this.inlineDepth--;
    if (this.leaf === undefined) return;
    if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') this.atHardBreak = true;
    else if (type === 'codeText' && this.leaf.type === 'tableCell') {
      // GFM: in a table, `\|` inside code is a pipe.
      const start = this.codeTextStart;
      this.buf = this.buf.slice(0, start) + this.buf.slice(start).replace(TABLE_CODE_ESCAPE_RE, (m, c: string) => (c === '|' ? c : m));
    } else if (type === 'htmlText' && this.htmlTextPosition) {
      this.htmlTextPosition.end = point(token.end);
      this.root.inlineHtml.push({ value: this.buf.slice(this.htmlTextStart), position: this.htmlTextPosition });
      this.htmlTextPosition = undefined;
    }
  }

  /** The leaf ends: its text (or value) and where it ends. */
  private close(type: string, token: Event[1], parent: Root | { type: string }): void {
    const leaf = this.leaf;
    if (!leaf) return;
    leaf.position.end = point(token.end);
    let buf = this.buf;
    if (leaf.type === 'paragraph') {
      if (this.taskParagraph && parent.type === 'listItem' && (parent as ListItem).checked !== null) {
        const head = this.headTextLength < 0 ? buf.length : this.headTextLength;
        const first = this.firstTextStart;
        if (head > 0) {
          buf = buf.slice(1);
          if (head > 1 && first) leaf.position.start = { line: first.line, column: first.column + 1, offset: first.offset + 1 };
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
    this.leaf = undefined;
    this.buf = '';
  }
}
