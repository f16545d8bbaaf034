import { DateTime } from 'luxon';
import { isIanaZone, parseIsoDateTime } from '../../document/time.js';
import { validDate } from '../../document/dates.js';
import { zoneFor } from '../../document/runtime-zone.js';
import { fieldValueEdit, type Rule } from '../rule.js';

/**
 * An offset the document's zone does not have at that instant ("-05:00" in New York in August), UTC ("Z", "+00:00")
 * aside: an instant written in UTC is as good as any.
 */
function zoneClash(written: DateTime, tz: unknown): { zone: string; expected: string; found: string; fixed: string; wall: string } | undefined {
  if (typeof tz !== 'string' || written.offset === 0 || !isIanaZone(tz)) return undefined;
  const wall = written.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const local = DateTime.fromISO(wall, { zone: zoneFor(tz) });
  if (!local.isValid || local.offset === written.offset) return undefined;
  // The zone's offset at the wall time (as the author most likely meant it), checked at the instant written too.
  if (written.setZone(zoneFor(tz)).offset === written.offset) return undefined;
  return { zone: tz, expected: local.toFormat('ZZ'), found: written.toFormat('ZZ'), fixed: local.toISO({ suppressMilliseconds: true })!, wall: wall.slice(11, 16) };
}

/** What to say of a local time in a clock change: skipped (spring forward) or passed twice (fall back). */
function clockChange(local: DateTime, tz: string): string | undefined {
  const wall = local.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const zone = zoneFor(tz);
  const read = DateTime.fromISO(wall, { zone });
  if (!read.isValid) return undefined;
  const time = wall.slice(11, 16);
  if (read.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== wall) {
    return `${time} did not happen on ${wall.slice(0, 10)} in ${tz} (the clocks went forward): write the offset of the time you mean, such as "${read.toISO({ suppressMilliseconds: true })}"`;
  }
  const hour = 3_600_000;
  const earlier = read.minus({ milliseconds: hour }).setZone(zone);
  const later = read.plus({ milliseconds: hour }).setZone(zone);
  const twin = [earlier, later].find((d) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss") === wall && d.offset !== read.offset);
  if (twin) {
    const [first, second] = [read, twin].sort((a, b) => a.toMillis() - b.toMillis());
    return `${time} happened twice on ${wall.slice(0, 10)} in ${tz} (the clocks went back): write "${first!.toISO({ suppressMilliseconds: true })}" for the first or "${second!.toISO({ suppressMilliseconds: true })}" for the second`;
  }
  return undefined;
}

export const rule: Rule = {
  id: 'frontmatter-datetime',
  description: 'Dates are YYYY-MM-DD, date-times are ISO 8601 with an offset, time zones are IANA names.',
  defaultSeverity: 'error',
  fixable: ['datetime'],
  docs: `A \`datetime\` field (started, detected, mitigated, resolved) must say which instant it means:
\`2023-03-01T09:00:00-05:00\` or \`2023-03-01T14:00:00Z\`, never \`2023-03-01 09:00\` (which zone?). A \`date\` is
\`2023-03-01\`. A \`timezone\` is an IANA name such as \`America/New_York\` or \`UTC\`, not an abbreviation like
\`EST\`, which means different offsets in different places. With a \`timezone\`, an offset the zone does not have on
that day (\`-05:00\` in New York in August) is reported (UTC, \`Z\`, is always accepted), and so is a local time the
clocks skipped or passed twice on the day they changed: which instant it means is for the author to say.`,
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
    {
      title: "An offset the zone does not have that day, and a time the clocks skipped",
      markdown: `---
started: 2023-08-19T23:40:00-05:00
resolved: 2023-03-12 02:30
timezone: America/New_York
---
`,
      messages: [
        "2:1: Expected \"started\" with America/New_York's offset on that day (-04:00), found -05:00: write \"2023-08-19T23:40:00-04:00\" if 23:40 is the local time, or correct the offset or \"timezone\"",
        "3:1: Expected \"resolved\" as ISO 8601 with an offset, found \"2023-03-12 02:30\" with none: 02:30 did not happen on 2023-03-12 in America/New_York (the clocks went forward): write the offset of the time you mean, such as \"2023-03-12T03:30:00-04:00\"",
      ],
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
        const written = parseIsoDateTime(s, true);
        if (written) {
          const clash = zoneClash(written, fm.data.timezone);
          if (clash) report(`Expected "${f.key}" with ${clash.zone}'s offset on that day (${clash.expected}), found ${clash.found}: write "${clash.fixed}" if ${clash.wall} is the local time, or correct the offset or "timezone"`, at);
          continue;
        }
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
          ? DateTime.fromISO(s.trim().replace(' ', 'T'), { zone: zoneFor(tz) }).toISO({ suppressMilliseconds: true })
          : null;
        // A local time the clocks skipped, or passed twice, on the day they changed: said, and never fixed silently.
        const change = local && typeof tz === 'string' && isIanaZone(tz) ? clockChange(local, tz) : undefined;
        const edit = fixed && !change ? fieldValueEdit(doc, f.key, fixed) : undefined;
        report(
          local
            ? `Expected "${f.key}" as ISO 8601 with an offset, found "${s}" with none: ${change ?? (fixed ? `write "${fixed}"` : 'add the offset (-05:00, +01:00, or Z for UTC)')}`
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
