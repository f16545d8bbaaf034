/**
 * `postmortem report`: a static, self-contained site built from the repository. This module (and vega, vega-lite,
 * unified and d3 with it) is a bundle of its own, dist/site/report.js, loaded only by the report command.
 * It reads the documents (with worker threads, see ./threads.ts) and writes the pages into the directory that
 * src/commands/report.ts prepared, and then moves into place.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ActionRow } from '../commands/actions.js';
import { aggregate, breakdown, quarterOf, trend, type IncidentStats, type Measure, MEASURES } from '../commands/stats.js';
import { byDateDesc, formatMinutes, type RepositoryFile } from '../repo.js';
import type { ChartText } from './charts.js';
import { actionsTable } from './doc-page.js';
import { esc, htmlTable, page } from './html.js';
import { Share, shown } from './share.js';
import { Threads } from './threads.js';
import type { StartedWorker } from './start-workers.js';

export interface SiteInput {
  /** The repository's files, in order; `read` reads one as every command does. */
  files: string[];
  read: (file: string) => RepositoryFile;
  slo: Record<string, number> | undefined;
  /** YYYY-MM-DD: decides overdue items and "this quarter". */
  today: string;
  since?: string;
  title?: string;
  /** Where to write index.html and p/NAME.html (the directory and p/ exist). */
  outDir: string;
  /** Worker threads to share the reading and rendering with, started by ./start-workers.ts (none for few files). */
  workers: StartedWorker[];
}

export interface Site {
  /** Postmortem pages written (besides index.html). */
  pages: number;
  /** Files that could not be read, or whose front matter is broken, in the files' order. */
  skipped: Array<{ path: string; reason: string; line?: number; column?: number }>;
}

/**
 * The charts module (vega and vega-lite: a fifth of a second to load) is imported once the worker threads are
 * started, so that they start meanwhile rather than after it.
 */
let charts: Promise<typeof import('./charts.js')> | undefined;
const loadCharts = (): Promise<typeof import('./charts.js')> => (charts ??= import('./charts.js'));
const chart = async (spec: Record<string, unknown>, text: ChartText): Promise<string> => (await loadCharts()).chart(spec, text);


