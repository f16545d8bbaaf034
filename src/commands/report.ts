/**
 * `postmortem report [--out DIR] [--since DATE]`: the static site. The site itself is built by dist/site/report.js,
 * a bundle of its own (vega, vega-lite, unified, d3), imported only here so that no other command loads it.
 * The output directory is replaced as a whole (built next to it, then renamed into place), and only when it is
 * empty, absent, or a report written before (it holds the .postmortem-report marker): nothing else is overwritten.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { importModule } from '../config/importer.js';
import { fileProblem, UserError } from '../errors.js';
import { openRepository, parseDateOption, warnSkipped } from '../repo.js';
import type { Postmortem } from '../document/model.js';
import type { GlobalOptions } from '../cli.js';

export interface ReportOptions extends GlobalOptions {
  out?: string;
  since?: string;
  today?: string;
  title?: string;
}

export const MARKER = '.postmortem-report';

interface SiteModule {
  buildSite(input: { docs: Postmortem[]; slo: Record<string, number> | undefined; today: string; since?: string; title?: string; workerScript?: URL }): Promise<{ files: Map<string, string>; pages: number }>;
}

export async function run(opts: ReportOptions): Promise<number> {
  const since = parseDateOption(opts.since, '--since');
  const today = parseDateOption(opts.today, '--today') ?? DateTime.now().toISODate()!;
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const out = resolve(repo.cwd, opts.out ?? 'postmortem-report');
  const shown = relative(repo.cwd, out) || '.';
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError(`--out ${shown} is a file; give a directory`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) throw new UserError(`--out ${shown} is not empty and holds no report written by postmortem: give an empty or new directory`);
  }
  if (out === repo.dir || repo.dir.startsWith(`${out}/`)) throw new UserError(`--out ${shown} holds the postmortems: give another directory`);
  const { buildSite } = (await importModule(new URL('./site/report.js', import.meta.url).href)) as unknown as SiteModule;
  const site = await buildSite({ workerScript: new URL('./site/markdown-worker.js', import.meta.url), docs: repo.docs, slo: repo.config.actions?.slo, today, ...(since ? { since } : {}), ...(opts.title ? { title: opts.title } : {}) });
  const parent = dirname(out);
  const temp = join(parent, `.${randomBytes(6).toString('hex')}.postmortem-report.tmp`);
  const old = `${temp}.old`;
  try {
    mkdirSync(temp, { recursive: true });
    writeFileSync(join(temp, MARKER), 'Written by "postmortem report"; the whole directory is replaced on the next run.\n');
    mkdirSync(join(temp, 'p'));
    for (const [path, content] of site.files) writeFileSync(join(temp, path), content);
    if (existsSync(out)) renameSync(out, old);
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(out)) renameSync(old, out);
    throw new UserError(`cannot write ${shown}: ${fileProblem(error, 'write')}`);
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
  process.stdout.write(`Wrote ${shown}/index.html and ${site.pages - 1} postmortem page${site.pages === 2 ? '' : 's'} (open ${shown}/index.html in a browser)\n`);
  return 0;
}
