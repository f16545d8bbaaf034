import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-datetime', () => {
  it('accepts ISO date-times with offsets, Z, dates and IANA zones', () => {
    expect(messagesOf(VALID, 'frontmatter-datetime')).toEqual([]);
    const utc = edit(VALID, 'started: 2023-03-01T09:00:00-05:00', 'started: 2023-03-01T14:00:00Z');
    expect(messagesOf(utc, 'frontmatter-datetime')).toEqual([]);
  });

  it('reports a date-time without offset and gives the fixed value for the document zone', () => {
    const doc = edit(VALID, 'started: 2023-03-01T09:00:00-05:00', 'started: 2023-03-01 09:00');
    const [m] = messagesOf(doc, 'frontmatter-datetime');
    expect(m).toMatchObject({ line: lineOf(doc, 'started: 2023-03-01 09:00'), column: 1 });
    expect(m!.message).toBe('Expected "started" as ISO 8601 with an offset, found "2023-03-01 09:00" with none: write "2023-03-01T09:00:00-05:00"');
  });

  it('reports a zone abbreviation where an IANA name is expected', () => {
    const doc = edit(VALID, 'timezone: America/New_York', 'timezone: EST');
    const [m] = messagesOf(doc, 'frontmatter-datetime');
    expect(m!.line).toBe(lineOf(doc, 'timezone: EST'));
    expect(m!.message).toMatch(/IANA time-zone name .* found "EST"/);
  });

  it('reports a date in another format', () => {
    const doc = edit(VALID, 'date: 2023-03-01', 'date: 03/01/2023');
    const [m] = messagesOf(doc, 'frontmatter-datetime');
    expect(m!.message).toBe('Expected "date" as a date YYYY-MM-DD such as 2023-03-01, found "03/01/2023"');
  });
});
