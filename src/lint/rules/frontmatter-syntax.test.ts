import { describe, expect, it } from 'vitest';
import { edit, lineOf, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-syntax', () => {
  it('accepts valid YAML front matter', () => {
    expect(messagesOf(VALID, 'frontmatter-syntax')).toEqual([]);
  });

  it('reports a YAML syntax error at its line and never throws', () => {
    const doc = edit(VALID, 'severity: SEV-1', 'severity: [SEV-1');
    const [m, ...rest] = messagesOf(doc, 'frontmatter-syntax');
    expect(rest).toEqual([]);
    expect(m!.severity).toBe('error');
    expect(m!.message).toMatch(/^Expected valid YAML front matter, found a syntax error/);
    // The parser notices the unclosed sequence at or after the line that opens it, inside the block.
    expect(m!.line).toBeGreaterThanOrEqual(lineOf(doc, 'severity: [SEV-1'));
    expect(m!.line).toBeLessThanOrEqual(lineOf(doc, 'users_affected'));
  });

  it('reports a tab-indented key at the exact line', () => {
    const doc = edit(VALID, 'status: final', 'status: final\n\tbad: indent');
    const [m] = messagesOf(doc, 'frontmatter-syntax');
    expect(m!.line).toBe(lineOf(doc, '\tbad: indent'));
  });

  it('reports front matter that is not a mapping', () => {
    const doc = '---\n- just\n- a list\n---\n\n# Title\n';
    const [m] = messagesOf(doc, 'frontmatter-syntax');
    expect(m!.message).toMatch(/not a mapping/);
    expect(m!.line).toBe(2);
  });

  it('reports a TOML error with its line', () => {
    const doc = '+++\ntitle = "ok"\ndate = = 3\n+++\n\n# Title\n';
    const [m] = messagesOf(doc, 'frontmatter-syntax');
    expect(m!.message).toMatch(/TOML/);
    expect(m!.line).toBe(3);
  });
});
