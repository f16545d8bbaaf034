/**
 * Tolerant matching of section headings to canonical section ids.
 *
 * People write "## 🕵️ Root Cause & Resolution:", "**Timeline:**", "3. IMPACT", ":memo:  Issue summary" or
 * "Timeline (all times GMT)". We normalise the text and look for known phrases in it.
 */

/** Canonical section ids (DESIGN.md) and the phrases that name them. Templates add their own. */
export const SECTION_SYNONYMS: Record<string, string[]> = {
  summary: [
    'summary', 'issue summary', 'incident summary', 'executive summary', 'problem summary', 'outage summary',
    'overview', 'incident overview', 'tl dr', 'tldr', 'synopsis', 'what happened', 'description',
  ],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'what was impacted', 'affected users', 'scope'],
  timeline: [
    'timeline', 'timeline of events', 'incident timeline', 'chronology', 'sequence of events', 'events', 'time line',
  ],
  'root-cause': [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'contributing factors',
    'what went wrong and why', 'why it happened', 'details of vulnerability', 'vulnerability details',
    'details of the vulnerability', 'technical details',
  ],
  trigger: ['trigger', 'triggers', 'fault', 'leadup', 'lead up'],
  detection: ['detection', 'how it was detected', 'discovery'],
  resolution: [
    'resolution', 'recovery', 'resolution and recovery', 'mitigation', 'remediation', 'fix', 'the fix', 'response',
    'how it was fixed', 'measures taken', 'details of fix', 'details of the fix', 'fix details',
  ],
  'action-items': [
    'action items', 'actions items', 'action plan', 'corrective and preventative measures',
    'corrective and preventive measures', 'corrective and preventing measures', 'corrective measures',
    'preventative measures', 'preventive measures', 'corrective actions', 'preventive actions', 'follow up',
    'follow ups', 'follow up tasks', 'follow up actions', 'future measures', 'next steps', 'remediation items',
    "what we re doing about it", 'what we are doing about it', 'tasks', 'todo', 'improvements', 'prevention',
  ],
  'lessons-learned': [
    'lessons learned', 'lessons learnt', 'lessons', 'what went well', 'what went wrong', 'where we got lucky',
    'takeaways', 'learnings',
  ],
};

/** Normalise heading text for matching: no emoji, emphasis, numbering, punctuation or case. */
export function normalizeHeading(text: string): string {
  let t = text.normalize('NFKC');
  t = t.replace(/:[a-z0-9_+-]+:/gi, ' '); // GitHub emoji shortcodes
  t = t.replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu, ' ');
  t = t.replace(/<[^>]*>/g, ' ');
  t = t.replace(/[*_`~]/g, '');
  t = t.replace(/&amp;|&/g, ' and ');
  t = t.trim();
  // Numbering: "1.", "2)", "IV.", "Step 3:", "Section 2 -"
  t = t.replace(/^(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.):\-]\s*/i, '');
  t = t.replace(/^(?:\d+)\s+(?=[a-z])/i, '');
  return t
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The label part of a heading: "Issue Summary: The Authentication Apocalypse" → "Issue Summary". */
export function headingLabel(text: string): string {
  const stripped = text.replace(/[*_`]/g, '').trim();
  const colon = stripped.indexOf(':');
  // A colon followed by more text separates a label from a subtitle; keep both when the label is empty.
  if (colon > 0) {
    const label = stripped.slice(0, colon);
    if (normalizeHeading(label)) return label;
  }
  return stripped;
}

const LOOSE_WORDS = new Set([
  'summary', 'impact', 'timeline', 'chronology', 'resolution', 'recovery', 'mitigation', 'remediation', 'detection',
  'trigger', 'overview',
]);

export class SectionMatcher {
  /** normalised phrase → ids */
  private readonly phrases = new Map<string, string[]>();
  private readonly ordered: Array<[string, string[]]>;
  /** Answers by text, strict and loose: the same headings and labels come back in document after document. */
  private readonly memo = [new Map<string, readonly string[]>(), new Map<string, readonly string[]>()] as const;

  constructor(extra: Record<string, string[]> = {}) {
    const add = (id: string, phrase: string): void => {
      const p = normalizeHeading(phrase);
      if (!p) return;
      const ids = this.phrases.get(p) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.phrases.set(p, ids);
    };
    for (const [id, list] of Object.entries(SECTION_SYNONYMS)) for (const p of list) add(id, p);
    for (const [id, list] of Object.entries(extra)) {
      add(id, id.replace(/-/g, ' '));
      for (const p of list) add(id, p);
    }
    // Longest phrases first, so "root cause analysis" wins over "cause". A one-word phrase is looked for inside
    // a longer heading only when it is distinctive ("Timeline of Chaos"), never "fix" or "tasks".
    this.ordered = [...this.phrases.entries()]
      .filter(([phrase]) => phrase.includes(' ') || LOOSE_WORDS.has(phrase))
      .sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
  }

  /**
   * The ids a heading names. `strict` (for inline "Label: text" lines) requires the whole label to be a known
   * phrase; otherwise a known phrase anywhere in the heading counts ("Timeline of Chaos", "Root cause of the issue").
   */
  match(text: string, strict = false): string[] {
    const memo = this.memo[strict ? 1 : 0];
    let ids = memo.get(text);
    if (!ids) {
      ids = this.find(text, strict);
      if (memo.size >= 5_000) memo.clear(); // bounded: text is the user's
      // A copy of the text as the key: `text` is often a slice of the whole document, which the key would keep
      // alive (V8 copies a concatenation when slicing it).
      memo.set((` ${text}`).slice(1), ids);
    }
    return [...ids];
  }

  private find(text: string, strict: boolean): string[] {
    const label = normalizeHeading(headingLabel(text));
    const whole = normalizeHeading(text);
    if (!label && !whole) return [];
    const exact = this.phrases.get(label) ?? this.phrases.get(whole);
    if (exact) return [...exact];
    if (strict) {
      // "Root cause and resolution:" as an inline label is still exact once split on "and".
      const parts = label.split(/\s+and\s+|\s*,\s*/);
      if (parts.length > 1 && parts.every((p) => this.phrases.has(p))) {
        return unique(parts.flatMap((p) => this.phrases.get(p)!));
      }
      return [];
    }
    const found: string[] = [];
    let rest = ` ${label || whole} `;
    for (const [phrase, ids] of this.ordered) {
      const needle = ` ${phrase} `;
      if (rest.includes(needle)) {
        for (const id of ids) if (!found.includes(id)) found.push(id);
        rest = rest.replace(needle, ' | ');
      }
    }
    if (found.length === 0 && label !== whole && whole) return this.find(whole.replace(/:/g, ' '), false);
    return found;
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const defaultMatcher = new SectionMatcher();
const matcherCache = new Map<string, SectionMatcher>();

/** The matcher for a template's extra section names (built once per distinct set). */
export function matcherFor(aliases: Record<string, string[]> | undefined): SectionMatcher {
  if (!aliases || Object.keys(aliases).length === 0) return defaultMatcher;
  const key = JSON.stringify(aliases);
  let m = matcherCache.get(key);
  if (!m) {
    m = new SectionMatcher(aliases);
    matcherCache.set(key, m);
  }
  return m;
}
