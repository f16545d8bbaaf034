/**
 * Starting the report's worker threads, from src/commands/report.ts before it loads the site builder itself, so that
 * the workers load their modules (the reader, unified) while the main thread loads its own. Nothing else here:
 * this module is bundled into dist/cli.cjs. src/site/threads.ts takes the workers over.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './worker.js';

/** Below this many documents, starting a worker (loading the reader and unified in it) costs more than it saves. */
export const MIN_FOR_WORKERS = 300;

export interface StartedWorker {
  worker: Worker;
  /** Why it stopped (an error, or its exit), if it did before it was taken over. */
  stopped?: string;
  /** Called once when it stops, set by whoever takes it over. */
  onStop?: (why: string) => void;
}

/** `count` workers for a report of `files` documents: none below MIN_FOR_WORKERS. */
export function startWorkers(script: URL, setup: WorkerSetup, count: number, files: number): StartedWorker[] {
  if (files < MIN_FOR_WORKERS) return [];
  return Array.from({ length: count }, () => {
    const started: StartedWorker = { worker: new Worker(script, { workerData: setup }) };
    const stop = (why: string): void => {
      if (started.stopped !== undefined) return;
      started.stopped = why;
      started.onStop?.(why);
    };
    started.worker.once('error', (error) => stop(error.message));
    started.worker.once('exit', (code) => stop(`exit code ${code}`));
    return started;
  });
}
