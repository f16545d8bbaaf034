import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'frontmatter-syntax',
  description: 'Front matter must be valid YAML (or TOML) holding a mapping of keys to values.',
  defaultSeverity: 'error',
  docs: `The block between the opening \`---\` lines must parse. A syntax error is reported at the line and column
where the parser stopped, so you can fix it in place; the rest of the document is still checked.

\`\`\`markdown
---
title: Login outage
severity: [SEV-2      <- reported here: unclosed flow sequence
---
\`\`\``,
  examples: [
    {
      title: "Valid YAML",
      markdown: `---
title: Login outage
authors: [priya, tom]
---
`,
      messages: [],
    },
    {
      title: "An unclosed list",
      markdown: `---
title: Login outage
authors: [priya, tom
severity: SEV-2
---
`,
      messages: [
        "4:1: Expected valid YAML front matter, found a syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
    },
  ],
  check({ doc, report }) {
    const error = doc.frontMatter.error;
    if (!error) return;
    const kind = doc.frontMatter.kind === 'toml' ? 'TOML' : 'YAML';
    report(`Expected valid ${kind} front matter, found a syntax error: ${error.message}`, error);
  },
};
