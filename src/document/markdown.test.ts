/**
 * Our block reader against the reference: for the same text, every block mdast-util-from-markdown builds (with the
 * same micromark extensions) is there with the same kind, position, depth, order, check and plain text
 * (mdast-util-to-string), and so is every piece of inline HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, textOf, type MarkdownOptions, type Node } from './markdown.js';
import { COSTLY_INLINE_CONSTRUCTS } from './micromark.js';

const ROOT = join(import.meta.dirname, '..', '..');

function reference(text: string, plain = false): MdastRoot {
  const off = plain ? [{ disable: { null: COSTLY_INLINE_CONSTRUCTS } }] : [];
  return fromMarkdown(text, {
    extensions: [frontmatter(['yaml', 'toml']), gfmTable(), gfmTaskListItem(), ...off],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}

type Pos = { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
const pos = (p: Pos | undefined) => p && { start: { line: p.start.line, column: p.start.column, offset: p.start.offset }, end: { line: p.end.line, column: p.end.column, offset: p.end.offset } };

/** The mdast tree in our shape: blocks only, text by mdast-util-to-string. */
function project(node: Nodes): unknown {
  const position = pos(node.position as Pos);
  switch (node.type) {
    case 'heading':
      return { type: node.type, depth: node.depth, text: toString(node), position };
    case 'paragraph':
      return { type: node.type, text: toString(node), onlyImages: node.children.every((c) => c.type === 'image' || c.type === 'imageReference' || (c.type === 'text' && !c.value.trim())), position };
    case 'list':
      return { type: node.type, ordered: node.ordered === true, children: node.children.map(project), position };
    case 'listItem':
      return { type: node.type, checked: node.checked ?? null, children: node.children.map(project), position };
    case 'table':
    case 'tableRow':
    case 'blockquote':
      return { type: node.type, children: node.children.map(project), position };
    case 'tableCell':
      return { type: node.type, text: toString(node), position };
    case 'html':
    case 'code':
    case 'yaml':
      return { type: node.type, value: node.value, position };
    case 'thematicBreak':
    case 'definition':
      return { type: node.type, position };
    default:
      // toml (mdast-util-frontmatter's own node)
      return { type: node.type, value: (node as { value: string }).value, position };
  }
}

function inlineHtml(tree: MdastRoot): unknown[] {
  const out: unknown[] = [];
  const visit = (node: Nodes, inline: boolean): void => {
    if (node.type === 'html' && inline) out.push({ value: node.value, position: pos(node.position as Pos) });
    const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
    if ('children' in node) for (const c of node.children) visit(c as Nodes, inline || phrasing);
  };
  visit(tree, false);
  return out;
}

function ours(text: string, options: MarkdownOptions = {}): unknown {
  const root = parseMarkdown(text, options);
  const strip = (n: Node): unknown => {
    const { position, ...rest } = n as Node & { position?: Pos; children?: Node[] };
    const out: Record<string, unknown> = { ...rest };
    if ('children' in n) out.children = (n.children as Node[]).map(strip);
    return position ? { ...out, position: pos(position) } : out;
  };
  const stripped = strip(root) as Record<string, unknown>;
  return { children: stripped.children, inlineHtml: root.inlineHtml.map((h) => ({ value: h.value, position: pos(h.position) })) };
}

function agree(text: string, options: MarkdownOptions = {}): void {
  const tree = reference(text, options.inline === 'plain');
  expect(ours(text, options)).toEqual({ children: tree.children.map(project), inlineHtml: inlineHtml(tree) });
  expect(textOf(parseMarkdown(text, options))).toBe(toString(tree));
}
const agreePlain = (text: string): void => agree(text, { inline: 'plain' });

