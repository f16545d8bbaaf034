/**
 * Sharing the report's per-document work (./share.ts) between the main thread and worker threads. Reading and
 * rendering a postmortem is nearly all of the report's time at a thousand documents, so all of it is shared, not
 * only the rendering: the files go out in chunks of CHUNK, each worker holding two so that it never waits, the main
 * thread taking one whenever it is free. Summaries come back in the files' order whoever made them. Pages are then
 * built by the thread that read the document, the workers' while the main thread draws the overview's charts.
 * A worker that fails or stops leaves its chunks to the main thread, which reads them again: the site is the same.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { FileSummary, PageContext, PageJob, Share, ShareSetup } from './share.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker.js';

const CHUNK = 16;

export interface WorkerOptions {
  /** The built worker, dist/site/worker.js. */
  script: URL;
  /** How the worker opens the project: as the main thread did. */
  cwd: string;
  configPath?: string;
  /** Worker threads to start (besides the main thread). */
  count: number;
}

interface Helper {
  worker: Worker;
  /** Chunks sent and not answered. */
  assigned: Set<number>;
  dead: boolean;
  /** Waiting for this worker's pages. */
  onPages?: (pages: string[] | null) => void;
}

export class Threads {
  private readonly chunks: string[][] = [];
  private readonly summaries: Array<FileSummary[] | undefined> = [];
  /** Who made each chunk's summaries (and holds its documents): a worker, or null for the main thread. */
  private readonly ownerOf: Array<Helper | null> = [];
  private readonly helpers: Helper[] = [];
  private readonly retry: number[] = [];
  private next = 0;
  private done = 0;
  private wake: (() => void) | undefined;

  constructor(
    files: string[],
    private readonly mine: Share,
    setup: ShareSetup,
    workers: WorkerOptions | undefined,
  ) {
    for (let i = 0; i < files.length; i += CHUNK) this.chunks.push(files.slice(i, i + CHUNK));
    for (let k = 0; k < (workers?.count ?? 0); k++) {
      const workerData: WorkerSetup = { ...setup, cwd: workers!.cwd, ...(workers!.configPath ? { configPath: workers!.configPath } : {}) };
      const helper: Helper = { worker: new Worker(workers!.script, { workerData }), assigned: new Set(), dead: false };
      helper.worker.on('message', (m: FromWorker) => this.answer(helper, m));
      helper.worker.once('error', (error) => this.fail(helper, error.message));
      helper.worker.once('exit', (code) => this.fail(helper, `exit code ${code}`));
      this.helpers.push(helper);
    }
  }

  private post(helper: Helper, message: ToWorker): void {
    helper.worker.postMessage(message);
  }

  /** Send the worker its next chunk, if there is one left. */
  private give(helper: Helper): void {
    if (helper.dead || this.next >= this.chunks.length) return;
    const c = this.next++;
    helper.assigned.add(c);
    this.post(helper, { chunk: c, files: this.chunks[c]! });
  }

  private answer(helper: Helper, m: FromWorker): void {
    if ('chunk' in m) {
      helper.assigned.delete(m.chunk);
      this.summaries[m.chunk] = m.summaries;
      this.ownerOf[m.chunk] = helper;
      this.done++;
      this.give(helper);
    } else {
      helper.onPages?.(m.pages);
    }
    this.wake?.();
  }

  private fail(helper: Helper, why: string): void {
    if (helper.dead) return;
    helper.dead = true;
    // Said, not hidden: the site is still complete, only slower.
    process.stderr.write(`postmortem: warning: a report worker thread stopped (${why}); the main thread does its share\n`);
    this.retry.push(...helper.assigned);
    helper.assigned.clear();
    helper.onPages?.(null);
    this.wake?.();
  }

  /** Every file's summary, in the files' order. */
  async summarize(): Promise<FileSummary[]> {
    for (const helper of this.helpers) {
      this.give(helper);
      this.give(helper);
    }
    while (this.done < this.chunks.length) {
      const c = this.retry.pop() ?? (this.next < this.chunks.length ? this.next++ : undefined);
      if (c === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      this.summaries[c] = this.mine.summarize(this.chunks[c]!);
      this.ownerOf[c] = null;
      this.done++;
      // Let the workers' answers in (and send them their next chunks).
      if (this.helpers.length) await yieldToEvents();
    }
    return this.summaries.flatMap((s) => s!);
  }

  /**
   * The pages, by path: each built by the thread that read its document. `meanwhile` (the overview) runs on the
   * main thread while the workers build theirs.
   */
  async pages<T>(jobs: PageJob[], context: PageContext, meanwhile: () => Promise<T>): Promise<{ pages: Map<string, string>; meanwhile: T }> {
    const owner = new Map<string, Helper | null>();
    this.summaries.forEach((list, c) => {
      for (const s of list!) owner.set(s.path, this.ownerOf[c]!);
    });
    const byOwner = new Map<Helper | null, PageJob[]>();
    for (const job of jobs) {
      const o = owner.get(job.path) ?? null;
      byOwner.set(o, [...(byOwner.get(o) ?? []), job]);
    }
    const out = new Map<string, string>();
    const put = (list: PageJob[], pages: string[]): void => list.forEach((j, k) => out.set(j.path, pages[k]!));
    const pending: Array<Promise<void>> = [];
    for (const [helper, list] of byOwner) {
      if (!helper) continue;
      pending.push(
        new Promise<string[] | null>((resolve) => {
          helper.onPages = resolve;
          if (helper.dead) resolve(null);
          else this.post(helper, { pages: list, context });
        }).then((pages) => {
          if (pages) return put(list, pages);
          // The worker is gone, and the documents it held with it: read them again here.
          this.ownerOf.forEach((o, c) => {
            if (o === helper) this.mine.summarize(this.chunks[c]!);
          });
          put(list, this.mine.pages(list, context));
        }),
      );
    }
    try {
      const result = await meanwhile();
      put(byOwner.get(null) ?? [], this.mine.pages(byOwner.get(null) ?? [], context));
      await Promise.all(pending);
      return { pages: out, meanwhile: result };
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.helpers.map((h) => {
        h.dead = true;
        return h.worker.terminate();
      }),
    );
  }
}
