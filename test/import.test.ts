/** postmortem import, on documents we write in the styles of the corpus (never the corpus itself). */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePostmortem } from '../src/document/parse.js';
import { convert, lostSentences } from '../src/import/convert.js';
import { lintDocument } from '../src/lint/engine.js';
import { BIN, DEFAULT_TEMPLATE, loadBuiltin, ROOT, runCli, tempDir } from './helpers.js';

const SHAPE = ['frontmatter-syntax', 'section-required', 'section-empty', 'heading-style'];

function importDoc(text: string, template = DEFAULT_TEMPLATE) {
  const doc = parsePostmortem(text, 'in.md', { sectionAliases: template.aliases });
  const result = convert(doc, template);
  const after = parsePostmortem(result.text, 'out.md', { sectionAliases: template.aliases });
  const errors = lintDocument(after, template).filter((m) => m.severity === 'error');
  return { doc, result, after, errors, shape: errors.filter((m) => SHAPE.includes(m.ruleId)), lost: lostSentences(doc, result.text) };
}

const frontMatter = (text: string) => parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;

// The style of the first seed, in our words: no Markdown at all, "Label:" lines, a zone abbreviation.
const LABELS = `Postmortem


Issue Summary:
Duration: March 1st, 2023, 9:00 AM EST - March 1st, 2023, 12:00 PM EST
Impact: Nobody could sign in. Roughly 30% of users tried during the outage.

Timeline:

9:00 AM: Support noticed a spike of sign-in failures.
9:05 AM: The error-rate alert paged on-call.
12:00 PM: The revert finished and sign-in recovered.
Root Cause and Resolution:
A schema change took a table lock that sign-in waited on. Reverting it released the lock.

Corrective and Preventative Measures:
We will do the following:
Test schema changes on production-sized data.
Alert on long-held locks.
`;

