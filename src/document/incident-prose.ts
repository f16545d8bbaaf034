/**
 * The incident window read from prose: "from 9:00 to 11:30 AM EST", "began at 14:00 … resolved at 15:30", "at 14:00
 * … by 15:30 service was fully restored", and the end alone in a section about the recovery.
 */
import { findDates, findTimes, type ClockTime } from './time.js';

export const RANGE_BETWEEN_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through|thru|and|\u2192|->)[\s,*_()]*$/i;
const END_WORDS_RE = /(?:resolv|restor|end(?:ed|ing)?\b|end time|recover|fixed|(?:was|were|is|came|come) back\b|back online|back up|mitigat|until|lasted|stabili|returned|complet|finish|resum|closed|back to (?:normal|baseline)|operational|cleared|healthy|subsid|concluded|normali[sz]|all[- ]clear|up and running)[^.]{0,40}$/i;
/** After an end time, before the sentence ends: "9:40 UTC traffic had returned to normal". */
const END_AFTER_RE = /^[^.;]{0,40}?\b(?:(?:was|were|had|has|have been|is)\s+)?(?:resolved|restored|recovered|resumed|returned to normal|back to (?:normal|baseline)|back online|(?:fully )?operational|mitigated|cleared|closed|healthy|subsided|normali[sz]ed|stabili[sz]ed|up and running)\b/i;
const START_LABEL_RE = /\bstart(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
const END_LABEL_RE = /\bend(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
/** Whether times[j] is said to be an end: by the words before it, a label, or what follows it in its sentence. */
export function endCue(text: string, times: ClockTime[], j: number): boolean {
  const t = times[j]!;
  const lead = text.slice(Math.max(0, t.index - 60), t.index);
  // What follows the time up to the sentence's end or the next time: "by 9:40 traffic had returned to normal".
  const next = times[j + 1];
  const trail = text.slice(t.index + t.length, Math.min(next ? next.index : Infinity, t.index + t.length + 60));
  return END_LABEL_RE.test(lead.slice(-30)) || END_WORDS_RE.test(lead) || END_AFTER_RE.test(trail);
}

/** The text between two times, the dates in it and "on", "from", "at" left out: what joins a range. */
export function joins(text: string, a: ClockTime, b: ClockTime): boolean {
  let between = text.slice(a.index + a.length, b.index);
  for (const d of findDates(between).reverse()) between = between.slice(0, d.index) + between.slice(d.index + d.length);
  return RANGE_BETWEEN_RE.test(between.replace(/\b(?:on|from|at)\b/gi, ' '));
}

/** The start (the labelled one, else the first time) and the end a text states, if any. */
export function readProse(text: string): { start: ClockTime; end?: ClockTime } | undefined {
  const times = findTimes(text);
  if (times.length === 0) return undefined;
  let startIdx = times.findIndex((t) => START_LABEL_RE.test(text.slice(Math.max(0, t.index - 40), t.index)));
  if (startIdx < 0) startIdx = 0;
  const start = times[startIdx]!;
  for (let j = startIdx + 1; j < times.length; j++) {
    if ((j === startIdx + 1 && joins(text, times[j - 1]!, times[j]!)) || endCue(text, times, j)) return { start, end: times[j]! };
  }
  return { start };
}

/** The first time a text says the incident ended at ("by 15:30 UTC checkout was back to normal"), if any. */
export function proseEnd(text: string): ClockTime[] {
  const times = findTimes(text);
  const out: ClockTime[] = [];
  for (let j = 0; j < times.length; j++) if (endCue(text, times, j)) out.push(times[j]!);
  return out;
}
