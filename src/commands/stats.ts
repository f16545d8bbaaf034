/** `postmortem stats`: time to detect, mitigate and resolve, per incident and overall. */
import { DateTime } from 'luxon';
import type { Postmortem, TimelineEntry } from '../document/model.js';
import { parseIsoDateTime } from '../document/time.js';
import { UserError } from '../errors.js';
import { byDateDesc, formatMinutes, openRepository, parseDateOption, summarize, table, warnSkipped } from '../repo.js';
import { actionRows, type ActionRow } from './actions.js';
import type { GlobalOptions } from '../cli.js';

export interface StatsOptions extends GlobalOptions {
  json?: boolean;
  csv?: boolean;
  format?: string;
  since?: string;
  status?: string;
  by?: string;
  today?: string;
}

export const GROUPS = ['service', 'severity', 'month', 'quarter', 'author'] as const;
export type Group = (typeof GROUPS)[number];

export const MEASURES = ['detect', 'mitigate', 'resolve'] as const;
export type Measure = (typeof MEASURES)[number];

/** Words in a timeline entry that mark each milestone, when the front matter does not give it. */
const MILESTONE_WORDS: Record<Measure, RegExp> = {
  detect: /\b(detect|alert|notic|paged?\b|report|monitor|discover|spotted)/i,
  mitigate: /\b(mitigat|workaround|roll(?:ed)?[ -]?back|revert|failover|fail(?:ed)? over|disabled?|drain)/i,
  resolve: /\b(resolv|recover|restor|fixed|back to normal|all[ -]clear|closed|returned to normal)/i,
};
const FIELDS: Record<Measure, string> = { detect: 'detected', mitigate: 'mitigated', resolve: 'resolved' };

/** A moment in milliseconds: an instant, or a zone-less local time read as UTC (consistently within a document). */
function millis(value: { instant?: DateTime; time?: string | null } | string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') {
    const dt = parseIsoDateTime(value, false) ?? (/^\d{4}-\d{2}-\d{2}T/.test(value) ? DateTime.fromISO(value, { zone: 'utc' }) : undefined);
    return dt?.isValid ? dt.toMillis() : undefined;
  }
  if (value.instant) return value.instant.toMillis();
  return millis(value.time ?? null);
}

export interface IncidentStats {
  path: string;
  date: string | null;
  severity: string | null;
  title: string | null;
  status: string | null;
  /** The front matter's services (or service), authors (or author): lists, possibly empty. */
  services: string[];
  authors: string[];
  /** Minutes from the incident's start; null when unknown. */
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
  /** Where each measure came from. */
  sources: Record<Measure, 'front-matter' | 'timeline' | null>;
  openActions: number;
  /** Action items by status, and how many of the open ones are past due (written or from the SLO). */
  actions: { open: number; done: number; wontdo: number; overdue: number };
}

/** A front matter value as a list of names: "a, b", [a, b], or a single value. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined || value === null ? [] : [value];
  return list.map((v) => String(v).trim().replace(/^@/, '')).filter(Boolean);
}

/** The incident's start in milliseconds (a zone-less time read as UTC), when known. */
export function startMillis(doc: Postmortem): number | undefined {
  return millis(doc.incident.startInstant ? { instant: doc.incident.startInstant } : doc.incident.start);
}

/** A timeline entry's moment in milliseconds, when it has a date. */
export function entryMillis(entry: TimelineEntry): number | undefined {
  return entry.dateKnown ? millis(entry) : undefined;
}

export function incidentStats(doc: Postmortem, actions: ActionRow[] = []): IncidentStats {
  const s = summarize(doc);
  const fmData = doc.frontMatter.data;
  const start = startMillis(doc);
  const out: IncidentStats = {
    path: doc.path,
    date: s.date,
    severity: s.severity,
    title: s.title,
    status: s.status,
    services: names(fmData.services ?? fmData.service),
    authors: names(fmData.authors ?? fmData.author),
    detect: null,
    mitigate: null,
    resolve: null,
    sources: { detect: null, mitigate: null, resolve: null },
    openActions: doc.actionItems.filter((a) => a.status === 'open').length,
    actions: {
      open: actions.filter((a) => a.status === 'open').length,
      done: actions.filter((a) => a.status === 'done').length,
      wontdo: actions.filter((a) => a.status === 'wontdo').length,
      overdue: actions.filter((a) => a.overdue).length,
    },
  };
  if (start === undefined) return out;
  const timed = doc.timeline.filter((e): e is TimelineEntry & { time: string } => e.time !== null);
  for (const m of MEASURES) {
    const fm = doc.frontMatter.data[FIELDS[m]];
    let at = typeof fm === 'string' || fm instanceof Date ? millis(fm instanceof Date ? fm.toISOString() : fm) : undefined;
    let source: IncidentStats['sources'][Measure] = at === undefined ? null : 'front-matter';
    if (at === undefined && m === 'resolve' && doc.incident.source === 'summary') {
      at = millis(doc.incident.endInstant ? { instant: doc.incident.endInstant } : doc.incident.end);
      if (at !== undefined) source = 'timeline';
    }
    if (at === undefined) {
      const hits = timed.filter((e) => MILESTONE_WORDS[m].test(e.text));
      const entry = m === 'resolve' ? hits.at(-1) : hits[0];
      at = entry ? millis(entry) : undefined;
      if (at !== undefined) source = 'timeline';
    }
    if (at !== undefined && at >= start) {
      out[m] = Math.round((at - start) / 60_000);
      out.sources[m] = source;
    }
  }
  return out;
}

