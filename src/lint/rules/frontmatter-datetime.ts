import { DateTime } from 'luxon';
import { isIanaZone, parseIsoDateTime } from '../../document/time.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'frontmatter-datetime',
  description: 'Dates are YYYY-MM-DD, date-times are ISO 8601 with an offset, time zones are IANA names.',
  defaultSeverity: 'error',
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
        "3:1: Expected \"started\" as ISO 8601 with an offset, found \"2023-03-01 09:00\" with none: add the offset (-05:00, +01:00, or Z for UTC)",
        "4:1: Expected \"timezone\" as an IANA time-zone name such as America/New_York or UTC, found \"EST\"",
      ],
    },
  ],
  check({ doc, template, report }) {
    const fm = doc.frontMatter;
    if (fm.error || fm.kind === null) return;
    for (const f of template.fields) {
      const v = fm.data[f.key];
      if (v === undefined || v === null || v === '') continue;
      const at = fm.fields[f.key]!;
      const s = v instanceof Date ? v.toISOString() : String(v);
      if (f.type === 'datetime') {
        if (parseIsoDateTime(s, true)) continue;
        const local = parseIsoDateTime(s, false);
        const tz = fm.data.timezone;
        const fixed = local && typeof tz === 'string' && isIanaZone(tz)
          ? DateTime.fromISO(s.trim().replace(' ', 'T'), { zone: tz }).toISO({ suppressMilliseconds: true })
          : null;
        report(
          local
            ? `Expected "${f.key}" as ISO 8601 with an offset, found "${s}" with none: ${fixed ? `write "${fixed}"` : 'add the offset (-05:00, +01:00, or Z for UTC)'}`
            : `Expected "${f.key}" as an ISO 8601 date-time with offset such as 2023-03-01T09:00:00-05:00, found "${s}"`,
          at,
        );
      } else if (f.type === 'date') {
        if (v instanceof Date || /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))) continue;
        report(`Expected "${f.key}" as a date YYYY-MM-DD such as 2023-03-01, found "${s}"`, at);
      } else if (f.type === 'timezone') {
        if (typeof v === 'string' && isIanaZone(v)) continue;
        report(`Expected "${f.key}" as an IANA time-zone name such as America/New_York or UTC, found "${s}"`, at);
      }
    }
  },
};
