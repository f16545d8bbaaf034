import type { Rule } from '../rule.js';

interface Phrase {
  re: RegExp;
  suggestion: string;
}

const PHRASES: Phrase[] = [
  { re: /\bhuman errors?\b/gi, suggestion: 'describe the conditions that made the mistake easy to make (missing check, confusing tool, no second pair of eyes)' },
  { re: /\b(?:should(?:n't| not)? have|should've)\b/gi, suggestion: 'say what would have helped instead, e.g. "a check in CI would have caught it"' },
  { re: /\bcareless(?:ly|ness)?\b|\bnegligen(?:t|ce|tly)\b|\bsloppy\b|\bincompeten(?:t|ce)\b|\blazy\b|\bstupid\b|\bdumb\b/gi, suggestion: 'describe what happened and why it made sense at the time, not the person' },
  { re: /\b(?:the )?fault of\b|\b[\p{Lu}][\p{Ll}]+'s fault\b|\b(?:his|her|their) fault\b/giu, suggestion: 'name the system, step or gap that failed, not who' },
  { re: /\bblam(?:e|ed|es|ing|eworthy)\b/gi, suggestion: 'describe causes and contributing factors; postmortems are blameless' },
];

/** A person as the one who failed: "@sam forgot", "Dana accidentally ran…", "Bob Smith neglected…". */
const PERSON_RE = /(?:^|[.!?;:]\s+|\s-\s)(@[\w.-]+|[\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+)?) (?:forgot|neglected|ignored|overlooked|mistakenly|accidentally|carelessly|messed up|screwed up|made (?:a|the) mistake|didn't (?:check|test|notice|read)|did not (?:check|test|notice|read))\b/gu;
const NOT_PEOPLE = new Set(['The', 'This', 'That', 'These', 'Those', 'It', 'We', 'Our', 'They', 'Their', 'A', 'An', 'One', 'Someone', 'Somebody', 'Nobody', 'Everyone', 'No', 'Each', 'Every', 'Monitoring', 'Alerting', 'Nothing', 'He', 'She', 'You', 'I']);

export const rule: Rule = {
  id: 'blameless-language',
  description: 'The wording is blameless: no "human error", "should have", "careless", blame, or a person as the root cause.',
  defaultSeverity: 'warn',
  docs: `Postmortems that blame people teach people to hide mistakes. This rule flags "human error", "should have",
"careless", "negligent", "fault of", "blame", and a person (a name or an @handle) as the subject of a failure in the
root cause ("@sam forgot to…", "Dana accidentally…"). Each message suggests a blameless wording: the conditions
that made the mistake possible, what would have helped, the system or step that failed.`,
  check({ doc, report }) {
    const lines = doc.source.split(/\r\n|\r|\n/);
    const rootCause = doc.sections.filter((s) => s.ids.includes('root-cause') || s.ids.includes('trigger'));
    const inRootCause = (n: number): boolean => rootCause.some((s) => n >= s.contentStart && n <= s.contentEnd);
    const start = doc.frontMatter.span ? doc.frontMatter.span.endLine + 1 : 1;
    let fence = false;
    for (let i = start - 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) fence = !fence;
      if (fence) continue; // quoted logs and code are not our wording
      const found: Array<[number, number, string, string]> = [];
      for (const p of PHRASES) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(line); m; m = p.re.exec(line)) found.push([m.index, m[0].length, m[0], p.suggestion]);
      }
      if (inRootCause(i + 1)) {
        PERSON_RE.lastIndex = 0;
        for (let m = PERSON_RE.exec(line); m; m = PERSON_RE.exec(line)) {
          if (NOT_PEOPLE.has(m[1]!)) continue;
          const at = m.index + m[0].indexOf(m[1]!);
          found.push([at, m[0].length - (at - m.index), m[0].slice(at - m.index), 'name the step or safeguard that was missing, not the person ("the deploy script did not ask for confirmation")']);
        }
      }
      for (const [index, length, text, suggestion] of found.sort((a, b) => a[0] - b[0])) {
        report(`Expected blameless wording, found "${text}": ${suggestion}`, { line: i + 1, column: index + 1, endLine: i + 1, endColumn: index + length + 1 });
      }
    }
  },
};
