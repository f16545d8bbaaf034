import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('section-empty', () => {
  it('accepts sections with content', () => {
    expect(messagesOf(VALID, 'section-empty')).toEqual([]);
  });

  it('reports an empty section at its heading', () => {
    const start = VALID.indexOf('## Root cause and resolution');
    const end = VALID.indexOf('## Corrective');
    const doc = `${VALID.slice(0, start)}## Root cause and resolution\n\n${VALID.slice(end)}`;
    const [m, ...rest] = messagesOf(doc, 'section-empty');
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ line: lineOf(doc, '## Root cause and resolution'), column: 1, endColumn: 29 });
    expect(m!.message).toBe('Expected content under "Root cause and resolution", found none: Why it happened, and what brought the service back.');
  });

  it('counts content in sub-sections', () => {
    const doc = edit(VALID, 'The migration added a column', '### What broke\n\nThe migration added a column');
    expect(messagesOf(doc, 'section-empty')).toEqual([]);
  });
});
