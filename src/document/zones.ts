/** Zones stated for a block of times: "(all times GMT)", "All times in PST", "Timeline (UTC−05:00)". */
import { FixedOffsetZone, type Zone } from 'luxon';
import { resolveZone } from './time.js';

export const ALL_TIMES_RE = /\b(?:all\s+times?(?:\s+are)?(?:\s+(?:in|are))?|times?\s+(?:are\s+)?(?:in|shown in))\s*(?::\s*)?\(?([A-Z]{1,5}(?:\/[A-Z]{3,4})?|(?:UTC|GMT)\s*[-\u2212+]\s*\d{1,2}(?::?\d{2})?|[A-Za-z]+\/[A-Za-z_]+)/i;
export const STANDALONE_ZONE_RE = /(?:\b(?:UTC|GMT)(?:\s?[-\u2212\u2013+]\d{1,2}(?::?\d{2})?|\s*[-\u2212\u2013+]\s+\d{1,2}(?![\d:.]))|\b(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|SAST|CAT|EAT|WAT|IST|JST|AEST|AEDT|SGT)\b)/;

/** A zone stated for a block of times: "(all times GMT)", "All times in PST", "Timeline (UTC−05:00)". */
export function contextZone(text: string): { zone: Zone; name: string } | undefined {
  const all = ALL_TIMES_RE.exec(text);
  if (all) {
    const zone = resolveZone(all[1]);
    if (zone) return { zone, name: all[1]! };
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
