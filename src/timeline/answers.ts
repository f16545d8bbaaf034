/** `postmortem new --timeline-from SOURCE...`: events from the importers, as answers to the timeline question. */
import { DateTime } from 'luxon';
import type { Template } from '../template/template.js';
import { collectEvents, entryText } from './collect.js';

/**
 * Append the events of `specs` to the raw answers of the template's timeline section, as `{ time, text }` with
 * the time in the document's zone (the answers' timezone, else `fallbackZone`), each text followed by its origin.
 * They are then checked like any other answer.
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
  const before = raw.sections[section.id];
  const list = before === undefined ? [] : Array.isArray(before) ? [...(before as unknown[])] : [before];
  for (const e of events) {
    list.push({ time: DateTime.fromMillis(e.at, { zone }).startOf('minute').toISO({ suppressMilliseconds: true }), text: entryText(e) });
  }
  raw.sections[section.id] = list;
}
