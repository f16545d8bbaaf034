#!/usr/bin/env node
// Bench of `postmortem lsp` (run by `npm run bench` after scripts/bench.mjs, or alone after `npm run build`):
//  - latency (after 100 warm-up edits): from sending a change of a 10 KB postmortem to receiving its diagnostics, over stdio, with the server's
//    default debounce (15 ms) — what an editor sees — and the server-side check time (parse + rules) alone;
//  - memory: 5,000 edits typed into the document one after another, the server's heap after a full GC every 500.
// Options: --edits N (default 5000), --samples N (latency samples, default 300). The document is synthetic: the
// repository's first example with its timeline and prose lengthened to 10 KB.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg('--edits', 5000);
const SAMPLES = arg('--samples', 300);

/** A 10 KB postmortem: our example, its timeline and root cause lengthened. */
function document() {
  let text = readFileSync(join(root, 'examples', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md'), 'utf8');
  const entries = [];
  for (let m = 11; entries.join('\n').length < 3500; m += 1) {
    const h = 9 + Math.floor(m / 60);
    entries.push(`- ${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} — The on-call engineer checks replica ${m} and notes its lock wait time in the incident channel.`);
  }
  text = text.replace(/(## Timeline\n\n(?:- .*\n)*?- 09:10 .*\n)/, `$1${entries.join('\n')}\n`);
  // Paragraphs of four lines of about 110 characters, as people wrap prose.
  const prose = 'The migration tool took an exclusive lock on the table while it rewrote each row, and every sign-in waited.';
  const count = Math.ceil((10 * 1024 - text.length) / (prose.length + 1));
  const paragraphs = Array.from({ length: count }, (_, i) => prose + (i % 4 === 3 ? '\n\n' : '\n')).join('');
  text = text.replace('## Corrective and preventative measures', `${paragraphs.trimEnd()}\n\n## Corrective and preventative measures`);
  return text;
}

function percentile(samples, p) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (v) => `${(v / 1024 / 1024).toFixed(1)} MB`;

async function session(debounceMs) {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-bench-lsp-'));
  mkdirSync(join(dir, 'postmortems'));
  const file = join(dir, 'postmortems', 'incident.md');
  const text = document();
  writeFileSync(file, text);
  const child = spawn(process.execPath, ['--expose-gc', join(root, 'bin', 'postmortem.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(p);
    }
  });
  connection.onNotification('window/logMessage', (p) => {
    if (p.type === 1) process.stderr.write(`server: ${p.message}\n`);
  });
  connection.listen();
  const uri = pathToFileURL(file).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounceMs } });
  await connection.sendNotification('initialized', {});
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  let version = 1;
  const opened = published(1);
  const t0 = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  const first = await opened;
  const openMs = performance.now() - t0;
  // Typing: a word typed at the end of a line of the root cause and then erased again (eight characters, eight
  // backspaces), so the document keeps its size however long the session.
  const line = text.split('\n').findIndex((l) => l.startsWith('The migration tool took'));
  let column = text.split('\n')[line].length;
  const change = async () => {
    version += 1;
    const erase = version % 16 >= 8;
    const range = erase
      ? { start: { line, character: column - 1 }, end: { line, character: column } }
      : { start: { line, character: column }, end: { line, character: column } };
    const done = published(version);
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: erase ? '' : ' wording'[version % 8] }] });
    const result = await done;
    column += erase ? -1 : 1;
    return { latency: performance.now() - start, diagnostics: result.diagnostics.length };
  };
  const stats = (gc = false) => connection.sendRequest('postmortem/stats', { uri, gc });
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
  return { text, first, openMs, change, stats, stop };
}

console.log(`\npostmortem lsp: ${EDITS.toLocaleString('en')} edits, ${SAMPLES} latency samples (node ${process.version}, ${process.platform}/${process.arch})`);

// Latency with the default debounce, as an editor sees it.
{
  const s = await session(15);
  console.log(`  document: ${(s.text.length / 1024).toFixed(1)} KB, ${s.first.diagnostics.length} diagnostics; first diagnostics after open ${ms(s.openMs)}`);
  const latency = [];
  const server = [];
  // A long-lived editor session: measured after 100 warm-up edits (the first checks of a fresh process run colder).
  for (let i = 0; i < 100; i++) await s.change();
  for (let i = 0; i < SAMPLES; i++) {
    const r = await s.change();
    latency.push(r.latency);
    server.push((await s.stats()).elapsed);
  }
  console.log(`  change → diagnostics, over stdio, debounce 15 ms: median ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))}, max ${ms(Math.max(...latency))} (target: 30 ms)`);
  console.log(`  server-side check (parse + rules) of the 10 KB document: median ${ms(percentile(server, 50))}, p95 ${ms(percentile(server, 95))}`);
  await s.stop();
}

// Memory over a long session: every edit waited for (no debounce, so each one is really checked).
{
  const s = await session(0);
  const heap = [];
  const start = await s.stats(true);
  heap.push(start.heapUsed);
  const latency = [];
  for (let i = 1; i <= EDITS; i++) {
    latency.push((await s.change()).latency);
    if (i % 500 === 0 || i === EDITS) heap.push((await s.stats(true)).heapUsed);
  }
  const end = await s.stats(true);
  console.log(`  ${EDITS.toLocaleString('en')} edits without debounce: change → diagnostics median ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))}`);
  console.log(`  server heap after GC: ${heap.map(mb).join(' → ')} (start ${mb(start.heapUsed)}, end ${mb(end.heapUsed)}, rss ${mb(end.rss)})`);
  // Caches and compiled code fill up during the first edits; a leak shows as growth after that.
  const settled = heap[Math.min(1, heap.length - 1)];
  const growth = end.heapUsed - settled;
  console.log(`  heap growth from edit ${Math.min(500, EDITS)} to edit ${EDITS}: ${mb(growth)} (${growth < 2 * 1024 * 1024 ? 'flat' : 'GROWING'})`);
  await s.stop();
}
