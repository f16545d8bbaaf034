/**
 * Tolerant matching of section headings to canonical section ids.
 *
 * People write "## 🕵️ Root Cause & Resolution:", "**Timeline:**", "3. IMPACT", ":memo:  Issue summary" or
 * "Timeline (all times GMT)". We normalise the text and look for known phrases in it.
 */

/**
 * Canonical section ids (DESIGN.md) and the phrases that name them. Templates add their own.
 *
 * Written from the public postmortem templates and guides (Google SRE, Atlassian, PagerDuty, GitLab, AWS's
 * Correction of Errors, the Holberton/ALX assignment), not from any set of documents we measure on: wording a
 * reasonable person would list. What these lists cannot foresee is left to word stems in real headings (HEADING_STEMS)
 * and to what a section holds (./content.ts).
 */
export const SECTION_SYNONYMS: Record<string, string[]> = {
  summary: [
    'summary', 'issue summary', 'incident summary', 'executive summary', 'problem summary', 'outage summary',
    'overview', 'incident overview', 'tl dr', 'tldr', 'synopsis', 'what happened', 'description', 'abstract',
  ],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'what was the impact', 'scope', 'blast radius'],
  timeline: [
    'timeline', 'timeline of events', 'incident timeline', 'chronology', 'sequence of events', 'events', 'time line',
  ],
  'root-cause': [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'cause', 'causes', 'contributing factors',
    'why did it happen', 'why it happened', 'why', 'five whys', '5 whys',
  ],
  trigger: ['trigger', 'triggers', 'fault', 'leadup', 'lead up'],
  detection: ['detection', 'how it was detected', 'how we found out', 'discovery'],
  resolution: [
    'resolution', 'recovery', 'resolution and recovery', 'mitigation', 'remediation', 'fix', 'the fix', 'response',
    'how it was fixed', 'how we fixed it', 'what we did', 'what was done', 'actions taken', 'steps taken',
    'measures taken', 'immediate actions', 'how it was resolved', 'how we resolved it', 'how we recovered', 'workaround',
  ],
  'action-items': [
    'action items', 'action plan', 'corrective actions', 'corrective measures', 'preventive measures',
    'preventative measures', 'corrective and preventive measures', 'corrective and preventative measures',
    'preventive actions', 'follow up', 'follow ups', 'follow up actions', 'follow up tasks', 'next steps',
    'remediation items', 'what we are doing about it', 'how will we prevent it', 'tasks', 'todo', 'to do',
    'improvements', 'prevention', 'what we will change', 'what we will do', 'what will change', 'going forward',
    'future work', 'planned changes',
  ],
  'lessons-learned': [
    'lessons learned', 'lessons learnt', 'lessons', 'what went well', 'what went wrong', 'what didn t go well',
    'where we got lucky', 'takeaways', 'learnings', 'what did we learn', 'what can be improved', 'what could be improved',
    'what could have gone better', 'what we did well', 'what went badly',
  ],
};

/**
 * Section names in other languages than English, kept apart from the English list: the plain words a team writing
 * its postmortems in Spanish, Portuguese, French or German puts over each section (the usual translations of the
 * English names above, nothing from any document we measure on). Times and dates in those documents are read as
 * anywhere else.
 */
export const OTHER_LANGUAGE_SYNONYMS: Record<string, string[]> = {
  summary: ['resumen', 'resumen ejecutivo', 'resumo', 'résumé', 'synthèse', 'zusammenfassung', 'überblick'],
  impact: ['impacto', 'impacto en clientes', 'auswirkungen', 'auswirkung'],
  timeline: [
    'cronología', 'línea de tiempo', 'linha do tempo', 'cronologia', 'chronologie', 'zeitablauf', 'zeitleiste', 'ablauf',
  ],
  'root-cause': [
    'causa raíz', 'causa raiz', 'causas', 'cause racine', 'cause première', 'ursache', 'ursachen', 'grundursache',
    'ursachenanalyse',
  ],
  resolution: ['resolución', 'solución', 'mitigación', 'resolução', 'solução', 'résolution', 'lösung', 'behebung', 'wiederherstellung'],
  'action-items': [
    'acciones correctivas', 'acciones', 'próximos pasos', 'medidas correctivas', 'plan de acción', 'ações corretivas',
    'próximos passos', 'actions correctives', 'plan d action', 'prochaines étapes', 'maßnahmen', 'massnahmen',
    'folgemaßnahmen', 'nächste schritte',
  ],
  'lessons-learned': ['lecciones aprendidas', 'lições aprendidas', 'leçons apprises', 'retour d expérience', 'erkenntnisse'],
};

