/**
 * `postmortem report [--out DIR] [--since DATE]`: the static site. The site itself is built by dist/site/report.js,
 * a bundle of its own (vega, vega-lite, unified, d3), imported only here so that no other command loads it.
 * The output directory is replaced as a whole (written next to it, then renamed into place), and only when it is
 * empty, absent, or a report written before (it holds the .postmortem-report marker): nothing else is overwritten.
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { importModule } from '../config/importer.js';
import { fileProblem, UserError } from '../errors.js';
import { startWorkers } from '../site/start-workers.js';
import { listRepository, parseDateOption, readRepositoryFile, warnSkipped } from '../repo.js';
import type { GlobalOptions } from '../cli.js';

export interface ReportOptions extends GlobalOptions {
  out?: string;
  since?: string;
  today?: string;
  title?: string;
  jobs?: string;
}

export const MARKER = '.postmortem-report';

/** The site builder's module (its own bundle, loaded when the command runs; the type import is erased). */
type SiteModule = Pick<typeof import('../site/report.js'), 'buildSite'>;

export async function run(opts: ReportOptions): Promise<number> {
  const since = parseDateOption(opts.since, '--since');
  const today = parseDateOption(opts.today, '--today') ?? DateTime.now().toISODate()!;
  let threads = Math.min(availableParallelism(), 4);
  if (opts.jobs !== undefined) {
    threads = Number(opts.jobs);
    if (!Number.isInteger(threads) || threads < 1) throw new UserError(`--jobs expects a whole number of threads, not "${opts.jobs}"`);
  }
  const { project, dir, files, fallback } = await listRepository(opts.config ? { config: opts.config } : {});
  const repo = { ...project, dir };
  const out = resolve(repo.cwd, opts.out ?? 'postmortem-report');
  const shown = relative(repo.cwd, out) || '.';
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError(`--out ${shown} is a file; give a directory`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) throw new UserError(`--out ${shown} is not empty and holds no report written by postmortem: give an empty or new directory`);
  }
  if (out === repo.dir || repo.dir.startsWith(`${out}/`)) throw new UserError(`--out ${shown} holds the postmortems: give another directory`);
  const slo = repo.config.actions?.slo;
  // Many documents: worker threads share the reading and rendering (src/site/threads.ts). Started before the site
  // builder is loaded, so that they load their own modules meanwhile.
  const setup = { cwd: repo.cwd, ...(opts.config ? { configPath: opts.config } : {}), today, slo, ...(since ? { since } : {}) };
  const workers = startWorkers(new URL('./site/worker.js', import.meta.url), setup, threads - 1, files.length);
  const parent = dirname(out);
  const temp = join(parent, `.${randomBytes(6).toString('hex')}.postmortem-report.tmp`);
  const old = `${temp}.old`;
  const cannotWrite = (error: unknown): UserError => new UserError(`cannot write ${shown}: ${fileProblem(error, 'write')}`);
  let site;
  let buildSite: SiteModule['buildSite'];
  try {
    ({ buildSite } = (await importModule(new URL('./site/report.js', import.meta.url).href)) as unknown as SiteModule);
    try {
      mkdirSync(temp, { recursive: true });
      writeFileSync(join(temp, MARKER), 'Written by "postmortem report"; the whole directory is replaced on the next run.\n');
      mkdirSync(join(temp, 'p'));
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      throw cannotWrite(error);
    }
  } catch (error) {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw error;
  }
  try {
    // The site builder reads the documents, shared with worker threads when there are many (src/site/threads.ts),
    // and writes the pages into the temporary directory.
    site = await buildSite({
      files,
      read: (file) => readRepositoryFile(file, project, fallback),
      slo,
      today,
      ...(since ? { since } : {}),
      ...(opts.title ? { title: opts.title } : {}),
      outDir: temp,
      workers,
    });
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    // A file that could not be written (the error has a code, in this thread or from a worker); anything else is a bug.
    if ((error as NodeJS.ErrnoException).code) throw cannotWrite(error);
    throw error;
  }
  warnSkipped(site);
  try {
    if (existsSync(out)) renameSync(out, old);
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(out)) renameSync(old, out);
    throw cannotWrite(error);
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
  process.stdout.write(`Wrote ${shown}/index.html and ${site.pages} postmortem page${site.pages === 1 ? '' : 's'} (open ${shown}/index.html in a browser)\n`);
  return 0;
}
