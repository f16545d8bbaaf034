/** `postmortem list`: the incidents at a glance, newest first. */
import { byDateDesc, formatMinutes, openRepository, parseDateOption, summarize, table, warnSkipped } from '../repo.js';
import type { GlobalOptions } from '../cli.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
  since?: string;
  severity?: string;
  status?: string;
}

export async function run(opts: ListOptions): Promise<number> {
  const since = parseDateOption(opts.since, '--since');
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const wanted = (value: string | null, filter: string | undefined): boolean =>
    filter === undefined || (value ?? '').toLowerCase() === filter.toLowerCase();
  const rows = repo.docs
    .map(summarize)
    .filter((s) => (since === undefined || (s.date !== null && s.date >= since)) && wanted(s.severity, opts.severity) && wanted(s.status, opts.status))
    .sort(byDateDesc);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    process.stdout.write('No postmortems match.\n');
    return 0;
  }
  const out = table(
    ['DATE', 'SEVERITY', 'STATUS', 'DURATION', 'TITLE', 'PATH'],
    rows.map((r) => [r.date ?? '-', r.severity ?? '-', r.status ?? '-', formatMinutes(r.durationMinutes), r.title ?? '-', r.path]),
  );
  process.stdout.write(`${out}\n`);
  return 0;
}