/**
 * Word stems that name a section wherever they stand in a real heading (`#`, setext, HTML) that no phrase names:
 * "Impact Unveiled", "Details of the fix", "Preventing a repeat", and the words of writers whose first language is not
 * English ("Influence", "Effects on customers", "Reason analysis", "Solve method", "Measures"). Not used for bold or "Label:" lines, which are
 * as often sub-labels inside a section.
 */
const HEADING_STEMS: Array<[RegExp, string]> = [
  [/^summar/, 'summary'],
  [/^(?:impact|influenc|effects?$)/, 'impact'],
  [/^(?:timeline|chronolog)/, 'timeline'],
  [/^(?:cause[sd]?|why|reasons?)$/, 'root-cause'],
  [/^(?:resol|recover|mitigat|fix(?:e[sd]|ing)?$|solv|solution)/, 'resolution'],
  [/^(?:prevent|correcti|improv|follow|measures$)/, 'action-items'],
  [/^(?:lesson|learn|takeaway)/, 'lessons-learned'],
  [/^detect/, 'detection'],
];

const DIGIT_RE = /\d/;

const CONTRACTIONS: Record<string, string> = { re: 'are', ll: 'will', ve: 'have' };

/** Normalise heading text for matching: no emoji, emphasis, numbering, punctuation or case. */
export function normalizeHeading(text: string): string {
  return normalizeWith(text, !NON_ASCII_RE.test(text));
}

const NON_ASCII_RE = /[^\0-\x7f]/;

/**
 * `ascii`: the text has only ASCII characters, which NFKC leaves as they are, none of which is a pictograph, and
 * whose letters and digits (\p{L}, \p{N}) are a-z and 0-9 once lower-cased. Most headings are: they skip the
 * Unicode passes (and compiling their patterns at start-up). A property test holds both ways equal.
 */
