/**
 * Random and mutated Markdown (fast-check, fixed seeds, bounded runs): parsing and linting never throw, always
 * finish, and every message points inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, textOf } from '../src/document/markdown.js';
import { parsePostmortem } from '../src/document/parse.js';
import { lintDocument } from '../src/lint/engine.js';
import { DEFAULT_TEMPLATE, VALID } from './helpers.js';

const TOKENS = [
  '#', '## ', '### Timeline', 'Timeline:', '**Root cause:**', '*', '_', '**', '__', '-', '- ', '* ', '1. ', '> ', '>>', '`', '```', '~~~',
  '[', ']', '(', ')', '![x](', '|', '| a | b |\n| --- | --- |', ':', '---', '+++', '...', '<!--', '-->', '<!-- postmortem-disable -->',
  '<h2>', '</h2>', '<br>', '<div>', '&amp;', '\\', '9:00 AM', '14:05 UTC', '[14:05]', '0300hrs (EAT)', '2023-03-01T09:00Z', 'March 1, 2023',
  'from 10:45 AM to 11:30 AM', '30-minute outage', 'owner:', 'due: 2023-13-45', '@x', 'TODO', '\n', '\n\n', '\r\n', '\r', '\t', '    ',
  '🚨', '\u200d', '\ufeff', '\u0000', 'שלום', 'a', 'word ', '- [ ] ', '- [x] ', 'severity: SEV-1', 'title: "x', 'key: &a [*a]',
];

const markdown = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 200 }).map((t) => t.join(''));

/** VALID with random edits: chunks deleted, duplicated, replaced by random tokens. */
const mutated = fc
  .array(fc.tuple(fc.nat({ max: VALID.length }), fc.nat({ max: 200 }), fc.oneof(fc.constant(''), markdown)), { minLength: 1, maxLength: 8 })
  .map((edits) => edits.reduce((text, [at, len, insert]) => text.slice(0, at) + insert + text.slice(Math.min(text.length, at + len)), VALID));

function check(text: string): void {
  const doc = parsePostmortem(text, 'fuzz.md', { sectionAliases: DEFAULT_TEMPLATE.aliases });
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  expect(doc.lineCount).toBe(lines.length);
  for (const m of lintDocument(doc, DEFAULT_TEMPLATE)) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.endLine).toBeGreaterThanOrEqual(m.line);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
    expect(m.message).toMatch(/^Expected /);
  }
}

describe('parse and lint never throw and always point inside the file', () => {
  it('on random Markdown', () => {
    fc.assert(fc.property(markdown, check), { seed: 1337, numRuns: 400 });
  });

  it('on a valid postmortem with random edits', () => {
    fc.assert(fc.property(mutated, check), { seed: 4242, numRuns: 300 });
  });

  it('on random front matter', () => {
    const yamlish = fc.array(fc.oneof(fc.constantFrom('title: ', 'started: ', '2023-03-01T09:00:00-05:00', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '"', "'", '\n', '  ', '!!binary ', '|', '>', '? ', '%YAML 1.2\n'), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(fc.property(yamlish, fc.boolean(), (fm, toml) => check(toml ? `+++\n${fm}\n+++\n\n# T\n` : `---\n${fm}\n---\n\n# T\n`)), { seed: 99, numRuns: 300 });
  });

  it('on deeply nested input: containers, front matter collections, emphasis and HTML openers (block reader and parse)', () => {
    const prefix = fc.array(fc.constantFrom('- ', '> ', '1. ', '* ', '+ ', '  ', '>', '- [ ] '), { minLength: 50, maxLength: 3000 }).map((a) => a.join(''));
    const nested = fc.tuple(prefix, fc.constantFrom('09:00 x', '**Impact:** y', '<!-- a', '`', ''), fc.nat({ max: 3 })).map(([p, tail, lines]) => Array(lines + 1).fill(p + tail).join('\n'));
    const flow = fc.tuple(fc.nat({ max: 5000 }), fc.constantFrom('[', '{a: ', '[{b: ')).map(([n, open]) => `---\ntitle: x\nk: ${open.repeat(n)}1\n---\n\n# T\n`);
    const runs = fc.tuple(fc.constantFrom('*a', '_a ', 'x <!--', '[a](', '<?', '`a``', '|'), fc.nat({ max: 20_000 })).map(([u, n]) => `# T\n\n${u.repeat(n)}\n`);
    fc.assert(
      fc.property(fc.oneof(nested, flow, runs), (text) => {
        expect(typeof textOf(parseMarkdown(text))).toBe('string');
        check(text);
      }),
      { seed: 2026, numRuns: 40 },
    );
  });

  // "Always finish": the test's own timeout bounds each case (the block reader bounds nesting per line and reads
  // paragraphs that could make micromark quadratic plainly).
  it('on deep nesting, unclosed fences and very long lines', () => {
    const cases = [
      '> '.repeat(20_000) + 'deep',
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'),
      `${'*'.repeat(50_000)}x${'*'.repeat(50_000)}`,
      `\`\`\`\n${'code\n'.repeat(10_000)}`,
      `## Timeline\n\n- 09:00 ${'word '.repeat(50_000)}`,
      '['.repeat(50_000),
      '<!--'.repeat(10_000),
      `---\n${'a: b\n'.repeat(10_000)}`,
    ];
    for (const text of cases) check(text);
  });
});
