import { documentStart, headingSpan, sectionsFor, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'word-count',
  description: "The document, and each section with a range, has a word count inside the template's range.",
  defaultSeverity: 'error',
  docs: `A template may bound the length of the whole document (\`lint.words: { min: 400, max: 600 }\`) and of each
section (\`words: { min: 20 }\` on the section). Words are whitespace-separated tokens of the body with a letter or a
digit, front matter and comments excluded.`,
  examples: [
    {
      title: "No range in the default template",
      markdown: `## Issue summary

Sign-in failed for three hours.
`,
      messages: [],
    },
    {
      title: "Too short for the holberton template's 400 to 600 words",
      markdown: `---
template: holberton
---

## Issue summary

Sign-in failed for three hours.
`,
      messages: [
        "1:1: Expected at least 400 words, found 7: say more about what happened and why",
      ],
      template: 'holberton',
    },
  ],
  check({ doc, template, report }) {
    const range = template.lint.words;
    if (range) {
      if (range.min !== undefined && doc.words < range.min) {
        report(`Expected at least ${range.min} words, found ${doc.words}: say more about what happened and why`, documentStart(doc));
      }
      if (range.max !== undefined && doc.words > range.max) {
        report(`Expected at most ${range.max} words, found ${doc.words}: shorten it`, documentStart(doc));
      }
    }
    for (const ts of template.sections) {
      if (!ts.words) continue;
      for (const s of sectionsFor(doc, ts)) {
        if (s.words === 0) continue; // section-empty reports it
        if (ts.words.min !== undefined && s.words < ts.words.min) {
          report(`Expected at least ${ts.words.min} words under "${s.heading}", found ${s.words}: ${ts.prompt}`, headingSpan(s));
        }
        if (ts.words.max !== undefined && s.words > ts.words.max) {
          report(`Expected at most ${ts.words.max} words under "${s.heading}", found ${s.words}`, headingSpan(s));
        }
      }
    }
  },
};
