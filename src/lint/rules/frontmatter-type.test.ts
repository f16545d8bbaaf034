import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-type', () => {
  it('accepts fields of the declared types, and a percent written as "30%"', () => {
    expect(messagesOf(VALID, 'frontmatter-type')).toEqual([]);
    expect(messagesOf(edit(VALID, 'users_affected: 30', 'users_affected: "30%"'), 'frontmatter-type')).toEqual([]);
  });

  it('reports a list field written as a string', () => {
    const doc = edit(VALID, 'authors: [priya.natarajan, tom.okafor]', 'authors: priya');
    const [m] = messagesOf(doc, 'frontmatter-type');
    expect(m).toMatchObject({ line: lineOf(doc, 'authors: priya'), column: 1 });
    expect(m!.message).toBe('Expected "authors" to be a list such as [alice, bob], found string "priya"');
  });

  it('reports a percentage out of range', () => {
    const doc = edit(VALID, 'users_affected: 30', 'users_affected: 130');
    const [m] = messagesOf(doc, 'frontmatter-type');
    expect(m!.line).toBe(lineOf(doc, 'users_affected: 130'));
    expect(m!.message).toMatch(/percentage from 0 to 100, found number 130/);
  });
});
