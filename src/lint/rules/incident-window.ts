import { documentStart, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'incident-window',
  description: 'The incident has a known start and end, with a time zone, and ends after it starts.',
  defaultSeverity: 'error',
  docs: `Start and end come from the front matter (\`started\`, \`resolved\`) or, in documents without them, from the
summary ("from 9:00 AM to 12:00 PM EST on March 1, 2023"). Both must be there, the zone must be known (an offset
in the front matter, a zone after the times, or \`timezone:\`), and the end must come after the start. Without
them nobody can compute time to resolve, and \`timeline-window\` cannot check the timeline.`,
  examples: [
    {
      title: "A window in the front matter",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---
`,
      messages: [],
    },
    {
      title: "An end before the start",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T08:00:00-05:00
---
`,
      messages: [
        "3:1: Expected the end (2023-03-01T08:00:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier",
      ],
    },
  ],
  check({ doc, report }) {
    const inc = doc.incident;
    const summary = doc.sections.find((s) => s.ids.includes('summary'));
    const fallback = summary ?? documentStart(doc);
    const how = 'set "started:" and "resolved:" in the front matter (2023-03-01T09:00:00-05:00) or state both times in the summary';
    if (!inc.start) report(`Expected the incident's start time, found none: ${how}`, fallback);
    if (!inc.end) {
      report(`Expected the incident's end time, found ${inc.start ? `only its start (${inc.start})` : 'none'}: ${how}`, inc.startSpan ?? fallback);
    }
    if (inc.start && inc.zoneMissing) {
      report(
        `Expected a time zone for the incident window, found times without one (${inc.start}${inc.end ? ` to ${inc.end}` : ''}): add "timezone:" to the front matter or write the zone after the times ("10:45 AM EST")`,
        inc.startSpan ?? fallback,
      );
    }
    if (inc.durationMinutes !== null && inc.durationMinutes <= 0 && inc.start && inc.end) {
      report(`Expected the end (${inc.end}) after the start (${inc.start}), found it ${inc.durationMinutes === 0 ? 'equal' : 'earlier'}`, inc.endSpan ?? inc.startSpan ?? fallback);
    }
  },
};
