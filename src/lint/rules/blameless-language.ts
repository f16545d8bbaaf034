import { HintSet } from '../hints.js';
import { sourceLines } from '../../document/text.js';
import { positionOf, spanAt, type Rule } from '../rule.js';

interface Phrase {
  re: RegExp;
  suggestion: string;
  /** Lower-case text every match contains one of: the pattern runs only where one is present. */
  hints: string[];
}

const PHRASES: Phrase[] = [
  { re: /\bhuman errors?\b/gi, suggestion: 'describe the conditions that made the mistake easy to make (missing check, confusing tool, no second pair of eyes)', hints: ['human error'] },
  { re: /\b(?:should(?:n't| not)? have|should've)\b/gi, suggestion: 'say what would have helped instead, e.g. "a check in CI would have caught it"', hints: ['should'] },
  { re: /\bcareless(?:ly|ness)?\b|\bnegligen(?:t|ce|tly)\b|\bsloppy\b|\bincompeten(?:t|ce)\b|\blazy\b|\bstupid\b|\bdumb\b/gi, suggestion: 'describe what happened and why it made sense at the time, not the person', hints: ['careless', 'negligen', 'sloppy', 'incompeten', 'lazy', 'stupid', 'dumb'] },
  // "the fault of", "Dana's fault", "their fault": anchored on the literal word, which is fast to find.
  { re: /(?:\bthe )?\bfault of\b|(?:\b\w+'s|\b(?:his|her|their)) fault\b/gi, suggestion: 'name the system, step or gap that failed, not who', hints: ['fault of', "'s fault", 'his fault', 'her fault', 'their fault'] },
  { re: /\bblam(?:e|ed|es|ing|eworthy)\b/gi, suggestion: 'describe causes and contributing factors; postmortems are blameless', hints: ['blam'] },
];

/** A person as the one who failed: "@sam forgot", "Dana accidentally ran…", "Bob Smith neglected…". */
const PERSON_RE = /(?:^|\n|[.!?;:]\s+|\s-\s)(@[\w.-]+|[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+)?) (?:forgot|neglected|ignored|overlooked|mistakenly|accidentally|carelessly|messed up|screwed up|made (?:a|the) mistake|didn't (?:check|test|notice|read)|did not (?:check|test|notice|read))\b/gmu;
const PERSON_SUGGESTION = 'name the step or safeguard that was missing, not the person ("the deploy script did not ask for confirmation")';
const PERSON_HINTS = ['forgot', 'neglected', 'ignored', 'overlooked', 'mistake', 'accidentally', 'carelessly', 'messed up', 'screwed up', "didn't", 'did not'];
const HINTS = new HintSet([...PHRASES.flatMap((p) => p.hints), ...PERSON_HINTS]);
const NOT_PEOPLE = new Set(['The', 'This', 'That', 'These', 'Those', 'It', 'We', 'Our', 'They', 'Their', 'A', 'An', 'One', 'Someone', 'Somebody', 'Nobody', 'Everyone', 'No', 'Each', 'Every', 'Monitoring', 'Alerting', 'Nothing', 'He', 'She', 'You', 'I']);

export const rule: Rule = {
  id: 'blameless-language',
  description: 'The wording is blameless: no "human error", "should have", "careless", blame, or a person as the root cause.',
  defaultSeverity: 'warn',
  docs: `Postmortems that blame people teach people to hide mistakes. This rule flags "human error", "should have",
"careless", "negligent", "fault of", "blame", and a person (a name or an @handle) as the subject of a failure in the
root cause ("@sam forgot to…", "Dana accidentally…"). Each message suggests a blameless wording: the conditions
that made the mistake possible, what would have helped, the system or step that failed.`,
  examples: [
    {
      title: "Conditions, not people",
      markdown: `## Root cause

The deploy script did not ask for confirmation, so a mistyped region went through unchecked.
`,
      messages: [],
    },
    {
      title: "Blame",
      markdown: `## Root cause

Human error: @sam forgot to run the migration check, and should have asked first.
`,
      messages: [
        "3:1: Expected blameless wording, found \"Human error\": describe the conditions that made the mistake easy to make (missing check, confusing tool, no second pair of eyes)",
        "3:14: Expected blameless wording, found \"@sam forgot\": name the step or safeguard that was missing, not the person (\"the deploy script did not ask for confirmation\")",
        "3:58: Expected blameless wording, found \"should have\": say what would have helped instead, e.g. \"a check in CI would have caught it\"",
      ],
    },
  ],
  check({ doc, report }) {
    const text = doc.source;
    const present = HINTS.scan(text);
    const found: Array<[number, number, string]> = [];
    for (const p of PHRASES) {
      if (!p.hints.some(present)) continue; // most documents: nothing to look at
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) found.push([m.index, m[0].length, p.suggestion]);
    }
    if (PERSON_HINTS.some(present)) {
      const rootCause = doc.sections.filter((s) => s.ids.includes('root-cause') || s.ids.includes('trigger'));
      PERSON_RE.lastIndex = 0;
      for (let m = PERSON_RE.exec(text); m; m = PERSON_RE.exec(text)) {
        if (NOT_PEOPLE.has(m[1]!)) continue;
        const at = m.index + m[0].indexOf(m[1]!);
        const { line } = positionOf(doc, at);
        if (!rootCause.some((s) => line >= s.contentStart && line <= s.contentEnd)) continue;
        found.push([at, m[0].length - (at - m.index), PERSON_SUGGESTION]);
      }
    }
    if (found.length === 0) return;
    // Quoted code (fenced blocks) and the front matter are not the author's wording.
    const skipLines = new Set<number>();
    const fm = doc.frontMatter.span;
    if (fm) for (let n = fm.line; n <= fm.endLine; n++) skipLines.add(n);
    let fence: string | null = null;
    sourceLines(doc).forEach((line, i) => {
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (f && (fence === null || f[1]![0] === fence)) {
        fence = fence === null ? f[1]![0]! : null;
        skipLines.add(i + 1);
      } else if (fence !== null) skipLines.add(i + 1);
    });
    for (const [index, length, suggestion] of found.sort((a, b) => a[0] - b[0])) {
      const span = spanAt(doc, index, index + length);
      if (skipLines.has(span.line)) continue;
      report(`Expected blameless wording, found "${text.slice(index, index + length)}": ${suggestion}`, span);
    }
  },
};
