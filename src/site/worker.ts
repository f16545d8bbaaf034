/**
 * A report worker thread (dist/site/worker.js): opens the project as the main thread did, then reads, sums up and
 * renders the chunks of files it is sent; later it finishes and writes their pages, and those handed over to it
 * (see ./share.ts for the work, ./threads.ts for who gets which). It loads the reader and unified, not vega.
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
/** A chunk's summaries; the pages written, or the error that stopped it. */
export type FromWorker = { chunk: number; summaries: ReturnType<Share['summarize']> } | { written: true } | { failed: { code?: string; message: string } };

const setup = workerData as WorkerSetup;
const project = await openProject(setup.cwd, setup.configPath);
const fallback = project.templates.get(project.config.template);
const share = new Share((file) => readRepositoryFile(file, project, fallback), setup);

parentPort!.on('message', (m: ToWorker) => {
  if ('chunk' in m) {
    parentPort!.postMessage({ chunk: m.chunk, summaries: share.summarize(m.files) } satisfies FromWorker);
    return;
  }
  share.write(m.pages, m.context).then(
    () => parentPort!.postMessage({ written: true } satisfies FromWorker),
    (error: NodeJS.ErrnoException) => parentPort!.postMessage({ failed: { ...(error.code ? { code: error.code } : {}), message: error.message } } satisfies FromWorker),
  );
});
