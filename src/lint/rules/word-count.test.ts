import { describe, expect, it } from 'vitest';
import { lineOf, loadBuiltin, messagesOf, VALID } from '../../../test/helpers.js';

describe('word-count', () => {
  it('accepts a document inside its ranges', () => {
    expect(messagesOf(VALID, 'word-count')).toEqual([]);
  });

  it('reports a section below its minimum at the heading', () => {
    const template = loadBuiltin('default');
    template.sections.find((s) => s.id === 'summary')!.words = { min: 20 };
    const start = VALID.indexOf('From 09:00 to 12:00 EST');
    const end = VALID.indexOf('## Timeline');
    const doc = `${VALID.slice(0, start)}Sign-in broke for three hours.\n\n${VALID.slice(end)}`;
    expect(messagesOf(doc, 'word-count')).toEqual([]);
    const [m] = messagesOf(doc, 'word-count', { template });
    expect(m).toMatchObject({ line: lineOf(doc, '## Issue summary'), column: 1 });
    expect(m!.message).toBe('Expected at least 20 words under "Issue summary", found 5: What broke, for whom, from when to when, and how many users it touched.');
  });

  it("reports a document outside the template's range", () => {
    const template = loadBuiltin('default');
    template.lint.words = { min: 400, max: 600 };
    const [m] = messagesOf(VALID, 'word-count', { template });
    expect(m).toMatchObject({ line: 1, column: 1 });
    expect(m!.message).toMatch(/^Expected at least 400 words, found \d+: say more/);
    template.lint.words = { max: 100 };
    expect(messagesOf(VALID, 'word-count', { template })[0]!.message).toMatch(/^Expected at most 100 words, found \d+: shorten it/);
  });
});
