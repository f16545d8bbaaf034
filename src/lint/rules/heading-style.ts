import type { Postmortem } from '../../document/model.js';
import { lineOffset, lineText, type Rule } from '../rule.js';

/** The level the document's own section headings use most (2 when it has none). */
function usualDepth(doc: Postmortem): number {
  const counts = new Map<number, number>();
  for (const s of doc.sections) if ((s.style === 'atx' || s.style === 'setext') && s.depth <= 6) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
  let best = 2;
  let n = 0;
  for (const [depth, count] of counts) if (count > n || (count === n && depth < best)) [best, n] = [depth, count];
  return best;
}

export const rule: Rule = {
  id: 'heading-style',
  description: 'Sections use Markdown headings, not a bold line or a lone "Label:" line.',
  defaultSeverity: 'warn',
  fixable: ['heading'],
  docs: `\`**Timeline:**\` or a bare \`Timeline:\` line reads like a heading but is not one: it does not show in the
outline or the table of contents, cannot be linked to, and is easy to mistake for body text. The linter still
recognises it, and suggests the heading to write instead (\`## Timeline\`, at the level of the document's other
section headings). \`--fix\` writes that heading in place of the line, keeping its words.`,
  examples: [
    {
      title: "Markdown headings",
      markdown: `## Timeline

- 09:00 — Alerts fire.
`,
      messages: [],
    },
    {
      title: "A bold line and a label line used as headings",
      markdown: `**Timeline:**

- 09:00 — Alerts fire.

Root cause:

The migration locked the users table.
`,
      fixed: `## Timeline

- 09:00 — Alerts fire.

## Root cause

The migration locked the users table.
`,
      messages: [
        "1:1: Expected a Markdown heading for the timeline section, found a bold line: write \"## Timeline\"",
        "5:1: Expected a Markdown heading for the root-cause section, found a \"Label:\" line: write \"## Root cause\"",
      ],
    },
  ],
  check({ doc, report }) {
    let depth: number | undefined;
    for (const s of doc.sections) {
      if (s.style !== 'bold' && s.style !== 'label') continue;
      depth ??= usualDepth(doc);
      const heading = `${'#'.repeat(depth)} ${s.heading}`;
      const what = s.style === 'bold' ? 'a bold line' : 'a "Label:" line';
      const text = lineText(doc, s.line);
      // The whole line (a trailing hard break too), unless it is HTML (<b>Timeline</b>) or sits in a list or quote.
      const from = s.column - 1;
      const fixable = s.line === s.endLine && from <= 3 && !/^\s*</.test(text) && /^\s*(?:(?:<br\s*\/?>|\\)\s*)?$/i.test(text.slice(s.endColumn - 1));
      const start = lineOffset(doc, s.line) + from;
      report(
        `Expected a Markdown heading for the ${s.ids.join(' and ')} section, found ${what}: write "${heading}"`,
        s,
        fixable ? { kind: 'heading', title: `Write "${heading}"`, edits: [{ start, end: start + text.length - from, newText: heading }] } : undefined,
      );
    }
  },
};
