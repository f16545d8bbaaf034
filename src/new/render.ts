/**
 * Answers → the Markdown document. What the author typed is data: it is escaped so that it can never become a
 * heading, an HTML block, a comment, a code fence or a lint directive, and the front matter is written by a YAML
 * library, so it parses back to exactly the answers.
 */
import { DateTime } from 'luxon';
import { Document, isMap, isSeq } from 'yaml';
import { minutesBetween } from '../document/time.js';
import type { Template, TemplateSection } from '../template/template.js';
import type { ActionAnswer, Answers, TimelineAnswer } from './answers.js';

/** One line of prose, escaped where Markdown (or our reading of it) would take it for structure. */
function escapeProseLine(line: string): string {
  let l = line.replace(/\\/g, '\\\\').replace(/</g, '\\<');
  const body = l.trimStart();
  const indent = l.slice(0, l.length - body.length).replace(/\t/g, '  ');
  // Headings, fences, thematic breaks and setext underlines; front matter fences.
  if (/^(#|`{3,}|~{3,}|([-*_=+])(\s*\2){2,}\s*$|=+\s*$|-+\s*$)/.test(body)) l = `${indent}\\${body}`;
  else l = indent + body;
  // A lone "Label:" or bold line would read as a heading.
  if (/^[^:]{2,60}:\s*$/.test(l.trim())) l = l.replace(/:(\s*)$/, '\\:$1');
  if (/\*\*|__/.test(l)) l = l.replace(/([*_])/g, '\\$1');
  return l.length > 0 && indent.length >= 4 ? l.trimStart() : l;
}

export function escapeProse(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? escapeProseLine(line.trimEnd()) : ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A value in the middle of a line: no line breaks, no HTML (so no comments and no lint directives). */
function escapeText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/</g, '\\<').trim();
}

/** Text inside one line (list item, table cell, heading): no line breaks, no HTML, no leading block markers. */
export function escapeInline(text: string, inTable = false): string {
  let t = text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/</g, '\\<').trim();
  // Block markers at the start: "1. " becomes "1\. " (a digit cannot be escaped), the others get a backslash.
  t = t.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
  if (/^[#>]|^([-*_=+])(\s*\1){2,}|^[-+*](?:\s|$)/.test(t)) t = `\\${t}`;
  if (inTable) t = t.replace(/\|/g, '\\|');
  return t;
}

function zoneOf(template: Template, answers: Answers): string | undefined {
  const f = template.fields.find((x) => x.type === 'timezone');
  return f && typeof answers.fields[f.key] === 'string' ? (answers.fields[f.key] as string) : undefined;
}

function incidentDate(answers: Answers, zone: string | undefined): string | undefined {
  if (typeof answers.fields.date === 'string') return answers.fields.date;
  const started = answers.fields.started;
  if (typeof started === 'string') {
    const dt = DateTime.fromISO(started, { setZone: true });
    return (zone ? dt.setZone(zone) : dt).toISODate() ?? undefined;
  }
  return undefined;
}

/**
 * Entries in the order given (an entry out of order is timeline-order's to report, never silently moved), each as
 * the document's local time, with its date when not the incident's.
 */
function timelineRows(entries: TimelineAnswer[], zone: string | undefined, date: string | undefined): Array<[string, string]> {
  return entries
    .map((e) => ({ e, dt: DateTime.fromISO(e.time, { setZone: true }) }))
    .map(({ e, dt }) => {
      const local = zone ? dt.setZone(zone) : dt;
      const hhmm = local.toFormat(local.second ? 'HH:mm:ss' : 'HH:mm');
      return [local.toISODate() === date ? hhmm : `${local.toISODate()} ${hhmm}`, e.text];
    });
}

function renderTimeline(section: TemplateSection, entries: TimelineAnswer[], zone: string | undefined, date: string | undefined): string {
  const rows = timelineRows(entries, zone, date);
  if (section.format === 'table') {
    const head = `| Time${zone ? ` (${zone})` : ''} | Event |\n| --- | --- |`;
    return [head, ...rows.map(([t, text]) => `| ${t} | ${escapeInline(text, true)} |`)].join('\n');
  }
  return rows.map(([t, text]) => `- ${t} — ${escapeInline(text)}`).join('\n');
}

function renderActions(section: TemplateSection, items: ActionAnswer[]): string {
  if (section.format === 'table') {
    const names: Record<string, string> = { item: 'Item', type: 'Type', owner: 'Owner', due: 'Due', bug: 'Bug' };
    const head = `| ${section.columns.map((c) => names[c]).join(' | ')} |\n|${section.columns.map(() => ' --- |').join('')}`;
    const rows = items.map((a) => `| ${section.columns.map((c) => escapeInline(String((c === 'item' ? a.item : a[c]) ?? ''), true)).join(' | ')} |`);
    return [head, ...rows].join('\n');
  }
  return items
    .map((a) => {
      const meta = [
        a.owner ? `owner: ${escapeText(a.owner)}` : '',
        a.due ? `due: ${a.due}` : '',
        a.type ? `type: ${escapeText(a.type)}` : '',
        a.bug ? `bug: ${escapeText(a.bug)}` : '',
      ].filter(Boolean);
      return `- [${a.done ? 'x' : ' '}] ${escapeInline(a.item)}${meta.length ? ` (${meta.join(', ')})` : ''}`;
    })
    .join('\n');
}

function humanMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 1 ? '1 hour' : `${h} hours`;
  if (h === 0) return `${m} minutes`;
  return m === 0 ? hours : `${hours} ${m} minutes`;
}

/** "Duration: from March 1, 2023, 9:00 AM EST to 12:00 PM EST (3 hours); 30% of users were affected." */
function incidentLead(answers: Answers, zone: string | undefined): string {
  const s = typeof answers.fields.started === 'string' ? DateTime.fromISO(answers.fields.started, { setZone: true }) : undefined;
  const e = typeof answers.fields.resolved === 'string' ? DateTime.fromISO(answers.fields.resolved, { setZone: true }) : undefined;
  const parts: string[] = [];
  if (s?.isValid && e?.isValid) {
    const ls = zone ? s.setZone(zone) : s;
    const le = zone ? e.setZone(zone) : e;
    const zoneName = ls.toFormat('ZZZZ');
    const endText = le.hasSame(ls, 'day') ? le.toFormat('h:mm a') : le.toFormat('LLLL d, yyyy, h:mm a');
    const minutes = minutesBetween(s, e);
    parts.push(`**Duration:** from ${ls.toFormat('LLLL d, yyyy, h:mm a')} ${zoneName} to ${endText} ${zoneName} (${humanMinutes(minutes)})`);
  }
  if (typeof answers.fields.users_affected === 'number') parts.push(`${answers.fields.users_affected}% of users were affected`);
  return parts.length ? `${parts.join('; ')}.` : '';
}

export interface RenderOptions {
  /**
   * Leave the template's guidance under required sections nobody answered (`--yes`), inside an HTML comment: it
   * guides the author but is no data (no action item, no timeline entry, no words), and lint reports the section
   * as empty until it is written.
   */
  placeholders?: boolean;
}

/**
 * The guidance as a comment, its lines kept, that nothing in it can end early: guidance, not data (no action item,
 * no timeline entry). `new --yes` and `import` leave it under a required section nobody wrote.
 */
export function guidanceComment(guidance: string): string {
  const lines = guidance.replace(/--+>?/g, '-').split('\n').map((l) => l.trimEnd()).filter((l) => l.trim());
  return `<!-- To write: ${lines.join('\n')} -->`;
}

export function renderDocument(template: Template, answers: Answers, options: RenderOptions = {}): string {
  const data: Record<string, unknown> = { template: template.name };
  for (const f of template.fields) {
    const v = answers.fields[f.key];
    if (v !== undefined) data[f.key] = v;
    else if (f.required) data[f.key] = null; // left for lint to report, never invented
  }
  const yaml = new Document(data);
  // Short lists read best on one line: authors: [priya, tom]
  if (isMap(yaml.contents)) for (const pair of yaml.contents.items) if (isSeq(pair.value)) pair.value.flow = true;
  const frontMatter = yaml.toString({ lineWidth: 0, nullStr: '', flowCollectionPadding: false }).trimEnd();
  const zone = zoneOf(template, answers);
  const date = incidentDate(answers, zone);
  const out: string[] = ['---', frontMatter, '---', ''];
  const title = typeof answers.fields.title === 'string' && answers.fields.title.trim() ? answers.fields.title : 'Untitled postmortem';
  out.push(`# ${escapeInline(title).replace(/(?<!#)#+\s*$/, '')}`, '');
  for (const section of template.sections) {
    const answer = answers.sections[section.id];
    let content = '';
    if (section.kind === 'timeline' && Array.isArray(answer) && answer.length) {
      content = renderTimeline(section, answer as TimelineAnswer[], zone, date);
    } else if (section.kind === 'actions' && Array.isArray(answer) && answer.length) {
      content = renderActions(section, answer as ActionAnswer[]);
    } else if (typeof answer === 'string' && answer.trim()) {
      content = escapeProse(answer);
    }
    if (section.lead === 'incident') {
      const lead = incidentLead(answers, zone);
      if (lead) content = content ? `${lead}\n\n${content}` : lead;
    }
    if (!content && options.placeholders && section.required) content = guidanceComment(section.guidance || section.prompt);
    if (!content) continue;
    out.push(`## ${section.heading}`, '', content, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
