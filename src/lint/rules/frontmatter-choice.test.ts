import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-choice', () => {
  it('accepts a value from the choices', () => {
    expect(messagesOf(VALID, 'frontmatter-choice')).toEqual([]);
  });

  it('reports a value outside the choices and suggests the right spelling', () => {
    const doc = edit(VALID, 'severity: SEV-1', 'severity: sev1');
    const [m] = messagesOf(doc, 'frontmatter-choice');
    expect(m).toMatchObject({ line: lineOf(doc, 'severity: sev1'), column: 1, severity: 'error' });
    expect(m!.message).toBe('Expected "severity" to be one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5, found "sev1": write "SEV-1"');
  });

  it('reports an unknown status without a suggestion', () => {
    const doc = edit(VALID, 'status: final', 'status: approved');
    const [m] = messagesOf(doc, 'frontmatter-choice');
    expect(m!.message).toBe('Expected "status" to be one of draft, in-review, final, found "approved"');
  });
});