/** Median and 90th percentile by the nearest-rank method. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: string[], rows: unknown[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n');
}

/** "2024-Q3" for a YYYY-MM-DD date. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export function previousQuarter(q: string): string {
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
}

/** The keys an incident counts under for a breakdown (an incident with two services counts under both). */
export function keysOf(i: IncidentStats, by: Group): string[] {
  switch (by) {
    case 'severity':
      return [i.severity ?? 'unknown'];
    case 'month':
      return [i.date?.slice(0, 7) ?? 'unknown'];
    case 'quarter':
      return [i.date ? quarterOf(i.date) : 'unknown'];
    case 'service':
      return i.services.length ? i.services : ['unknown'];
    case 'author':
      return i.authors.length ? i.authors : ['unknown'];
  }
}

export interface Aggregate {
  incidents: number;
  minutesTo: Record<Measure, { count: number; median: number | null; p90: number | null }>;
  actions: { total: number; open: number; done: number; wontdo: number; overdue: number; completionRate: number | null; overdueRate: number | null };
}

/** Share as a fraction with three decimals; null when there is nothing to divide by. */
const rate = (n: number, of: number): number | null => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

export function aggregate(incidents: IncidentStats[]): Aggregate {
  const minutesTo = {} as Aggregate['minutesTo'];
  for (const m of MEASURES) {
    const values = incidents.map((i) => i[m]).filter((v): v is number => v !== null);
    minutesTo[m] = { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
  }
  const sum = (k: keyof IncidentStats['actions']): number => incidents.reduce((n, i) => n + i.actions[k], 0);
  const [open, done, wontdo, overdue] = [sum('open'), sum('done'), sum('wontdo'), sum('overdue')];
  return {
    incidents: incidents.length,
    minutesTo,
    // Completion: done among the items that are to be done (won't-do left out). Overdue: among the open ones.
    actions: { total: open + done + wontdo, open, done, wontdo, overdue, completionRate: rate(done, open + done), overdueRate: rate(overdue, open) },
  };
}

export interface Breakdown extends Aggregate {
  key: string;
}

export function breakdown(incidents: IncidentStats[], by: Group): Breakdown[] {
  const groups = new Map<string, IncidentStats[]>();
  for (const i of incidents) for (const k of keysOf(i, by)) groups.set(k, [...(groups.get(k) ?? []), i]);
  const keys = [...groups.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)));
  return keys.map((key) => ({ key, ...aggregate(groups.get(key)!) }));
}

export interface Trend {
  quarter: string;
  previous: string;
  current: Aggregate;
  before: Aggregate;
}

/** This quarter (the one holding `today`) against the one before it. */
export function trend(incidents: IncidentStats[], today: string): Trend {
  const quarter = quarterOf(today);
  const previous = previousQuarter(quarter);
  const inQuarter = (q: string): IncidentStats[] => incidents.filter((i) => i.date !== null && quarterOf(i.date) === q);
  return { quarter, previous, current: aggregate(inQuarter(quarter)), before: aggregate(inQuarter(previous)) };
}

