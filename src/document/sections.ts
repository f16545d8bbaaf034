/** Sections from heading candidates: where each ends, its own text and its words. */
import type { Candidate } from './candidates.js';
import type { Block, Root } from './markdown.js';
import type { Section } from './model.js';
import { plainLine, wordCount, type LineWords, type Lines } from './text.js';
import { startsWithTime } from './timeline-entries.js';
import { findTimes } from './time.js';

function followedByTimedLine(lines: Lines, line: number): boolean {
  for (let n = line + 1; n <= Math.min(lines.count, line + 3); n++) {
    const text = plainLine(lines.line(n)).replace(/^[-*+]\s+|^\d+[.)]\s+/, '');
    if (!text) continue;
    const t = findTimes(text)[0];
    return t !== undefined && startsWithTime(text, t);
  }
  return false;
}

/** `listLike`: lines of headings that are list items (./candidates.ts): their words count, as other headings' do not. */
export function buildSections(all: Candidate[], lines: Lines, words: LineWords, titleLine: number | null, listLike: readonly number[] = []): Section[] {
  const sections: Section[] = [];
  const last = lines.count;
  // A bold or "Label:" line naming what a real heading already names is a sub-label inside a section
  // ("**Root cause:**" in a summary that has a "## Root cause" of its own), not a section.
  const real = new Set(all.filter((c) => c.depth <= 6 && c.line !== titleLine).flatMap((c) => c.ids));
  // (A numbered line that names nothing is kept: it ends the section numbered before it.)
  const candidates = all.filter((c) => c.depth !== 7 || c.ids.length === 0 || !c.ids.every((id) => real.has(id)));
  // Words of the list-like headings up to each one (they come in line order): any range's sum in two searches.
  const upTo = [0];
  for (const n of listLike) upTo.push(upTo[upTo.length - 1]! + wordCount(lines.line(n)));
  const firstAtOrAfter = (line: number): number => {
    let lo = 0;
    let hi = listLike.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (listLike[mid]! < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const listWordsIn = (from: number, to: number): number => (listLike.length === 0 ? 0 : upTo[firstAtOrAfter(to + 1)]! - upTo[firstAtOrAfter(from)]!);
  candidates.forEach((c, i) => {
    // Headings that name no known section are kept (ids: []); bold and "Label:" lines only when they name one.
    if (c.ids.length === 0 && c.depth > 6) return;
    if (titleLine !== null && c.line === titleLine) return;
    let end = last;
    for (let j = i + 1; j < candidates.length; j++) {
      const d = candidates[j]!;
      if (d.line === c.line) continue;
      const terminates =
        c.depth <= 6
          ? d.depth <= c.depth
          : c.depth === 7
            ? d.depth <= 6 || (d.depth === 7 && (d.ids.length > 0 || (c.outline !== undefined && d.outline !== undefined && d.outline > c.outline)))
            : d.depth <= 6 || d.ids.length > 0;
      // Inside a timeline written with "Label:" lines, "Detection:" followed by timed entries is a group of the
      // timeline, not the next section.
      const timelineGroup =
        c.depth === 7 && c.ids.includes('timeline') && d.depth === 7 && !d.ids.includes('timeline') &&
        followedByTimedLine(lines, d.line);
      if (terminates && !timelineGroup) {
        end = d.line - 1;
        break;
      }
    }
    if (c.blockEnd !== undefined) end = Math.min(end, c.blockEnd);
    let textLines = lines.range(c.contentStart, end);
    if (c.style === 'inline' && c.contentColumn !== undefined && textLines.length > 0) {
      textLines = [textLines[0]!.slice(c.contentColumn - 1), ...textLines.slice(1)];
    }
    // The section's own text stops at the first section nested in it.
    const nested = candidates.find(
      (d) => d.line > c.line && d.line <= end && d.ids.length > 0 && d.style !== 'inline',
    );
    const ownEnd = nested ? nested.line - 1 : end;
    const ownText = textLines.slice(0, Math.max(0, ownEnd - c.contentStart + 1)).join('\n');
    const listWords = listWordsIn(c.contentStart, end);
    sections.push({
      ids: c.ids,
      heading: c.text,
      style: c.style,
      depth: c.depth,
      line: c.line,
      column: c.column,
      endLine: c.endLine,
      endColumn: c.endColumn,
      contentStart: c.contentStart,
      contentEnd: end,
      text: ownText,
      words:
        c.style === 'inline' && textLines.length > 0
          ? wordCount(textLines[0]!) + words.in(c.contentStart + 1, end, true) + listWords
          : words.in(c.contentStart, end, true) + listWords,
    });
  });
  return sections;
}

export function sectionNodes(tree: Root, section: Section): Block[] {
  return tree.children.filter((n) => {
    if (!n.position) return false;
    return n.position.end.line >= section.contentStart && n.position.start.line <= section.contentEnd;
  });
}
