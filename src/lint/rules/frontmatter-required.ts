import { DateTime } from 'luxon';
import { ianaZone, isValidZoneName } from '../../document/runtime-zone.js';
import type { Postmortem } from '../../document/model.js';
import { documentStart, type Rule } from '../rule.js';

/**
 * What to write for a missing field: a value the document itself gives (the incident's date, its start and end
 * from the summary, the zone it states), else a placeholder the author must obviously fill in (YYYY-MM-DD, HH:MM).
 * Never a clock reading or a fixed sample date: the same file always gets the same message (the cache relies on it).
 */
function example(key: string, type: string, doc: Postmortem, choices?: string[]): string {
  if (choices?.length) return choices[0]!;
  const incident = doc.incident;
  // An IANA name (UTC or Area/City), never an abbreviation such as EST that frontmatter-datetime refuses.
  const tz = incident.timezone;
  const zone = tz && (tz === 'UTC' || tz.includes('/')) && isValidZoneName(tz) ? tz : undefined;
  const iso = (t: DateTime | undefined): string | undefined => (t?.isValid ? (t.toISO({ suppressMilliseconds: true }) ?? undefined) : undefined);
  switch (type) {
    case 'date':
      return incident.date ?? 'YYYY-MM-DD';
    case 'datetime': {
      const known = key === 'started' ? iso(incident.startInstant) : key === 'resolved' ? iso(incident.endInstant) : undefined;
      if (known) return known;
      const offset = zone && incident.date ? DateTime.fromISO(incident.date, { zone: ianaZone(zone) }).toFormat('ZZ') : '+HH:MM';
      return `${incident.date ?? 'YYYY-MM-DD'}THH:MM:00${offset}`;
    }
    case 'timezone':
      return zone ?? 'Area/City';
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
no front matter at all gets one message listing what to add. What to write comes from the document when it says it
(the incident's date, the start and end stated in the summary, the zone it names); else a placeholder to fill in,
such as \`date: YYYY-MM-DD\` or \`started: 2024-05-02THH:MM:00+02:00\` (the date and the zone's offset when known).`,
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
        "1:1: Expected front matter field \"timezone\" (In which time zone are the times in this document?), found none: add \"timezone: Area/City\"",
        "6:1: Expected front matter field \"authors\" (Who wrote it?), found an empty value: add \"authors: [alice]\"",
      ],
    },
    {
      title: "Missing times the summary states: what to write comes from the document",
      markdown: `---
title: Login outage
severity: SEV-2
status: draft
authors: [priya]
---

## Issue summary

From 09:00 to 10:30 UTC on 2024-05-02, users could not log in.
`,
      messages: [
        "1:1: Expected front matter field \"date\" (On what date did the incident start?), found none: add \"date: 2024-05-02\"",
        "1:1: Expected front matter field \"started\" (When did the impact start?), found none: add \"started: 2024-05-02T09:00:00Z\"",
        "1:1: Expected front matter field \"resolved\" (When was it fully resolved?), found none: add \"resolved: 2024-05-02T10:30:00Z\"",
        "1:1: Expected front matter field \"timezone\" (In which time zone are the times in this document?), found none: add \"timezone: UTC\"",
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
      report(`Expected front matter field "${f.key}" (${f.prompt}), found ${v === undefined ? 'none' : 'an empty value'}: add "${f.key}: ${example(f.key, f.type, doc, f.choices)}"`, at);
    }
  },
};
