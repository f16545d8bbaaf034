/**
 * Sharing the report's per-document work (./share.ts) between the main thread and worker threads. Reading and
 * rendering the postmortems is nearly all of the report's time at a thousand documents, so all of it is shared:
 * the files go out in chunks of CHUNK, each worker holding two so that it never waits (one near the end), the
 * main thread taking one whenever it is free (and answering the workers between its documents). Summaries come back in the files' order
 * whoever made them. Then the workers finish and write the pages, the main thread's handed over to them, while the
 * main thread draws the overview's charts. A worker that fails or stops leaves its share to the main thread, which
 * reads those documents again: the site is the same, and a warning says what happened.
 */
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import type { FileSummary, PageContext, PageJob, Share } from './share.js';
import type { StartedWorker } from './start-workers.js';
import type { FromWorker, ToWorker } from './worker.js';

const CHUNK = 8;

interface Helper {
  worker: Worker;
  /** Chunks sent and not answered. */
  assigned: Set<number>;
  dead: boolean;
  /** Waiting for this worker to write its pages: null when it stopped, else the error it met, or undefined. */
  onWritten?: (outcome: { failed?: { code?: string; message: string } } | null) => void;
}

export class Threads {
  private readonly chunks: string[][] = [];
  private readonly summaries: Array<FileSummary[] | undefined> = [];
  /** Who made each chunk's summaries (and holds its pages made ready): a worker, or null for the main thread. */
  private readonly ownerOf: Array<Helper | null> = [];
  private readonly helpers: Helper[] = [];
  private readonly retry: number[] = [];
  private next = 0;
  private done = 0;
  private wake: (() => void) | undefined;

  /** `workers`: started by ./start-workers.ts and sent nothing yet; this takes them over and terminates them. */
  constructor(
    files: string[],
    private readonly mine: Share,
    workers: StartedWorker[],
  ) {
    for (let i = 0; i < files.length; i += CHUNK) this.chunks.push(files.slice(i, i + CHUNK));
    for (const started of workers) {
      const helper: Helper = { worker: started.worker, assigned: new Set(), dead: false };
      helper.worker.on('message', (m: FromWorker) => this.answer(helper, m));
      started.onStop = (why) => this.fail(helper, why);
      this.helpers.push(helper);
      if (started.stopped !== undefined) this.fail(helper, started.stopped);
    }
  }

  private post(helper: Helper, message: ToWorker): void {
    helper.worker.postMessage(message);
  }

  /**
   * Send the worker its next chunk, if there is one left. A second one waits in its queue only while many are left:
   * near the end, a chunk waiting there is one the main thread could have taken.
   */
  private give(helper: Helper): void {
    if (helper.dead || this.next >= this.chunks.length) return;
    if (helper.assigned.size > 0 && this.chunks.length - this.next < 2 * (this.helpers.length + 1)) return;
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
      helper.onWritten?.('failed' in m ? { failed: m.failed } : {});
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
    helper.onWritten?.(null);
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
      const list: FileSummary[] = [];
      for (const file of this.chunks[c]!) {
        list.push(...this.mine.summarize([file]));
        // Let the workers' answers in between documents, and send them their next chunks.
        if (this.helpers.length) await yieldToEvents();
      }
      this.summaries[c] = list;
      this.ownerOf[c] = null;
      this.done++;
    }
    return this.summaries.flatMap((s) => s!);
  }

  /**
   * Finish and write the pages: each worker its own and a share of the main thread's, while the main thread runs
   * `meanwhile` (the overview); with no worker left, the main thread finishes them before it, and they are written
   * meanwhile.
   */
  async write<T>(jobs: PageJob[], context: PageContext, meanwhile: () => Promise<T>): Promise<T> {
    const owner = new Map<string, Helper | null>();
    this.summaries.forEach((list, c) => {
      for (const s of list!) owner.set(s.path, this.ownerOf[c]!);
    });
    const byOwner = new Map<Helper | null, PageJob[]>();
    for (const job of jobs) {
      const o = owner.get(job.path) ?? null;
      byOwner.set(o, [...(byOwner.get(o) ?? []), job]);
    }
    const live = this.helpers.filter((h) => !h.dead);
    const mine = byOwner.get(null) ?? [];
    // The main thread's pages, handed over in equal shares to the live workers (with their pages made ready).
    const handed = new Map<Helper, PageJob[]>(live.map((h, k) => [h, live.length ? this.mine.release(mine.filter((_, j) => j % live.length === k)) : []]));
    const pending = [...new Set([...byOwner.keys(), ...live])].flatMap((helper) => {
      if (!helper) return [];
      const own = byOwner.get(helper) ?? [];
      const extra = handed.get(helper) ?? [];
      return [
        new Promise<{ failed?: { code?: string; message: string } } | null>((resolve) => {
          helper.onWritten = resolve;
          if (helper.dead) resolve(null);
          else this.post(helper, { pages: [...own, ...extra], context });
        }).then(async (outcome) => {
          // A page it could not write: the error as the main thread would have met it (its code says which).
          if (outcome?.failed) throw Object.assign(new Error(outcome.failed.message), outcome.failed.code ? { code: outcome.failed.code } : {});
          if (outcome) return;
          // The worker is gone, and the pages it held with it: read those documents again here.
          this.ownerOf.forEach((o, c) => {
            if (o === helper) this.mine.summarize(this.chunks[c]!);
          });
          await this.mine.write([...own, ...extra], context);
        }),
      ];
    });
    // With no worker, the main thread finishes its pages first: they are written while it draws the overview.
    if (!live.length) pending.push(this.mine.write(mine, context));
    // Handled now, awaited after the overview: a write that fails meanwhile is not an unhandled rejection.
    const written = Promise.all(pending);
    written.catch(() => undefined);
    try {
      const result = await meanwhile();
      await written;
      return result;
    } finally {
      // Every worker has answered (or stopped) by now, unless a write failed: then stop the others too.
      await Promise.allSettled(pending);
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
