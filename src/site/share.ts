/**
 * The report's work on each postmortem, done by whichever thread is given the file (the main thread or a worker,
 * see ./worker.ts and ./threads.ts): read it, work out its figures and action items for the overview, render its
 * Markdown and make its page ready; later, once its place in the site is known, finish the page and write it.
 * A thread keeps only the pages made ready (the document model is let go at once, which keeps the heap and the
 * garbage collector's work small); no document is read or parsed twice, and no document model crosses threads:
 * only plain figures, rows and pages made ready do.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { actionRows, type ActionRow } from '../commands/actions.js';
import { incidentStats, type IncidentStats } from '../commands/stats.js';
import type { RepositoryFile } from '../repo.js';
import { bodyOf, finishPage, preparePage, type PreparedPage } from './doc-page.js';
import { renderMarkdown } from './markdown.js';

export interface ShareSetup {
  /** YYYY-MM-DD: decides overdue items. */
  today: string;
  slo: Record<string, number> | undefined;
  /** Documents dated before it are not shown, so their Markdown is not rendered. */
  since?: string;
}

/** What the overview needs of one file: its figures and action items, or why it was skipped. */
export type FileSummary = { path: string; skipped: string; line?: number; column?: number } | { path: string; stats: IncidentStats; rows: ActionRow[] };

/** A page to build: the document (by its path), its place in the table of postmortems, its file in the site. */
export interface PageJob {
  path: string;
  n: number;
  file: string;
  /** Made ready by another thread and handed over with the job. */
  prepared?: PreparedPage;
}

export interface PageContext {
  generated: string;
  title?: string;
  /** The directory the site is written to. */
  outDir: string;
}

/** Shown on the site: dated on or after --since, or all without it. */
export function shown(stats: IncidentStats, since: string | undefined): boolean {
  return since === undefined || (stats.date !== null && stats.date >= since);
}

export class Share {
  /** The pages of the documents shown, made ready; the documents themselves are let go once summed up. */
  private readonly held = new Map<string, PreparedPage>();

  constructor(
    private readonly read: (file: string) => RepositoryFile,
    private readonly setup: ShareSetup,
  ) {}

  summarize(files: string[]): FileSummary[] {
    return files.map((file) => {
      const r = this.read(file);
      if (!('doc' in r)) return { path: file, ...r };
      const doc = r.doc;
      const rows = actionRows([doc], this.setup.today, this.setup.slo);
      const stats = incidentStats(doc, rows);
      if (shown(stats, this.setup.since)) this.held.set(doc.path, preparePage(doc, stats, rows, renderMarkdown(bodyOf(doc))));
      return { path: doc.path, stats, rows };
    });
  }

  /** Hand these pages over to another thread: the jobs, with their pages made ready. */
  release(jobs: PageJob[]): PageJob[] {
    return jobs.map((job) => ({ ...job, prepared: this.take(job.path) }));
  }

  /**
   * Finish these pages (this share's, or handed over with the job) and write them. The files are written by libuv's
   * threads while this thread goes on (with the next page, or the overview's charts); the promise settles once all
   * are written, with the first error if any failed.
   */
  async write(jobs: PageJob[], context: PageContext): Promise<void> {
    const writes = jobs.map((job) => writeFile(join(context.outDir, job.file), finishPage(job.prepared ?? this.take(job.path), context.title, context.generated, job.n)));
    const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private take(path: string): PreparedPage {
    const prepared = this.held.get(path);
    if (!prepared) throw new Error(`internal: ${path} was not read by this thread, or is not shown`);
    this.held.delete(path);
    return prepared;
  }
}
