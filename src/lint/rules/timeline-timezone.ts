import { frontMatterUnreadable, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'timeline-timezone',
  description: 'The time zone of every timeline entry is known.',
  defaultSeverity: 'error',
  docs: `A time is an instant only with its zone. It may be written on the entry (\`14:05 UTC\`), stated for the
timeline ("## Timeline (all times UTC)" or a line "All times in PST"), or for the whole document (the front
matter's \`timezone\`, or a zone given with the times in the summary). When none is known for any entry, one
message says so at the timeline's heading; otherwise each entry without a zone is reported.`,
  examples: [
    {
      title: "The zone stated for the timeline",
      markdown: `## Timeline (all times UTC)

- 09:00 — Alerts fire.
- 09:05 — On-call joins.
`,
      messages: [],
    },
    {
      title: "No zone anywhere",
      markdown: `## Timeline

- 09:00 — Alerts fire.
- 09:05 — On-call joins.
`,
      messages: [
        "1:1: Expected a time zone for the timeline, found none for any of its 2 timed entries: add \"timezone:\" to the front matter, write \"All times in UTC\" under the heading, or write the zone after each time",
      ],
    },
  ],
  check({ doc, report }) {
    const timed = doc.timeline.filter((e) => e.time !== null);
    const missing = timed.filter((e) => !e.zoneKnown);
    if (missing.length === 0) return;
    if (frontMatterUnreadable(doc)) return; // its timezone may be in the front matter that frontmatter-syntax reports
    const how = 'add "timezone:" to the front matter, write "All times in UTC" under the heading, or write the zone after each time';
    if (missing.length === timed.length && missing.length > 1) {
      const section = doc.sections.find((s) => s.ids.includes('timeline') && s.style !== 'inline');
      report(`Expected a time zone for the timeline, found none for any of its ${missing.length} timed entries: ${how}`, section ?? missing[0]!);
      return;
    }
    for (const e of missing) report(`Expected a time zone for the entry at ${e.raw}, found none: ${how}`, e.timeSpan ?? e);
  },
};
