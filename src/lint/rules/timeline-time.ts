import { preview, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'timeline-time',
  description: 'Every timeline entry starts with a time that can be read.',
  defaultSeverity: 'error',
  docs: `Each entry of the timeline (bullet, table row or line) needs a clock time: \`09:05\`, \`9:05 AM\`,
\`14:05 UTC\`, \`[14:05]\`, \`2023-03-01T09:05Z\`, \`March 1, 2023 9:05 AM\`… An entry with only a date, a phrase
("later that day") or a placeholder (\`[???]\`) cannot be ordered or measured.`,
  examples: [
    {
      title: "Times in several forms",
      markdown: `## Timeline (all times UTC)

- 09:00 — Alerts fire.
- 9:05 AM — On-call joins.
- [09:10] Rollback starts.
`,
      messages: [],
    },
    {
      title: "An entry without a time",
      markdown: `## Timeline (all times UTC)

- 09:00 — Alerts fire.
- Later: the rollback completes.
`,
      messages: [
        "4:1: Expected a time at the start of the timeline entry, found none in \"Later: the rollback completes.\": begin it with the time, e.g. \"09:05 \u2014 \u2026\"",
      ],
    },
  ],
  check({ doc, report }) {
    for (const e of doc.timeline) {
      if (e.time !== null) continue;
      report(`Expected a time at the start of the timeline entry, found none in "${preview(e.text)}": begin it with the time, e.g. "09:05 — …"`, {
        line: e.line,
        column: e.column,
        endLine: e.line,
        endColumn: e.line === e.endLine ? e.endColumn : e.column + 1,
      });
    }
  },
};
