/** Zones stated for a block of times: "(all times GMT)", "All times in PST", "Timeline (UTC−05:00)". */
import { FixedOffsetZone, type Zone } from 'luxon';
import { resolveZone } from './time.js';

export const ALL_TIMES_RE = /\b(?:all\s+times?(?:\s+are)?(?:\s+(?:in|are))?|times?\s+(?:are\s+)?(?:in|shown in))\s*(?::\s*)?\(?((?:pacific|eastern|central|mountain)\b|[A-Z]{1,5}(?:\/[A-Z]{3,4})?|(?:UTC|GMT)\s*[-\u2212+]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]+\/[A-Za-z_]+)/i;
/** "Times are UTC", "times PT", "Time (UTC)": the zone in capitals right after the word (case matters here). */
const TIMES_ZONE_RE = /\b[Tt]imes?(?:[ \t]+are)?[ \t]+\(?((?:UTC|GMT)[ \t]*[-\u2212+][ \t]*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\b/;
/** US region names as people write them for a timeline's clock ("All times Pacific"). */
const REGIONS: Record<string, string> = { pacific: 'PT', eastern: 'ET', central: 'CT', mountain: 'MT' };
export const STANDALONE_ZONE_RE = /(?:\b(?:UTC|GMT)(?:\s?[-\u2212\u2013+]\d{1,2}(?::?\d{2})?|\s*[-\u2212\u2013+]\s+\d{1,2}(?![\d:.]))|\b(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|SAST|CAT|EAT|WAT|IST|JST|AEST|AEDT|SGT)\b)/;

/**
 * A zone stated for a block of times: "(all times GMT)", "All times in PST", "Timeline (UTC−05:00)", "Times are UTC",
 * "times PT", "All times Pacific". ALL_TIMES_RE finds the phrase; only a zone that resolves counts.
 */
/** Whether a line states a zone for the times around it (cheap: the word "time" first). */
export function statesZone(text: string): boolean {
  return ALL_TIMES_RE.test(text) || (text.includes('ime') && TIMES_ZONE_RE.test(text));
}

export function contextZone(text: string): { zone: Zone; name: string } | undefined {
  const all = ALL_TIMES_RE.exec(text) ?? (text.includes('ime') ? TIMES_ZONE_RE.exec(text) : null);
  if (all) {
    const name = REGIONS[all[1]!.toLowerCase()] ?? all[1]!;
    const zone = resolveZone(name);
    if (zone) return { zone, name };
  }
  const paren = /\(([^()]*)\)/.exec(text);
  if (paren) {
    const m = STANDALONE_ZONE_RE.exec(paren[1]!);
    if (m) {
      const zone = resolveZone(m[0]);
      if (zone) return { zone, name: m[0] };
    }
  }
  return undefined;
}

export function zoneName(zone: Zone): string {
  if (zone instanceof FixedOffsetZone) return zone.name === 'UTC' ? 'UTC' : zone.name;
  return zone.name;
}
