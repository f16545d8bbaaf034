/** `postmortem new --timeline-from SOURCE...`: events from the importers, as answers to the timeline question. */
import { DateTime } from 'luxon';
import { contextFor, parseAnswers, parseTimelineEntry, type Answers } from '../new/answers.js';
import type { Template } from '../template/template.js';
import { collectEvents, entryText } from './collect.js';

/**
 * Merge the events of `specs` into the raw answers of the template's timeline section, as `{ time, text }` with
 * the time in the document's zone (the answers' timezone, else `fallbackZone`), each text followed by its origin,
 * in time order with the entries given already (flags, answers file, draft): an entry given at the same minute
 * comes first, and one whose time cannot be read keeps its place at the front, for the usual check to report.
 */
export async function addTimelineAnswers(
  template: Template,
  raw: { fields: Record<string, unknown>; sections: Record<string, unknown> },
  specs: string[],
  fallbackZone: string,
): Promise<void> {
  const section = template.sections.find((s) => s.kind === 'timeline');
  if (!section) return;
  const tz = template.fields.find((f) => f.type === 'timezone');
  const given = tz ? raw.fields[tz.key] : undefined;
  const zone = typeof given === 'string' && DateTime.now().setZone(given).isValid ? given : fallbackZone;
  const events = await collectEvents(specs, { cwd: process.cwd(), zone, timeColumn: 'time', textColumn: 'text' });

  // The date and zone the given entries' times take, read from the fields as the answers will be.
  const fields: Answers = { fields: {}, sections: {} };
  try {
    parseAnswers(template, fields, { fields: raw.fields, sections: {} }, (key) => key, fallbackZone);
  } catch {
    // a bad field is reported when all the answers are read
  }
  const ctx = contextFor(template, fields, fallbackZone);
  const before = raw.sections[section.id];
  const typed = (before === undefined ? [] : Array.isArray(before) ? (before as unknown[]) : [before]).map((item) => {
    const r = parseTimelineEntry(item, ctx);
    return { item, at: r.ok ? DateTime.fromISO(r.value.time, { setZone: true }).toMillis() : -Infinity, rank: 0 };
  });
  const imported = events.map((e) => ({
    item: { time: DateTime.fromMillis(e.at, { zone }).startOf('minute').toISO({ suppressMilliseconds: true }), text: entryText(e) } as unknown,
    at: Math.floor(e.at / 60_000) * 60_000,
    rank: 1,
  }));
  // Stable: entries given keep their order among themselves, and so do the imported ones.
  raw.sections[section.id] = [...typed, ...imported].sort((a, b) => a.at - b.at || a.rank - b.rank).map((x) => x.item);
}
