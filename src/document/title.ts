/** The document's title: front matter, the first heading that names no section, or the opening line. */
import { stringField } from './frontmatter.js';
import { WIKI_HEADING_RE, type Candidate } from './candidates.js';
import { normalizeHeading } from './headings.js';
import type { Root } from './markdown.js';
import type { FrontMatter } from './model.js';
import { plainLine, type Lines } from './text.js';
import { findDates, type DateParts } from './dates.js';

export interface TitleInfo {
  title: string | null;
  titleLine: number | null;
  date?: DateParts;
}

export function findTitle(tree: Root, fm: FrontMatter, lines: Lines, bodyStart: number, candidates: Candidate[]): TitleInfo {
  const fmTitle = stringField(fm.data, ['title']);
  let title: string | null = fmTitle ?? null;
  let titleLine: number | null = null;
  const headings = candidates.filter((c) => c.depth <= 6);
  const first = headings[0];
  if (fmTitle && first && first.line >= bodyStart && normalizeHeading(first.text) === normalizeHeading(fmTitle)) {
    return withTitleDate({ title: fmTitle, titleLine: first.line });
  }
  const h1 = headings.find((c) => c.depth === 1) ?? headings[0];
  // The document's title: the first heading, when it names no section (or says "postmortem"), and nothing in the
  // front matter names the document already.
  if (h1 && fmTitle === undefined && (h1 === headings[0] || h1.ids.length === 0)) {
    if (h1.ids.length === 0 || /post\s*(?:-\s*)?mortem|incident report/i.test(h1.text)) {
      title = h1.text;
      titleLine = h1.line;
    }
  }
  if (title === null) {
    for (const node of tree.children) {
      if (!node.position || node.position.start.line < bodyStart) continue;
      if (node.type === 'paragraph') {
        // (A Jira wiki heading pasted as is, "h1. Title", is titled by its text.)
        const first = plainLine(lines.line(node.position.start.line)).replace(WIKI_HEADING_RE, '');
        const isSection = candidates.some((c) => c.line === node.position!.start.line && c.ids.length > 0);
        if (first && first.length <= 100 && !isSection) {
          title = first;
          titleLine = node.position.start.line;
        }
        break;
      }
      if (node.type === 'heading') break;
    }
  }
  return withTitleDate({ title, titleLine });
}

function withTitleDate(info: TitleInfo): TitleInfo {
  if (info.title) {
    const d = findDates(info.title)[0];
    if (d) info.date = d.date;
  }
  return info;
}

