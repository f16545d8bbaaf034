import { numberOption, type Rule } from '../rule.js';

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

export const rule: Rule = {
  id: 'incident-duration',
  description: 'A duration stated in the summary agrees with the incident window.',
  defaultSeverity: 'error',
  docs: `When the summary says "a 30-minute outage" but the window runs from 13:45 to 15:30, one of them is wrong, and
the reader cannot tell which. Durations stated in the summary ("lasted 2 hours", "Duration: 45 minutes", "a
3-hour outage") are compared with end minus start; they may differ by \`toleranceMinutes\` (default 5) or 10%,
whichever is larger.

Options: \`["error", { "toleranceMinutes": 10 }]\`.`,
  check({ doc, options, report }) {
    const actual = doc.incident.durationMinutes;
    if (actual === null || actual <= 0) return;
    const tolerance = numberOption(options, 'toleranceMinutes', 5);
    for (const d of doc.incident.statedDurations) {
      if (durationAgrees(d.minutes, actual, tolerance)) continue;
      report(
        `Expected the stated duration to match the window ${doc.incident.start} to ${doc.incident.end} (${human(actual)}), found "${d.raw}" (${human(d.minutes)}): correct the duration or the times`,
        d,
      );
    }
  },
};
