/**
 * Action items: list items, table rows or bare lines of the action-items sections, with owner, due date, ticket,
 * status (open, done, won't do) and priority (./action-lifecycle.ts).
 */
import { actionPriority, actionStatus, isTicket, statusOfCell, taskText } from './action-lifecycle.js';
import { dateAtStart, findDates, normalizeDate } from './dates.js';
import { normalizeHeading } from './headings.js';
import type { List, ListItem, Root, Table } from './markdown.js';
import { textOf } from './markdown.js';
import type { ActionItem, Section, Span } from './model.js';
import { sectionNodes } from './sections.js';
import { plainLine, spanOf, type Lines } from './text.js';

const OWNER_FIELD_RE = /\(owner:\s*([^\s,()](?:[^,()\n]*[^\s,()])?)\s*[,)]/iu;
// OWNER_RE and DUE_RE also know the words for "responsible" and "until"/"due" of Spanish, Portuguese, French and
// German (responsable, responsável, verantwortlich, zuständig; bis, hasta, prazo, échéance, fällig): a date must follow
// a due word for it to count.
const OWNER_RE = /\b(?:owners?|assignee|assigned to|owned by|responsible|responsable|responsável|verantwortlich|zuständig)[\s*]*(?:[:=][\s*]*)?(@[\w./-]+|[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*)?|[\w.-]+)/iu;
const HANDLE_RE = /(?<![\w.])@([\p{L}\p{N}][\p{L}\p{N}_-]*(?:\/[\w.-]+)?)/u;
/** A mention of a person by name, as Notion, Confluence and Google Docs write it: "@Priya Raman" ending the item. */
const NAME_MENTION_RE = /^ \p{Lu}[\p{L}'-]*(?=\s*[,;)]|\s*$)/u;
const DUE_RE = /\b(?:due|deadline|by|target|eta|bis|hasta|prazo|échéance|fällig)\b\s*(?:date)?\s*\**\s*[:=]?\s*\**\s*/gi;
const TICKETS_RE = /(?<![\w/])(#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+)/g;
/** What OWNER_RE and OWNER_FIELD_RE cannot match without. */
const OWNER_WORD_RE = /owner|assign|owned|responsib|responsabl|responsáv|verantwortlich|zuständig/iu;
const OWNER_FIELD_WORD_RE = /\(owner/i;

/** Something written as a date that is not one: 2023-13-45, 2023-02-30, 31/31/2023. */
const DATE_SHAPED_RE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4})(?![\d/-])/;

/** An owner written any other way than "(owner: X)": "Owner: Dana", "assigned to @dana", a handle. */
function looseOwner(text: string): string | null {
  const handle = text.includes('@') ? HANDLE_RE.exec(text) : null;
  // A capitalised handle followed by one more capitalised word that ends the item is a name: "@Priya Raman".
  const surname = handle && /^\p{Lu}/u.test(handle[1]!) ? NAME_MENTION_RE.exec(text.slice(handle.index + handle[0].length))?.[0] ?? '' : '';
  const loose = (OWNER_WORD_RE.test(text) ? OWNER_RE.exec(text)?.[1] : undefined) ?? (handle ? `@${handle[1]}${surname}` : undefined);
  return loose ? loose.replace(/(?<![,.;)])[,.;)]+$/, '') || null : null;
}

function parseActionText(text: string, span: Span, done: boolean | null, form: ActionItem['form']): ActionItem {
  // "(owner: X, due: D)" as postmortem new writes it, then the ways people write it.
  // (Each costly pattern only where the word it needs is there.)
  // The loose forms only when there is no field (OWNER_RE's Unicode letter classes are the costliest to compile).
  const field = OWNER_FIELD_WORD_RE.test(text) ? OWNER_FIELD_RE.exec(text)?.[1]?.trim() : undefined;
  const owner = field ?? looseOwner(text);
  let due: string | null = null;
  let dueInvalid: string | undefined;
  // The first "due:", "by", "deadline" that a date follows ("Add alerts by region" has none).
  for (const label of text.matchAll(DUE_RE)) {
    const rest = text.slice(label.index + label[0].length);
    const d = dateAtStart(rest);
    if (d) {
      due = normalizeDate(d.date);
      break;
    }
    dueInvalid ??= DATE_SHAPED_RE.exec(rest)?.[0];
  }
  const ticket = [...text.matchAll(TICKETS_RE)].map((m) => m[1]!).find(isTicket) ?? null;
  const item: ActionItem = { ...span, text, owner: owner || null, due, done, status: actionStatus(text, done), priority: actionPriority(text), ticket, form };
  if (!due && dueInvalid) item.dueInvalid = dueInvalid;
  return item;
}

