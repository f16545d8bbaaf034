/** Lint many files on every core (worker threads) when there are enough of them to pay, with the cache first. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readText, STDIN } from '../files.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { FileResult } from '../report/types.js';
import { hashText, type LintCache } from './cache.js';
import { lintText, readForLint, type LintRunOptions } from './run.js';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './worker.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const CHUNK = 25;

export interface ManyOptions extends LintRunOptions {
  /** Threads to use; default: the cores available. */
  jobs?: number;
  /** --config, for the workers to load the same config. */
  configPath?: string;
  cache?: LintCache;
  /** Seconds one file may take (default: the config's `timeout`, else DEFAULT_TIMEOUT_SECONDS). */
  timeout?: number;
}

type Item = { index: number; path: string; text?: string };

/** Seconds `lint` may spend on one file, unless --timeout or the config's `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
/**
 * A one-thread run lints a file this large (or larger) in a worker thread, where the time limit can stop it; smaller
 * files, linear-time to read, are linted on the main thread and start-up stays that of one process.
 */
export const WATCHED_SIZE = 64 * 1024; // characters

/**
 * Lint items on `jobs` worker threads, CHUNK files at a time, each file under a watchdog: a worker that spends more
 * than `limitSeconds` on one file is terminated, that file is reported as fatal, and a new worker goes on with the
 * rest of its chunk.
 */
async function inWorkers(items: Item[], jobs: number, options: ManyOptions, results: FileResult[], limitSeconds: number): Promise<void> {
  const setup: WorkerSetup = {
    cwd: options.cwd,
    ...(options.configPath ? { configPath: options.configPath } : {}),
    ...(options.template ? { template: options.template } : {}),
    ...(options.stdinPath ? { stdinPath: options.stdinPath } : {}),
  };
  const script = join(PACKAGE_ROOT, 'dist', 'lint', 'worker.js');
  let next = 0;
  const retry: Item[][] = [];
  const take = (): Item[] | undefined => {
    const again = retry.shift();
    if (again) return again;
    if (next >= items.length) return undefined;
    const chunk = items.slice(next, next + CHUNK);
    next += CHUNK;
    return chunk;
  };
  let jobId = 0;
  const lane = (): Promise<void> =>
    new Promise((resolveLane, reject) => {
      let worker: Worker;
      let chunk: Item[] | undefined;
      let id = -1;
      let at = 0;
      let timer: NodeJS.Timeout | undefined;
      const send = (): void => {
        chunk = take();
        if (!chunk) {
          clearTimeout(timer);
          void stop(worker).then(() => resolveLane());
          return;
        }
        id = jobId++;
        at = 0;
        const job: WorkerJob = chunk[0]!.text === undefined ? { id, files: chunk.map((c) => c.path) } : { id, texts: chunk.map((c) => ({ path: c.path, text: c.text! })) };
        worker.postMessage(job);
      };
      const overtime = (): void => {
        const stuck = chunk![at]!;
        results[stuck.index] = { path: stuck.path, messages: [], fatal: `linting took over ${limitSeconds} s and was stopped (the limit for one file; see --timeout)` };
        // The chunk's results come together at its end: the files before the stuck one are linted again.
        const rest = chunk!.filter((_, k) => k !== at);
        if (rest.length > 0) retry.unshift(rest);
        chunk = undefined;
        void stop(worker);
        start();
      };
      const stopped = new WeakSet<Worker>();
      const stop = (w: Worker): Promise<number> => {
        stopped.add(w);
        return w.terminate();
      };
      const start = (): void => {
        const w = new Worker(script, { workerData: setup });
        worker = w;
        w.on('message', (msg: WorkerMessage) => {
          if (w !== worker) return; // a stopped worker's last words
          if ('ready' in msg) return send();
          if (msg.id !== id) return;
          if ('at' in msg) {
            at = msg.at;
            clearTimeout(timer);
            timer = setTimeout(overtime, limitSeconds * 1000);
            return;
          }
          clearTimeout(timer);
          chunk!.forEach((item, k) => (results[item.index] = msg.results[k]!));
          send();
        });
        w.on('error', (error) => {
          clearTimeout(timer);
          if (!stopped.has(w)) reject(error);
        });
        w.on('exit', (code) => {
          if (stopped.has(w)) return;
          clearTimeout(timer);
          reject(new Error(`lint worker exited with code ${code}`));
        });
      };
      start();
    });
  await Promise.all(Array.from({ length: jobs }, lane));
}

export async function lintMany(files: string[], options: ManyOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const fallback = options.templates.get(options.template ?? options.config.template);
  let items: Item[] = files.map((path, index) => ({ index, path }));
  const hashes = new Map<number, string>();

  // Standard input, and every file when there is a cache, are read here: the cache is keyed on content.
  items = items.flatMap((item) => {
    if (!options.cache && item.path !== STDIN) return [item];
    const shown = item.path === STDIN ? (options.stdinPath ?? '<stdin>') : item.path;
    let text: string;
    try {
      text = readText(item.path, options.cwd);
    } catch (error) {
      results[item.index] = { path: shown, messages: [], fatal: `cannot read: ${(error as Error).message}` };
      return [];
    }
    if (options.cache) {
      const hash = hashText(text);
      hashes.set(item.index, hash);
      const hit = options.cache.get(hash);
      if (hit) {
        results[item.index] = { path: shown, messages: hit };
        return [];
      }
    }
    return [{ index: item.index, path: shown, text }];
  });

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), 16));
  const limit = options.timeout ?? options.config.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (jobs > 1 && items.length >= PARALLEL_THRESHOLD) {
    await inWorkers(items, jobs, options, results, limit);
  } else {
    const watched: Item[] = [];
    for (const item of items) {
      // Read once: its length says whether it goes to the watched worker.
      let text = item.text;
      let path = item.path;
      if (text === undefined) {
        const read = readForLint(item.path, options);
        if (!('text' in read)) {
          results[item.index] = read;
          continue;
        }
        text = read.text;
        path = read.shown;
      }
      if (isWatched(item.path, text)) watched.push({ index: item.index, path, text });
      else results[item.index] = lintText(text, path, options, fallback);
    }
    if (watched.length > 0) await inWorkers(watched, 1, options, results, limit);
  }
  if (options.cache) {
    for (const [index, hash] of hashes) if (!results[index]!.fatal) options.cache.set(hash, results[index]!.messages);
    options.cache.save();
  }
  return results;
}

/** Whether a one-thread run lints this item in a worker, under the time limit (see WATCHED_SIZE). */
function isWatched(path: string, text: string): boolean {
  const stall = process.env.POSTMORTEM_TEST_STALL;
  if (stall && path.includes(stall)) return true;
  return text.length >= WATCHED_SIZE;
}
