/**
 * The one reader: text → Postmortem model. Every command reads documents through it, as a pipeline of small passes:
 *
 *   Markdown blocks (./markdown.ts, micromark events)  ┐
 *   front matter (./frontmatter.ts), lines and words   ┘ readSource: once per text
 *   → heading candidates (./candidates.ts) → sections (./sections.ts), by content too (./content.ts) → title (./title.ts)
 *   → incident window (./incident.ts) → timeline (./timeline-entries.ts, ./timeline.ts) → action items (./actions.ts)
 *                                                         analyze: per template (its section names apply here)
 *
 * A pass never throws on a document; a bug in one is an exception that the caller reports for that file.
 */
import { extractActionItems } from './actions.js';
import { collectCandidates } from './candidates.js';
import { recognizeByContent } from './content.js';
import { frontMatterOf, stringField } from './frontmatter.js';
import { matcherFor } from './headings.js';
import { endFromTimeline, inferIncident } from './incident.js';
import { parseMarkdown, type Node, type Root } from './markdown.js';
import type { FrontMatter, HtmlChunk, Postmortem } from './model.js';
import { buildSections } from './sections.js';
import { LineWords, Lines, rememberLines } from './text.js';
import { resolveZone } from './time.js';
import { extractTimeline } from './timeline.js';
import { findTitle } from './title.js';

export interface ParseOptions {
  /** Extra section names by id (from the template), added to the built-in synonyms. */
  sectionAliases?: Record<string, string[]>;
  /** Zone to assume when the document states none (IANA name), e.g. from the config. */
  defaultTimezone?: string;
}

/** What does not depend on the template: read once per text, whatever template the document turns out to use. */
export interface Source {
  path: string;
  source: string;
  lines: Lines;
  tree: Root;
  frontMatter: FrontMatter;
  bodyStart: number;
  words: LineWords;
}

/** Markdown blocks, front matter, lines and words of a text. */
export function readSource(input: string, path = '<input>'): Source {
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new Lines(source);
  let tree = parseMarkdown(source);
  const frontMatter = frontMatterOf(tree, source);
  if (frontMatter.error?.unclosed && frontMatter.span) {
    // The body is read without the unclosed block's lines (blanked, so that every line keeps its number).
    const end = frontMatter.span.endLine;
    const parts = source.split(/(\r\n|\r|\n)/); // lines at even indexes, their ends at odd ones
    for (let i = 0; i < parts.length && i / 2 < end; i += 2) parts[i] = '';
    const blanked = parts.join('');
    tree = parseMarkdown(blanked);
  }
  const bodyStart = frontMatter.span ? frontMatter.span.endLine + 1 : 1;
  return { path, source, lines, tree, frontMatter, bodyStart, words: new LineWords(lines, bodyStart) };
}

/** The model of a read text, with a template's section names and the config's zone. */
export function analyze(src: Source, options: ParseOptions = {}): Postmortem {
  const { tree, lines, frontMatter, bodyStart, words } = src;
  const listLike: number[] = [];
  const candidates = collectCandidates(tree, lines, matcherFor(options.sectionAliases), listLike);
  const titleInfo = findTitle(tree, frontMatter, lines, bodyStart, candidates);
  const sections = buildSections(candidates, lines, words, titleInfo.titleLine, listLike);
  recognizeByContent(sections, lines);
  const statedZone = stringField(frontMatter.data, ['timezone', 'time_zone', 'tz']);
  const docZone = statedZone ?? options.defaultTimezone;
  const incident = inferIncident(frontMatter, sections, lines, bodyStart, titleInfo, docZone, tree);
  const timeline = extractTimeline(tree, sections, lines, incident, docZone, statedZone !== undefined && resolveZone(statedZone) !== undefined);
  endFromTimeline(incident, timeline);
  const doc: Postmortem = {
    path: src.path,
    source: src.source,
    title: titleInfo.title,
    template: stringField(frontMatter.data, ['template']) ?? null,
    frontMatter,
    sections,
    timeline,
    actionItems: extractActionItems(tree, sections, lines, listLike),
    incident,
    words: words.in(bodyStart, lines.count),
    html: htmlChunks(tree),
    lineCount: lines.count,
  };
  rememberLines(doc, lines);
  return doc;
}

export function parsePostmortem(input: string, path = '<input>', options: ParseOptions = {}): Postmortem {
  return analyze(readSource(input, path), options);
}

/** Every piece of raw HTML (blocks at any depth, inline HTML), in document order: where comments live. */
function htmlChunks(tree: Root): HtmlChunk[] {
  const out: HtmlChunk[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') out.push({ value: node.value, line: node.position.start.line });
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  for (const html of tree.inlineHtml) out.push({ value: html.value, line: html.position.start.line });
  return out.sort((a, b) => a.line - b.line);
}
