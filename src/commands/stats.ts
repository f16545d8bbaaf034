/** `postmortem stats`: time to detect, mitigate and resolve, per incident and overall. */
import { DateTime } from 'luxon';
import type { Postmortem, TimelineEntry } from '../document/model.js';
import { parseIsoDateTime } from '../document/time.js';
import { UserError } from '../errors.js';
import { byDateDesc, formatMinutes, openRepository, parseDateOption, summarize, table, warnSkipped } from '../repo.js';
import type { GlobalOptions } from '../cli.js';

export interface StatsOptions extends GlobalOptions {
  json?: boolean;
  csv?: boolean;
  since?: string;
}

const MEASURES = ['detect', 'mitigate', 'resolve'] as const;
type Measure = (typeof MEASURES)[number];

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
  /** Minutes from the incident's start; null when unknown. */
  detect: number | null;
  mitigate: number | null;
  resolve: number | null;
  /** Where each measure came from. */
  sources: Record<Measure, 'front-matter' | 'timeline' | null>;
  openActions: number;
}

export function incidentStats(doc: Postmortem): IncidentStats {
  const s = summarize(doc);
  const start = millis(doc.incident.startInstant ? { instant: doc.incident.startInstant } : doc.incident.start);
  const out: IncidentStats = {
    path: doc.path,
    date: s.date,
    severity: s.severity,
    title: s.title,
    detect: null,
    mitigate: null,
    resolve: null,
    sources: { detect: null, mitigate: null, resolve: null },
    openActions: doc.actionItems.filter((a) => a.status === 'open').length,
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

export async function run(opts: StatsOptions): Promise<number> {
  if (opts.json && opts.csv) throw new UserError('choose one of --json and --csv');
  const since = parseDateOption(opts.since, '--since');
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const incidents = repo.docs
    .map(incidentStats)
    .filter((i) => since === undefined || (i.date !== null && i.date >= since))
    .sort(byDateDesc);
  const bySeverity: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  for (const i of incidents) {
    const sev = i.severity ?? 'unknown';
    bySeverity[sev] = (bySeverity[sev] ?? 0) + 1;
    const month = i.date?.slice(0, 7) ?? 'unknown';
    byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  const overall: Record<Measure, { count: number; median: number | null; p90: number | null }> = {} as never;
  for (const m of MEASURES) {
    const values = incidents.map((i) => i[m]).filter((v): v is number => v !== null);
    overall[m] = { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
  }
  const openActions = incidents.reduce((n, i) => n + i.openActions, 0);
  const sortedKeys = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

  if (opts.json) {
    const summary = { incidents: incidents.length, bySeverity: sortedKeys(bySeverity), byMonth: sortedKeys(byMonth), minutesTo: overall, openActions };
    process.stdout.write(`${JSON.stringify({ incidents, summary }, null, 2)}\n`);
    return 0;
  }
  if (opts.csv) {
    const lines = ['path,date,severity,title,detect_minutes,mitigate_minutes,resolve_minutes,open_actions'];
    for (const i of incidents) lines.push([i.path, i.date, i.severity, i.title, i.detect, i.mitigate, i.resolve, i.openActions].map(csvCell).join(','));
    process.stdout.write(`${lines.join('\n')}\n`);
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
  out.push('');
  out.push(table(
    ['MINUTES TO', 'MEDIAN', 'P90', 'INCIDENTS'],
    MEASURES.map((m) => [m, formatMinutes(overall[m].median), formatMinutes(overall[m].p90), String(overall[m].count)]),
  ));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
