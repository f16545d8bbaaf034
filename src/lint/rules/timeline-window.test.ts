import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('timeline-window', () => {
  it('accepts entries inside the window and a lead-up within the tolerance', () => {
    expect(messagesOf(VALID, 'timeline-window')).toEqual([]);
    const leadUp = edit(VALID, '- 09:00 — Support', '- 08:00 — Deploy starts.\n- 09:00 — Support');
    expect(messagesOf(leadUp, 'timeline-window')).toEqual([]);
  });

  it('warns about an entry far after the end', () => {
    const doc = edit(VALID, '- 12:00 — The revert', '- 12:00 — Revert begins.\n- 15:00 — The revert');
    const [m] = messagesOf(doc, 'timeline-window');
    expect(m).toMatchObject({ line: lineOf(doc, '15:00 — The revert'), column: 3, severity: 'warning' });
    expect(m!.message).toBe("Expected the entry at most 60 minutes after the incident's end (2023-03-01T12:00:00-05:00), found 2023-03-01T15:00:00-05:00: check its date and time, or the end");
  });

  it('warns about an entry long before the start, with the tolerance set in the config', () => {
    const doc = edit(VALID, '- 09:00 — Support', '- 06:00 — Deploy starts.\n- 09:00 — Support');
    const [m] = messagesOf(doc, 'timeline-window');
    expect(m!.line).toBe(lineOf(doc, '06:00 — Deploy'));
    expect(m!.message).toMatch(/^Expected the entry within 120 minutes before/);
    expect(messagesOf(doc, 'timeline-window', { rules: { 'timeline-window': ['warn', { leadUpMinutes: 240 }] } })).toEqual([]);
  });
});
