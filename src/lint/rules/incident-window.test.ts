import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

const LEGACY = `# Login errors

## Issue Summary
On December 8, 2023, from 10:45 AM to 11:30 AM, nobody could log in.

## Timeline
- 10:45 AM: Alerts fire.
- 11:30 AM: Fixed.
`;

describe('incident-window', () => {
  it('accepts a window from the front matter', () => {
    expect(messagesOf(VALID, 'incident-window')).toEqual([]);
  });

  it('accepts a window stated in the summary with a zone', () => {
    expect(messagesOf(edit(LEGACY, '11:30 AM,', '11:30 AM EST,'), 'incident-window')).toEqual([]);
  });

  it('reports a window without a zone at its start time', () => {
    const [m, ...rest] = messagesOf(LEGACY, 'incident-window');
    expect(rest).toEqual([]);
    const line = lineOf(LEGACY, 'from 10:45 AM');
    expect(m).toMatchObject({ line, column: LEGACY.split('\n')[line - 1]!.indexOf('10:45') + 1 });
    expect(m!.message).toMatch(/^Expected a time zone for the incident window, found times without one \(2023-12-08T10:45 to 2023-12-08T11:30\)/);
  });

  it('reports a missing end', () => {
    const doc = edit(LEGACY, 'from 10:45 AM to 11:30 AM', 'at 10:45 AM EST');
    const [m] = messagesOf(doc, 'incident-window');
    expect(m!.message).toMatch(/^Expected the incident's end time, found only its start \(2023-12-08T10:45:00-05:00\)/);
    expect(m!.line).toBe(lineOf(doc, 'at 10:45 AM EST'));
  });

  it('reports an end before the start at the end field', () => {
    const doc = edit(VALID, 'resolved: 2023-03-01T12:00:00-05:00', 'resolved: 2023-03-01T08:00:00-05:00');
    const [m] = messagesOf(doc, 'incident-window');
    expect(m!.line).toBe(lineOf(doc, 'resolved: 2023-03-01T08'));
    expect(m!.message).toBe('Expected the end (2023-03-01T08:00:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them');
  });
});

describe('incident-window: times with no zone (an unknown timezone name)', () => {
  const doc = ['---', 'title: Telemetry gap', 'date: 2026-04-01', 'timezone: Mars/Olympus', 'started: 2026-04-01 09:00', 'resolved: 2026-04-01 10:30', '---', '', '# Telemetry gap', '', '## Summary', '', 'Telemetry was missing.', '', '## Timeline', '', '- 09:00 — gap starts', '- 10:30 — gap ends', ''].join('\n');

  it('shows the times as written, with no offset they were never given', () => {
    const [m] = messagesOf(doc, 'incident-window');
    expect(m!.message).toContain('found times without one (2026-04-01T09:00:00 to 2026-04-01T10:30:00)');
  });

  it('gives the timeline no zone either: timeline-timezone says so', () => {
    expect(messagesOf(doc, 'timeline-timezone')).toHaveLength(1);
  });
});
