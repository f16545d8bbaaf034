/**
 * The incident window read from prose: "from 9:00 to 11:30 AM EST", "began at 14:00 … resolved at 15:30", "at 14:00
 * … by 15:30 service was fully restored", and the end alone in a section about the recovery.
 */
import type { ClockTime } from './time.js';
import { findDates } from './dates.js';
import { WEEKDAY_RE, windowTimes } from './incident-times.js';

const RANGE_BETWEEN_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through(?: to)?|thru|up (?:to|until)|and|\u2192|->)[\s,*_()]*$/i;
/** A range's joint that needs no "between" before it ("and" does: "at 14:00 and 15:00" is two times). */
const RANGE_JOINT_RE = /^[\s,*_()]*(?:[-\u2013\u2014~]|to|until|till|through(?: to)?|thru|up (?:to|until)|\u2192|->)[\s,*_()]*$/i;
/** Words that qualify a time without changing what joins it: "until about 15:30", "between 14:00 and approximately 15:30". */
const APPROX_RE = /\b(?:approximately|approx\.|approx|about|around|roughly|circa|ca\.|~|on|from|at)(?!\w)/gi;
const BETWEEN_BEFORE_RE = /\bbetween\s*$/i;
/** The time the incident is said to have begun at: "the outage began at 14:00", "errors started around 2 PM". */
const START_WORDS_RE = /\b(?:incident|outage|impact|issue|problem|errors|failures|disruption|degradation|downtime)\b[^.]{0,20}\b(?:began|begun|begins|started|starting|commenced)\b[^.]{0,20}$/i;
/** After a time, what says the incident began then: "At 14:07 UTC, errors began". */
const START_AFTER_RE = /^[^.;\d]{0,20}?\b(?:incident|outage|impact|issue|problem|errors|failures|disruption|degradation|downtime)\s+(?:began|begun|begins|started|starts|commenced)\b/i;
/** A cue after a time that belongs to the next one: "… and was resolved at 15:30". */
const CUE_FOR_NEXT_RE = /\b(?:at|by|around|about|approximately|until|to|on)\s*$/i;
/**
 * Words before a time that say the incident was over then ("resolved at 15:30", "until 15:30"). A verb after "to"
 * states a purpose, not an end: "a rollback was made to restore the server … at 12:30" is when the rollback was made.
 */
