import type { Rule } from '../rule.js';

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

export const rule: Rule = {
  id: 'frontmatter-type',
  description: 'Each front matter field has the type the template declares (string, list, number, percent, boolean).',
  defaultSeverity: 'error',
  docs: `A \`list\` field is a YAML list (\`authors: [alice, bob]\`), a \`number\` a number, a \`percent\` a number
from 0 to 100 (\`users_affected: 30\`, or \`"30%"\`), a \`string\` a single line of text. Dates, date-times and time
zones are checked by \`frontmatter-datetime\`, choices by \`frontmatter-choice\`.`,
  examples: [
    {
      title: "Fields of the declared types",
      markdown: `---
authors: [priya, tom]
users_affected: 30%
---
`,
      messages: [],
    },
    {
      title: "A string for a list, a share over 100",
      markdown: `---
authors: priya
users_affected: 130
---
`,
      messages: [
        "2:1: Expected \"authors\" to be a list such as [alice, bob], found string \"priya\"",
        "3:1: Expected \"users_affected\" to be a percentage from 0 to 100, found number 130",
      ],
    },
  ],
  check({ doc, template, report }) {
    const fm = doc.frontMatter;
    if ((fm.error && !fm.error.unclosed) || fm.kind === null) return;
    for (const f of template.fields) {
      const v = fm.data[f.key];
      if (v === undefined || v === null) continue;
      const at = fm.fields[f.key]!;
      let ok = true;
      let want = '';
      switch (f.type) {
        case 'string':
        case 'text':
        case 'enum':
          ok = typeof v === 'string' || typeof v === 'number';
          want = 'text';
          break;
        case 'list':
          ok = Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');
          want = `a list such as [${f.key === 'authors' ? 'alice, bob' : 'a, b'}]`;
          break;
        case 'number':
          ok = typeof v === 'number' && Number.isFinite(v);
          want = 'a number';
          break;
        case 'percent': {
          const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*(?:%\s*)?$/.test(v) ? parseFloat(v) : NaN;
          ok = Number.isFinite(n) && n >= 0 && n <= 100;
          want = 'a percentage from 0 to 100';
          break;
        }
        case 'boolean':
          ok = typeof v === 'boolean';
          want = 'true or false';
          break;
        default:
          continue;
      }
      if (!ok) report(`Expected "${f.key}" to be ${want}, found ${describe(v)}`, at);
    }
  },
};
