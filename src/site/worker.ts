/**
 * A report worker thread (dist/site/worker.js): opens the project as the main thread did, then reads, sums up and
 * renders the chunks of files it is sent, and later builds their pages (see ./share.ts for the work, ./report.ts for
 * who gets which chunk). It loads the reader and unified, not vega.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../project.js';
import { readRepositoryFile } from '../repo.js';
import { Share, type PageContext, type PageJob, type ShareSetup } from './share.js';

export interface WorkerSetup extends ShareSetup {
  cwd: string;
  configPath?: string;
}

export type ToWorker = { chunk: number; files: string[] } | { pages: PageJob[]; context: PageContext };
export type FromWorker = { chunk: number; summaries: ReturnType<Share['summarize']> } | { pages: string[] };

const setup = workerData as WorkerSetup;
const project = await openProject(setup.cwd, setup.configPath);
const fallback = project.templates.get(project.config.template);
const share = new Share((file) => readRepositoryFile(file, project, fallback), setup);

parentPort!.on('message', (m: ToWorker) => {
  const answer: FromWorker = 'chunk' in m ? { chunk: m.chunk, summaries: share.summarize(m.files) } : { pages: share.pages(m.pages, m.context) };
  parentPort!.postMessage(answer);
});
