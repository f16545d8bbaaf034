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
        // Content written in the heading itself: "Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM, UTC)".
        if (/[\p{L}\p{N}]/u.test(s.heading.split(':').slice(1).join(':'))) continue;
        // A heading followed at once by another for the same section ("Corrective measures:" then
        // "Improvements:" with the list): the section has its content under the second.
        const next = doc.sections[doc.sections.indexOf(s) + 1];
        if (next && next.words > 0 && next.ids.some((id) => s.ids.includes(id)) && next.line <= s.line + 3) continue;
        if (ts.kind === 'timeline' && doc.timeline.length > 0) continue;
        report(`Expected content under "${s.heading}", found none: ${ts.prompt}`, headingSpan(s));
      }
    }
  },
};
