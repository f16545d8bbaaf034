/**
 * The incident window read from prose: "from 9:00 to 11:30 AM EST", "began at 14:00 … resolved at 15:30", "at 14:00
 * … by 15:30 service was fully restored", and the end alone in a section about the recovery.
 */
import { findTimes, resolveZone, type ClockTime } from './time.js';
import { findDates } from './dates.js';

const RANGE_BETWEEN_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through(?: to)?|thru|up (?:to|until)|and|\u2192|->)[\s,*_()]*$/i;
/** A range's joint that needs no "between" before it ("and" does: "at 14:00 and 15:00" is two times). */
const RANGE_JOINT_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through(?: to)?|thru|up (?:to|until)|\u2192|->)[\s,*_()]*$/i;
/** Words that qualify a time without changing what joins it: "until about 15:30", "between 14:00 and approximately 15:30". */
const APPROX_RE = /\b(?:approximately|approx\.|approx|about|around|roughly|circa|ca\.|~|on|from|at)(?!\w)/gi;
const BETWEEN_BEFORE_RE = /\bbetween\s*$/i;
/** The time the incident is said to have begun at: "the outage began at 14:00", "errors started around 2 PM". */
const START_WORDS_RE = /\b(?:incident|outage|impact|issue|problem|errors|failures|disruption|degradation|downtime)\b[^.]{0,20}\b(?:began|begun|begins|started|starting|commenced)\b[^.]{0,20}$/i;
/** A cue after a time that belongs to the next one: "… and was resolved at 15:30". */
const CUE_FOR_NEXT_RE = /\b(?:at|by|around|about|approximately|until|to|on)\s*$/i;
const END_WORDS_RE = /(?:resolv|restor|end(?:ed|ing)?\b|end time|recover|fixed|(?:was|were|is|came|come) back\b|back online|back up|mitigat|until|lasted|stabili|returned|complet|finish|resum|closed|back to (?:normal|baseline)|operational|cleared|healthy|subsid|concluded|normali[sz]|nominal|all[- ]clear|up and running|ceas(?:ed|ing)|abated|(?:errors?|failures?|impact|outage|timeouts?) (?:had )?stopped|stopped (?:failing|erroring))[^.]{0,40}$/i;
/** After an end time, before the sentence ends: "9:40 UTC traffic had returned to normal". */
const END_AFTER_RE = /^[^.;]{0,40}?\b(?:(?:was|were|had|has|have been|is)\s+)?(?:resolved|restored|recovered|resumed|returned to normal|back to (?:normal|baseline)|back online|(?:fully )?operational|mitigated|cleared|closed|healthy|subsided|normali[sz]ed|stabili[sz]ed|up and running|ceased|abated)\b/i;
const START_LABEL_RE = /\bstart(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
const END_LABEL_RE = /\bend(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
/** Noon and midnight, read as times in prose ("from 10:00 AM until noon PST"), with a zone written after them. */
const NOON_RE = /\b(noon|midday|midnight)(?:[ \t]+([A-Z]{2,4}))?\b/gi;

/** The clock times of a text, noon and midnight among them. */
function timesIn(text: string): ClockTime[] {
  const times = findTimes(text);
  if (!/noon|midday|midnight/i.test(text)) return times;
  const extra: ClockTime[] = [];
  NOON_RE.lastIndex = 0;
  for (let m = NOON_RE.exec(text); m; m = NOON_RE.exec(text)) {
    const zone = resolveZone(m[2]);
    const length = zone ? m[0].length : m[1]!.length;
    const t: ClockTime = { index: m.index, length, raw: m[0].slice(0, length), hour: m[1]!.toLowerCase() === 'midnight' ? 0 : 12, minute: 0, second: 0, meridiem: true };
    if (zone) {
      t.zone = zone;
      t.zoneText = m[2]!;
    }
    extra.push(t);
  }
  return [...times, ...extra].sort((a, b) => a.index - b.index);
}

/** Words that make what follows a plan rather than what happened. */
const PLAN_RE = /\b(?:will|shall|plan(?:s|ned)?|scheduled|going to|expect(?:s|ed)? to|should|would)\b/i;

/** Whether times[j] is said to be an end: by the words before it, a label, or what follows it in its sentence. */
export function endCue(text: string, times: ClockTime[], j: number): boolean {
  const t = times[j]!;
  const lead = text.slice(Math.max(0, t.index - 60), t.index);
  // What follows the time up to the sentence's end or the next time: "by 9:40 traffic had returned to normal".
  const next = times[j + 1];
  const trail = text.slice(t.index + t.length, Math.min(next ? next.index : Infinity, t.index + t.length + 60));
  const after = END_AFTER_RE.test(trail) && !(next && next.index - t.index - t.length <= 60 && CUE_FOR_NEXT_RE.test(trail));
  return END_LABEL_RE.test(lead.slice(-30)) || END_WORDS_RE.test(lead) || after;
}

/** A text with its dates and "on", "from", "at", "about" left out. */
function withoutDates(text: string): string {
  let out = text;
  for (const d of findDates(out).reverse()) out = out.slice(0, d.index) + out.slice(d.index + d.length);
  return out.replace(APPROX_RE, ' ');
}

/** The text between two times, without dates and qualifiers: what joins them. */
const between = (text: string, a: ClockTime, b: ClockTime): string => withoutDates(text.slice(a.index + a.length, b.index));

/** Whether two times are joined as a range: "14:00–15:30", "from 14:00 to 15:30", "between 14:00 and 15:30". */
export function joins(text: string, a: ClockTime, b: ClockTime): boolean {
  const joint = between(text, a, b);
  if (RANGE_JOINT_RE.test(joint)) return true;
  return RANGE_BETWEEN_RE.test(joint) && BETWEEN_BEFORE_RE.test(withoutDates(text.slice(Math.max(0, a.index - 40), a.index)));
}

/** The first range wherever it stands, by the index of its start; -1 when none. */
function firstRange(text: string, times: ClockTime[]): number {
  for (let i = 0; i + 1 < times.length; i++) if (joins(text, times[i]!, times[i + 1]!)) return i;
  return -1;
}

/**
 * The start and the end a text states, if any: a labelled start ("Start: …") and the end after it; else a range
 * wherever it stands; else the time the incident is said to have begun at (or the first time) and the end after it.
 */
export function readProse(text: string): { start: ClockTime; end?: ClockTime } | undefined {
  const times = timesIn(text);
  if (times.length === 0) return undefined;
  const lead = (t: ClockTime, n: number): string => text.slice(Math.max(0, t.index - n), t.index);
  let startIdx = times.findIndex((t) => START_LABEL_RE.test(lead(t, 40)));
  if (startIdx < 0) {
    const r = firstRange(text, times);
    if (r >= 0) return { start: times[r]!, end: times[r + 1]! };
    startIdx = Math.max(0, times.findIndex((t) => START_WORDS_RE.test(lead(t, 60))));
  }
  const start = times[startIdx]!;
  for (let j = startIdx + 1; j < times.length; j++) {
    if ((j === startIdx + 1 && joins(text, times[j - 1]!, times[j]!)) || endCue(text, times, j)) return { start, end: times[j]! };
  }
  return { start };
}

/** The first time a text says the incident ended at ("by 15:30 UTC checkout was back to normal"), if any. */
export function proseEnd(text: string): ClockTime[] {
  const times = timesIn(text);
  const out: ClockTime[] = [];
  for (let j = 0; j < times.length; j++) {
    // A plan is no end: "we will restore the replica by 17:00".
    const sentence = text.slice(Math.max(0, times[j]!.index - 60), times[j]!.index).split(/[.!?]\s/).pop()!;
    if (endCue(text, times, j) && !PLAN_RE.test(sentence)) out.push(times[j]!);
  }
  return out;
}