describe('import', () => {
  it('reads a "Label:" document into the template: window with offsets, zone, sections, timeline, task list', () => {
    const { result, after, shape, lost } = importDoc(LABELS);
    expect(frontMatter(result.text)).toEqual({
      template: 'default',
      title: 'Postmortem',
      date: '2023-03-01',
      status: 'draft',
      started: '2023-03-01T09:00:00-05:00',
      resolved: '2023-03-01T12:00:00-05:00',
      timezone: 'Etc/GMT+5',
      users_affected: 30,
    });
    expect(after.sections.map((s) => [s.heading, s.style])).toEqual([
      ['Issue summary', 'atx'],
      ['Impact', 'inline'],
      ['Timeline', 'atx'],
      ['Root cause and resolution', 'atx'],
      ['Corrective and preventative measures', 'atx'],
    ]);
    expect(result.text).toContain('## Timeline\n\n- 09:00 — Support noticed a spike of sign-in failures.\n- 09:05 — The error-rate alert paged on-call.\n- 12:00 — The revert finished and sign-in recovered.\n');
    expect(result.text).toContain('We will do the following:\n- [ ] Test schema changes on production-sized data.\n- [ ] Alert on long-held locks.\n');
    expect(after.timeline.map((e) => e.time)).toEqual(['2023-03-01T09:00:00-05:00', '2023-03-01T09:05:00-05:00', '2023-03-01T12:00:00-05:00']);
    expect(result.missing).toContain('no severity stated: left for you to set');
    expect(shape).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('keeps date and times of a document with no zone, and says the zone is unknown', () => {
    const text = '# Postmortem: Sign-in outage\n\n# Issue Summary\nOn Friday, December 8, 2023, from 10:45 AM to 11:30 AM, sign-in failed for 85% of users.\n# Timeline\n- 10:45 AM: Alerts fired.\n- 11:30 AM: Sign-in worked again.\n# Root cause and resolution\nA half-run script. Rolled back.\n# Corrective and preventative measures\n- Review scripts.\n';
    const { result } = importDoc(text);
    expect(frontMatter(result.text)).toMatchObject({ date: '2023-12-08', started: '2023-12-08T10:45', resolved: '2023-12-08T11:30', users_affected: 85 });
    expect(frontMatter(result.text).timezone).toBeUndefined();
    expect(result.missing).toContain('no time zone stated: times kept as written');
    expect(result.inferred).toContain('started: 2023-12-08T10:45 (no offset: the zone is not stated)');
  });

  it('renames and reorders sections, merges split ones, and carries over what fits nowhere', () => {
    const text = [
      '+++', 'title = "Cache stampede"', 'authors = ["ana"]', '+++', '',
      'We lost the cache at 14:00 UTC on 2024-04-04 and it was back by 14:40 UTC.', '',
      '## Background', '', 'The cache fronts every read.', '',
      '## Follow-up', '', '1. Add jitter to expiry (owner: @ana, due: 2024-05-01)', '',
      '<h2>Resolution</h2>', '', 'We warmed the cache from a snapshot.', '',
      '**Root cause:**', 'Every key expired at once.', '',
      '## Timeline', '', '| Time | What |', '| --- | --- |', '| 14:00 | Cache empties. |', '| 14:40 | Warm again. |', '',
    ].join('\n');
    const { result, shape, lost } = importDoc(text);
    const headings = result.text.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      '# Cache stampede', '## Issue summary', '## Timeline', '## Root cause and resolution', '### Root cause',
      '## Corrective and preventative measures', '## Notes carried over from the original', '### Background',
    ]);
    expect(frontMatter(result.text)).toMatchObject({ title: 'Cache stampede', authors: ['ana'], started: '2024-04-04T14:00:00Z', resolved: '2024-04-04T14:40:00Z', timezone: 'UTC' });
    expect(result.text).toContain('## Timeline\n\n- 14:00 — Cache empties.\n- 14:40 — Warm again.\n');
    expect(result.text).toContain('- [ ] Add jitter to expiry (owner: @ana, due: 2024-05-01)');
    expect(shape).toEqual([]);
    expect(lost).toEqual([]);
  });

  it('loses no sentence and leaves no shape error, on many documents composed in the corpus styles', () => {
    const heading = (name: string) =>
      fc.constantFrom(`## ${name}`, `# ${name}`, `**${name}:**`, `${name}:`, `### 🚨 ${name}:`, `<h2>${name}</h2>`, `${name}\n---`, `## 2. ${name.toUpperCase()}`);
    const sentence = fc.constantFrom(
      'The database ran out of connections.', 'Engineers restarted the pool and watched the graphs.', 'Customers saw errors on checkout.',
      'A deploy changed the timeout from five seconds to fifty.', 'We rolled the change back.', 'Monitoring did not page anyone.',
    );
    const entry = fc.tuple(fc.integer({ min: 8, max: 17 }), fc.integer({ min: 0, max: 59 }), sentence, fc.constantFrom('- h:mm AM: s', 'h:mm AM - s', '- **HH:mm** s', '* [HH:mm] s', '| HH:mm | s |'));
    const docArb = fc.record({
      summary: fc.tuple(heading('Issue Summary'), fc.array(sentence, { minLength: 1, maxLength: 3 })),
      timeline: fc.tuple(heading('Timeline'), fc.array(entry, { minLength: 1, maxLength: 5 })),
      cause: fc.tuple(heading('Root Cause and Resolution'), fc.array(sentence, { minLength: 1, maxLength: 3 })),
      actions: fc.tuple(heading('Corrective and Preventative Measures'), fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom('- ', '1. ', '')),
      extra: fc.option(fc.tuple(fc.constantFrom('## Background', '## Conclusion', '**Notes:**'), sentence)),
      order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(docArb, (d) => {
        const entries = d.timeline[1].map(([h, m, s, style], i) => {
          const hh = String(h).padStart(2, '0');
          const mm = String(m).padStart(2, '0');
          const twelve = `${((h + 11) % 12) + 1}:${mm} ${h < 12 ? 'AM' : 'PM'}`;
          return style.replace('h:mm AM', twelve).replace('HH:mm', `${hh}:${mm}`).replace(/\bs\b/, `${s} (${i})`);
        });
        const tableHead = entries[0]!.startsWith('|') ? '| Time | Event |\n| --- | --- |\n' : '';
        const blocks = [
          `${d.summary[0]}\n${d.summary[1].join(' ')}`,
          `${d.timeline[0]}\n\n${tableHead}${entries.map((e) => (e.startsWith('|') ? e : e)).join('\n')}`,
          `${d.cause[0]}\n${d.cause[1].join(' ')}`,
          `${d.actions[0]}\n${d.actions[1].map((s) => `${d.actions[2]}${s}`).join('\n')}`,
        ];
        const body = d.order.map((i) => blocks[i]).join('\n\n') + (d.extra ? `\n\n${d.extra[0]}\n${d.extra[1]}` : '');
        const { shape, lost } = importDoc(`# Postmortem: Pool exhaustion\n\n${body}\n`);
        expect(lost).toEqual([]);
        expect(shape).toEqual([]);
      }),
      { seed: 42, numRuns: 250 },
    );
  });

  it('a timeline told in sentences ("All times UTC. At 10:00 …") becomes entries, the prose before them kept', () => {
    const text = '# Emails sent twice\n\n## Summary\n\nOn 2026-04-09 the scheduler ran two leaders.\n\n## Timeline\n\nAll times are UTC. At 10:00 the rollout started. At 10:04 the new\npods took the lease.\nAt 10:39 the old pods were scaled to zero.\n';
    const { doc, result, lost } = importDoc(text);
    expect(doc.timeline.map((e) => [e.line, e.time])).toEqual([[9, '2026-04-09T10:00:00Z'], [9, '2026-04-09T10:04:00Z'], [11, '2026-04-09T10:39:00Z']]);
    expect(lost).toEqual([]);
    expect(result.text).toContain('All times are UTC.');
    expect(result.text).toContain('- 10:04 — At 10:04 the new pods took the lease.');
  });

  it('follows another template: sections it does not have are carried over', () => {
    const { result, lost } = importDoc(LABELS, loadBuiltin('google-sre'));
    expect(result.text).toContain('## Root causes\n');
    expect(lost).toEqual([]);
  });
});

describe('postmortem import (command)', () => {
  it('writes the import into the postmortems directory and reports what it inferred', () => {
    const dir = tempDir({ 'legacy.txt': LABELS });
    const r = runCli(['import', 'legacy.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^imported legacy\.txt → postmortems\/2023-03-01-postmortem\.md\n  inferred: title: "Postmortem"; date: 2023-03-01; started: 2023-03-01T09:00:00-05:00; .*timezone: Etc\/GMT\+5 \(from "EST"\)/);
    expect(r.stderr).toContain('  not stated: no severity stated: left for you to set\n');
    expect(existsSync(join(dir, 'postmortems', '2023-03-01-postmortem.md'))).toBe(true);
    expect(readFileSync(join(dir, 'legacy.txt'), 'utf8')).toBe(LABELS);
  });

  it('--in-place keeps a .bak unless --no-backup; --dry-run writes nothing', () => {
    const dir = tempDir({ 'a.md': LABELS, 'b.md': LABELS });
    expect(runCli(['import', 'a.md', '--in-place'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'a.md.bak'), 'utf8')).toBe(LABELS);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toMatch(/^---\ntemplate: default\n/);
    expect(runCli(['import', 'b.md', '--in-place', '--no-backup'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'b.md.bak'))).toBe(false);
    const dry = runCli(['import', 'a.md.bak', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toBe(readFileSync(join(dir, 'a.md'), 'utf8'));
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
    expect(runCli(['import', 'a.md', '--in-place', '--dir', 'x'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'postmortem: choose one of --dir and --in-place\n' });
  });

  it('a file it cannot write back is reported, not a crash, and the others are imported (exit 2)', () => {
    const dir = tempDir({ 'ro/a.md': LABELS, 'rw/b.md': LABELS });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'rw'), 0o777);
    chmodSync(join(dir, 'ro'), 0o555);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, 'import', 'ro/a.md', 'rw/b.md', '--in-place'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...asNobody });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^postmortem: cannot write ro\/a\.md: permission denied$/m);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(join(dir, 'ro', 'a.md'), 'utf8')).toBe(LABELS);
    expect(readFileSync(join(dir, 'rw', 'b.md'), 'utf8')).toMatch(/^---\ntemplate: default\n/);
  });

  it('imports the example fixture legacy document with no shape errors', () => {
    const r = runCli(['import', join(ROOT, 'test', 'fixtures', 'legacy-login-errors.md'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('words lost');
    expect(r.stdout).toContain('## Root cause and resolution\n');
  });
});