export function normalizeWith(text: string, ascii: boolean): string {
  let t = ascii ? text : text.normalize('NFKC');
  t = t.replace(/:[a-z0-9_+-]+:/gi, ' '); // GitHub emoji shortcodes
  if (!ascii) t = t.replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u200d|\ufe0f|\u20e3/gu, ' ');
  t = t.replace(/<[^<>]*>/g, ' ');
  t = t.replace(/[*_`~]/g, '');
  t = t.replace(/&amp;|&/g, ' and ');
  t = t.trim();
  // Numbering: "1.", "2)", "IV.", "Step 3:", "Section 2 -"
  t = t.replace(/^(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.):-]\s*/i, '');
  t = t.replace(/^(?:\d+)\s+(?=[a-z])/i, '');
  t = t
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(we|they|you|it|that|what|didn|don|wasn|weren|isn|aren)['’](re|ll|ve|s|t)\b/g, (_, w: string, c: string) => `${w} ${CONTRACTIONS[c] ?? c}`)
    .replace(/['’]/g, ' ');
  return (ascii ? t.replace(/[^a-z0-9]+/g, ' ') : t.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim().replace(/\s+/g, ' ');
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

export type MatchMode = 'strict' | 'label' | 'heading';

/**
 * What a heading written as a sentence about the team names, by its tense, where no phrase or stem names it: what was
 * done ("What we did first", "How we stopped the bleeding", "Steps we took") is the resolution; what will be done
 * ("What we're going to change", "Things we will do") the action items; how it went ("What we did well", "Where it
 * went badly") the lessons. Only with a word that makes it about the team or what was done (we, our, what, how,
 * steps, actions, things), and only a short heading with no number: "21:40 — We restored the primary" heads an entry
 * of a narrative timeline, not a section.
 */
const TEAM_WORDS = new Set(['we', 'our', 'us', 'what', 'how', 'steps', 'actions', 'things', 'team']);
const JUDGED_WORDS = new Set(['well', 'badly', 'wrong', 'right', 'better', 'worse', 'lucky', 'learned', 'learnt']);
const PAST_WORDS = new Set(['did', 'done', 'took', 'taken', 'stopped', 'restored', 'resolved', 'mitigated', 'recovered', 'responded', 'handled', 'contained']);
const FUTURE_WORDS = new Set(['will', 'shall', 'going', 'plan', 'planned', 'planning', 'intend', 'upcoming']);

function byTense(words: readonly string[]): string | undefined {
  if (!words.some((w) => TEAM_WORDS.has(w))) return undefined;
  if (words.some((w) => JUDGED_WORDS.has(w))) return 'lessons-learned';
  if (words.some((w) => FUTURE_WORDS.has(w))) return 'action-items';
  if (words.some((w) => PAST_WORDS.has(w))) return 'resolution';
  return undefined;
}

/** Ids named by word stems (HEADING_STEMS) in a heading, in the order its words give them; else by its tense. */
function byStems(text: string): string[] {
  const out: string[] = [];
  const words = normalizeHeading(text).split(' ');
  words.forEach((word, i) => {
    // "Measures taken" are what was done, not what will be.
    if (word === 'measures' && words[i + 1] === 'taken') return;
    for (const [stem, id] of HEADING_STEMS) if (stem.test(word) && !out.includes(id)) out.push(id);
  });
  if (out.length === 0 && words.length >= 2 && words.length <= 8 && !DIGIT_RE.test(text)) {
    const id = byTense(words);
    if (id) out.push(id);
  }
  return out;
}

export class SectionMatcher {
  /** normalised phrase → ids */
  private readonly phrases = new Map<string, string[]>();
  private readonly ordered: Array<[string, string[]]>;
  /** Answers by text, strict and loose: the same headings and labels come back in document after document. */
  private readonly memo: Record<MatchMode, Map<string, readonly string[]>> = { strict: new Map(), label: new Map(), heading: new Map() };

  constructor(extra: Record<string, string[]> = {}) {
    const add = (id: string, phrase: string, normalized = false): void => {
      const p = normalized ? phrase : normalizeHeading(phrase);
      if (!p) return;
      const ids = this.phrases.get(p) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.phrases.set(p, ids);
    };
    for (const [id, list] of Object.entries(SECTION_SYNONYMS)) for (const p of list) add(id, p);
    // Written already as normalizeHeading gives them (a test holds it): their Unicode passes are not run at start-up.
    for (const [id, list] of Object.entries(OTHER_LANGUAGE_SYNONYMS)) for (const p of list) add(id, p, true);
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
   * The ids a heading names. `strict` (for inline "Label: text" lines and bare lines) requires the whole label to be
   * a known phrase; `label` (bold and "Label:" lines) finds a known phrase anywhere in it ("Timeline of Chaos",
   * "Root cause of the issue"); `heading` (real headings) also goes by word stems.
   */
  match(text: string, mode: MatchMode = 'label'): string[] {
    const memo = this.memo[mode];
    let ids = memo.get(text);
    if (!ids) {
      ids = this.find(text, mode === 'strict');
      if (ids.length === 0 && mode === 'heading') ids = byStems(text);
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
      const parts = label.split(' and '); // normalized: single spaces, no punctuation
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

/** Looked up by the aliases object itself first: a template's (one object for every document) is not serialised each time. */
const matcherByObject = new WeakMap<Record<string, string[]>, SectionMatcher>();

/** The matcher for a template's extra section names (built once per distinct set). */
export function matcherFor(aliases: Record<string, string[]> | undefined): SectionMatcher {
  if (!aliases) return defaultMatcher;
  let m = matcherByObject.get(aliases);
  if (m) return m;
  if (Object.keys(aliases).length === 0) m = defaultMatcher;
  else {
    const key = JSON.stringify(aliases);
    m = matcherCache.get(key);
    if (!m) {
      m = new SectionMatcher(aliases);
      matcherCache.set(key, m);
    }
  }
  matcherByObject.set(aliases, m);
  return m;
}
