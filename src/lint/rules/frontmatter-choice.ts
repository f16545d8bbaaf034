import { fieldValueEdit, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'frontmatter-choice',
  description: 'A field with choices (severity, status) holds one of them.',
  defaultSeverity: 'error',
  fixable: ['spelling'],
  docs: `Fields declared with \`choices\` in the template accept only those values, written exactly (for
\`default\`: severity \`SEV-1\` … \`SEV-5\`, status \`draft\`, \`in-review\` or \`final\`). A value that differs only
in case or spacing gets the right spelling suggested.`,
  examples: [
    {
      title: "A choice written exactly",
      markdown: `---
severity: SEV-2
status: draft
---
`,
      messages: [],
    },
    {
      title: "Other spellings",
      markdown: `---
severity: sev2
status: Final
---
`,
      fixed: `---
severity: SEV-2
status: final
---
`,
      messages: [
        "2:1: Expected \"severity\" to be one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5, found \"sev2\": write \"SEV-2\"",
        "3:1: Expected \"status\" to be one of draft, in-review, final, found \"Final\": write \"final\"",
      ],
    },
  ],
  check({ doc, template, report }) {
    const fm = doc.frontMatter;
    if ((fm.error && !fm.error.unclosed) || fm.kind === null) return;
    for (const f of template.fields) {
      if (!f.choices) continue;
      const v = fm.data[f.key];
      if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) continue;
      const values = Array.isArray(v) ? v : [v];
      for (const value of values) {
        const s = String(value);
        if (f.choices.includes(s)) continue;
        const key = (x: string): string => x.toLowerCase().replace(/[\s_-]+/g, '');
        const near = f.choices.find((c) => key(c) === key(s));
        const hint = near ? `: write "${near}"` : '';
        const edit = near && !Array.isArray(v) ? fieldValueEdit(doc, f.key, near) : undefined;
        report(`Expected "${f.key}" to be one of ${f.choices.join(', ')}, found "${s}"${hint}`, fm.fields[f.key]!, edit && { kind: 'spelling', title: `Write "${near}"`, edits: [edit] });
      }
    }
  },
};