const INLINE = [
  'word', 'two words', '*em*', '_em_', '**strong**', '__strong__', '***both***', '`code`', '`` a ` b ``', '` | `', '`a \\| b`',
  '[link](http://x.y "title")', '[ref][r]', '[r]', '[collapsed][]', '![img](a.png)', '![alt *em*](a.png "t")', '<b>bold</b>',
  '<!-- postmortem-disable word-count -->', '<http://a.b/c>', '<me@x.y>', '&amp;', '&#35;', '&#x41;', '&nope;', '\\*', '\\|',
  '  \n', '\\\n', '\n', '\r\n', ' ', '\t', '9:00 AM', '|', '[x]', '[ ]', 'é', '🚨', 'שלום', '*', '_', '[', ']', '(', ')', '<', '>',
];
const inline = fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 8 }).map((a) => a.join('').replace(/^[\s]+/, '') || 'x');
const BLOCK_MAKERS: Array<(s: string) => string> = [
  (s) => `# ${s}`, (s) => `### ${s} ###`, (s) => `${s}\n===`, (s) => `${s}\n---`, (s) => s, (s) => `- ${s}`, (s) => `* ${s}\n* ${s}`,
  (s) => `- [x] ${s}`, (s) => `- [ ] ${s}\n  - [x] ${s}`, (s) => `1. ${s}\n2. ${s}\n\n3. ${s}`, (s) => `- ${s}\n\n  ${s}\n- ${s}`,
  (s) => `- ${s}\n  - ${s}\n    1. ${s}`, (s) => `> ${s}\n> - ${s}`, (s) => `> ${s}\n${s}`, (s) => '```js\n' + s + '\n```', (s) => '~~~\n' + s,
  (s) => `    ${s}\n\n    ${s}`, (s) => `<div>\n${s}\n</div>`, (s) => `<!-- ${s} -->`, (s) => `| a | b |\n| --- | :-: |\n| ${s} | c |`,
  (s) => `a | b\n--|--\n${s}`, (s) => `- | x |\n  | - |\n  | ${s} |`, () => '***', (s) => `[r]: http://x.y "${s.replace(/"/g, '')}"`,
  (s) => `-\n- ${s}`, (s) => `- ${s}\n\n\n- ${s}`, (s) => `> - [x] ${s}\n>   more`,
];
const block = fc.tuple(fc.nat({ max: BLOCK_MAKERS.length - 1 }), inline).map(([i, s]) => BLOCK_MAKERS[i]!(s));
const SEPARATORS = ['\n', '\n\n', '\r\n\r\n', '\n\n\n', '\r'];
const documentArb = fc
  .tuple(
    fc.constantFrom('', '---\ntitle: x\n---\n', '+++\ntitle = "x"\n+++\n', '---\n---\n'),
    fc.array(fc.tuple(block, fc.constantFrom(...SEPARATORS)), { maxLength: 12 }),
  )
  .map(([fm, blocks]) => fm + blocks.map(([b, sep]) => b + sep).join(''));
const noise = fc
  .array(fc.oneof(fc.constantFrom(...INLINE, '#', '- ', '> ', '1. ', '```', '---', '|', '| - |', '    ', '\n\n', '=', '[x] '), fc.string({ maxLength: 4 })), { maxLength: 60 })
  .map((a) => a.join(''));

