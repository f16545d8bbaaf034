import type { TimelineEntry } from '../../document/model.js';
import type { Rule } from '../rule.js';

function before(a: TimelineEntry, b: TimelineEntry): boolean {
  if (a.instant && b.instant) return a.instant.toMillis() < b.instant.toMillis();
  if (a.sortKey !== undefined && b.sortKey !== undefined) return a.sortKey < b.sortKey;
  return false;
}

export const rule: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries are in time order (a jump back across midnight is read as the next day).',
  defaultSeverity: 'error',
  docs: `Readers scan a timeline top to bottom. An entry earlier than the one above it is usually a typo
(\`10:30\` for \`11:30\`) or an entry in the wrong place. A time that goes back by more than six hours
(\`23:55\` then \`00:10\`) is taken as the next day, as is any entry under a later date line or with its own date.`,
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
        "5:3: Expected entries in time order, found 09:20 after 09:30 (line 4): move the entry or correct its time",
      ],
    },
  ],
  check({ doc, report }) {
    let prev: TimelineEntry | undefined;
    for (const e of doc.timeline) {
      if (e.time === null) continue;
      if (prev && before(e, prev)) {
        report(`Expected entries in time order, found ${e.raw} after ${prev.raw} (line ${prev.line}): move the entry or correct its time`, e.timeSpan ?? e);
      }
      if (!prev || !before(e, prev)) prev = e;
    }
  },
};
