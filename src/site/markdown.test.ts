import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';
import { renderAll } from './markdown-worker.js';

describe('renderMarkdown', () => {
  it('renders GFM and drops what could run or fetch', () => {
    expect(renderMarkdown('| a |\n| - |\n| b |\n\n- [x] done\n')).toContain('<table>');
    const html = renderMarkdown('<script>x()</script>\n\n[a](javascript:x()) <img src="https://h/p.png" onerror="x()"> ![i](https://h/i.png) ![j](img/j.png)\n');
    expect(html).not.toMatch(/script|javascript:|onerror|https:\/\/h/);
    expect(html).toContain('<img src="img/j.png" alt="j">');
  });

  it('gives the same pages when shared with worker threads (the built worker)', async () => {
    const texts = Array.from({ length: 320 }, (_, i) => `# Doc ${i}\n\n- item **${i}**\n\n<b onclick="x()">${i}</b>\n`);
    const worker = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'site', 'markdown-worker.js'));
    expect(await renderAll(texts, worker)).toEqual(texts.map(renderMarkdown));
    // The worker itself answers (renderAll would fall back to the main thread if it did not).
    const w = new Worker(worker);
    const answer = await new Promise<string[]>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage(texts.slice(0, 3));
    });
    await w.terminate();
    expect(answer).toEqual(texts.slice(0, 3).map(renderMarkdown));
  });
});
