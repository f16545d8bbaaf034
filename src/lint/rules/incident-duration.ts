import { frontMatterUnreadable, lineOffset, numberOption, type Rule } from '../rule.js';
import { milestonesInOrder } from './incident-window.js';

/** Whether a stated duration agrees with the window: within `toleranceMinutes` or 10%, whichever is larger. */
export function durationAgrees(stated: number, actual: number, toleranceMinutes = 5): boolean {
  return Math.abs(stated - actual) <= Math.max(toleranceMinutes, actual * 0.1);
}

function human(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} minutes`;
  return m === 0 ? `${h} hour${h === 1 ? '' : 's'}` : `${h} h ${m} min`;
}

/** `minutes` written the way `raw` was: "30-minute" → "180-minute" or "3-hour", "2 hours" → "3 hours". */
export function restate(raw: string, minutes: number): string {
  const adjective = !/\s/.test(raw.trim()) && raw.trim().slice(1, -1).includes('-');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (adjective) return h > 0 && m === 0 ? `${h}-hour` : `${minutes}-minute`;
  const hours = `${h} hour${h === 1 ? '' : 's'}`;
  const mins = `${m} minute${m === 1 ? '' : 's'}`;
  return h === 0 ? mins : m === 0 ? hours : `${hours} and ${mins}`;
}

export const rule: Rule = {
  id: 'incident-duration',
  description: 'A duration stated in the summary agrees with the incident window.',
  defaultSeverity: 'error',
  fixable: ['duration'],
  options: {
    toleranceMinutes: { type: 'number', min: 0, default: 5, description: 'How far a stated duration may be from the window (or 10% of it, whichever is larger).' },
  },
  docs: `When the summary says "a 30-minute outage" but the window runs from 13:45 to 15:30, one of them is wrong, and
the reader cannot tell which. Durations stated in the summary ("lasted 2 hours", "Duration: 45 minutes", "a
3-hour outage") are compared with the whole incident (started to resolved) and, when the front matter has
\`mitigated\`, with the impact (started to mitigated): "for 51 minutes a third of calls failed" is true when the
impact lasted 51 minutes, even if the incident was closed later. They may differ by \`toleranceMinutes\` or 10%,
whichever is larger.

\`--fix --fix-type duration\` rewrites the stated duration to the window's, in the same form ("30-minute" →
"3-hour"). It is not applied by \`--fix\` alone: the prose may be right and the times wrong.`,
  examples: [
    {
      title: "A duration that matches the window",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Issue summary

A three-hour outage of sign-in: from 09:00 to 12:00 EST nobody could log in.
`,
      messages: [],
    },
    {
      title: "A duration that does not",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Issue summary

A 30-minute outage of sign-in.
`,
      fixTypes: ['duration'],
      fixed: `---
started: 2023-03-01T09:00:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Issue summary

A 3-hour outage of sign-in.
`,
      messages: [
        "9:3: Expected the stated duration to match the window 2023-03-01T09:00:00-05:00 to 2023-03-01T12:00:00-05:00 (3 hours), found \"30-minute\" (30 minutes): correct the duration or the times",
      ],
    },
    {
      title: "A duration that matches the impact (started to mitigated)",
      markdown: `---
started: 2023-03-01T09:00:00-05:00
mitigated: 2023-03-01T09:51:00-05:00
resolved: 2023-03-01T12:00:00-05:00
timezone: America/New_York
---

## Issue summary

For 51 minutes a third of sign-ins failed; the fix was confirmed at noon.
`,
      messages: [],
    },
  ],
  check({ doc, options, enabled, report }) {
    const inc = doc.incident;
    const actual = inc.durationMinutes;
    if (actual === null || actual <= 0) return;
    // A window that cannot be read, or whose milestones are out of order, is reported by frontmatter-syntax or
    // incident-window: a stated duration cannot be checked against it.
    if (frontMatterUnreadable(doc) || (enabled('incident-window') && !milestonesInOrder(inc))) return;
    const tolerance = numberOption(options, 'toleranceMinutes', 5);
    // Impact: started to mitigated, when both are in the front matter and in order.
    const started = inc.milestones.find((m) => m.key === 'started');
    const mitigated = inc.milestones.find((m) => m.key === 'mitigated');
    const impact = started && mitigated ? Math.round((mitigated.instant.toMillis() - started.instant.toMillis()) / 60_000) : null;
    const hasImpact = impact !== null && impact > 0 && impact !== actual;
    for (const d of inc.statedDurations) {
      if (durationAgrees(d.minutes, actual, tolerance)) continue;
      if (hasImpact && durationAgrees(d.minutes, impact, tolerance)) continue;
      const window = `the window ${inc.start} to ${inc.end} (${human(actual)})${hasImpact ? ` or the impact until "mitigated" (${human(impact)})` : ''}`;
      const start = lineOffset(doc, d.line) + d.column - 1;
      const newText = restate(d.raw, actual);
      report(
        `Expected the stated duration to match ${window}, found "${d.raw}" (${human(d.minutes)}): correct the duration or the times`,
        d,
        d.line === d.endLine && doc.source.slice(start, start + d.raw.length) === d.raw
          ? { kind: 'duration', title: `Write "${newText}"`, edits: [{ start, end: start + d.raw.length, newText }] }
          : undefined,
      );
    }
  },
};
