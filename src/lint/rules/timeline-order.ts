import type { Postmortem, TimelineEntry } from '../../document/model.js';
import type { Rule } from '../rule.js';

function before(a: TimelineEntry, b: TimelineEntry): boolean {
  if (a.instant && b.instant) return a.instant.toMillis() < b.instant.toMillis();
  if (a.sortKey !== undefined && b.sortKey !== undefined) return a.sortKey < b.sortKey;
  return false;
}

export interface OrderProblem {
  entry: TimelineEntry;
  /** The entries it is found between (or after, or above). */
  prev?: TimelineEntry;
  next?: TimelineEntry;
}

const memo = new WeakMap<Postmortem, OrderProblem[]>();

/**
 * The entries out of time order, each reported once: an entry later than both neighbours' order allows (a typo such
 * as 19:40 among 09:xx times) is the one out of place when the entries around it are in order without it; otherwise
 * the entry that goes back is.
 */
export function orderProblems(doc: Postmortem): OrderProblem[] {
  let found = memo.get(doc);
  if (found) return found;
  found = [];
  const timed = doc.timeline.filter((e) => e.time !== null);
  let prevIndex = -1; // the last entry in order
  let prevPrevIndex = -1;
  for (let i = 0; i < timed.length; i++) {
    const e = timed[i]!;
    const prev = prevIndex >= 0 ? timed[prevIndex] : undefined;
    if (!prev || !before(e, prev)) {
      prevPrevIndex = prevIndex;
      prevIndex = i;
      continue;
    }
    const pp = prevPrevIndex >= 0 ? timed[prevPrevIndex] : undefined;
    const next = timed[i + 1];
    // The entry above is a spike: without it, its neighbours are in order, and the next one is too.
    const spike = (!pp || !before(e, pp)) && next !== undefined && before(next, prev) && !before(next, e);
    if (spike) {
      found.push(pp ? { entry: prev, prev: pp, next: e } : { entry: prev, next: e });
      prevIndex = i;
    } else {
      found.push({ entry: e, prev });
      // The entries after it are compared with it: a run of entries that goes on from there is one mistake
      // (a missing "next day", a block pasted out of place), reported once.
      prevPrevIndex = prevIndex;
      prevIndex = i;
    }
  }
  found.sort((a, b) => a.entry.line - b.entry.line);
  memo.set(doc, found);
  return found;
}

export const rule: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries are in time order (a jump back across midnight is read as the next day).',
  defaultSeverity: 'error',
  docs: `Readers scan a timeline top to bottom. An entry earlier than the one above it is usually a typo
(\`10:30\` for \`11:30\`) or an entry in the wrong place, and it is reported at the entry that is out of place: a
time far ahead of its neighbours (\`19:40\` between \`09:30\` and \`09:50\`) is reported itself, not the entries
after it. A time that goes back is read as the next day only where that makes sense: from the evening into the
small hours (\`23:55\` then \`00:10\`), when the entry says so ("next day", "(+1)"), under a later date line or with
its own date, or when the incident's window runs into the next day and the entry fits it only there.`,
  examples: [
    {
      title: "In order, across midnight",
      markdown: `## Timeline (all times UTC)

- 23:40 — Alerts fire.
- 23:55 — Rollback starts.
- 00:10 — Rollback completes.
`,
      messages: [],
    },
    {
      title: "An entry out of order",
      markdown: `## Timeline (all times UTC)

- 09:00 — Alerts fire.
- 09:30 — Rollback starts.
- 09:20 — On-call joins.
`,
      messages: [
        "5:3: Expected entries in time order, found 09:20 after 09:30 (line 4): correct its time or move the entry",
      ],
    },
    {
      title: "One mistyped time among others (19:40 for 09:40)",
      markdown: `## Timeline (all times UTC)

- 09:30 — Alerts fire.
- 19:40 — On-call joins.
- 09:50 — Rollback starts.
- 10:05 — Rollback completes.
`,
      messages: [
        "4:3: Expected entries in time order, found 19:40 between 09:30 (line 3) and 09:50 (line 5): correct its time or move the entry",
      ],
    },
  ],
  check({ doc, report }) {
    for (const p of orderProblems(doc)) {
      const e = p.entry;
      const at = (x: TimelineEntry): string => `${x.raw} (line ${x.line})`;
      const where =
        p.prev && p.next ? `between ${at(p.prev)} and ${at(p.next)}` : p.prev ? `after ${at(p.prev)}` : `above ${at(p.next!)}, which is earlier`;
      report(`Expected entries in time order, found ${e.raw} ${where}: correct its time or move the entry`, e.timeSpan ?? e);
    }
  },
};
