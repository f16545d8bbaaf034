/** The one model of a postmortem that every command reads (see DESIGN.md). */
import type { DateTime } from 'luxon';

/** 1-based lines and columns, like every compiler message. End is exclusive of the column. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FrontMatterError extends Span {
  message: string;
}

export interface FrontMatter {
  /** Which syntax the block used, or null when the document has none. */
  kind: 'yaml' | 'toml' | null;
  /** The parsed mapping; empty when absent or unreadable. */
  data: Record<string, unknown>;
  /** Where each top-level key is written. */
  fields: Record<string, Span>;
  /** Where the block is (fences included). */
  span?: Span;
  error?: FrontMatterError;
}

export type HeadingStyle = 'atx' | 'setext' | 'html' | 'bold' | 'label' | 'inline';

export interface Section extends Span {
  /** Canonical ids this heading names ("Root cause and resolution" → ["root-cause", "resolution"]). */
  ids: string[];
  /** The heading as written, markup stripped. */
  heading: string;
  style: HeadingStyle;
  /** 1–6 for Markdown and HTML headings; 7 for headings written as a bold line or a "Label:" line. */
  depth: number;
  /** Lines of the section's content (after its heading), inclusive; contentEnd < contentStart when empty. */
  contentStart: number;
  contentEnd: number;
  /** Plain text of the content, one string per source line. */
  text: string;
  words: number;
}

export interface TimelineEntry extends Span {
  text: string;
  /** The time as written ("9:00 AM EST"), or null when the entry has none. */
  raw: string | null;
  /** ISO 8601 with offset when date and zone are known; else "2023-03-01T09:00" or "09:00"; null when untimed. */
  time: string | null;
  /** Whether the entry's zone is known (written in it, in the timeline's heading, or for the document). */
  zoneKnown: boolean;
  /** Whether the entry has a calendar date (its own, a date line above it, or the incident's). */
  dateKnown: boolean;
  /** Position of the time inside the entry. */
  timeSpan?: Span;
  /** For comparisons; not printed. */
  instant?: DateTime;
  /** Minutes since midnight of the entry's (possibly rolled-over) local day; ordering fallback without a date. */
  sortKey?: number;
}

export interface ActionItem extends Span {
  text: string;
  owner: string | null;
  /** The due date as written (YYYY-MM-DD, or --MM-DD without a year); null when none is written. */
  due: string | null;
  /** The checkbox: true for `- [x]`, false for `- [ ]`, null when the item has none (a table row, a bare line). */
  done: boolean | null;
  /** Open, done (`[x]`, a Status cell "done") or won't-do (`[-]`, the tag `wontdo`); see action-lifecycle.ts. */
  status: 'open' | 'done' | 'wontdo';
  /** "P0".."P4" when written (`P1`, `priority: P2`, a Priority column), else null. */
  priority: string | null;
  /** `#123`, `ABC-123` or a URL, when written. */
  ticket: string | null;
}

export interface StatedDurationMention extends Span {
  minutes: number;
  raw: string;
}

export interface Incident {
  /** The incident's calendar date (YYYY-MM-DD): front matter, its start, the summary, or the title. */
  date: string | null;
  start: string | null;
  end: string | null;
  durationMinutes: number | null;
  timezone: string | null;
  /** Where start and end came from. */
  source: 'front-matter' | 'summary' | null;
  /** Durations stated in the prose of the summary ("a 30-minute outage"). */
  statedDurations: StatedDurationMention[];
  startSpan?: Span;
  endSpan?: Span;
  /** Internal: instants for rules. */
  startInstant?: DateTime;
  endInstant?: DateTime;
  /** A start or end with a clock time but no zone. */
  zoneMissing: boolean;
}

/** Raw HTML in the document (a block or inline), where comments such as lint directives live. */
export interface HtmlChunk {
  value: string;
  /** Line of its first character. */
  line: number;
}

export interface Postmortem {
  path: string;
  source: string;
  title: string | null;
  /** Template named by the front matter, if any. */
  template: string | null;
  frontMatter: FrontMatter;
  sections: Section[];
  timeline: TimelineEntry[];
  actionItems: ActionItem[];
  incident: Incident;
  words: number;
  html: HtmlChunk[];
  /** Number of lines in the source. */
  lineCount: number;
}
