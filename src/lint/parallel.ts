/** Lint many files on every core (worker threads) when there are enough of them to pay, with the cache first. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readText, STDIN } from '../files.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { FileResult } from '../report/types.js';
import { hashText, type LintCache } from './cache.js';
import { lintFiles, lintText, type LintRunOptions } from './run.js';
import type { WorkerJob, WorkerSetup } from './worker.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const CHUNK = 25;

export interface ManyOptions extends LintRunOptions {
  /** Threads to use; default: the cores available. */
  jobs?: number;
  /** --config, for the workers to load the same config. */
  configPath?: string;
  cache?: LintCache;
}

type Item = { index: number; path: string; text?: string };

async function inWorkers(items: Item[], jobs: number, options: ManyOptions, results: FileResult[]): Promise<void> {
  const setup: WorkerSetup = {
    cwd: options.cwd,
    ...(options.configPath ? { configPath: options.configPath } : {}),
    ...(options.template ? { template: options.template } : {}),
    ...(options.stdinPath ? { stdinPath: options.stdinPath } : {}),
  };
  const script = join(PACKAGE_ROOT, 'dist', 'lint', 'worker.js');
  let next = 0;
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolveRun, reject) => {
      const pending = new Map<number, Item[]>();
      const send = (): void => {
        const chunk = chunks[next];
        if (!chunk) {
          if (pending.size === 0) resolveRun();
          return;
        }
        const id = next++;
        pending.set(id, chunk);
        const job: WorkerJob = chunk[0]!.text === undefined ? { id, files: chunk.map((c) => c.path) } : { id, texts: chunk.map((c) => ({ path: c.path, text: c.text! })) };
        worker.postMessage(job);
      };
      worker.on('message', (msg: { ready?: boolean; id?: number; results?: FileResult[] }) => {
        if (msg.ready) return send();
        const chunk = pending.get(msg.id!)!;
        pending.delete(msg.id!);
        chunk.forEach((item, k) => (results[item.index] = msg.results![k]!));
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (pending.size > 0 || next < chunks.length ? reject(new Error(`lint worker exited with code ${code}`)) : resolveRun()));
    });
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: setup }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
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
  if (jobs > 1 && items.length >= PARALLEL_THRESHOLD) {
    await inWorkers(items, jobs, options, results);
  } else {
    for (const item of items) {
      results[item.index] = item.text === undefined ? lintFiles([item.path], options)[0]! : lintText(item.text, item.path, options, fallback);
    }
  }
  if (options.cache) {
    for (const [index, hash] of hashes) if (!results[index]!.fatal) options.cache.set(hash, results[index]!.messages);
    options.cache.save();
  }
  return results;
}
