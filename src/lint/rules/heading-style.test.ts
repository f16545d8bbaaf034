import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('heading-style', () => {
  it('accepts Markdown headings', () => {
    expect(messagesOf(VALID, 'heading-style')).toEqual([]);
    const setext = edit(VALID, '## Timeline', 'Timeline\n--------');
    expect(messagesOf(setext, 'heading-style')).toEqual([]);
  });

  it('warns on a bold-line heading and suggests the real one', () => {
    const doc = edit(VALID, '## Timeline', '**Timeline:**');
    const [m] = messagesOf(doc, 'heading-style');
    expect(m).toMatchObject({ line: lineOf(doc, '**Timeline:**'), column: 1, severity: 'warning' });
    expect(m!.message).toBe('Expected a Markdown heading for the timeline section, found a bold line: write "## Timeline"');
  });

  it('warns on a lone "Label:" line', () => {
    const doc = edit(VALID, '## Issue summary', 'Issue Summary:');
    const [m] = messagesOf(doc, 'heading-style');
    expect(m).toMatchObject({ line: lineOf(doc, 'Issue Summary:'), column: 1 });
    expect(m!.message).toBe('Expected a Markdown heading for the summary section, found a "Label:" line: write "## Issue Summary"');
  });
});
