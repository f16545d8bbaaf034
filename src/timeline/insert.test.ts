/**
 * Inserting entries, checked independently of the check insertEntries makes itself: on the examples (a list in
 * New York time, a list in UTC, a PagerDuty table), any set of events within a day of the incident goes in so
 * that deleting the added lines gives back the original byte for byte, every old entry reads as before, every new
 * one at its minute, and the timeline stays in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../document/parse.js';
import type { Postmortem } from '../document/model.js';
import { loadBuiltin, ROOT } from '../../test/helpers.js';
import { insertEntries, type NewEntry } from './insert.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => /^\d{4}-.*\.md$/.test(f))
  .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

function reader(text: string): (t: string) => Postmortem {
  const name = /^template: (\S+)/m.exec(text)?.[1] ?? 'default';
  const aliases = loadBuiltin(name).aliases;
  return (t) => parsePostmortem(t, 'doc.md', { sectionAliases: aliases });
}

const minute = (ms: number): number => Math.floor(ms / 60_000);

describe('insertEntries', () => {
  it('has examples in three styles to insert into', () => {
    expect(EXAMPLES.length).toBe(3);
    expect(EXAMPLES.some((t) => /^\| \d\d:\d\d/m.test(t))).toBe(true);
  });

  for (const [i, source] of EXAMPLES.entries()) {
    it(`example ${i + 1}: only lines added, old entries unchanged, new ones at their minute, in order`, () => {
      const parse = reader(source);
      const doc = parse(source);
      const start = doc.incident.startInstant!.toMillis();
      const event = fc.record({
        at: fc.integer({ min: start - 3 * 3_600_000, max: start + 20 * 3_600_000 }),
        text: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.#|*_<>`-]{0,40}[A-Za-z0-9]$/),
      });
      fc.assert(
        fc.property(fc.array(event, { minLength: 1, maxLength: 6 }), (events: NewEntry[]) => {
          const after = insertEntries(doc, source, events, { parse });
          // Deleting the added lines (and blank lines) gives back the original.
          const a = source.split('\n');
          const b = after.split('\n');
          let j = 0;
          for (const line of b) if (j < a.length && line === a[j]) j++;
          expect(j).toBe(a.length);
          expect(b.length - a.length).toBeGreaterThanOrEqual(events.length);
          const read = parse(after);
          const old = doc.timeline.filter((e) => e.time).map((e) => `${e.time} ${e.text}`);
          const now = read.timeline.filter((e) => e.time).map((e) => `${e.time} ${e.text}`);
          for (const o of old) expect(now).toContain(o);
          expect(now.length).toBe(old.length + events.length);
          const minutes = read.timeline.flatMap((e) => (e.instant ? [minute(e.instant.toMillis())] : []));
          expect(minutes).toEqual([...minutes].sort((x, y) => x - y));
          for (const e of events) expect(minutes).toContain(minute(e.at));
        }),
        { numRuns: 25 },
      );
    });
  }
});
