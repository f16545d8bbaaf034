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
  /** The parser's message, or (with `found`) what is wrong in plain words. */
  message: string;
  /** In plain words: what was found and what to write ("a list opened with \"[\" and not closed: end it with \"]\""). */
  found?: string;
  /** The block is opened and never closed. */
  unclosed?: boolean;
  /**
   * The mistake is a value that must be put in quotes: its key, the value as written and why. `found` quotes it as
   * text; lint words it for the field's type (in a list for a list field).
   */
  quote?: { key: string; value: string; because: string };
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
  /**
   * Ordering without an instant (no zone): minutes since the epoch of the entry's local date and time when every
   * timed entry's day is known, else minutes since midnight of the entry's (possibly rolled-over) day.
   */
  sortKey?: number;
  /** Where the zone came from: written on the entry, stated for the timeline or the document, the incident's, or the config's. */
  zoneSource?: ZoneSource;
  /** The entry was read as the next day (or later) of the entry above it: near midnight, stated, or within a multi-day window. */
  rolledOver?: boolean;
}

/** Where a zone was found: written with the time, stated for the timeline or the document, front matter, or the config. */
export type ZoneSource = 'written' | 'timeline' | 'document' | 'front-matter' | 'config';

/** A front matter milestone (started, detected, mitigated, resolved) that reads as a date-time. */
export interface Milestone {
  key: 'started' | 'detected' | 'mitigated' | 'resolved';
  /** The field's name as written (started or start…). */
  field: string;
  iso: string;
  span?: Span;
  instant: DateTime;
  /** The value carries its own offset (else the document's zone was assumed). */
  offsetWritten: boolean;
}

export interface ActionItem extends Span {
  text: string;
  owner: string | null;
  /** The due date as written (YYYY-MM-DD, or --MM-DD without a year); null when none is written. */
  due: string | null;
  /** A due date written but not a real date ("due: 2023-13-45"), as written. */
  dueInvalid?: string;
  /** How it is written: a list item (task or plain bullet), a table row, or a bare line. */
  form: 'list' | 'table' | 'line';
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
  /** Where the zone of the window's times came from (null: unknown). */
  zoneSource: ZoneSource | null;
  /** The config file whose `timezone` was assumed, when zoneSource is config. */
  zoneFrom?: string;
  /** Where the date came from. */
  dateSource: 'front-matter' | 'start' | 'summary' | 'title' | null;
  /** Front matter milestones in the order started, detected, mitigated, resolved (those that read as date-times). */
  milestones: Milestone[];
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
