/**
 * The life of an action item, read from how it is written:
 *  - status: `- [x]` (or a Status cell "done", "closed", …) is done; `- [-]` or the tag `wontdo` / `won't do`
 *    (or a Status cell "won't do", "wontdo", "dropped", "cancelled") is won't-do; everything else is open;
 *  - priority: `P0`…`P4` as a word (`- [ ] P1 Add an alert …`, `priority: P2`, or a Priority column);
 *  - ticket: `#123`, `ABC-123` or a URL (read by the parser; `SEV-1` is a severity, not a ticket).
 * Pure functions on text, shared by the parser and by the commands that compute due dates from the SLO.
 */
import { addDays, normalizeDate, validDate } from './dates.js';

export type ActionStatus = 'open' | 'done' | 'wontdo';

const WONTDO_MARK_RE = /^\s*\[[-~]\]\s*/;
const WONTDO_TAG_RE = /(?:^|[\s(,;[])#?(?:wont-?do|won['’]t[ -]do)\b/i;
const PRIORITY_RE = /(?:^|[\s(,;:[|])(?:priority(?:\s*[:=])?\s*)?P([0-4])(?![\w-])/;
const PRIORITY_WORD_RE = /\bpriority\s*[:=]\s*(critical|highest|high|medium|normal|low|lowest)\b/i;
const PRIORITY_WORDS: Record<string, string> = { critical: 'P1', highest: 'P1', high: 'P2', medium: 'P3', normal: 'P3', low: 'P4', lowest: 'P4' };
const DONE_CELL_RE = /^(done|closed|complete|completed|fixed|resolved|yes|✅|x|\[x\])$/i;
const WONTDO_CELL_RE = /^(won['’]?t[ -]?do|wontdo|wont-do|dropped|cancell?ed|rejected|declined|\[-\])$/i;

/** The status of an item from its checkbox (true, false, or null when it has none) and its text. */
export function actionStatus(text: string, checked: boolean | null): ActionStatus {
  if (checked === true) return 'done';
  if (WONTDO_MARK_RE.test(text) || WONTDO_TAG_RE.test(text)) return 'wontdo';
  return 'open';
}

/** A Status cell of an action table: done, won't-do, or (anything else) open; null when empty. */
export function statusOfCell(cell: string): ActionStatus | null {
  const c = cell.trim();
  if (!c) return null;
  if (DONE_CELL_RE.test(c)) return 'done';
  if (WONTDO_CELL_RE.test(c)) return 'wontdo';
  return 'open';
}

/** "P1".."P4" (P0 is kept as written), or null. */
export function actionPriority(text: string): string | null {
  const m = PRIORITY_RE.exec(text);
  if (m) return `P${m[1]}`;
  const w = PRIORITY_WORD_RE.exec(text);
  return w ? PRIORITY_WORDS[w[1]!.toLowerCase()]! : null;
}

/** The task itself: the text without a leading `[-]` won't-do mark or priority ("P1 Add an alert" → "Add an alert"). */
export function taskText(text: string): string {
  return text.replace(WONTDO_MARK_RE, '').replace(/^P[0-4]\s*[:-]?\s+/, '');
}

/** Whether a ticket is in a form a tracker gives: `#123`, `ABC-123` or an http(s) URL. */
export function isTicketForm(ticket: string): boolean {
  return /^(?:#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+)$/.test(ticket.trim()) && isTicket(ticket.trim());
}

/** A ticket as written, unless it is a severity ("SEV-1") or a priority. */
export function isTicket(ticket: string): boolean {
  return !/^(?:SEV|P)-?\d+$/i.test(ticket);
}

// ---------------------------------------------------------------------------------------------------------------
// Due dates from the SLO

/** Days in an SLO duration: "28d", "4w", "6 weeks", or a number of days. Null when not one. */
export function sloDays(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^(\d+)\s*(d|days?|w|weeks?)?$/i.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (n <= 0) return null;
  return /^w/i.test(m[2] ?? 'd') ? n * 7 : n;
}

export interface DueDate {
  due: string | null;
  /** "written" in the document, "slo" computed from the config's SLO for the item's priority, or null. */
  source: 'written' | 'slo' | null;
}

/**
 * The date an item is due: as written, else its document's date plus the SLO for its priority (items with no
 * priority, or a priority the SLO does not name, use its `default`, when there is one).
 */
export function dueDate(item: { due: string | null; priority: string | null }, docDate: string | null, slo: Record<string, number> | undefined): DueDate {
  if (item.due) return { due: item.due, source: 'written' };
  const days = (item.priority ? slo?.[item.priority] : undefined) ?? slo?.default;
  if (days === undefined || !docDate || !/^\d{4}-\d{2}-\d{2}$/.test(docDate)) return { due: null, source: null };
  const [year, month, day] = docDate.split('-').map(Number) as [number, number, number];
  if (!validDate(year, month, day)) return { due: null, source: null };
  return { due: normalizeDate(addDays({ year, month, day }, days)), source: 'slo' };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); null when either is not a full date. */
export function daysBetween(from: string | null, to: string): number | null {
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}
