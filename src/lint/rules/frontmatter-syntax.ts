import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'frontmatter-syntax',
  description: 'Front matter must be valid YAML (or TOML) holding a mapping of keys to values.',
  defaultSeverity: 'error',
  docs: `The block between the opening \`---\` lines must parse. A syntax error is reported at the line where the
mistake is (an unclosed \`[\` where it opens, not where the parser gave up), in plain words with what to write; a
block that is never closed is reported as that. The rest of the document is still checked, but no other front
matter rule reports on a block that cannot be read.

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
        "3:10: Expected valid YAML front matter, found a list opened with \"[\" and not closed: end it with \"]\"",
      ],
    },
  ],
  check({ doc, report }) {
    const error = doc.frontMatter.error;
    if (!error) return;
    const kind = doc.frontMatter.kind === 'toml' ? 'TOML' : 'YAML';
    if (error.unclosed) {
      const fence = kind === 'TOML' ? '+++' : '---';
      const last = doc.frontMatter.span?.endLine ?? 1;
      report(`Expected a closing "${fence}" for the front matter opened on line 1, found none: add a line "${fence}" after its last field (line ${last})`, error);
      return;
    }
    report(error.found ? `Expected valid ${kind} front matter, found ${error.found}` : `Expected valid ${kind} front matter, found a syntax error: ${error.message}`, error);
  },
};