describe('parseMarkdown agrees with mdast-util-from-markdown', () => {
  it('on our templates, examples and fixtures', () => {
    const dirs = ['templates', 'examples', join('test', 'fixtures')];
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md'))) {
        agree(readFileSync(join(ROOT, dir, f), 'utf8'));
        n++;
      }
    }
    expect(n).toBeGreaterThan(8);
  });

  it('on documents built from every block and inline construct', () => {
    fc.assert(fc.property(documentArb, (t) => agree(t)), { seed: 7, numRuns: 600 });
  });

  it('on Markdown noise', () => {
    fc.assert(fc.property(noise, (t) => agree(t)), { seed: 11, numRuns: 600 });
  });

  it('on prose with no inline markup (read without micromark\'s inline tokenizer): blanks, breaks, indents, line ends', () => {
    const PLAIN = ['word', 'two words', ' ', '  ', '\t', ' \t ', '  \n', '   \n', ' \n', '\t\n', '\n', '\r\n', '\r', '\n   ', '\n\t', 'é', '🚨', '9:00', '(x)', '#', '|', '-'];
    const prose = fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 12 }).map((a) => a.join('').replace(/^\s+/, '') || 'x');
    const proseBlock = fc.tuple(fc.nat({ max: BLOCK_MAKERS.length - 1 }), prose).map(([i, s]) => BLOCK_MAKERS[i]!(s));
    fc.assert(fc.property(fc.array(fc.tuple(proseBlock, fc.constantFrom(...SEPARATORS)), { maxLength: 8 }), (blocks) => agree(blocks.map(([b, sep]) => b + sep).join(''))), { seed: 5, numRuns: 600 });
  });

  it('read plainly (the costly inline constructs off), on the same documents and noise', () => {
    // The plain reading is what a document gets when its paragraphs could make micromark quadratic: the reference is
    // then mdast-util-from-markdown with the same constructs disabled (markup characters stay in the text).
    fc.assert(fc.property(documentArb, agreePlain), { seed: 7, numRuns: 200 });
    fc.assert(fc.property(noise, agreePlain), { seed: 11, numRuns: 200 });
  });

  it('reads the text people see: emphasis, code, links, entities and escapes resolved', () => {
    const root = parseMarkdown('## Root *cause* and `fix` [here](http://x) &amp; \\*\n\n- [x] Add an index — @dana\n');
    expect(root.children[0]).toMatchObject({ type: 'heading', depth: 2, text: 'Root cause and fix here & *' });
    const list = root.children[1]!;
    expect(list).toMatchObject({ type: 'list', children: [{ checked: true, children: [{ type: 'paragraph', text: 'Add an index — @dana', position: { start: { line: 3, column: 7 } } }] }] });
  });
});

describe('parseMarkdown on hostile input', () => {
  it('reads a paragraph of 50,000 unmatched emphasis markers or 16,000 `<!--` plainly, and an ordinary one fully', () => {
    const emphasis = parseMarkdown(`# T\n\n${'*a'.repeat(50_000)}\n`);
    expect(emphasis.children[1]).toMatchObject({ type: 'paragraph', text: '*a'.repeat(50_000) });
    const html = parseMarkdown(`x <!--`.repeat(16_000));
    expect(html.children).toMatchObject([{ type: 'paragraph', text: 'x <!--'.repeat(16_000) }]);
    expect(html.inlineHtml).toEqual([]);
    // A long table of bold cells weighs a lot as one run of lines, little cell by cell: read fully.
    const rows = Array.from({ length: 3000 }, (_, i) => `| **${i}** | <b>x</b> *y* |`).join('\n');
    const table = parseMarkdown(`| a | b |\n| - | - |\n${rows}\n`);
    expect(table.children[0]).toMatchObject({ type: 'table' });
    const last = (table.children[0] as { children: Array<{ children: Array<{ text: string }> }> }).children[3000]!;
    expect(last.children.map((c) => c.text)).toEqual(['2999', '<b>x</b> y']);
    expect(table.inlineHtml).toHaveLength(6000);
  });

  it('keeps lines and columns when it blanks container markers past 32 on a line, or pipes past 1,000 in a row', () => {
    const deep = parseMarkdown(`${'- '.repeat(5000)}09:00 x\nnext\n\nlast`);
    const lastParagraph = deep.children.at(-1)!;
    expect(lastParagraph).toMatchObject({ type: 'paragraph', text: 'last', position: { start: { line: 4, column: 1, offset: 10_014 } } });
    expect(textOf(deep)).toContain('09:00 x');
    const quotes = parseMarkdown(`${'> '.repeat(5000)}deep\n\nafter`);
    expect(quotes.children.at(-1)).toMatchObject({ text: 'after', position: { start: { line: 3, column: 1 } } });
    const wide = parseMarkdown(`|${'a|'.repeat(100_000)}\n|${'-|'.repeat(100_000)}\n\nafter`);
    // Its delimiter row, capped too, is no delimiter row: no table of 100,000 columns.
    expect(wide.children[0]).toMatchObject({ type: 'paragraph' });
    const long = parseMarkdown(`| a | b |\n| - | - |\n|${'x|'.repeat(100_000)}\n`);
    expect((long.children[0] as { children: Array<{ children: unknown[] }> }).children[1]!.children.length).toBeLessThanOrEqual(1001);
    expect(wide.children.at(-1)).toMatchObject({ text: 'after', position: { start: { line: 4, column: 1 } } });
  });
});
