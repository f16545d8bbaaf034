/**
 * The report's work on each postmortem, done by whichever thread is given the file (the main thread or a worker,
 * see ./worker.ts and ./report.ts): read it, work out its figures and action items for the overview, render its
 * Markdown; later, build its page. The thread keeps what it read until then, so no document is read or parsed twice
 * and no document model crosses threads: only plain figures, rows and finished pages do.
 */
import type { Postmortem } from '../document/model.js';
import { actionRows, type ActionRow } from '../commands/actions.js';
import { incidentStats, type IncidentStats } from '../commands/stats.js';
import type { RepositoryFile } from '../repo.js';
import { bodyOf, docPage } from './doc-page.js';
import { renderMarkdown } from './markdown.js';

export interface ShareSetup {
  /** YYYY-MM-DD: decides overdue items. */
  today: string;
  slo: Record<string, number> | undefined;
  /** Documents dated before it are not shown, so their Markdown is not rendered. */
  since?: string;
}

/** What the overview needs of one file: its figures and action items, or why it was skipped. */
export type FileSummary = { path: string; skipped: string } | { path: string; stats: IncidentStats; rows: ActionRow[] };

/** A page to build: the document (by its path), its place in the table of postmortems, its file name. */
export interface PageJob {
  path: string;
  n: number;
}

export interface PageContext {
  generated: string;
  title?: string;
}

/** Shown on the site: dated on or after --since, or all without it. */
export function shown(stats: IncidentStats, since: string | undefined): boolean {
  return since === undefined || (stats.date !== null && stats.date >= since);
}

export class Share {
  private readonly held = new Map<string, { doc: Postmortem; stats: IncidentStats; rows: ActionRow[]; html: string | null }>();

  constructor(
    private readonly read: (file: string) => RepositoryFile,
    private readonly setup: ShareSetup,
  ) {}

  summarize(files: string[]): FileSummary[] {
    return files.map((file) => {
      const r = this.read(file);
      if (!('doc' in r)) return { path: file, skipped: r.skipped };
      const doc = r.doc;
      const rows = actionRows([doc], this.setup.today, this.setup.slo);
      const stats = incidentStats(doc, rows);
      this.held.set(doc.path, { doc, stats, rows, html: shown(stats, this.setup.since) ? renderMarkdown(bodyOf(doc)) : null });
      return { path: doc.path, stats, rows };
    });
  }

  /** The pages of documents this share summarized, in the order asked; each is let go once built. */
  pages(jobs: PageJob[], context: PageContext): string[] {
    return jobs.map(({ path, n }) => {
      const h = this.held.get(path);
      if (!h) throw new Error(`internal: ${path} was not read by this thread`);
      this.held.delete(path);
      return docPage(h.doc, h.stats, h.rows, context.title, context.generated, n, h.html ?? renderMarkdown(bodyOf(h.doc)));
    });
  }
}
