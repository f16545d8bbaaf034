import { DateTime } from 'luxon';
import type { TimelineEntry } from '../../document/model.js';
import { numberOption, type Rule } from '../rule.js';

/** An entry's moment for comparison: its instant, or its local date-time read as UTC when no zone is known. */
function moment(e: { instant?: DateTime; time: string | null }): number | undefined {
  if (e.instant) return e.instant.toMillis();
  if (e.time && /^\d{4}-\d{2}-\d{2}T/.test(e.time)) return DateTime.fromISO(e.time, { zone: 'utc' }).toMillis();
  return undefined;
}

export const rule: Rule = {
  id: 'timeline-window',
  description: "Timeline entries fall inside the incident window, allowing for the lead-up and the wrap-up.",
  defaultSeverity: 'warn',
  docs: `An entry long before the start or after the end usually has the wrong date or time, or the window itself
is wrong. Entries may come up to \`leadUpMinutes\` before the start (the change that caused it, default 120) and
\`afterMinutes\` after the end (the all-clear, default 60); a template sets its own in \`lint.timeline\`, and the
config can override them: \`["warn", { "leadUpMinutes": 1440, "afterMinutes": 120 }]\`.`,
  check({ doc, template, options, report }) {
    const inc = doc.incident;
    const start = inc.startInstant ? inc.startInstant.toMillis() : moment({ time: inc.start });
    const end = inc.endInstant ? inc.endInstant.toMillis() : moment({ time: inc.end });
    if (start === undefined && end === undefined) return;
    const lead = numberOption(options, 'leadUpMinutes', template.lint.timeline.leadUpMinutes) * 60_000;
    const after = numberOption(options, 'afterMinutes', template.lint.timeline.afterMinutes) * 60_000;
    const comparable = (e: TimelineEntry): boolean => Boolean(e.instant) === Boolean(inc.startInstant ?? inc.endInstant);
    for (const e of doc.timeline) {
      if (!comparable(e)) continue;
      const t = moment(e);
      if (t === undefined) continue;
      if (start !== undefined && t < start - lead) {
        report(`Expected the entry within ${lead / 60_000} minutes before the incident's start (${inc.start}), found ${e.time}: check its date and time`, e.timeSpan ?? e);
      } else if (end !== undefined && t > end + after) {
        report(`Expected the entry at most ${after / 60_000} minutes after the incident's end (${inc.end}), found ${e.time}: check its date and time, or the end`, e.timeSpan ?? e);
      }
    }
  },
};