const pct = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 100)}%`);
const hours = (m: number | null): number | null => (m === null ? null : Math.round((m / 60) * 100) / 100);

function slugs(paths: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const path of paths) {
    const base = basename(path).replace(/\.(md|markdown)$/i, '').replace(/[^\w.-]+/g, '-').replace(/^[-.]+/, '').slice(0, 120) || 'postmortem';
    let slug = base;
    for (let n = 2; used.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    used.add(slug.toLowerCase());
    out.set(path, slug);
  }
  return out;
}

/** Median minutes to each measure per period, for the trend charts (rows without data left out). */
function mttxRows(incidents: IncidentStats[], by: 'month' | 'quarter'): Array<{ period: string; measure: Measure; hours: number; minutes: number; incidents: number }> {
  const rows = [];
  for (const g of breakdown(incidents, by)) {
    if (g.key === 'unknown') continue;
    for (const m of MEASURES) {
      const median = g.minutesTo[m].median;
      if (median !== null) rows.push({ period: g.key, measure: m, hours: hours(median)!, minutes: median, incidents: g.minutesTo[m].count });
    }
  }
  return rows;
}

async function mttxChart(incidents: IncidentStats[], by: 'month' | 'quarter'): Promise<string> {
  const rows = mttxRows(incidents, by);
  const periods = [...new Set(rows.map((r) => r.period))];
  const last = periods.at(-1);
  const lastRows = rows.filter((r) => r.period === last);
  const desc = rows.length
    ? `Median hours from the start of an incident to its detection, mitigation and resolution, per ${by}, over ${periods.length} ${by}${periods.length === 1 ? '' : 's'} from ${periods[0]} to ${last}. In ${last}: ${lastRows.map((r) => `${r.measure} ${formatMinutes(r.minutes)}`).join(', ')}.`
    : `No incident has a known start and milestones, so there is no time to detect, mitigate or resolve per ${by}.`;
  return chart(
    {
      width: 460,
      height: 220,
      data: { values: rows },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'period', type: 'ordinal', title: by === 'month' ? 'Month' : 'Quarter', sort: periods },
        y: { field: 'hours', type: 'quantitative', title: 'Median hours' },
        color: { field: 'measure', type: 'nominal', title: 'Time to', sort: [...MEASURES] },
      },
    },
    {
      title: `Time to detect, mitigate and resolve, by ${by}`,
      desc,
      header: [by === 'month' ? 'Month' : 'Quarter', 'Detect (median)', 'Mitigate (median)', 'Resolve (median)', 'Incidents'],
      rows: periods.map((p) => {
        const of = (m: Measure): string => formatMinutes(rows.find((r) => r.period === p && r.measure === m)?.minutes ?? null);
        return [p, of('detect'), of('mitigate'), of('resolve'), incidents.filter((i) => i.date && (by === 'month' ? i.date.slice(0, 7) : quarterOf(i.date)) === p).length];
      }),
    },
  );
}

async function countChart(incidents: IncidentStats[], by: 'severity' | 'service'): Promise<string> {
  const groups = breakdown(incidents, by).sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key));
  const shown = groups.slice(0, 20);
  const rest = groups.length - shown.length;
  const values = shown.map((g) => ({ key: g.key, incidents: g.incidents }));
  return chart(
    {
      width: 460,
      height: Math.max(60, values.length * 22),
      data: { values },
      mark: { type: 'bar', color: by === 'severity' ? '#e8710a' : '#0b57d0' },
      encoding: {
        y: { field: 'key', type: 'nominal', title: by === 'severity' ? 'Severity' : 'Service', sort: by === 'severity' ? values.map((v) => v.key).sort() : '-x' },
        x: { field: 'incidents', type: 'quantitative', title: 'Incidents', axis: { tickMinStep: 1, format: 'd' } },
      },
    },
    {
      title: `Incidents by ${by}`,
      desc: values.length
        ? `${incidents.length} incidents by ${by}: ${values.slice(0, 8).map((v) => `${v.key} ${v.incidents}`).join(', ')}${values.length > 8 ? ', …' : ''}.${rest > 0 ? ` ${rest} more ${by === 'service' ? 'services' : 'severities'} with fewer incidents are in the table only.` : ''}`
        : 'No incidents.',
      header: [by === 'severity' ? 'Severity' : 'Service', 'Incidents', 'Median time to resolve'],
      rows: groups.map((g) => [g.key, g.incidents, formatMinutes(g.minutesTo.resolve.median)]),
    },
  );
}

async function incidentsChart(incidents: IncidentStats[]): Promise<string> {
  const values = incidents.filter((i) => i.date).map((i) => ({ month: i.date!.slice(0, 7), severity: i.severity ?? 'unknown' }));
  const months = [...new Set(values.map((v) => v.month))].sort();
  const counts = breakdown(incidents, 'month').filter((g) => g.key !== 'unknown');
  return chart(
    {
      width: 460,
      height: 220,
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'month', type: 'ordinal', title: 'Month', sort: months },
        y: { aggregate: 'count', type: 'quantitative', title: 'Incidents', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'severity', type: 'nominal', title: 'Severity' },
      },
    },
    {
      title: 'Incidents over time, by severity',
      desc: counts.length ? `Incidents per month from ${months[0]} to ${months.at(-1)}, coloured by severity; the busiest month was ${[...counts].sort((a, b) => b.incidents - a.incidents)[0]!.key} with ${Math.max(...counts.map((c) => c.incidents))}.` : 'No dated incidents.',
      header: ['Month', 'Incidents'],
      rows: counts.map((g) => [g.key, g.incidents]),
    },
  );
}

async function actionsChart(rows: ActionRow[]): Promise<string> {
  const state = (r: ActionRow): string => (r.status === 'done' ? 'done' : r.status === 'wontdo' ? "won't do" : r.overdue ? 'open, overdue' : 'open');
  const order = ['done', 'open', 'open, overdue', "won't do"];
  const values = rows.filter((r) => r.date).map((r) => ({ quarter: quarterOf(r.date!), state: state(r) }));
  const quarters = [...new Set(values.map((v) => v.quarter))].sort();
  const table = quarters.map((q) => {
    const inQ = values.filter((v) => v.quarter === q);
    return [q, inQ.length, ...order.map((o) => inQ.filter((v) => v.state === o).length)];
  });
  const overdue = rows.filter((r) => r.overdue).length;
  return chart(
    {
      width: 460,
      height: 220,
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'quarter', type: 'ordinal', title: 'Quarter of the postmortem', sort: quarters },
        y: { aggregate: 'count', type: 'quantitative', title: 'Action items', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'state', type: 'nominal', title: 'Now', sort: order, scale: { domain: order, range: ['#1a7f37', '#0b57d0', '#d93025', '#9aa0a6'] } },
        order: { field: 'state', sort: 'ascending' },
      },
    },
    {
      title: 'Action items opened and closed, by quarter',
      desc: values.length
        ? `${rows.length} action items, counted in the quarter of their postmortem and coloured by their state today: ${rows.filter((r) => r.status === 'done').length} done, ${rows.filter((r) => r.status === 'open').length} open of which ${overdue} overdue, ${rows.filter((r) => r.status === 'wontdo').length} won't do.`
        : 'No action items.',
      header: ['Quarter', 'Opened', 'Done', 'Open', 'Open, overdue', "Won't do"],
      rows: table,
    },
  );
}

