/**
 * `lint --fix` is safe: on any mix of mechanical defects injected into our clean postmortems, fixing twice is
 * fixing once, the words of the prose are the same after as before, no message appears that was not there before,
 * every default-kind fix is applied, and a clean document is left byte for byte as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/document/parse.js';
import { lintDocument } from '../src/lint/engine.js';
import { DEFAULT_FIX_KINDS, fixText } from '../src/lint/fix.js';
import { FIX_KINDS, type FixKind, type LintMessage } from '../src/lint/rule.js';
import type { Template } from '../src/template/template.js';
import { loadBuiltin, ROOT } from './helpers.js';

const DOCS = readdirSync(join(ROOT, 'examples'))
  .filter((f) => /^\d{4}-.*\.md$/.test(f))
  .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

const templates = new Map<string, Template>();

function lintOf(text: string): LintMessage[] {
  const name = /^template: (\S+)/m.exec(text)?.[1] ?? 'default';
  let template = templates.get(name);
  if (!template) templates.set(name, (template = loadBuiltin(name)));
  return lintDocument(parsePostmortem(text, 'doc.md', { sectionAliases: template.aliases }), template);
}

/** The words of the prose: the body without markup characters, front matter left out. */
function proseWords(text: string): string[] {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/gm, ' ')
    .replace(/[#*_:]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

const key = (m: LintMessage): string => `${m.line}:${m.column} ${m.ruleId} ${m.message}`;

const SEVERITY = ['sev1', 'Sev-1', 'SEV 1', 'sev_1', 'sev-2', 'SEV2', 'sev3'];
const STATUS = ['Final', 'FINAL', 'Draft', 'In-Review', 'in review'];

interface Injection {
  severity: number | null;
  status: number | null;
  offsets: boolean[];
  headings: Array<{ which: number; bold: boolean }>;
  plainTasks: boolean[];
  duration: boolean;
  kinds: FixKind[];
}

function inject(doc: string, inj: Injection): string {
  let out = doc;
  if (inj.severity !== null) out = out.replace(/^severity: SEV-(\d)$/m, () => `severity: ${SEVERITY[inj.severity!]}`);
  if (inj.status !== null) out = out.replace(/^status: .*$/m, `status: ${STATUS[inj.status]}`);
  let i = 0;
  out = out.replace(/^(started|detected|mitigated|resolved): (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00(?:Z|[+-]\d{2}:\d{2})$/gm, (all, k: string, d: string, t: string) =>
    inj.offsets[i++ % inj.offsets.length] ? `${k}: ${d} ${t}` : all,
  );
  const headings = [...out.matchAll(/^## (.+)$/gm)];
  for (const h of inj.headings) {
    const m = headings[h.which % headings.length];
    if (!m) continue;
    out = out.replace(m[0], h.bold ? `**${m[1]}:**` : `${m[1]}:`);
  }
  let j = 0;
  out = out.replace(/^- \[ \] /gm, (all) => (inj.plainTasks[j++ % inj.plainTasks.length] ? '- ' : all));
  if (inj.duration) out = out.replace(/^(## (?:Issue summary|Summary|Overview)\n\n)/m, '$1The outage lasted 7 minutes. ');
  return out;
}

const injection: fc.Arbitrary<Injection> = fc.record({
  severity: fc.option(fc.nat({ max: SEVERITY.length - 1 })),
  status: fc.option(fc.nat({ max: STATUS.length - 1 })),
  offsets: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  headings: fc.array(fc.record({ which: fc.nat({ max: 9 }), bold: fc.boolean() }), { maxLength: 3 }),
  plainTasks: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  duration: fc.boolean(),
  kinds: fc.subarray([...FIX_KINDS], { minLength: 1 }),
});

describe('lint --fix (property)', () => {
  it('leaves every clean document exactly as it is', () => {
    for (const doc of DOCS) {
      expect(lintOf(doc).filter((m) => m.severity === 'error')).toEqual([]);
      for (const kinds of [DEFAULT_FIX_KINDS, new Set(FIX_KINDS)]) expect(fixText(doc, lintOf, kinds).output).toBe(doc);
    }
  });

  it('is idempotent, keeps the prose words, adds no message, and applies every fix of the kinds chosen', () => {
    fc.assert(
      fc.property(fc.nat({ max: DOCS.length - 1 }), injection, fc.boolean(), (d, inj, defaults) => {
        const broken = inject(DOCS[d]!, inj);
        const kinds = new Set<FixKind>(defaults ? DEFAULT_FIX_KINDS : inj.kinds);
        const before = lintOf(broken);
        const once = fixText(broken, lintOf, kinds);
        const twice = fixText(once.output, lintOf, kinds);
        // The injections are really there to fix.
        if (inj.severity !== null && kinds.has('spelling')) expect(once.fixed).toBeGreaterThan(0);
        if (inj.severity !== null && kinds.has('spelling')) expect(once.output).toMatch(/^severity: SEV-\d$/m);
        expect(twice.output).toBe(once.output);
        expect(twice.fixed).toBe(0);
        if (!kinds.has('duration')) expect(proseWords(once.output)).toEqual(proseWords(broken));
        const had = new Set(before.map(key));
        expect(once.messages.filter((m) => !had.has(key(m))).map(key)).toEqual([]);
        expect(once.messages.filter((m) => m.fix && kinds.has(m.fix.kind)).map(key)).toEqual([]);
        // The defects the fixes cover are gone, and nothing else was touched: lines stay where they were.
        expect(once.output.split('\n').length).toBe(broken.split('\n').length);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