const pct = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 100)}%`);

function change(now: number | null, before: number | null, format: (n: number) => string): string {
  if (now === null || before === null) return '';
  const d = now - before;
  return d === 0 ? ' (same)' : ` (${d > 0 ? '+' : '-'}${format(Math.abs(d))})`;
}

export async function run(opts: StatsOptions): Promise<number> {
  const format = opts.format ?? (opts.json ? 'json' : opts.csv ? 'csv' : 'text');
  if ((opts.json && opts.csv) || (opts.format && (opts.json || opts.csv) && opts.format !== (opts.json ? 'json' : 'csv'))) throw new UserError('choose one output format: --format, --json or --csv');
  if (!['text', 'json', 'csv'].includes(format)) throw new UserError(`--format expects text, json or csv, not "${format}"`);
  if (opts.by !== undefined && !GROUPS.includes(opts.by as Group)) throw new UserError(`--by expects one of ${GROUPS.join(', ')}, not "${opts.by}"`);
  const by = opts.by as Group | undefined;
  const since = parseDateOption(opts.since, '--since');
  const today = parseDateOption(opts.today, '--today') ?? DateTime.now().toISODate()!;
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const rows = actionRows(repo.docs, today, repo.config.actions?.slo);
  const byPath = new Map<string, ActionRow[]>();
  for (const r of rows) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const incidents = repo.docs
    .map((d) => incidentStats(d, byPath.get(d.path)))
    .filter((i) => since === undefined || (i.date !== null && i.date >= since))
    .filter((i) => opts.status === undefined || (i.status ?? '').toLowerCase() === opts.status.toLowerCase())
    .sort(byDateDesc);

  if (by) {
    const groups = breakdown(incidents, by);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify({ by, today, groups }, null, 2)}\n`);
    } else if (format === 'csv') {
      process.stdout.write(`${csv(
        [by, 'incidents', ...MEASURES.flatMap((m) => [`${m}_median_minutes`, `${m}_p90_minutes`]), 'actions', 'open', 'done', 'wontdo', 'overdue', 'completion_rate', 'overdue_rate'],
        groups.map((g) => [g.key, g.incidents, ...MEASURES.flatMap((m) => [g.minutesTo[m].median, g.minutesTo[m].p90]), g.actions.total, g.actions.open, g.actions.done, g.actions.wontdo, g.actions.overdue, g.actions.completionRate, g.actions.overdueRate]),
      )}\n`);
    } else {
      process.stdout.write(`${table(
        [by.toUpperCase(), 'INCIDENTS', 'DETECT', 'MITIGATE', 'RESOLVE', 'ACTIONS', 'DONE', 'OVERDUE'],
        groups.map((g) => [g.key, String(g.incidents), formatMinutes(g.minutesTo.detect.median), formatMinutes(g.minutesTo.mitigate.median), formatMinutes(g.minutesTo.resolve.median), String(g.actions.total), pct(g.actions.completionRate), pct(g.actions.overdueRate)]),
      )}\n\nDETECT, MITIGATE, RESOLVE: median time from the start; DONE: done of the items to do (won't-do left out); OVERDUE: share of open items past due (as of ${today})\n`);
    }
    return 0;
  }

  const bySeverity: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  for (const i of incidents) {
    const sev = i.severity ?? 'unknown';
    bySeverity[sev] = (bySeverity[sev] ?? 0) + 1;
    const month = i.date?.slice(0, 7) ?? 'unknown';
    byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  const all = aggregate(incidents);
  const overall = all.minutesTo;
  const openActions = incidents.reduce((n, i) => n + i.openActions, 0);
  const t = trend(incidents, today);
  const sortedKeys = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

  if (format === 'json') {
    const summary = { incidents: incidents.length, bySeverity: sortedKeys(bySeverity), byMonth: sortedKeys(byMonth), minutesTo: overall, openActions, actions: all.actions, trend: t, today };
    process.stdout.write(`${JSON.stringify({ incidents, summary }, null, 2)}\n`);
    return 0;
  }
  if (format === 'csv') {
    process.stdout.write(`${csv(
      ['path', 'date', 'severity', 'title', 'detect_minutes', 'mitigate_minutes', 'resolve_minutes', 'open_actions', 'done_actions', 'wontdo_actions', 'overdue_actions', 'status', 'services', 'authors'],
      incidents.map((i) => [i.path, i.date, i.severity, i.title, i.detect, i.mitigate, i.resolve, i.openActions, i.actions.done, i.actions.wontdo, i.actions.overdue, i.status, i.services.join(';'), i.authors.join(';')]),
    )}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(table(
    ['DATE', 'SEVERITY', 'DETECT', 'MITIGATE', 'RESOLVE', 'TITLE'],
    incidents.map((i) => [i.date ?? '-', i.severity ?? '-', formatMinutes(i.detect), formatMinutes(i.mitigate), formatMinutes(i.resolve), i.title ?? i.path]),
  ));
  out.push('');
  out.push(`${incidents.length} incident${incidents.length === 1 ? '' : 's'}; ${openActions} open action item${openActions === 1 ? '' : 's'}`);
  out.push(`by severity: ${Object.entries(sortedKeys(bySeverity)).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
  out.push(`by month:    ${Object.entries(sortedKeys(byMonth)).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`);
  out.push(`actions:     ${all.actions.total} (${all.actions.done} done, ${all.actions.open} open, ${all.actions.wontdo} won't do); ${pct(all.actions.completionRate)} done, ${pct(all.actions.overdueRate)} of open overdue (as of ${today})`);
  const cur = t.current;
  const prev = t.before;
  out.push(`trend:       ${t.quarter} against ${t.previous}: ${cur.incidents} incident${cur.incidents === 1 ? '' : 's'}${change(cur.incidents, prev.incidents, String)}, median time to resolve ${formatMinutes(cur.minutesTo.resolve.median)}${change(cur.minutesTo.resolve.median, prev.minutesTo.resolve.median, (n) => formatMinutes(n))}`);
  out.push('');
  out.push(table(
    ['MINUTES TO', 'MEDIAN', 'P90', 'INCIDENTS'],
    MEASURES.map((m) => [m, formatMinutes(overall[m].median), formatMinutes(overall[m].p90), String(overall[m].count)]),
  ));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
