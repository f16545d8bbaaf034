import { preview, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'timeline-time',
  description: 'Every timeline entry starts with a time that can be read.',
  defaultSeverity: 'error',
  docs: `Each entry of the timeline (bullet, table row or line) needs a clock time: \`09:05\`, \`9:05 AM\`,
\`14:05 UTC\`, \`[14:05]\`, \`2023-03-01T09:05Z\`, \`March 1, 2023 9:05 AM\`… An entry with only a date, a phrase
("later that day") or a placeholder (\`[???]\`) cannot be ordered or measured. A time that is not one of the
day (\`25:99\`, \`13:30 PM\`) is reported as such.`,
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
      const span = { line: e.line, column: e.column, endLine: e.line, endColumn: e.line === e.endLine ? e.endColumn : e.column + 1 };
      // Written as a time, but not one of the day: 25:99, 9:75 AM, 13:00 PM.
      const bad = BAD_TIME_RE.exec(e.text);
      if (bad && !validClock(bad)) {
        report(`Expected a time of day at the start of the timeline entry, found "${bad[0].trim()}", which is not one: correct it (00:00 to 23:59, or 12:00 AM to 11:59 PM)`, span);
        continue;
      }
      report(`Expected a time at the start of the timeline entry, found none in "${preview(e.text)}": begin it with the time, e.g. "09:05 — …"`, span);
    }
  },
};

const BAD_TIME_RE = /^[\s\-*•>|[(]*(\d{1,2})\s?[:.]\s?(\d{2})(?:\s*([ap])\.?\s?m\.?)?/i;

function validClock(m: RegExpExecArray): boolean {
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return false;
  return m[3] ? h >= 1 && h <= 12 : h <= 23;
}
