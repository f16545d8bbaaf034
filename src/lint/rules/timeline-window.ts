import { DateTime } from 'luxon';
import type { TimelineEntry } from '../../document/model.js';
import { frontMatterUnreadable, numberOption, type Rule } from '../rule.js';
import { orderProblems } from './timeline-order.js';

/** An entry's moment for comparison: its instant, or its local date-time read as UTC when no zone is known. */
function moment(e: { instant?: DateTime; time: string | null }): number | undefined {
  if (e.instant) return e.instant.toMillis();
  if (e.time && /^\d{4}-\d{2}-\d{2}T/.test(e.time)) return DateTime.fromISO(e.time, { zone: 'utc' }).toMillis();
  return undefined;
}

/** Where the entry's zone was only assumed from the config, the message says so: that may be what is wrong. */
function assumed(e: TimelineEntry): string {
  return e.zoneSource === 'config' ? " (read in the config's timezone: the entry states none)" : '';
}

export const rule: Rule = {
  id: 'timeline-window',
  description: "Timeline entries fall inside the incident window, allowing for the lead-up and the wrap-up.",
  defaultSeverity: 'warn',
  options: {
    leadUpMinutes: { type: 'number', min: 0, default: 120, description: "Minutes before the incident's start an entry may come (the change that caused it); the template's `lint.timeline.leadUpMinutes` when not set." },
    afterMinutes: { type: 'number', min: 0, default: 60, description: "Minutes after the incident's end an entry may come (the all-clear); the template's `lint.timeline.afterMinutes` when not set." },
  },
  docs: `An entry long before the start or after the end usually has the wrong date or time, or the window itself
is wrong. Entries may come up to \`leadUpMinutes\` before the start (the change that caused it, default 120) and
\`afterMinutes\` after the end (the all-clear, default 60); a template sets its own in \`lint.timeline\`, and the
config can override them: \`["warn", { "leadUpMinutes": 1440, "afterMinutes": 120 }]\`.`,
  examples: [
    {
      title: "Entries inside the window and its lead-up",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Timeline

- 08:55 — The deploy starts.
- 09:00 — Alerts fire.
- 12:00 — Sign-in works again.
`,
      messages: [],
    },
    {
      title: "An entry hours after the end",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Timeline

- 09:00 — Alerts fire.
- 12:00 — Sign-in works again.
- 15:00 — Postmortem meeting.
`,
      messages: [
        "11:3: Expected the entry at most 60 minutes after the incident's end (2023-03-01T12:00:00-05:00), found 2023-03-01T15:00:00-05:00: check its date and time, or the end",
      ],
    },
  ],
  check({ doc, template, options, enabled, report }) {
    const inc = doc.incident;
    // Only a window the author stated in the front matter: one read from the summary's prose is often the impact
    // alone, or a moment, and the timeline rightly runs beyond it.
    if (inc.source !== 'front-matter') return;
    const start = inc.startInstant ? inc.startInstant.toMillis() : moment({ time: inc.start });
    const end = inc.endInstant ? inc.endInstant.toMillis() : moment({ time: inc.end });
    if (start === undefined && end === undefined) return;
    // The window may be in front matter that cannot be read: what the summary says instead may be a part of it.
    if (frontMatterUnreadable(doc)) return;
    // A window that ends before it starts is reported by incident-window; measuring entries against it would
    // only repeat that, once per entry.
    if (start !== undefined && end !== undefined && end <= start) return;
    // An entry out of order is reported by timeline-order, at that entry.
    const misplaced = new Set(enabled('timeline-order') ? orderProblems(doc).map((p) => p.entry) : []);
    const lead = numberOption(options, 'leadUpMinutes', template.lint.timeline.leadUpMinutes) * 60_000;
    const after = numberOption(options, 'afterMinutes', template.lint.timeline.afterMinutes) * 60_000;
    const comparable = (e: TimelineEntry): boolean => Boolean(e.instant) === Boolean(inc.startInstant ?? inc.endInstant);
    for (const e of doc.timeline) {
      if (!comparable(e) || misplaced.has(e)) continue;
      const t = moment(e);
      if (t === undefined) continue;
      if (start !== undefined && t < start - lead) {
        report(`Expected the entry within ${lead / 60_000} minutes before the incident's start (${inc.start}), found ${e.time}${assumed(e)}: check its date and time`, e.timeSpan ?? e);
      } else if (end !== undefined && t > end + after) {
        report(`Expected the entry at most ${after / 60_000} minutes after the incident's end (${inc.end}), found ${e.time}${assumed(e)}: check its date and time, or the end`, e.timeSpan ?? e);
      }
    }
  },
};
