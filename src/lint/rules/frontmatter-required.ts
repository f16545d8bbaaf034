import { documentStart, type Rule } from '../rule.js';

function example(type: string, choices?: string[]): string {
  if (choices?.length) return choices[0]!;
  switch (type) {
    case 'date': return '2023-03-01';
    case 'datetime': return '2023-03-01T09:00:00-05:00';
    case 'timezone': return 'America/New_York';
    case 'list': return '[alice]';
    case 'number': case 'percent': return '30';
    case 'boolean': return 'true';
    default: return '…';
  }
}

export const rule: Rule = {
  id: 'frontmatter-required',
  description: "Every field the template marks required is present in the front matter and not empty.",
  defaultSeverity: 'error',
  docs: `The template lists the metadata every postmortem carries (for \`default\`: title, date, severity, status,
authors, started, resolved, timezone). A missing or empty field is reported at the front matter; a document with
no front matter at all gets one message listing what to add.`,
  examples: [
    {
      title: "Every required field (default template)",
      markdown: `---
title: Login outage
date: 2023-03-01
severity: SEV-2
status: draft
authors: [priya]
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---
`,
      messages: [],
    },
    {
      title: "Missing and empty fields",
      markdown: `---
title: Login outage
date: 2023-03-01
severity: SEV-2
status: draft
authors: []
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
---
`,
      messages: [
        "1:1: Expected front matter field \"timezone\" (In which time zone are the times in this document?), found none: add \"timezone: America/New_York\"",
        "6:1: Expected front matter field \"authors\" (Who wrote it?), found an empty value: add \"authors: [alice]\"",
      ],
    },
  ],
  check({ doc, template, report }) {
    const fm = doc.frontMatter;
    if (fm.error && !fm.error.unclosed) return; // frontmatter-syntax says why
    const required = template.fields.filter((f) => f.required);
    if (required.length === 0) return;
    if (fm.kind === null) {
      report(
        `Expected front matter with ${required.map((f) => f.key).join(', ')}, found none: start the file with a --- block (postmortem new writes one)`,
        documentStart(doc),
      );
      return;
    }
    const where = fm.span ?? documentStart(doc);
    for (const f of required) {
      const v = fm.data[f.key];
      const empty = v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
      if (!empty) continue;
      const at = fm.fields[f.key] ?? { line: where.line, column: 1, endLine: where.line, endColumn: 4 };
      report(`Expected front matter field "${f.key}" (${f.prompt}), found ${v === undefined ? 'none' : 'an empty value'}: add "${f.key}: ${example(f.type, f.choices)}"`, at);
    }
  },
};
