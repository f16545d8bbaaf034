/** The plain text of each block: what a reader sees once Markdown's markup is gone. */
import { describe, expect, it } from 'vitest';
import type { Heading, List, Paragraph, Table } from './markdown.js';
import { parseMarkdown, textOf } from './markdown.js';

const first = <T>(md: string): T => parseMarkdown(md).children[0] as T;

describe('block text', () => {
  it('drops emphasis, code and link markup, keeps the words, decodes entities and escapes', () => {
    const p = first<Paragraph>('**Bold** _em_ `code` [link](http://x "t") &amp; &#35;1 \\*star\n');
    expect(p.text).toBe('Bold em code link & #1 *star');
  });

  it('keeps a line ending as text, but not after a hard break (two spaces or a backslash)', () => {
    expect(first<Paragraph>('one\ntwo\n').text).toBe('one\ntwo');
    expect(first<Paragraph>('one  \ntwo\\\nthree\n').text).toBe('onetwothree');
  });

  it('reads a setext heading without its underline, and its depth from it', () => {
    const h = first<Heading>('Timeline\n========\n');
    expect([h.text, h.depth]).toEqual(['Timeline', 1]);
    expect(first<Heading>('Impact\n------\n').depth).toBe(2);
  });

  it('starts a task item\'s text after its check box, as mdast does', () => {
    const list = first<List>('- [x] Rotate the key\n');
    const item = list.children[0]!;
    expect(item.checked).toBe(true);
    const para = item.children[0] as Paragraph;
    expect(para.text).toBe('Rotate the key');
    expect(para.position.start.column).toBe(7);
  });

  it('reads `\\|` inside code in a table cell as a pipe', () => {
    const table = first<Table>('| a | b |\n|---|---|\n| `x\\|y` | 2 |\n');
    expect(textOf(table.children[1]!.children[0]!)).toBe('x|y');
  });

  it('keeps code and front matter values without their fences, and records inline HTML with its place', () => {
    const tree = parseMarkdown('---\ntitle: x\n---\n\n```\n09:00 start\n```\n\nA <!-- note --> here.\n');
    expect(tree.children.map((n) => ('value' in n ? n.value : (n as Paragraph).text))).toEqual(['title: x', '09:00 start', 'A <!-- note --> here.']);
    expect(tree.inlineHtml).toEqual([{ value: '<!-- note -->', position: { start: { line: 9, column: 3, offset: 41 }, end: { line: 9, column: 16, offset: 54 } } }]);
  });

  it('says a paragraph of only images is a picture', () => {
    expect(first<Paragraph>('![graph](a.png) ![graph](b.png)\n').onlyImages).toBe(true);
    expect(first<Paragraph>('![graph](a.png) and words\n').onlyImages).toBe(false);
  });
});
