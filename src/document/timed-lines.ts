/** Lines and list items that start with a time: what a timeline entry looks like, wherever it stands. */
import type { List, ListItem } from './markdown.js';
import { textOf } from './markdown.js';
import { plainLine, type Lines } from './text.js';
import { findTimes, type ClockTime } from './time.js';
import { findDates } from './dates.js';

/**
 * What may stand before an entry's time: bullets, brackets, dashes, "@", a status emoji; a weekday, "Day 2" or a
 * date in numbers the calendar reader does not take ("3/5", "14/03/2026", "05.03.2026"); and a word placing it ("Approximately", "Between", "On … at"). A date is taken out first.
 */
const ENTRY_PREFIX_RE = /^[\s\-\u2013\u2014*•>|[()\]#@\p{Extended_Pictographic}\uFE0F]*(?:(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?|day\s+\d{1,2}:?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?)[\s@]+){0,2}(?:on\s+)?(?:(?:at|on|by|around|approx\.?|approximately|roughly|about|circa|ca\.|~|from|between|until|till|after|before|(?:shortly|just|right)\s+(?:after|before))\s+)?$/iu;

/** Whether a time found at `index` of `text` starts the line (maybe after a date, a bullet or "At"). */
export function startsWithTime(text: string, t: ClockTime): boolean {
  let prefix = text.slice(0, t.index);
  const d = findDates(prefix)[0];
  if (d) prefix = prefix.slice(0, d.index) + prefix.slice(d.index + d.length);
  prefix = prefix.replace(/[,*_]/g, ' ');
  // Nothing but blanks before the time, as usual: what the pattern (whose emoji class is costly to compile) says too.
  return prefix.trim() === '' || ENTRY_PREFIX_RE.test(prefix);
}

export const QUOTE_PREFIX_RE = /^(?:[ \t]*>)+/;

/** How many items of a list start with a time (at any depth below it), counting up to `enough`. */
export function timedItems(list: List, enough: number): number {
  let count = 0;
  const stack: Array<List | ListItem> = [list];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'list') {
      for (const item of node.children) stack.push(item);
      continue;
    }
    const head = node.children[0];
    if (head && head.type !== 'list') {
      const text = plainLine(textOf(head));
      const t = findTimes(text)[0];
      if (t && startsWithTime(text, t) && ++count >= enough) return count;
    }
    for (const c of node.children) if (c.type === 'list') stack.push(c);
  }
  return count;
}

/** Whether a line from `from` up to the next ATX heading (or `to`) starts with a time, after any list marker. */
export function timedBelow(lines: Lines, from: number, to: number): boolean {
  for (let n = from; n <= to; n++) {
    const raw = lines.line(n);
    if (/^\s{0,3}#/.test(raw)) return false;
    const text = plainLine(raw.replace(QUOTE_PREFIX_RE, '')).replace(/^(?:[-*+]|\d{1,9}[.)])\s+/, '');
    const t = text ? findTimes(text)[0] : undefined;
    if (t && startsWithTime(text, t)) return true;
  }
  return false;
}

/** Whether an item of the list itself (not deeper) starts with a time. */
export function directTimed(list: List): boolean {
  return list.children.some((item) => {
    const head = item.children[0];
    const text = head && head.type !== 'list' ? plainLine(textOf(head)) : '';
    const t = findTimes(text)[0];
    return t !== undefined && startsWithTime(text, t);
  });
}

/** Whether lines from..to read as a log: at least two start with a time, and at least half of the non-blank ones. */
export function looksTimed(lines: Lines, from: number, to: number): boolean {
  let timed = 0;
  let other = 0;
  for (let n = from; n <= to; n++) {
    const text = plainLine(lines.line(n).replace(QUOTE_PREFIX_RE, ''));
    if (!text) continue;
    const t = findTimes(text)[0];
    if (t && startsWithTime(text, t)) timed++;
    else other++;
  }
  return timed >= 2 && timed >= other;
}
