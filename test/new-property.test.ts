/**
 * Lint-clean by construction: for any answers `new` accepts, whatever Unicode they hold (colons, quotes, `---`,
 * `#`, `{{ }}`, `<!--`, newlines, emoji, right-to-left text), the document passes `lint` with no errors and its
 * front matter parses back to exactly the answers given.
 */
import { directivesOf } from '../src/lint/directives.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePostmortem } from '../src/document/parse.js';
import { UserError } from '../src/errors.js';
import { lintDocument } from '../src/lint/engine.js';
import { parseAnswers, type Answers } from '../src/new/answers.js';
import { renderDocument } from '../src/new/render.js';
import { DEFAULT_TEMPLATE, loadBuiltin } from './helpers.js';

const NASTY = [
  ':', ': ', '"', "'", '---', '...', '+++', '#', '## Timeline', 'Timeline:', '**Root cause:**', '{{ title }}', '<% x %>', '${HOME}',
  '<!--', '-->', '<!-- postmortem-disable -->', '\n', '\r\n', '\n\n', '```', '~~~', '    ', '\t', '- ', '* ', '1. ', '> ',
  '| a | b |', '[x]', '[ ]', '\\', '<script>', '</div>', '<h2>Impact</h2>', '&amp;', '🚀', '👩‍👩‍👧', 'שלום עולם', 'مرحبا',
  '\u202e', '\u200b', '\ufeff', '9:00 AM', '2023-03-01T09:00Z', 'owner:', 'due:', '@someone', '%', '*', '_', '===', 'null', 'true', '~',
];

const WORDS = ['outage', 'Ünïcödé', '東京', 'שלום', 'الخادم', 'db-1', '42', 'naïve', 'ЖЖЖ'];
const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 10 }));
// Mostly text with at least one word in it (what `new` accepts); sometimes none at all (which it refuses).
const text = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.array(piece, { maxLength: 6 }), fc.constantFrom(...WORDS), fc.array(piece, { maxLength: 6 })).map(([a, w, b]) => `${a.join('')}${w}${b.join('')}`) },
  { weight: 1, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
);
const line = text.map((s) => s.replace(/[\r\n]+/g, ' '));
const clock = fc.tuple(fc.integer({ min: 9, max: 11 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const answersArb = fc.record({
  title: line,
  severity: fc.constantFrom('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'),
  status: fc.constantFrom('draft', 'in-review', 'final'),
  authors: fc.array(line, { minLength: 1, maxLength: 3 }),
  services: fc.array(line, { maxLength: 2 }),
  impact: line,
  users_affected: fc.integer({ min: 0, max: 100 }),
  timezone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'),
  summary: text,
  // In time order: entries are written in the order given, and one out of order is timeline-order's to report.
  timeline: fc.array(fc.record({ time: clock, text }), { minLength: 1, maxLength: 6 }).map((list) => [...list].sort((a, b) => a.time.localeCompare(b.time))),
  'root-cause-and-resolution': text,
  'action-items': fc.array(fc.record({ item: text, owner: line }), { minLength: 1, maxLength: 4 }),
});

type Raw = { fields: Record<string, unknown>; sections: Record<string, unknown> };

type Generated = typeof answersArb extends fc.Arbitrary<infer T> ? T : never;

function toRaw(a: Generated): Raw {
  return {
    fields: {
      title: a.title, date: '2023-03-01', severity: a.severity, status: a.status, authors: a.authors, services: a.services,
      started: '09:00', resolved: '12:00', timezone: a.timezone, impact: a.impact, users_affected: a.users_affected,
    },
    sections: {
      summary: a.summary,
      timeline: a.timeline,
      'root-cause-and-resolution': a['root-cause-and-resolution'],
      'action-items': a['action-items'].map((x) => ({ ...x, due: '2023-04-01' })),
    },
  };
}

/** The answers `new` accepts (it rejects, with a reason, what lint could not accept), or undefined. */
function accept(raw: Raw, template = DEFAULT_TEMPLATE): Answers | undefined {
  const answers: Answers = { fields: {}, sections: {} };
  try {
    parseAnswers(template, answers, raw, (k) => k, 'UTC');
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
  return answers;
}

describe('new: lint-clean by construction (fast-check, fixed seed)', () => {
  it('any accepted answers give a document with no lint errors whose front matter is exactly the answers', () => {
    let accepted = 0;
    fc.assert(
      fc.property(answersArb, (a) => {
        const answers = accept(toRaw(a));
        if (!answers) return; // rejected with a reason, as the interview would
        accepted++;
        const doc = renderDocument(DEFAULT_TEMPLATE, answers);
        const model = parsePostmortem(doc, 'new.md', { sectionAliases: DEFAULT_TEMPLATE.aliases });
        const errors = lintDocument(model, DEFAULT_TEMPLATE).filter((m) => m.severity === 'error');
        expect(errors).toEqual([]);
        expect(model.frontMatter.data).toEqual({ template: 'default', ...answers.fields });
        const block = doc.slice(4, doc.indexOf('\n---\n'));
        expect(parseYaml(block)).toEqual({ template: 'default', ...answers.fields });
        expect(model.timeline).toHaveLength((answers.sections.timeline as unknown[]).length);
        expect(model.actionItems).toHaveLength((answers.sections['action-items'] as unknown[]).length);
        expect(directivesOf(model)).toEqual([]);
      }),
      { seed: 20231122, numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it('holds for the other built-in templates too (their tables and lead lines included)', () => {
    for (const name of ['google-sre', 'pagerduty', 'atlassian']) {
      const template = loadBuiltin(name);
      fc.assert(
        fc.property(answersArb, (a) => {
          const raw = toRaw(a);
          const sections: Record<string, unknown> = {};
          for (const s of template.sections) {
            if (!s.required) continue;
            sections[s.id] = s.kind === 'timeline' ? raw.sections.timeline : s.kind === 'actions' ? raw.sections['action-items'] : raw.sections.summary;
          }
          const answers = accept({ fields: raw.fields, sections }, template);
          if (!answers) return;
          const model = parsePostmortem(renderDocument(template, answers), 'new.md', { sectionAliases: template.aliases });
          expect(lintDocument(model, template).filter((m) => m.severity === 'error')).toEqual([]);
        }),
        { seed: 7, numRuns: 100 },
      );
    }
  });
});
