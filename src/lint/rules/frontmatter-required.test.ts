import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-required', () => {
  it('accepts a document with every required field', () => {
    expect(messagesOf(VALID, 'frontmatter-required')).toEqual([]);
  });

  it('reports a missing field at the front matter and says what to add', () => {
    const doc = edit(VALID, /^severity: SEV-1\n/m, '');
    const [m, ...rest] = messagesOf(doc, 'frontmatter-required');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(m!.message).toBe('Expected front matter field "severity" (How severe was it?), found none: add "severity: SEV-1"');
  });

  it('reports an empty field where it is written', () => {
    const doc = edit(VALID, 'authors: [priya.natarajan, tom.okafor]', 'authors: []');
    const [m] = messagesOf(doc, 'frontmatter-required');
    expect(m).toMatchObject({ line: lineOf(doc, 'authors: []'), column: 1 });
    expect(m!.message).toMatch(/"authors".*found an empty value/);
  });

  it('gives one message for a document with no front matter at all', () => {
    const doc = VALID.slice(VALID.indexOf('# Login'));
    const ms = messagesOf(doc, 'frontmatter-required');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 1, column: 1 });
    expect(ms[0]!.message).toMatch(/^Expected front matter with title, date, severity/);
  });
});
