/** Front matter data is what the YAML library's own toJS() gives, however it was read. */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFrontMatter } from './frontmatter.js';

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
