import type { FrontMatter } from '../../document/model.js';
import type { Template } from '../../template/template.js';
import type { Rule } from '../rule.js';

/**
 * What is wrong with front matter that cannot be read, in the words lint uses; the one source of this wording
 * (list, stats, actions, index and report say it for the files they skip). Undefined: nothing is wrong.
 */
export function frontMatterProblem(fm: FrontMatter, template?: Template): string | undefined {
  const error = fm.error;
  if (!error) return undefined;
  const kind = fm.kind === 'toml' ? 'TOML' : 'YAML';
  if (error.unclosed) {
    const fence = kind === 'TOML' ? '+++' : '---';
    return `Expected a closing "${fence}" for the front matter opened on line 1, found none: add a line "${fence}" after its last field (line ${fm.span?.endLine ?? 1})`;
  }
  const q = error.quote;
  if (q && template?.fields.find((f) => f.key === q.key)?.type === 'list') {
    // Quoted as text, a list field would only fail the type check next: quote each item, in a list.
    const items = q.value.split(',').map((v) => v.trim()).filter(Boolean).map((v) => `"${v.replace(/"/g, '\\"')}"`);
    return `Expected valid ${kind} front matter, found ${q.because}: put it in quotes, in a list, ${q.key}: [${items.join(', ')}]`;
  }
  return error.found ? `Expected valid ${kind} front matter, found ${error.found}` : `Expected valid ${kind} front matter, found a syntax error: ${error.message}`;
}

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
    {
      title: "A name starting with @, in a list field",
      markdown: `---
title: Login outage
authors: @dana
---
`,
      messages: [
        "3:10: Expected valid YAML front matter, found a value starting with \"@\", which YAML reserves: put it in quotes, in a list, authors: [\"@dana\"]",
      ],
    },
    {
      title: "A field indented under the one above it",
      markdown: `---
title: Login outage
  severity: SEV-2
---
`,
      messages: [
        "3:3: Expected valid YAML front matter, found \"severity\" indented 2 spaces under \"title\", which already has a value: start it at column 1, as \"title\" on line 2 does",
      ],
    },
  ],
  check({ doc, template, report }) {
    const problem = frontMatterProblem(doc.frontMatter, template);
    if (problem) report(problem, doc.frontMatter.error!);
  },
};
