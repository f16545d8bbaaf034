/**
 * Rendering Markdown is half of the report's work at a thousand postmortems: above a few hundred documents it is
 * shared with worker threads (dist/site/markdown-worker.js), each given a slice of the texts, while the main
 * thread renders its own slice. Results come back in order; a worker that fails leaves its slice to the main thread.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { renderMarkdown } from './markdown.js';

/** Below this many documents, starting a worker (loading unified in it) costs more than it saves. */
const MIN_FOR_WORKERS = 300;

if (!isMainThread && parentPort) {
  parentPort.on('message', (texts: string[]) => {
    parentPort!.postMessage(texts.map(renderMarkdown));
  });
}

function inWorker(script: URL, texts: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', (html: string[]) => {
      void worker.terminate();
      resolve(html);
    });
    worker.once('error', reject);
    worker.postMessage(texts);
  });
}

export async function renderAll(texts: string[], script: URL | undefined): Promise<string[]> {
  const threads = Math.min(availableParallelism(), 4);
  if (!script || threads < 2 || texts.length < MIN_FOR_WORKERS) return texts.map(renderMarkdown);
  // The main thread takes an equal share; each worker one more.
  const share = Math.ceil(texts.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => texts.slice(i * share, (i + 1) * share));
  const pending = slices.slice(1).map((slice) => inWorker(script, slice).catch(() => slice.map(renderMarkdown)));
  const mine = slices[0]!.map(renderMarkdown);
  return [mine, ...(await Promise.all(pending))].flat();
}
