/**
 * One postmortem's page: its facts, its timeline drawn on a time axis, its action items and its document. Built
 * by whichever thread read the document (see ./share.ts); imports neither vega nor vega-lite.
 */
import type { Postmortem } from '../document/model.js';
import { sourceLines } from '../document/text.js';
import type { ActionRow } from '../commands/actions.js';
import { entryMillis, startMillis, type IncidentStats } from '../commands/stats.js';
import { formatMinutes } from '../repo.js';
import { esc, htmlTable, page } from './html.js';
import { timelineSvg, type Milestone, type TimelinePoint } from './timeline.js';

function milestones(doc: Postmortem, i: IncidentStats): Milestone[] {
  const start = startMillis(doc);
  if (start === undefined) return [];
  const out: Milestone[] = [{ name: 'started', at: start }];
  if (i.detect !== null) out.push({ name: 'detected', at: start + i.detect * 60_000 });
  if (i.mitigate !== null) out.push({ name: 'mitigated', at: start + i.mitigate * 60_000 });
  if (i.resolve !== null) out.push({ name: 'resolved', at: start + i.resolve * 60_000 });
  return out;
}

function statusCell(r: ActionRow): string {
  if (r.status === 'done') return '<span class="done">done</span>';
  if (r.status === 'wontdo') return '<span class="muted">won\'t do</span>';
  return r.overdue ? '<span class="overdue">overdue</span>' : 'open';
}

export function actionsTable(rows: ActionRow[], link?: (r: ActionRow) => string): string {
  return htmlTable(
    ['Status', 'Priority', 'Due', 'Owner', 'Ticket', 'Action', ...(link ? ['Postmortem'] : [])],
    rows.map((r) => [
      statusCell(r),
      esc(r.priority ?? '-'),
      r.due === null ? '-' : `${esc(r.due)}${r.dueSource === 'slo' ? ' <span class="muted" title="from the SLO for its priority">(SLO)</span>' : ''}`,
      esc(r.owner ?? '-'),
      esc(r.ticket ?? '-'),
      esc(r.text),
      ...(link ? [link(r)] : []),
    ]),
    { caption: 'Action items', wrap: [5] },
  );
}

/** The document's Markdown without its front matter. */
export function bodyOf(doc: Postmortem): string {
  if (!doc.frontMatter.span) return doc.source;
  return sourceLines(doc).slice(doc.frontMatter.span.endLine).join('\n');
}

/**
 * A page made ready from its document, before the site knows its place in the table and how many pages there are:
 * everything but the timeline (whose ids carry the page's number) and the frame. Plain data, so that the document
 * itself need not be kept until then.
 */
export interface PreparedPage {
  title: string;
  /** The content before the timeline and after it. */
  head: string;
  tail: string;
  timeline: { points: TimelinePoint[]; milestones: Milestone[]; zone: { offset: number; label: string } };
}

export function preparePage(doc: Postmortem, i: IncidentStats, rows: ActionRow[], html: string): PreparedPage {
  const title = i.title ?? doc.path;
  const points: TimelinePoint[] = [];
  for (const e of doc.timeline) {
    const at = entryMillis(e);
    if (at !== undefined) points.push({ at, text: e.text, raw: e.raw });
  }
  const ms = milestones(doc, i);
  // Drawn in the incident's own zone, as its document writes times.
  const startAt = doc.incident.startInstant;
  const offset = startAt?.isValid ? startAt.offset : 0;
  const label = doc.incident.timezone ?? (startAt?.isValid ? `UTC${offset === 0 ? '' : startAt.toFormat('ZZ')}` : 'UTC');
  const entries = doc.timeline.length
    ? `<ol class="entries">${doc.timeline.map((e) => `<li>${e.raw && !e.text.includes(e.raw) ? `<time>${esc(e.raw)}</time>` : ''}${esc(e.text)}</li>`).join('')}</ol>`
    : '<p class="muted">The document has no timeline.</p>';
  const facts: Array<[string, string]> = [
    ['Date', esc(i.date ?? '-')],
    ['Severity', esc(i.severity ?? '-')],
    ['Status', esc(i.status ?? '-')],
    ['Services', esc(i.services.join(', ') || '-')],
    ['Authors', esc(i.authors.join(', ') || '-')],
    ['Time to detect', esc(formatMinutes(i.detect))],
    ['Time to mitigate', esc(formatMinutes(i.mitigate))],
    ['Time to resolve', esc(formatMinutes(i.resolve))],
    ['Source', `<code>${esc(doc.path)}</code>`],
  ];
  const head = `<h1>${esc(title)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2 id="timeline">Timeline</h2>
`;
  const tail = `
${entries}
<h2 id="actions">Action items</h2>
${rows.length ? actionsTable(rows) : '<p class="muted">No action items.</p>'}
<h2 id="document">Document</h2>
<article class="doc">${html}</article>`;
  return { title, head, tail, timeline: { points, milestones: ms, zone: { offset, label } } };
}

/** The page: `n` is its place in the table of postmortems (the timeline's ids), `generated` the site's header line. */
export function finishPage(p: PreparedPage, siteTitle: string | undefined, generated: string, n: number): string {
  const svg = timelineSvg(`Timeline of "${p.title}"`, p.timeline.points, p.timeline.milestones, `timeline-${n}`, p.timeline.zone);
  const content = `${p.head}${svg ? `<figure class="chart timeline">${svg}</figure>` : '<p class="muted">No timeline entry has a date and time to place on an axis.</p>'}${p.tail}`;
  return page({ title: `${p.title}: postmortem`, body: content, home: '../index.html', generated, heading: siteTitle ?? 'Postmortems' });
}
