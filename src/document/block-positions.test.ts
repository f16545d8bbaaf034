/** Where the block reader puts its nodes: mdast's points, and list items that end before the blank lines after them. */
import { describe, expect, it } from 'vitest';
import type { List } from './markdown.js';
import { parseMarkdown } from './markdown.js';

describe('block positions', () => {
  it('gives every block its line, column and offset, as mdast does', () => {
    const tree = parseMarkdown('# Title\n\nSome text.\n');
    expect(tree.children.map((n) => [n.type, n.position.start, n.position.end])).toEqual([
      ['heading', { line: 1, column: 1, offset: 0 }, { line: 1, column: 8, offset: 7 }],
      ['paragraph', { line: 3, column: 1, offset: 9 }, { line: 3, column: 11, offset: 19 }],
    ]);
  });

  it('ends a list item before the blank lines and quote prefixes that come before the next item', () => {
    const list = parseMarkdown('- one\n\n- two\n').children[0] as List;
    expect(list.children.map((i) => [i.position.start.line, i.position.end.line, i.position.end.column])).toEqual([
      [1, 1, 6],
      [3, 3, 6],
    ]);
    const quoted = parseMarkdown('> - a\n>\n> - b\n').children[0]!;
    const inner = (quoted as { children: List[] }).children[0]!;
    expect(inner.children[0]!.position.end).toEqual({ line: 1, column: 6, offset: 5 });
  });

  it('ends the last item of a list with its own last line, not with the list after a blank', () => {
    const list = parseMarkdown('1. first\n   still first\n\nAfter.\n').children[0] as List;
    expect(list.children[0]!.position.end.line).toBe(2);
    expect(list.position.end.line).toBe(2);
  });
});
