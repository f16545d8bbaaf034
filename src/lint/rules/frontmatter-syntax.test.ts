import { describe, expect, it } from 'vitest';
import { edit, lineOf, lint, messagesOf, VALID } from '../../../test/helpers.js';

describe('frontmatter-syntax', () => {
  it('accepts valid YAML front matter', () => {
    expect(messagesOf(VALID, 'frontmatter-syntax')).toEqual([]);
  });

  it('reports a YAML syntax error at its line and never throws', () => {
    const doc = edit(VALID, 'severity: SEV-1', 'severity: [SEV-1');
    const [m, ...rest] = messagesOf(doc, 'frontmatter-syntax');
    expect(rest).toEqual([]);
    expect(m!.severity).toBe('error');
    // In plain words, at the line that opens the list (the parser notices it later).
    expect(m!.message).toBe('Expected valid YAML front matter, found a list opened with "[" and not closed: end it with "]"');
    expect(m).toMatchObject({ line: lineOf(doc, 'severity: [SEV-1'), column: 'severity: ['.length });
  });

  it('says the usual YAML mistakes in plain words, at their line', () => {
    const cases: Array<[string, string, string]> = [
      ['title: Login service down', 'title: Login: service down', 'a value with ": " in it: put it in quotes, title: "Login: service down after a migration locked the users table"'],
      ['status: final', 'status:final', '"status:final", with no space after the colon: write "status: final"'],
      ['status: final', 'status: final\nstatus: draft', '"status" a second time: keep one'],
      ['impact: Nobody', 'impact: @everyone Nobody', 'a value starting with "@", which YAML reserves: put it in quotes, impact: "@everyone Nobody could sign in for three hours; sessions already open kept working."'],
      ['title: Login service down', 'title: "Login service down', 'a value opened with " and not closed: end it with "'],
    ];
    for (const [from, to, found] of cases) {
      const doc = edit(VALID, from, to);
      const ms = messagesOf(doc, 'frontmatter-syntax');
      expect(ms.map((m) => m.message), to).toEqual([`Expected valid YAML front matter, found ${found}`]);
      const line = to.includes('\n') ? lineOf(doc, 'status: draft') : lineOf(doc, to);
      expect(ms[0]!.line, to).toBe(line);
    }
  });

  it('reports a missing closing --- as that, once, and still checks the fields', () => {
    const doc = edit(VALID, 'users_affected: 30\n---\n', 'users_affected: 30\n');
    const all = lint(doc);
    const syntax = all.filter((m) => m.ruleId === 'frontmatter-syntax');
    expect(syntax.map((m) => [m.line, m.message])).toEqual([[1, `Expected a closing "---" for the front matter opened on line 1, found none: add a line "---" after its last field (line ${lineOf(doc, 'users_affected')})`]]);
    expect(all.filter((m) => m.ruleId.startsWith('frontmatter-required'))).toEqual([]);
    expect(all.filter((m) => m.ruleId !== 'frontmatter-syntax')).toEqual([]);
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
