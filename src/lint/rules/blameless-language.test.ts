import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('blameless-language', () => {
  it('accepts blameless wording', () => {
    expect(messagesOf(VALID, 'blameless-language')).toEqual([]);
  });

  it('warns on blaming phrases, with a blameless suggestion, at their position', () => {
    const doc = edit(VALID, 'The migration had been tested', 'It was human error. The engineer should have known. The migration had been tested');
    const ms = messagesOf(doc, 'blameless-language');
    const line = lineOf(doc, 'It was human error');
    const text = doc.split('\n')[line - 1]!;
    expect(ms.map((m) => [m.line, m.column, m.severity])).toEqual([
      [line, text.indexOf('human error') + 1, 'warning'],
      [line, text.indexOf('should have') + 1, 'warning'],
    ]);
    expect(ms[0]!.message).toBe('Expected blameless wording, found "human error": describe the conditions that made the mistake easy to make (missing check, confusing tool, no second pair of eyes)');
    expect(ms[1]!.message).toMatch(/^Expected blameless wording, found "should have": say what would have helped instead/);
  });

  it('warns on careless, negligent, fault and blame', () => {
    const doc = edit(VALID, 'About 30% of', 'A careless change, a negligent review, the fault of ops, and we blame nobody. About 30% of');
    expect(messagesOf(doc, 'blameless-language').map((m) => m.message.match(/found "([^"]+)"/)![1])).toEqual(['careless', 'negligent', 'the fault of', 'blame']);
  });

  it('warns on a person as the subject of the root cause, not on systems', () => {
    const doc = edit(VALID, 'The migration had been tested', '@tom.okafor forgot to run the migration on staging. Dana accidentally ran it twice. Monitoring ignored the lock. The migration had been tested');
    const ms = messagesOf(doc, 'blameless-language');
    expect(ms.map((m) => m.message.match(/found "([^"]+)"/)![1])).toEqual(['@tom.okafor forgot', 'Dana accidentally']);
    expect(ms[0]!.message).toMatch(/name the step or safeguard that was missing, not the person/);
    // The same sentence outside the root cause is a timeline fact, not a root cause.
    const timeline = edit(VALID, '- 09:20 — Suspecting load', '- 09:20 — Dana accidentally scaled the wrong service. Suspecting load');
    expect(messagesOf(timeline, 'blameless-language')).toEqual([]);
  });

  it('leaves quoted logs and code alone', () => {
    const doc = edit(VALID, '## Issue summary\n\n', '## Issue summary\n\n```\nERROR human error counter=3\n```\n\n');
    expect(messagesOf(doc, 'blameless-language')).toEqual([]);
  });
});
