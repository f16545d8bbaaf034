/** A lint worker thread: lints the files (or texts) it is sent with the same code as the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../project.js';
import { lintFiles, lintText, type LintRunOptions } from './run.js';

export interface WorkerSetup {
  cwd: string;
  configPath?: string;
  template?: string;
  stdinPath?: string;
}

export type WorkerJob = { id: number; files?: string[]; texts?: Array<{ path: string; text: string }> };
/** Before each file: which one of the job's (the parent's watchdog times each file); after the job: the results. */
export type WorkerMessage = { ready: true } | { id: number; at: number } | { id: number; results: ReturnType<typeof lintFiles> };

const setup = workerData as WorkerSetup;
const project = await openProject(setup.cwd, setup.configPath);
const options: LintRunOptions = { ...project, ...(setup.template ? { template: setup.template } : {}), ...(setup.stdinPath ? { stdinPath: setup.stdinPath } : {}) };
const fallback = project.templates.get(setup.template ?? project.config.template);

/**
 * For the time-limit tests only: a file whose path contains this never finishes linting (in a worker, where the
 * watchdog can stop it). Nothing else reads it.
 */
const STALL = process.env.POSTMORTEM_TEST_STALL;
function stall(path: string): void {
  if (STALL && path.includes(STALL)) for (;;);
}

parentPort!.on('message', (job: WorkerJob) => {
  const results = [];
  const count = job.files ? job.files.length : (job.texts ?? []).length;
  for (let k = 0; k < count; k++) {
    parentPort!.postMessage({ id: job.id, at: k });
    if (job.files) {
      stall(job.files[k]!);
      results.push(lintFiles([job.files[k]!], options)[0]!);
    } else {
      const t = job.texts![k]!;
      stall(t.path);
      results.push(lintText(t.text, t.path, options, fallback));
    }
  }
  parentPort!.postMessage({ id: job.id, results });
});
parentPort!.postMessage({ ready: true });
