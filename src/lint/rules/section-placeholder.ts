import type { Section } from '../../document/model.js';
import { positionOf, sectionsFor, type Rule } from '../rule.js';

import { isPlaceholder, PLACEHOLDER_LINE_RE } from '../../document/placeholder.js';
import { sourceLines } from '../../document/text.js';

/** Markup characters, read as blanks: * _ ` > # ~ [ ] | \ */
const isMarkupChar = (c: number): boolean => c === 42 || c === 95 || c === 96 || c === 62 || c === 35 || c === 126 || c === 91 || c === 93 || c === 124 || c === 92;
const BLANK_RE = /\s/;
const isBlank = (c: number): boolean => c === 32 || (c <= 13 && c >= 9) || (c > 127 && BLANK_RE.test(String.fromCharCode(c)));

/** Lower case, markup characters as blanks, the words without rules of dashes ("---"), one blank between. */
function normalize(text: string): string {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let dashes = true;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isBlank(c) || isMarkupChar(c)) {
      if (start >= 0 && !(dashes && i - start >= 3)) words.push(lower.slice(start, i));
      start = -1;
    } else {
      if (start < 0) {
        start = i;
        dashes = true;
      }
      if (c !== 45) dashes = false;
    }
  }
  return words.join(' ');
}

function realWords(text: string): number {
  return text.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const sentenceCache = new Map<string, Guidance>();

interface Guidance {
  sentences: string[];
  /** The longest word of each sentence: a line holding a sentence holds it (in lower case). */
  longest: string[];
  /** The longest sentence: a line inside one is no longer. */
  maxLength: number;
}

/** The template's guidance split into sentences long enough to be unmistakable (once per template section). */
function guidanceSentences(text: string): Guidance {
  let guidance = sentenceCache.get(text);
  if (!guidance) {
    const sentences = splitGuidance(text);
    guidance = {
      sentences,
      longest: sentences.map((g) => g.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '')),
      maxLength: Math.max(0, ...sentences.map((g) => g.length)),
    };
    sentenceCache.set(text, guidance);
  }
  return guidance;
}

/**
 * Whether a line cannot hold guidance, told without normalizing it: no sentence's longest word is in it, and it has
 * more letters than the longest sentence (its normalized text is at least that long: markup, blanks and dashes aside).
 */
function cannotHold(line: string, guidance: Guidance): boolean {
  // Counting stops past the longest sentence; only a line that long is searched for the words.
  let letters = 0;
  for (let i = 0; i < line.length && letters <= guidance.maxLength; i++) {
    const c = line.charCodeAt(i);
    if (c !== 45 && !isBlank(c) && !isMarkupChar(c)) letters++;
  }
  if (letters <= guidance.maxLength) return false;
  const lower = line.toLowerCase();
  return !guidance.longest.some((w) => lower.includes(w));
}

function splitGuidance(guidance: string): string[] {
  return normalize(guidance.replace(/^[^\S\n\r\u2028\u2029]*[-*+]\s+(?:\[[ xX]\]\s*)?/gm, ''))
    .split(/(?<=[.!?:;])\s+|(?<!\s)\s+—\s+/)
    .map((s) => s.replace(/[.!?:;]$/, '').trim())
    .filter((s) => realWords(s) >= 5);
}

export const rule: Rule = {
  id: 'section-placeholder',
  description: "No section still holds the template's guidance text or a placeholder such as TODO or [Time of detection].",
  defaultSeverity: 'error',
  docs: `A template's guidance copied into a document (by hand, say from \`postmortem templates show\`) makes it complete in
shape but not in content. This rule finds that guidance, and the usual placeholders
(\`TODO\`, \`TBD\`, \`FIXME\`, \`[Time of detection]\`, \`[insert …]\`, \`<describe …>\`), so a half-written postmortem
cannot be merged by accident. Replace the text with what actually happened. A section whose guidance is only an
HTML comment (as \`postmortem new --yes\` leaves it) has no words of its own: \`section-empty\` reports it, once.`,
  examples: [
    {
      title: "Your own words",
      markdown: `## Issue summary

Sign-in failed for three hours after a migration locked the users table.
`,
      messages: [],
    },
    {
      title: "A placeholder left in",
      markdown: `## Issue summary

TODO: fill in once the timeline is agreed.
`,
      messages: [
        "3:1: Expected real content under \"Issue summary\", found the placeholder \"TODO\"",
      ],
    },
  ],
  check({ doc, template, report }) {
    const lines = sourceLines(doc);
    // Nested sections share lines: each line is normalized once.
    const normalized = new Map<number, string>();
    const normalizedLine = (n: number): string => {
      let text = normalized.get(n);
      if (text === undefined) {
        text = normalize(lines[n - 1] ?? '');
        normalized.set(n, text);
      }
      return text;
    };
    // Placeholders, found in one pass over the text, by line.
    const placeholders = new Map<number, Array<{ text: string; column: number }>>();
    PLACEHOLDER_LINE_RE.lastIndex = 0;
    for (let m = PLACEHOLDER_LINE_RE.exec(doc.source); m; m = PLACEHOLDER_LINE_RE.exec(doc.source)) {
      if (!isPlaceholder(m, doc.source)) continue; // ("todo el tráfico", a "todo list")
      const { line, column } = positionOf(doc, m.index);
      const onLine = placeholders.get(line) ?? [];
      onLine.push({ text: m[0], column });
      placeholders.set(line, onLine);
    }
    // One heading may provide several template sections ("Root cause and resolution" for root-cause and
    // resolution): each line is reported once.
    const reported = new Set<string>();
    const once: typeof report = (message, where) => {
      const key = `${where.line}:${where.column}`;
      if (reported.has(key)) return;
      reported.add(key);
      report(message, where);
    };
    for (const ts of template.sections) {
      const guidance = guidanceSentences(ts.guidance);
      for (const s of sectionsFor(doc, ts)) {
        checkSection(s, guidance, lines, normalizedLine, placeholders, ts.heading, once);
      }
    }
  },
};

function checkSection(
  s: Section,
  guidance: Guidance,
  lines: readonly string[],
  normalizedLine: (n: number) => string,
  placeholders: Map<number, Array<{ text: string; column: number }>>,
  heading: string,
  report: Parameters<Rule['check']>[0]['report'],
): void {
  // A section with no words of its own (its guidance at most in a comment, as `new --yes` leaves it) is
  // section-empty's to report: one message per defect.
  if (s.words === 0) return;
  const { sentences } = guidance;
  let guidanceReported = false;
  for (let n = s.contentStart; n <= s.contentEnd; n++) {
    const line = lines[n - 1] ?? '';
    if (!guidanceReported && sentences.length > 0 && line.trim() !== '' && !cannotHold(line, guidance)) {
      const text = normalizedLine(n);
      // A line holding a whole guidance sentence, or (five words or more) a part of one.
      const matches = text !== '' && (sentences.some((g) => text.includes(g)) || (sentences.some((g) => g.includes(text)) && realWords(text) >= 5));
      if (matches) {
        report(`Expected your own words under "${s.heading}", found the template's guidance for "${heading}": replace it with what happened`, {
          line: n,
          column: line.length - line.trimStart().length + 1,
          endLine: n,
          endColumn: line.length + 1,
        });
        guidanceReported = true;
      }
    }
    for (const p of placeholders.get(n) ?? []) {
      report(`Expected real content under "${s.heading}", found the placeholder "${p.text}"`, {
        line: n,
        column: p.column,
        endLine: n,
        endColumn: p.column + p.text.length,
      });
    }
  }
}
