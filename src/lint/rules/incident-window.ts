import { DateTime } from 'luxon';
import type { Incident, Milestone } from '../../document/model.js';
import { documentStart, frontMatterUnreadable, type Rule } from '../rule.js';
import { validDate } from '../../document/dates.js';
import { zoneFor } from '../../document/runtime-zone.js';

const ORDER: Array<Milestone['key']> = ['started', 'detected', 'mitigated', 'resolved'];

/** "3 hours 5 minutes", "2 days" */
function gap(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes >= 2 * 1440) return `${Math.round(minutes / 1440)} days`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m || !h ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ');
}

/** Whether the front matter's milestones are in order (started ≤ detected ≤ mitigated ≤ resolved). */
export function milestonesInOrder(inc: Incident): boolean {
  const ms = [...inc.milestones].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  let latest = -Infinity;
  for (const m of ms) {
    const t = m.instant.toMillis();
    if (t < latest) return false;
    latest = Math.max(latest, t);
  }
  return true;
}

/** A time as written, without the offset it was provisionally read with (UTC, for want of a zone). */
const wall = (iso: string): string => iso.replace(/(?:Z|[+-]\d{2}:\d{2})$/, '');

export const rule: Rule = {
  id: 'incident-window',
  description: 'The incident has a known start and end, with a time zone; its milestones are in order and its date is the day it started.',
  defaultSeverity: 'error',
  docs: `Start and end come from the front matter (\`started\`, \`resolved\`) or, in documents without them, from the
body: labelled fields ("Start time: 09:00 EST", a table of milestones) or the summary ("from 9:00 AM to 12:00 PM
EST on March 1, 2023"), the end from a section about the recovery or the timeline when the summary states only the
start. Both must be there, the zone must be known (an offset in the front matter, a zone after the times, or
\`timezone:\`), and the end must come after the start. Without them nobody can compute time to resolve, and
\`timeline-window\` cannot check the timeline.

The milestones of the front matter are in order, started ≤ detected ≤ mitigated ≤ resolved (each is reported at
the first one out of order), and \`date\` is the day the incident started (in the zone of \`started\` or the
document's). An end before the start is one message; the timeline is then not measured against the window.`,
  examples: [
    {
      title: "A window in the front matter",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---
`,
      messages: [],
    },
    {
      title: "An end before the start",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T08:00:00-05:00
---
`,
      messages: [
        "3:1: Expected the end (2023-03-01T08:00:00-05:00) after the start (2023-03-01T09:00:00-05:00), found it earlier: correct one of them",
      ],
    },
    {
      title: "Milestones out of order, and a date that is not the day it started",
      markdown: `---
date: 2023-03-06
started: 2023-03-01T09:00:00-05:00
detected: 2023-03-01T09:10:00-05:00
mitigated: 2023-03-01T09:05:00-05:00
resolved: 2023-03-01T12:00:00-05:00
---
`,
      messages: [
        "2:1: Expected \"date\" (2023-03-06) to be the day the incident started, found \"started\" on 2023-03-01 (5 days apart): correct one of them",
        "5:1: Expected \"mitigated\" (2023-03-01T09:05:00-05:00) at or after \"detected\" (2023-03-01T09:10:00-05:00), found it 5 minutes earlier: correct one of them",
      ],
    },
  ],
  check({ doc, report }) {
    const inc = doc.incident;
    const summary = doc.sections.find((s) => s.ids.includes('summary'));
    const fallback = summary ?? documentStart(doc);
    const how = 'set "started:" and "resolved:" in the front matter (2023-03-01T09:00:00-05:00) or state both times in the summary';
    // The window may be in front matter that cannot be read: frontmatter-syntax says why, and that is the one message.
    if (frontMatterUnreadable(doc)) return;
    // One message for one missing window: neither time, or only the start (with its zone, when that is missing too).
    if (!inc.start && !inc.end) report(`Expected the incident's start and end times, found neither: ${how}`, fallback);
    else if (!inc.start) report(`Expected the incident's start time, found only its end (${inc.end}): ${how}`, inc.endSpan ?? fallback);
    else if (!inc.end) {
      const zone = inc.zoneMissing ? ', with no time zone' : '';
      report(`Expected the incident's end time, found only its start (${inc.start}${zone}): ${how}${zone ? ', with the zone' : ''}`, inc.startSpan ?? fallback);
    }
    if (inc.start && inc.end && inc.zoneMissing) {
      report(
        `Expected a time zone for the incident window, found times without one (${wall(inc.start)}${inc.end ? ` to ${wall(inc.end)}` : ''}): add "timezone:" to the front matter or write the zone after the times ("10:45 AM EST")`,
        inc.startSpan ?? fallback,
      );
    }
    const inverted = inc.durationMinutes !== null && inc.durationMinutes <= 0 && inc.start && inc.end;
    if (inverted) {
      report(`Expected the end (${inc.end}) after the start (${inc.start}), found it ${inc.durationMinutes === 0 ? 'equal' : 'earlier'}: correct one of them`, inc.endSpan ?? inc.startSpan ?? fallback);
    } else {
      // Milestones in order: the first one earlier than one before it.
      const ms = [...inc.milestones].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
      for (let i = 1; i < ms.length; i++) {
        const m = ms[i]!;
        const latest = ms.slice(0, i).reduce((x, y) => (y.instant.toMillis() > x.instant.toMillis() ? y : x));
        const d = m.instant.toMillis() - latest.instant.toMillis();
        if (d >= 0) continue;
        report(
          `Expected "${m.field}" (${m.iso}) at or after "${latest.field}" (${latest.iso}), found it ${gap(d)} earlier: correct one of them`,
          m.span ?? fallback,
        );
        break;
      }
    }
    // The date is the day it started.
    const fm = doc.frontMatter;
    const started = inc.milestones.find((m) => m.key === 'started');
    const dateText = typeof fm.data.date === 'string' ? fm.data.date.trim() : undefined;
    if (started && dateText && /^\d{4}-\d{2}-\d{2}$/.test(dateText) && validDate(Number(dateText.slice(0, 4)), Number(dateText.slice(5, 7)), Number(dateText.slice(8, 10)))) {
      const own = started.instant.toISODate();
      const tz = typeof fm.data.timezone === 'string' ? fm.data.timezone : undefined;
      const local = tz ? started.instant.setZone(zoneFor(tz)).toISODate() : own;
      if (dateText !== own && dateText !== local) {
        const days = Math.round(Math.abs(DateTime.fromISO(dateText).diff(DateTime.fromISO(own!), 'days').days));
        report(
          `Expected "date" (${dateText}) to be the day the incident started, found "${started.field}" on ${own} (${days} day${days === 1 ? '' : 's'} apart): correct one of them`,
          fm.fields.date ?? fallback,
        );
      }
    }
  },
};
