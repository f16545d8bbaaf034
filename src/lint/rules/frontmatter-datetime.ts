import { DateTime } from 'luxon';
import { isIanaZone, parseIsoDateTime } from '../../document/time.js';
import { validDate } from '../../document/dates.js';
import { ianaZone } from '../../document/runtime-zone.js';
import { fieldValueEdit, type Rule } from '../rule.js';

export const rule: Rule = {
  id: 'frontmatter-datetime',
  description: 'Dates are YYYY-MM-DD, date-times are ISO 8601 with an offset, time zones are IANA names.',
  defaultSeverity: 'error',
  fixable: ['datetime'],
  docs: `A \`datetime\` field (started, detected, mitigated, resolved) must say which instant it means:
\`2023-03-01T09:00:00-05:00\` or \`2023-03-01T14:00:00Z\`, never \`2023-03-01 09:00\` (which zone?). A \`date\` is
\`2023-03-01\`. A \`timezone\` is an IANA name such as \`America/New_York\` or \`UTC\`, not an abbreviation like
\`EST\`, which means different offsets in different places.`,
  examples: [
    {
      title: "Instants with offsets",
      markdown: `---
date: 2023-03-01
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T17:00:00Z
timezone: America/New_York
---
`,
      messages: [],
    },
    {
      title: "An impossible date, a date-time without offset, an abbreviation for a zone",
      markdown: `---
date: 2023-02-30
started: 2023-03-01 09:00
timezone: EST
---
`,
      messages: [
        "2:1: Expected \"date\" to be a real date, found \"2023-02-30\", which is not in the calendar: correct the day or month",
        "3:1: Expected \"started\" as ISO 8601 with an offset, found \"2023-03-01 09:00\" with none: add the offset (-05:00, +01:00, or Z for UTC)",
        "4:1: Expected \"timezone\" as an IANA time-zone name such as America/New_York or UTC, found \"EST\"",
      ],
    },
    {
      title: "A date-time without offset, in a document that states its zone",
      markdown: `---
started: 2023-03-01 09:00
timezone: America/New_York
---
`,
      messages: [
        "2:1: Expected \"started\" as ISO 8601 with an offset, found \"2023-03-01 09:00\" with none: write \"2023-03-01T09:00:00-05:00\"",
      ],
      fixed: `---
started: 2023-03-01T09:00:00-05:00
timezone: America/New_York
---
`,
    },
  ],
  check({ doc, template, report }) {
    const fm = doc.frontMatter;
    if ((fm.error && !fm.error.unclosed) || fm.kind === null) return;
    for (const f of template.fields) {
      const v = fm.data[f.key];
      if (v === undefined || v === null || v === '') continue;
      const at = fm.fields[f.key]!;
      const s = v instanceof Date ? v.toISOString() : String(v);
      if (f.type === 'datetime') {
        if (parseIsoDateTime(s, true)) continue;
        // Shaped like a date-time but not in the calendar or the clock: 2023-02-30T09:00Z, 2023-03-01T25:99Z.
        if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s.trim())) {
          const why = DateTime.fromISO(s.trim().replace(' ', 'T'), { setZone: true });
          if (!why.isValid) {
            report(`Expected "${f.key}" to be a real date and time, found "${s}", which ${/T?\d{2}:\d{2}/.test(s) && DateTime.fromISO(s.trim().slice(0, 10)).isValid ? 'is not a time of day' : 'is not in the calendar'}: correct it`, at);
            continue;
          }
        }
        const local = parseIsoDateTime(s, false);
        const tz = fm.data.timezone;
        const fixed = local && typeof tz === 'string' && isIanaZone(tz)
          ? DateTime.fromISO(s.trim().replace(' ', 'T'), { zone: ianaZone(tz) }).toISO({ suppressMilliseconds: true })
          : null;
        const edit = fixed ? fieldValueEdit(doc, f.key, fixed) : undefined;
        report(
          local
            ? `Expected "${f.key}" as ISO 8601 with an offset, found "${s}" with none: ${fixed ? `write "${fixed}"` : 'add the offset (-05:00, +01:00, or Z for UTC)'}`
            : `Expected "${f.key}" as an ISO 8601 date-time with offset such as 2023-03-01T09:00:00-05:00, found "${s}"`,
          at,
          edit && { kind: 'datetime', title: `Write "${fixed}"`, edits: [edit] },
        );
      } else if (f.type === 'date') {
        if (v instanceof Date) continue;
        const shaped = /^\d{4}-\d{2}-\d{2}$/.test(s.trim());
        if (shaped && validDate(Number(s.trim().slice(0, 4)), Number(s.trim().slice(5, 7)), Number(s.trim().slice(8, 10)))) continue;
        report(
          shaped
            ? `Expected "${f.key}" to be a real date, found "${s}", which is not in the calendar: correct the day or month`
            : `Expected "${f.key}" as a date YYYY-MM-DD such as 2023-03-01, found "${s}"`,
          at,
        );
      } else if (f.type === 'timezone') {
        if (typeof v === 'string' && isIanaZone(v)) continue;
        report(`Expected "${f.key}" as an IANA time-zone name such as America/New_York or UTC, found "${s}"`, at);
      }
    }
  },
};
