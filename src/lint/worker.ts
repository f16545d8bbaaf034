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

const setup = workerData as WorkerSetup;
const project = await openProject(setup.cwd, setup.configPath);
const options: LintRunOptions = { ...project, ...(setup.template ? { template: setup.template } : {}), ...(setup.stdinPath ? { stdinPath: setup.stdinPath } : {}) };
const fallback = project.templates.get(setup.template ?? project.config.template);

parentPort!.on('message', (job: WorkerJob) => {
  const results = job.files ? lintFiles(job.files, options) : (job.texts ?? []).map((t) => lintText(t.text, t.path, options, fallback));
  parentPort!.postMessage({ id: job.id, results });
});
parentPort!.postMessage({ ready: true });