export async function buildSite(input: SiteInput): Promise<Site> {
  const setup = { today: input.today, slo: input.slo, ...(input.since !== undefined ? { since: input.since } : {}) };
  const threads = new Threads(input.files, new Share(input.read, setup), input.workers);
  void loadCharts();
  let summaries;
  try {
    summaries = await threads.summarize();
  } catch (error) {
    await threads.close();
    throw error;
  }
  const skipped = summaries.flatMap((s) => ('skipped' in s ? [{ path: s.path, reason: s.skipped, ...(s.line !== undefined ? { line: s.line, column: s.column } : {}) }] : []));
  const read = summaries.flatMap((s) => ('skipped' in s ? [] : [s]));
  const byPath = new Map<string, ActionRow[]>(read.map((s) => [s.path, s.rows]));
  const pairs = read
    .map((s) => ({ path: s.path, i: s.stats }))
    .filter(({ i }) => shown(i, input.since))
    .sort((a, b) => byDateDesc(a.i, b.i));
  const incidents = pairs.map((p) => p.i);
  const shownRows = pairs.flatMap((p) => byPath.get(p.path) ?? []);
  const slug = slugs(pairs.map((p) => p.path));
  const generated = `${pairs.length} postmortem${pairs.length === 1 ? '' : 's'}${input.since ? ` since ${input.since}` : ''}; as of ${input.today}`;

  const overview = async (): Promise<string> => {
    const all = aggregate(incidents);
    const t = trend(incidents, input.today);
    const card = (value: string, label: string): string => `<div class="card"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
    const change = (now: number | null, before: number | null): string => (now === null || before === null ? `${t.previous}: ${formatMinutes(before)}` : now === before ? `same as ${t.previous}` : `${now < before ? '−' : '+'}${formatMinutes(Math.abs(now - before))} against ${t.previous}`);
    const charts = await Promise.all([
      mttxChart(incidents, 'month'),
      mttxChart(incidents, 'quarter'),
      incidentsChart(incidents),
      countChart(incidents, 'severity'),
      countChart(incidents, 'service'),
      actionsChart(shownRows),
    ]);
    const table = htmlTable(
      ['Date', 'Title', 'Severity', 'Status', 'Services', 'Detect', 'Mitigate', 'Resolve', 'Open actions', 'Overdue'],
      pairs.map(({ path, i }) => [
        esc(i.date ?? '-'),
        `<a href="p/${esc(encodeURIComponent(slug.get(path)!))}.html">${esc(i.title ?? path)}</a>`,
        esc(i.severity ?? '-'),
        esc(i.status ?? '-'),
        esc(i.services.join(', ') || '-'),
        esc(formatMinutes(i.detect)),
        esc(formatMinutes(i.mitigate)),
        esc(formatMinutes(i.resolve)),
        String(i.actions.open),
        i.actions.overdue ? `<span class="overdue">${i.actions.overdue}</span>` : '0',
      ]),
      { num: [5, 6, 7, 8, 9], wrap: [1, 4], caption: 'Postmortems' },
    );
    const titles = new Map(pairs.map((p) => [p.path, p.i.title]));
    const overdueRows = shownRows.filter((r) => r.overdue).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
    const link = (r: ActionRow): string => `<a href="p/${esc(encodeURIComponent(slug.get(r.path)!))}.html#actions">${esc(titles.get(r.path) ?? r.path)}</a>`;
    const body = `<h1>${esc(input.title ?? 'Postmortems')}</h1>
<p class="muted">Built by <code>postmortem report</code> from ${esc(generated)}. Times are from each incident's start; medians use the nearest rank.</p>
<div class="cards">
${card(String(incidents.length), 'incidents')}
${card(formatMinutes(all.minutesTo.resolve.median), 'median time to resolve')}
${card(`${t.current.incidents}`, `incidents in ${t.quarter} (${t.previous}: ${t.before.incidents})`)}
${card(formatMinutes(t.current.minutesTo.resolve.median), `median time to resolve in ${t.quarter} (${change(t.current.minutesTo.resolve.median, t.before.minutesTo.resolve.median)})`)}
${card(pct(all.actions.completionRate), `action items done (${all.actions.done} of ${all.actions.done + all.actions.open})`)}
${card(String(all.actions.overdue), `overdue action items (${pct(all.actions.overdueRate)} of open)`)}
</div>
<h2 id="trends">Time to detect, mitigate and resolve</h2>
<div class="grid">${charts[0]}${charts[1]}</div>
<h2 id="incidents">Incidents</h2>
<div class="grid">${charts[2]}${charts[3]}${charts[4]}</div>
<h2 id="action-items">Action items</h2>
<div class="grid">${charts[5]}</div>
${overdueRows.length ? `<h3>Overdue</h3>${actionsTable(overdueRows, link)}` : '<p>No action item is overdue.</p>'}
<h2 id="postmortems">Postmortems</h2>
${table}`;
    return page({ title: input.title ?? 'Postmortems', body, home: 'index.html', generated, heading: input.title ?? 'Postmortems' });
  };
  const index = await threads.write(
    pairs.map((p, n) => ({ path: p.path, n, file: `p/${slug.get(p.path)}.html` })),
    { generated, outDir: input.outDir, ...(input.title !== undefined ? { title: input.title } : {}) },
    overview,
  );
  writeFileSync(join(input.outDir, 'index.html'), index);
  return { pages: pairs.length, skipped };
}