const END_WORDS_RE = /(?<!\bto\s)(?:resolv|restor|end(?:ed|ing)?\b|end time|recover|fixed|(?:was|were|is|came|come) back\b|back online|back up|mitigat|until|lasted|stabili|returned|complet|finish|resum|closed|back to (?:normal|baseline)|operational|cleared|healthy|subsid|concluded|normali[sz]|nominal|all[- ]clear|up and running|(?:was|were|is|are|remained|stayed)\s+stable|ceas(?:ed|ing)|abated|(?:errors?|failures?|impact|outage|timeouts?) (?:had )?stopped|stopped (?:failing|erroring))[^.]{0,40}$/i;
/** After an end time, before the sentence ends: "9:40 UTC traffic had returned to normal". */
const END_AFTER_RE = /^[^.;]{0,40}?\b(?:(?:was|were|had|has|have been|is)\s+)?(?:resolved|restored|recovered|resumed|returned to normal|back to (?:normal|baseline)|back online|(?:fully )?operational|mitigated|cleared|closed|healthy|subsided|normali[sz]ed|stabili[sz]ed|stable again|up and running|ceased|abated|(?:errors?|failures?|impact|outage|timeouts?)\s+(?:had\s+)?stopped)\b/i;
const START_LABEL_RE = /\bstart(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
const END_LABEL_RE = /\bend(?:ed)?(?:\s+time)?\s*(?:\*+\s*)?[:=|-]/i;
/** The clock times of a text, as a window is stated with them (noon, "from 9 to 11 a.m.", "3:10 in the afternoon"…). */
const timesIn = windowTimes;

/** What stands between a word and the time it labels: "resolved 17:45", "mitigated: 17:02", "restored at 15:30". */
const LABEL_TAIL_RE = /^[\s:*_]*(?:(?:at|by|on)\s*)?$/i;

/** Words that make what follows a plan rather than what happened. */
const PLAN_RE = /\b(?:will|shall|plan(?:s|ned)?|scheduled|going to|expect(?:s|ed)? to|should|would)\b/i;

/** Whether times[j] is said to be an end: by the words before it, a label, or what follows it in its sentence. */
export function endCue(text: string, times: ClockTime[], j: number): boolean {
  const t = times[j]!;
  const lead = text.slice(Math.max(0, t.index - 60), t.index);
  // What follows the time up to the sentence's end or the next time: "by 9:40 traffic had returned to normal".
  const next = times[j + 1];
  const trail = text.slice(t.index + t.length, Math.min(next ? next.index : Infinity, t.index + t.length + 60));
  // A word right before the next time is that time's ("16:31 UTC, mitigated 17:02 UTC": 16:31 is no end).
  const cue = END_AFTER_RE.exec(trail);
  const forNext = !!next && next.index - t.index - t.length <= 60 && (CUE_FOR_NEXT_RE.test(trail) || (!!cue && LABEL_TAIL_RE.test(trail.slice(cue.index + cue[0].length))));
  const after = !!cue && !forNext;
  return END_LABEL_RE.test(lead.slice(-30)) || END_WORDS_RE.test(lead) || after;
}

/** A text with its dates and "on", "from", "at", "about" left out. */
function withoutDates(text: string): string {
  let out = text;
  for (const d of findDates(out).reverse()) out = out.slice(0, d.index) + out.slice(d.index + d.length);
  out = out.replace(APPROX_RE, ' ');
  if (/day\b/i.test(out)) out = out.replace(WEEKDAY_RE, ' ');
  // A note on which end a time is: "06:40 UTC (start) – 07:55 UTC (end)".
  return out.includes('(') ? out.replace(ANNOTATION_RE, ' ') : out;
}
const ANNOTATION_RE = /\((?:start(?:ed)?|begin(?:ning)?|onset|first impact)\)/gi;

/** The text between two times, without dates and qualifiers: what joins them. */
const between = (text: string, a: ClockTime, b: ClockTime): string => withoutDates(text.slice(a.index + a.length, b.index));

/** Whether two times are joined as a range: "14:00–15:30", "from 14:00 to 15:30", "between 14:00 and 15:30". */
export function joins(text: string, a: ClockTime, b: ClockTime): boolean {
  const joint = between(text, a, b);
  if (RANGE_JOINT_RE.test(joint)) return true;
  // An ISO 8601 interval: two date-times and a slash.
  if (a.date && b.date && joint === '/') return true;
  return RANGE_BETWEEN_RE.test(joint) && BETWEEN_BEFORE_RE.test(withoutDates(text.slice(Math.max(0, a.index - 40), a.index)));
}

/** The first range wherever it stands, by the index of its start; -1 when none. */
function firstRange(text: string, times: ClockTime[]): number {
  for (let i = 0; i + 1 < times.length; i++) if (joins(text, times[i]!, times[i + 1]!)) return i;
  return -1;
}

/**
 * What a planned range's start follows (dates, "from" and "on" left out): "scheduled from 02:00 to 04:00", "planned a
 * maintenance for 2026-09-10 from 02:00", "a maintenance window (02:00–04:00)".
 */
const PLANNED_BEFORE_RE = /\b(?:scheduled|planned|booked)(?:\s+(?:an?|the))?(?:\s+(?:maintenance|upgrade|migration|change|window|downtime|deploy(?:ment)?|work))?(?:\s+(?:for|between))?\s*$|\b(?:maintenance|change|freeze)\s+window(?:\s+(?:was|is|of|between))?(?:\s*[(:])?\s*$/i;

/**
 * A habit stated in a range's sentence: "we normally deploy between 09:00 and 17:00", "our support hours are 09:00 to
 * 17:00", "backups run from 01:00 to 03:00 every night", "09:00–17:00 on weekdays".
 */
const HABIT_RE = /\b(?:normally|usually|typically|generally|regularly|routinely|ordinarily|daily|nightly|weekly|every\s+(?:day|night|morning|evening|week|weekday|hour)|each\s+(?:day|night|morning|evening|week)|on\s+(?:weekdays|weekends|business\s+days)|(?:business|support|office|opening|working|core|trading|service|staffed|on-call)\s+hours)\b/i;
/** Words one of which a planned or habitual range's sentence holds: a cheap test before the patterns. */
const PLANNED_HINT_RE = /scheduled|planned|booked|window|ally\b|daily|nightly|weekly|every|each|weekday|weekend|business days|hours/i;

/** The times of a text without those of a planned or habitual range (they state no incident's window). */
function unplanned(text: string, times: ClockTime[]): ClockTime[] {
  if (!PLANNED_HINT_RE.test(text)) return times;
  const out: ClockTime[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const next = times[i + 1];
    const lead = text.slice(Math.max(0, t.index - 60), t.index);
    const sentence = lead.slice(Math.max(lead.lastIndexOf('. '), lead.lastIndexOf(';')) + 1);
    // What follows the range, to the end of its sentence ("… 17:00 on weekdays").
    const after = next ? text.slice(next.index + next.length, next.index + next.length + 40) : '';
    const tail = after.slice(0, Math.min(...['. ', ';', '\n'].map((e) => after.indexOf(e)).filter((x) => x >= 0), after.length));
    if (next && joins(text, t, next) && (PLANNED_BEFORE_RE.test(withoutDates(lead)) || HABIT_RE.test(sentence) || HABIT_RE.test(tail))) i++;
    else out.push(t);
  }
  return out;
}

const IN_BETWEEN_HINT_RE = /in between|in the meantime|meanwhile|between (?:those|these|them|the two)/i;
/** What follows two times within their sentence or the next and says that something failed between them. */
const IN_BETWEEN_RE = /^[^\d]{0,80}?\b(?:fail|down|error|unavailable|broke|outage|impact|lost|could not|couldn't|timed out|rejected)[^.\d]{0,40}\b(?:in between|in the meantime|meanwhile|between (?:those|these|them|the two)(?: times)?)\b|^[^\d]{0,80}?\b(?:in between|in the meantime|meanwhile|between (?:those|these|them|the two)(?: times)?)\b[^.\d]{0,40}\b(?:fail|down|error|unavailable|broke|outage|impact|lost|could not|couldn't|timed out|rejected)/i;

/** The first pair of consecutive times that the text after them says something failed between, or -1. */
function boundedPair(text: string, times: ClockTime[]): number {
  for (let i = 0; i + 1 < times.length; i++) {
    const after = times[i + 1]!;
    const end = i + 2 < times.length ? times[i + 2]!.index : text.length;
    if (IN_BETWEEN_RE.test(text.slice(after.index + after.length, Math.min(end, after.index + after.length + 160)))) return i;
  }
  return -1;
}

/** A timeline entry (or a log's line) that says the incident began. */
export const STARTED_ENTRY_RE = /\b(?:(?:incident|impact|outage|issue|problem|disruption|degradation) (?:begins|began|start|starts|started)|start of (?:the )?(?:incident|impact|outage|issue)|(?:first|initial) (?:customer |user )?impact)\b/i;

/** A line's start before a time: blanks, a list marker, a quote, emphasis or a bracket ("- 14:05", "**14:05**"). */
const LINE_LEAD_RE = /^[ \t>*_+[(-]*$/;
/** The rest of a time's line (at most 200 characters of it). */
function lineAfter(text: string, t: ClockTime): string {
  const rest = text.slice(t.index + t.length, t.index + t.length + 200);
  const end = rest.indexOf('\n');
  return end < 0 ? rest : rest.slice(0, end);
}

/** Whether a text is a log (three or more lines that begin with a time), whose first time is no stated start. */
function isLog(text: string, times: ClockTime[]): boolean {
  let lines = 0;
  // Line starts found going forward, each newline once (linear in the text, however many times a line holds).
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const t of times) {
    while (next >= 0 && next < t.index) {
      lineStart = next + 1;
      next = text.indexOf('\n', lineStart);
    }
    if (t.index - lineStart <= 12 && LINE_LEAD_RE.test(text.slice(lineStart, t.index)) && ++lines >= 3) return true;
  }
  return false;
}

/** Whether times[j] is said to be the end only as the impact's mitigation ("mitigated at 15:00"). */
function mitigation(text: string, t: ClockTime): boolean {
  return /mitigat[a-z]*[\s:*_]*(?:(?:at|by|on)\s+)?$/i.test(text.slice(Math.max(0, t.index - 30), t.index)) || /^[\s*_)]*\(?mitigat/i.test(text.slice(t.index + t.length, t.index + t.length + 20));
}

/**
 * The start and the end a text states, if any: a labelled start ("Start: …") and the end after it; else a range
 * wherever it stands; else the time the incident is said to have begun at (or the first time) and the end after it.
 * A log (lines that begin with times) states no start by its first line: that time is returned marked `log`.
 */
export function readProse(text: string): { start: ClockTime; end?: ClockTime; log?: true } | undefined {
  const times = unplanned(text, timesIn(text));
  if (times.length === 0) return undefined;
  const lead = (t: ClockTime, n: number): string => text.slice(Math.max(0, t.index - n), t.index);
  let startIdx = times.findIndex((t) => START_LABEL_RE.test(lead(t, 40)));
  if (startIdx < 0) {
    const r = firstRange(text, times);
    if (r >= 0) return { start: times[r]!, end: times[r + 1]! };
    // Two times and then what failed "in between": they bound it ("expired at 00:00; renewed at 00:47. All calls
    // failed in between.").
    const b = IN_BETWEEN_HINT_RE.test(text) ? boundedPair(text, times) : -1;
    if (b >= 0) return { start: times[b]!, end: times[b + 1]! };
    startIdx = times.findIndex((t) => START_WORDS_RE.test(lead(t, 60)) || START_AFTER_RE.test(text.slice(t.index + t.length, t.index + t.length + 60)));
    // The first time of a log is when something was written down, not a start the text states (its zone is the
    // log's): a log states a start by a line that says the incident began ("14:00 UTC: impact starts").
    if (startIdx < 0 && isLog(text, times)) {
      startIdx = times.findIndex((t) => STARTED_ENTRY_RE.test(lineAfter(text, t)));
      if (startIdx < 0) return { start: times[0]!, log: true };
    }
    startIdx = Math.max(0, startIdx);
  }
  const start = times[startIdx]!;
  for (let j = startIdx + 1; j < times.length; j++) {
    if ((j === startIdx + 1 && joins(text, times[j - 1]!, times[j]!)) || endCue(text, times, j)) {
      // Mitigated, then resolved: the end is the resolution ("mitigated 17:02, resolved 17:45").
      if (mitigation(text, times[j]!)) {
        for (let k = j + 1; k < times.length; k++) if (endCue(text, times, k) && !mitigation(text, times[k]!)) return { start, end: times[k]! };
      }
      return { start, end: times[j]! };
    }
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
