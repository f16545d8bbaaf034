/**
 * micromark's events read into the blocks of ./markdown.ts, with positions and plain text, without an mdast tree:
 * one iterative walk over the events with a stack of open containers (lists, items, quotes, tables, rows). The text
 * of each leaf is read by ./block-text.ts, positions by ./block-positions.ts.
 */
import { itemEnd, point, spanOf } from './block-positions.js';
import { LeafText, type TextLeaf } from './block-text.js';
import type { Block, Blockquote, List, ListItem, Literal, Root, Table, TableRow } from './markdown.js';
import { events, type MarkdownOptions } from './micromark.js';

export type { MarkdownOptions };

/** Tokens whose text never shows: link destinations and titles, reference labels, definitions, code fences. */
const HIDDEN_TOKENS = new Set(['resource', 'reference', 'definition', 'codeFencedFence']);

type Container = Root | List | ListItem | Blockquote | Table | TableRow;

/** Parse Markdown (with YAML/TOML front matter, GFM tables and task items) into blocks with positions and text. */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): Root {
  const evs = events(source, options);
  const root: Root = { type: 'root', children: [], inlineHtml: [] };
  const stack: Container[] = [root];
  const text = new LeafText(root);
  let hidden = 0;

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
  const openLeaf = (node: TextLeaf, firstInItem = false): void => {
    add(node as Block);
    text.open(node, firstInItem);
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
      if (text.enter(type, token)) continue;
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          openLeaf({ type: 'heading', depth: 0, text: '', position: spanOf(token) });
          break;
        case 'paragraph': {
          const parent = top();
          const firstInItem = parent.type === 'listItem' && !parent.children.some((c) => c.type === 'paragraph');
          openLeaf({ type: 'paragraph', text: '', onlyImages: true, position: spanOf(token) }, firstInItem);
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
    if (text.exit(type, token, context, top())) continue;
    switch (type) {
      case 'taskListCheckValueChecked':
      case 'taskListCheckValueUnchecked': {
        const item = top();
        if (item.type === 'listItem') item.checked = type === 'taskListCheckValueChecked';
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
