import { describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../test/helpers.js';
import { loadTemplates } from '../template/load.js';
import { complete, frontMatterBlock } from './features.js';
import { splitLines, toRange } from './convert.js';

describe('frontMatterBlock', () => {
  test('a closed block, a block being typed, none', () => {
    expect(frontMatterBlock(['---', 'title: x', '---', '', '# T'])).toEqual({ open: 0, close: 2, closed: true, separator: ':' });
    expect(frontMatterBlock(['---', 'title: x', 'sev', '', '# T'])).toEqual({ open: 0, close: 3, closed: false, separator: ':' });
    expect(frontMatterBlock(['+++', 'title = "x"', '+++'])).toEqual({ open: 0, close: 2, closed: true, separator: '=' });
    expect(frontMatterBlock(['# Title', '---'])).toBeUndefined();
  });
});

describe('complete', async () => {
  const templates = await loadTemplates({ cwd: process.cwd() });
  const at = (text: string, line: number, character: number) =>
    complete({ lines: splitLines(text), position: { line, character }, template: DEFAULT_TEMPLATE, templates }).map((i) => i.label);

  test('TOML front matter: values after "="', () => {
    expect(at('+++\nseverity = "SE\n+++\n', 1, 14)).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']);
  });
  test('keys: required first, written ones left out, only at the start of a line', () => {
    const labels = at('---\ntitle: x\n\n---\n', 2, 0);
    expect(labels).not.toContain('title');
    expect(labels.slice(0, 3)).toEqual(['date', 'severity', 'status']);
    expect(at('---\ntitle: x\n  \n---\n', 2, 2)).toEqual([]);
  });
  test('nothing outside the front matter or on its fences', () => {
    expect(at('---\ntitle: x\n---\nseverity: ', 3, 10)).toEqual([]);
    expect(at('---\ntitle: x\n---\n', 0, 3)).toEqual([]);
  });
});

describe('toRange', () => {
  test('clamps spans into the text', () => {
    const lines = splitLines('ab\r\ncd');
    expect(toRange({ line: 1, column: 2, endLine: 1, endColumn: 99 }, lines)).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
    expect(toRange({ line: 9, column: 1, endLine: 9, endColumn: 1 }, lines)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
  });
});
