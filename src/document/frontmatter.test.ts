/** Front matter data is what the YAML library's own toJS() gives, however it was read. */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFrontMatter } from './frontmatter.js';
import { simpleYaml } from './simple-yaml.js';

const span = { line: 1, column: 1, endLine: 1, endColumn: 4 };
const SCALARS = ['x', 'SEV-1', '0', '-3.5', '1e3', 'true', 'no', 'null', '~', '', '2020-01-01', '2020-01-01T11:00:00Z', '"quoted: yes"', "'single'", '0x1F', '.inf', '"\\u00e9"', '|\n  block\n  text', '>-\n  folded', '&a anchored', '*a', '!!str 12', '{a: 1}', '[1, [2]]'];
const KEYS = ['title', 'date', 'severity', 'authors', '"quoted key"', '1', 'null', 'true', '__proto__', '? complex', 'a b', 'é', 'lonely'];

const value = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.array(fc.constantFrom(...SCALARS.filter((s) => !s.includes('\n'))), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
  fc.array(fc.constantFrom('a', '1', 'true', '"q"', '*a'), { minLength: 1, maxLength: 3 }).map((a) => `\n${a.map((v) => `  - ${v}`).join('\n')}`),
);
const yaml = fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), value), { selector: ([k]) => k, maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => (k === 'lonely' ? '? lonely' : `${k}: ${v}`)).join('\n'));

describe('parseYamlFrontMatter', () => {
  it("gives toJS()'s data, or the same error", () => {
    fc.assert(
      fc.property(yaml, (text) => {
        const fm = parseYamlFrontMatter(text, 2, span);
        const doc = parseDocument(text, { uniqueKeys: true, strict: true });
        if (doc.errors.length > 0 || fm.error) {
          expect(Boolean(fm.error)).toBe(true);
          return;
        }
        let expected: unknown;
        try {
          expected = doc.toJS({ maxAliasCount: 100 }) ?? {};
        } catch {
          return; // an alias error: reported as frontmatter-syntax, checked elsewhere
        }
        if (typeof expected !== 'object' || Array.isArray(expected)) return; // not a mapping: an error
        expect(fm.data).toEqual(expected);
        expect(Object.getPrototypeOf(fm.data)).toBe(Object.getPrototypeOf(expected));
      }),
      { seed: 5, numRuns: 800 },
    );
  });
});

describe('the usual front matter read without the library (simple-yaml.ts)', () => {
  const PLAIN = ['x', 'SEV-1', 'auth api', 'C#', 'a # comment', 'a#b', 'https://x.y/z?q=1', 'a: b', 'ends:', '0', '7', '007', '123456789012345678', '-3', '+1', '1.5', '.5', '1e3', '0x1F', '0o7', '.inf', '.nan', 'true', 'False', 'TRUE', 'yes', 'no', 'null', 'Null', '~', '2020-01-01', '2020-01-01T11:00:00Z', '2020-01-01 11:00', '2020-01-01T11:00:00+02:00', '12:30', '@dana', '`x`', '!x', '&x', '*x', '%x', '|', '>', '- a', '-a', '? x', ':x', 'é ü', '[a]b', 'a [b]', '{a}', 'x  ', 'x\t', '""', "''"];
  const QUOTED = ['"q"', '"a: b"', '"a # b"', '"\\u00e9"', '"it\'s"', "'single'", "'it''s'", "'a \"b\"'", '"x" # c', '"x" y', '"unclosed', "'unclosed"];
  const FLOW = fc.array(fc.constantFrom('a', 'SEV-1', '1', '1.5', 'true', '~', 'null', '"q"', "'s'", 'a b', 'a:b', '2020-01-01', '', ' ', '[x]', '#'), { maxLength: 4 }).chain((items) =>
    fc.constantFrom(`[${items.join(', ')}]`, `[${items.join(',')}]`, `[ ${items.join(' , ')} ]`, `[${items.join(', ')},]`, `[${items.join(', ')}] # c`, `[${items.join(', ')}`),
  );
  const KEY = fc.constantFrom('title', 'date', 'severity', 'authors', 'started', 'users_affected', 'a-b', '_x', 'x1', 'true', 'Null', '__proto__', 'é', '1', 'a b', '"q"');
  const USUAL_KEY = fc.constantFrom('title', 'date', 'severity', 'authors', 'started', 'resolved', 'users_affected', 'status', 'services', 'timezone', 'a-b', '_x', 'x1');
  const USUAL_VALUE = fc.constantFrom('x', 'SEV-1', 'auth api', 'C#', 'a # comment', '0', '7', '2020-01-01', '2020-01-01T11:00:00Z', '"q"', "'s'", '[a, b]', '["@dana", lee]', '[]', 'true', '~', 'é ü', 'x  ');
  const LINE = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(USUAL_KEY, USUAL_VALUE).map(([k, v]) => `${k}: ${v}`) },
    { weight: 4, arbitrary: fc.tuple(KEY, fc.constantFrom(': ', ':  ', ':', ': ', ':\t'), fc.oneof(fc.constantFrom(...PLAIN), fc.constantFrom(...QUOTED), FLOW, fc.constant(''))).map(([k, sep, v]) => `${k}${sep}${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '# a comment', '  indented: x', '  - item', '---', '...', 'key : x', 'key:x', '- x', '\r', 'x: |\n  text') },
  );
  const BLOCK = fc.array(LINE, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));

  it('gives the library reading (data and every key position) wherever it answers, and answers for the usual kind', () => {
    let answered = 0;
    fc.assert(
      fc.property(BLOCK, (text) => {
        const fast = parseYamlFrontMatter(text, 2, span);
        const library = parseYamlFrontMatter(text, 2, span, { library: true });
        expect(fast).toEqual(library);
        if (!library.error && Object.keys(library.fields).length > 0 && simpleYaml(text)) answered++;
      }),
      { seed: 9, numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
    const usual = 'template: default\ntitle: Login down for three hours\ndate: 2026-03-01\nseverity: SEV-1\nauthors: ["@dana", lee]\nstarted: 2026-03-01T09:00:00-05:00 # EST\nusers_affected: 1200\n';
    expect(simpleYaml(usual)).toBeDefined();
    expect(parseYamlFrontMatter(usual, 2, span)).toEqual(parseYamlFrontMatter(usual, 2, span, { library: true }));
  });
});
