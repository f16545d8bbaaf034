import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'heading-style',
  description: 'Sections use Markdown headings, not a bold line or a lone "Label:" line.',
  defaultSeverity: 'warn',
  docs: `\`**Timeline:**\` or a bare \`Timeline:\` line reads like a heading but is not one: it does not show in the
outline or the table of contents, cannot be linked to, and is easy to mistake for body text. The linter still
recognises it, and suggests the heading to write instead (\`## Timeline\`).`,
  examples: [
    {
      title: "Markdown headings",
      markdown: `## Timeline

- 09:00 — Alerts fire.
`,
      messages: [],
    },
    {
      title: "A bold line and a label line used as headings",
      markdown: `**Timeline:**

- 09:00 — Alerts fire.

Root cause:

The migration locked the users table.
`,
      messages: [
        "1:1: Expected a Markdown heading for the timeline section, found a bold line: write \"## Timeline\"",
        "5:1: Expected a Markdown heading for the root-cause section, found a \"Label:\" line: write \"## Root cause\"",
      ],
    },
  ],
  check({ doc, report }) {
    for (const s of doc.sections) {
      if (s.style !== 'bold' && s.style !== 'label') continue;
      const what = s.style === 'bold' ? 'a bold line' : 'a "Label:" line';
      report(`Expected a Markdown heading for the ${s.ids.join(' and ')} section, found ${what}: write "## ${s.heading}"`, s);
    }
  },
};
