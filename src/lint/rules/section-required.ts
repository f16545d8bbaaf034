import { article, documentStart, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'section-required',
  description: 'Every section the template marks required is present, under any heading that names it.',
  defaultSeverity: 'error',
  docs: `Headings are matched tolerantly: case, punctuation, a trailing colon, numbering, emoji and synonyms do not
matter ("3. ROOT CAUSE & RESOLUTION:" provides \`root-cause\` and \`resolution\`; "Corrective and preventive
measures" and "Action items" both provide \`action-items\`). A heading written as a bold line or a lone "Label:" line
counts too (\`heading-style\` suggests a real heading). A section that covers several ids is satisfied when each id
is found, together or under separate headings. The template's \`aliases\` add names of your own.`,
  examples: [
    {
      title: "All four sections of the default template",
      markdown: `## Issue summary

Sign-in failed.

## Timeline

- 09:00 — Alerts fire.

## Root cause and resolution

A lock; we reverted.

## Action items

- [ ] Test migrations (owner: @priya, due: 2023-03-31)
`,
      messages: [],
    },
    {
      title: "No summary, no resolution",
      markdown: `## Timeline

- 09:00 — Alerts fire.

## Root cause

A lock on the users table.

## Action items

- [ ] Test migrations (owner: @priya, due: 2023-03-31)
`,
      messages: [
        "1:1: Expected an \"Issue summary\" section (summary), found none: add \"## Issue summary\" with what broke, for whom, from when to when, and how many users it touched",
        "1:1: Expected the resolution part of \"Root cause and resolution\" (resolution), found none: add \"## Root cause and resolution\" with why it happened, and what brought the service back",
      ],
    },
  ],
  check({ doc, template, report }) {
    const found = new Set(doc.sections.flatMap((s) => s.ids));
    for (const ts of template.sections) {
      if (!ts.required) continue;
      const missing = ts.covers.filter((id) => !found.has(id));
      if (missing.length === 0) continue;
      const what = missing.length === ts.covers.length ? `${article(ts.heading)} "${ts.heading}" section` : `the ${missing.join(' and ')} part of "${ts.heading}"`;
      report(`Expected ${what} (${missing.join(', ')}), found none: add "## ${ts.heading}" with ${ts.prompt.charAt(0).toLowerCase()}${ts.prompt.slice(1).replace(/\.$/, '')}`, documentStart(doc));
    }
  },
};
