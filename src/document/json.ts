/** The model as `postmortem inspect --json` prints it. Keep the shape stable; add fields freely. */
import type { Postmortem } from './model.js';

export function modelToJson(doc: Postmortem): Record<string, unknown> {
  const fm = doc.frontMatter;
  return {
    path: doc.path,
    title: doc.title,
    template: doc.template,
    frontMatter: {
      kind: fm.kind,
      data: fm.data,
      ...(fm.error ? { error: fm.error } : {}),
    },
    sections: doc.sections.map((s) => ({
      ids: s.ids,
      heading: s.heading,
      line: s.line,
      column: s.column,
      style: s.style,
      depth: s.depth <= 6 ? s.depth : null,
      endLine: s.contentEnd,
      words: s.words,
    })),
    timeline: doc.timeline.map((e) => ({
      line: e.line,
      column: e.column,
      text: e.text,
      raw: e.raw,
      time: e.time,
      zoneKnown: e.zoneKnown,
      ...(e.zoneSource ? { zoneSource: e.zoneSource } : {}),
      ...(e.rolledOver ? { rolledOver: true } : {}),
    })),
    actionItems: doc.actionItems.map((a) => ({
      line: a.line,
      text: a.text,
      owner: a.owner,
      due: a.due,
      done: a.done,
      ticket: a.ticket,
    })),
    incident: {
      date: doc.incident.date,
      start: doc.incident.start,
      end: doc.incident.end,
      durationMinutes: doc.incident.durationMinutes,
      timezone: doc.incident.timezone,
      source: doc.incident.source,
      zoneSource: doc.incident.zoneSource,
      dateSource: doc.incident.dateSource,
      statedDurations: doc.incident.statedDurations.map((d) => ({ line: d.line, column: d.column, raw: d.raw, minutes: d.minutes })),
    },
    words: doc.words,
  };
}
