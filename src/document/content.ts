/**
 * Sections recognized by what they hold, where no heading names them: a run of timed lines is a timeline, a list of
 * tasks with owners or check boxes is the action items, and the prose opening a document under a heading that names
 * nothing is its summary. Each applies only when no heading in the document names that section already. A timed run
 * is a timeline whatever its heading calls it ("What happened" over a log of events), but only a run of events:
 * a table of measurements by time ("| 15:10 | 9.8 s | 31% |") says no event.
 */
import type { Section } from './model.js';
import { plainLine, type Lines } from './text.js';
import { findTimes } from './time.js';
import { startsWithTime } from './timeline-entries.js';

const MARKER_RE = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+/;
const TASK_RE = /^\s*(?:>\s*)*[-*+]\s+\[[ xX-]\]\s/;
const OWNED_RE = /(?<![\w.])@[A-Za-z0-9]|\b(?:owner|assignee|due)\b\s*[:=]/i;
const DIGIT_RE = /\d/;
/** A word of three letters or more: an event is told in words, a measurement in numbers and units. */
const WORD_RE = /\p{L}{3,}/gu;

/** Whether a line that starts with a time tells an event: two words or more besides the time. */
function tellsEvent(text: string, timeEnd: number): boolean {
  WORD_RE.lastIndex = 0;
  const rest = text.slice(timeEnd);
  return WORD_RE.exec(rest) !== null && WORD_RE.exec(rest) !== null;
}

interface Shape {
  lines: number;
  timed: number;
  items: number;
  tasks: number;
  owned: number;
  prose: number;
}

/** What a section holds, counted on its own lines; list items only at the section's outermost list level. */
function shapeOf(section: Section, lines: Lines): Shape {
  const shape: Shape = { lines: 0, timed: 0, items: 0, tasks: 0, owned: 0, prose: 0 };
  let outer = Infinity;
  for (let n = section.contentStart; n <= section.contentEnd; n++) {
    const m = MARKER_RE.exec(lines.line(n));
    if (m) outer = Math.min(outer, m[0].length - m[0].trimStart().length);
  }
  for (let n = section.contentStart; n <= section.contentEnd; n++) {
    const raw = lines.line(n);
    const marker = MARKER_RE.exec(raw);
    const indent = raw.length - raw.trimStart().length;
    // Lines under an outer item (nested items, continuation lines) belong to that item.
    if (outer !== Infinity && indent > outer && (marker || indent >= outer + 2)) continue;
    const text = plainLine(marker ? raw.slice(marker[0].length) : raw);
    if (!text || /^(?:[-*_=|:\s]+|<!--.*-->|```.*|~~~.*)$/.test(text)) continue;
    shape.lines++;
    if (marker) shape.items++;
    if (TASK_RE.test(raw)) shape.tasks++;
    if (marker && OWNED_RE.test(raw)) shape.owned++;
    if (!marker && text.length > 60) shape.prose++;
    const t = findTimes(text)[0];
    if (t && startsWithTime(text, t) && tellsEvent(text, t.index + t.length)) shape.timed++;
  }
  return shape;
}

/** Add the ids that the sections' content shows, where no heading gives them. */
export function recognizeByContent(sections: Section[], lines: Lines): void {
  const named = new Set(sections.flatMap((s) => s.ids));
  const unnamed = sections.filter((s) => s.ids.length === 0 && s.depth <= 6);
  if (!named.has('timeline')) {
    // At least three entries that start with a time and tell an event, and most of the section's lines; under any
    // heading (a sub-label inside a section never: it is a part of that section).
    const best = sections.find((s) => {
      if (s.style === 'inline' || (s.depth > 6 && s.ids.length === 0) || !DIGIT_RE.test(s.text)) return false;
      const sh = shapeOf(s, lines);
      return sh.timed >= 3 && sh.timed * 2 >= sh.lines;
    });
    if (best) best.ids.push('timeline');
  }
  if (unnamed.length === 0) return;
  const shapes = new Map(unnamed.map((s) => [s, shapeOf(s, lines)]));
  if (!named.has('action-items')) {
    const best = unnamed.find((s) => {
      const sh = shapes.get(s)!;
      return s.ids.length === 0 && sh.items >= 2 && (sh.tasks + sh.owned) * 2 >= sh.items;
    });
    if (best) best.ids.push('action-items');
  }
  if (!named.has('summary')) {
    // The document's first section, in prose, under a heading that names nothing.
    const first = sections[0];
    const sh = first && shapes.get(first);
    if (first && sh && first.ids.length === 0 && sh.prose > 0 && sh.timed * 2 < sh.lines) {
      first.ids.push('summary');
    }
  }
}
