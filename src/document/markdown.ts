/**
 * Markdown's block structure, read from micromark's events (the tokenizer under remark-parse) without building an
 * mdast tree: the blocks a postmortem's structure lives in (headings, paragraphs, lists and items, tables, HTML,
 * code, front matter) with their positions, and the plain text of each as mdast-util-to-string would give it.
 *
 * The grammar, the positions and the text are micromark's and mdast's (a property test compares them with
 * mdast-util-from-markdown on generated documents); what is left out is the inline tree nobody reads. Building
 * that tree was a fifth of the time `postmortem lint` spent on a document.
 */

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


export { parseMarkdown, type MarkdownOptions } from './blocks.js';