const LI_RE = /<li\b/i;
const FIELD_LINE_RE = /^(?:owners?|assignee|assigned to|responsible|due|due date|deadline|eta|status|priority|ticket)\s*:/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** The few named entities an export writes in list text. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

const META_SUFFIX_RE = /(?<!\s)\s*\((?:owner|due)\s*:[^()]*\)\s*$/i;

/** One action item as typed on a command line: "[x] Task (owner: @x, due: 2023-03-15)". */
export function parseActionLine(line: string): { item: string; owner: string | null; due: string | null; done: boolean } {
  const done = /^\s*\[[xX]\]\s*/.test(line);
  const text = line.replace(/^\s*\[[ xX]\]\s*/, '');
  const parsed = parseActionText(text, { line: 1, column: 1, endLine: 1, endColumn: 1 }, done, 'list');
  const item = text.replace(META_SUFFIX_RE, '').trim();
  return { item, owner: parsed.owner, due: parsed.due, done };
}

/** `listLike`: lines of headings that are list items written in wiki markup (./candidates.ts). */
export function extractActionItems(tree: Root, sections: Section[], lines: Lines, listLike: readonly number[] = []): ActionItem[] {
  const out: ActionItem[] = [];
  const seen = new Set<number>();
  for (const section of sections) {
    if (!section.ids.includes('action-items')) continue;
    if (section.style === 'inline') {
      // "- Action items:" with the items nested under it, in a report written as one list.
      for (const node of sectionNodes(tree, section)) {
        if (node.type !== 'list') continue;
        const item = node.children.find((i) => i.position?.start.line === section.line);
        for (const sub of item?.children ?? []) if (sub.type === 'list') for (const i of sub.children) addItem(i);
      }
      continue;
    }
    const nodes = sectionNodes(tree, section);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'heading') {
        // "# Add an alert - owner: ops": a wiki-markup numbered item that Markdown reads as a heading.
        const span = spanOf(node);
        if (listLike.includes(span.line) && !seen.has(span.line)) {
          seen.add(span.line);
          const text = node.text.replace(/\s+/g, ' ').trim();
          const item = parseActionText(text, span, null, 'list');
          item.text = taskText(text.replace(META_SUFFIX_RE, '').trim() || text);
          out.push(item);
        }
      } else if (node.type === 'list') {
        for (const item of (node as List).children) {
          const nested = item.children.find((c): c is List => c.type === 'list');
          const head = item.children[0];
          const headText = head ? textOf(head).trim() : '';
          // "Tasks:" with the tasks nested under it
          if (nested && /:\s*$/.test(headText)) {
            for (const sub of nested.children) addItem(sub);
          } else {
            addItem(item);
          }
        }
      } else if (node.type === 'table') {
        const table = node as Table;
        const header = table.children[0]?.children.map((c) => normalizeHeading(textOf(c))) ?? [];
        const ownerCol = header.findIndex((h) => /owner|assignee|who|responsible/.test(h));
        const dueCol = header.findIndex((h) => /due|deadline|date|^until$|^target$|^eta$/.test(h));
        const doneCol = header.findIndex((h) => /status|done|state/.test(h));
        const priorityCol = header.findIndex((h) => /^(?:priority|prio|p)$/.test(h));
        const ticketCol = header.findIndex((h) => /^(?:ticket|issue|bug|jira|link|tracking)s?$/.test(h));
        for (const row of table.children.slice(1)) {
          const cells = row.children.map((c) => textOf(c).trim());
          const item = parseActionText(cells.join(' | '), spanOf(row), null, 'table');
          if (ownerCol >= 0) item.owner = cells[ownerCol] || null;
          if (dueCol >= 0 && cells[dueCol]) {
            const d = findDates(cells[dueCol]!)[0];
            item.due = d ? normalizeDate(d.date) : cells[dueCol]!;
            if (!d && DATE_SHAPED_RE.test(cells[dueCol]!)) {
              item.due = null;
              item.dueInvalid = cells[dueCol]!;
            }
          }
          if (doneCol >= 0 && cells[doneCol]) {
            item.status = statusOfCell(cells[doneCol]!) ?? item.status;
            item.done = item.status === 'done';
          }
          if (priorityCol >= 0 && cells[priorityCol]) item.priority = actionPriority(cells[priorityCol]!) ?? item.priority;
          if (ticketCol >= 0 && cells[ticketCol]) item.ticket = cells[ticketCol]!;
          item.text = cells.filter((_, i) => ![ownerCol, dueCol, doneCol, priorityCol, ticketCol].includes(i)).join(' | ');
          out.push(item);
        }
      } else if (node.type === 'html') {
        // An HTML list (a Confluence or Jira export): each <li> that starts on a line of the section is an item.
        const from = Math.max(node.position!.start.line, section.contentStart);
        const to = Math.min(node.position!.end.line, section.contentEnd);
        for (let n = from; n <= to; n++) {
          const line = lines.line(n);
          const at = line.search(LI_RE);
          if (at < 0 || seen.has(n)) continue;
          const text = decodeEntities(line.slice(at).replace(/<[^<>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
          if (!text) continue;
          seen.add(n);
          out.push(parseActionText(text, { line: n, column: at + 1, endLine: n, endColumn: line.length + 1 }, null, 'list'));
        }
      } else if (node.type === 'paragraph' && !sections.some((s) => s !== section && s.line >= node.position!.start.line && s.line <= node.position!.end.line && s.style !== 'inline' && s.line > section.line)) {
        // Bare lines as items, as in hand-written documents without list markup.
        const from = Math.max(node.position!.start.line, section.contentStart);
        const to = Math.min(node.position!.end.line, section.contentEnd);
        // One item per line, except where a sentence is wrapped: a line that starts in lower case (or with "(")
        // continues the item above.
        let current: { n: number; col: number; text: string; end: number; endColumn: number } | undefined;
        const flush = (): void => {
          if (current) out.push(parseActionText(current.text, { line: current.n, column: current.col, endLine: current.end, endColumn: current.endColumn }, null, 'line'));
          current = undefined;
        };
        for (let n = from; n <= to; n++) {
          const l = lines.line(n).trim();
          const plain = plainLine(l);
          if (!plain || /:\s*$/.test(plain) || seen.has(n)) {
            flush();
            continue;
          }
          seen.add(n);
          const col = lines.line(n).indexOf(l) + 1;
          // So does a line of the item's fields alone ("Owner: network team. Due: 2026-11-15.").
          const continues = current !== undefined && (/^[\p{Ll}(]/u.test(plain) || FIELD_LINE_RE.test(plain)) && !/^[-*+•]|^\d+[.)]\s/.test(l);
          if (current && continues) {
            current.text = `${current.text} ${plain}`;
            current.end = n;
            current.endColumn = col + l.length;
          } else {
            flush();
            current = { n, col, text: plain, end: n, endColumn: col + l.length };
          }
        }
        flush();
      }
    }
  }
  return out;

  function addItem(item: ListItem): void {
    const span = spanOf(item);
    if (seen.has(span.line)) return;
    seen.add(span.line);
    const first = item.children[0];
    const text = first ? textOf(first).replace(/\s+/g, ' ').trim() : '';
    const line = lines.line(span.line);
    const all = textOf(item).replace(/\s+/g, ' ').trim();
    const parsed = parseActionText(all, { ...span, endLine: first?.position?.end.line ?? span.line, endColumn: first?.position?.end.column ?? line.length + 1 }, item.checked ?? null, 'list');
    // The task itself: "(owner: …, due: …)" is in owner and due.
    parsed.text = taskText(text.replace(META_SUFFIX_RE, '').trim() || text);
    out.push(parsed);
  }
}
