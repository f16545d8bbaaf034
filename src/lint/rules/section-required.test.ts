import { describe, expect, it } from 'vitest';
import { edit, messagesOf, VALID } from '../../../test/helpers.js';

describe('section-required', () => {
  it('accepts a document with every required section', () => {
    expect(messagesOf(VALID, 'section-required')).toEqual([]);
  });

  it('matches headings tolerantly: case, numbering, emoji, colons, "&", synonyms, bold and label lines', () => {
    let doc = edit(VALID, '## Issue summary', '## 1. ISSUE SUMMARY:');
    doc = edit(doc, '## Timeline', '## ⏰ Timeline of events');
    doc = edit(doc, '## Root cause and resolution', '**Root Cause & Resolution:**');
    doc = edit(doc, '## Corrective and preventative measures', 'Action items:');
    expect(messagesOf(doc, 'section-required')).toEqual([]);
  });

  it('accepts root cause and resolution under separate headings', () => {
    const doc = edit(VALID, 'We resolved it by', '## Resolution\n\nWe resolved it by');
    const withSplit = edit(doc, '## Root cause and resolution', '## Root cause');
    expect(messagesOf(withSplit, 'section-required')).toEqual([]);
  });

  it('recognizes a timeline by its timed lines under a heading that names nothing', () => {
    const doc = edit(VALID, '## Timeline', '## Events as we saw them');
    expect(messagesOf(doc, 'section-required')).toEqual([]);
  });

  it('reports a missing section at the start of the document', () => {
    const doc = edit(VALID, /## Timeline\n[\s\S]*?(?=\n## )/, '');
    const ms = messagesOf(doc, 'section-required');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(ms[0]!.message).toBe('Expected a "Timeline" section (timeline), found none: add "## Timeline" with what happened, in order, each with its time');
  });

  it('names the missing half of a combined section', () => {
    const doc = edit(VALID, '## Root cause and resolution', '## Root cause');
    const [m] = messagesOf(doc, 'section-required');
    expect(m!.message).toMatch(/^Expected the resolution part of "Root cause and resolution" \(resolution\)/);
  });
});
