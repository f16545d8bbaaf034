/** A lint worker thread: lints the files (or texts) it is sent with the same code as the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config/config.js';
import { loadTemplates } from '../template/load.js';
import { lintFiles, lintText, type LintRunOptions } from './run.js';

export interface WorkerSetup {
  cwd: string;
  configPath?: string;
  template?: string;
  stdinPath?: string;
}

export type WorkerJob = { id: number; files?: string[]; texts?: Array<{ path: string; text: string }> };

const setup = workerData as WorkerSetup;
const config = await loadConfig(setup.cwd, setup.configPath);
const templates = await loadTemplates({ cwd: setup.cwd, root: config.root, ...(config.templates ? { templatesDir: config.templates } : {}) });
const options: LintRunOptions = { cwd: setup.cwd, config, templates, ...(setup.template ? { template: setup.template } : {}), ...(setup.stdinPath ? { stdinPath: setup.stdinPath } : {}) };
const fallback = templates.get(setup.template ?? config.template);

parentPort!.on('message', (job: WorkerJob) => {
  const results = job.files ? lintFiles(job.files, options) : (job.texts ?? []).map((t) => lintText(t.text, t.path, options, fallback));
  parentPort!.postMessage({ id: job.id, results });
});
parentPort!.postMessage({ ready: true });
