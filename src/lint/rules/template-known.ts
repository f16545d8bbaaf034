import { documentStart, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'template-known',
  description: 'The template a document names in its front matter exists.',
  defaultSeverity: 'error',
  docs: `\`template: NAME\` in the front matter picks the template the document is checked against. A name that is
neither built in nor in the project's \`.postmortem/templates/\` is reported, and the document is checked against
the default template instead. Run \`postmortem templates\` to see what is available.`,
  examples: [
    {
      title: "A built-in template",
      markdown: `---
template: google-sre
---
`,
      messages: [],
    },
    {
      title: "A template that does not exist",
      markdown: `---
template: google
---
`,
      messages: [
        "2:1: Expected a known template (atlassian, default, google-sre, holberton, pagerduty), found \"google\"",
      ],
    },
  ],
  check({ doc, templateProblem, report }) {
    if (!templateProblem) return;
    const at = doc.frontMatter.fields.template ?? documentStart(doc);
    report(`Expected a known template (${templateProblem.available.join(', ')}), found "${templateProblem.name}"`, at);
  },
};
