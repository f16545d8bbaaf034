import { headingSpan, sectionsFor, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'section-empty',
  description: 'A section of the template that is present has content under its heading.',
  defaultSeverity: 'error',
  docs: `A heading with nothing under it (or only sub-headings with nothing under them) tells the reader nothing.
Write the section, or, if it truly does not apply, say so in a sentence ("No customer-facing impact.").`,
  examples: [
    {
      title: "A section with content",
      markdown: `## Issue summary

Sign-in failed for three hours.
`,
      messages: [],
    },
    {
      title: "A heading with nothing under it",
      markdown: `## Issue summary

## Timeline

- 09:00 — Alerts fire.
`,
      messages: [
        "1:1: Expected content under \"Issue summary\", found none: What broke, for whom, from when to when, and how many users it touched.",
      ],
    },
  ],
  check({ doc, template, report }) {
    const seen = new Set<number>(); // a heading that provides several template sections is reported once
    for (const ts of template.sections) {
      for (const s of sectionsFor(doc, ts)) {
        if (s.words > 0 || seen.has(s.line)) continue;
        seen.add(s.line);
        if (ts.kind === 'timeline' && doc.timeline.length > 0) continue;
        report(`Expected content under "${s.heading}", found none: ${ts.prompt}`, headingSpan(s));
      }
    }
  },
};
