#!/usr/bin/env node
// Bench for `postmortem timeline import` on large sources: memory must stay bounded as the input grows.
//
// Generates, in a temp dir, a synthetic Slack channel export (one JSON file per day, ~300-byte messages, 0.5% of
// them with a :pushpin: reaction, 10% thread replies, users.json) and a JSON Lines file of the same size, then
// imports each into a draft postmortem (the pinned messages; the JSON Lines events matching a --match pattern)
// at a tenth of the size and at the full size, reporting wall time and peak RSS of the CLI process (maxRSS, read
// at exit through a --require hook). Bounded memory means the peak at full size is close to the peak at a tenth.
//
//   node scripts/bench-timeline.mjs            # 100 MB (npm run bench runs this after scripts/bench.mjs)
//   node scripts/bench-timeline.mjs --mb 2     # a smoke run
//
// Needs a build (npm run build). Do not read figures off a busy machine.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'postmortem.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const MB = Number(arg('--mb', '100'));
const keep = process.argv.includes('--keep');

const WORDS = 'deploy rollback error rate latency checkout payment gateway queue backlog alert page on-call database lock replica failover cache eviction retry timeout dashboard customer ticket status update mitigation flag canary restart config push region traffic'.split(' ');
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(rand() * list.length)];
const sentence = () => Array.from({ length: 25 + Math.floor(rand() * 20) }, () => pick(WORDS)).join(' ');

const START = Date.UTC(2024, 0, 1); // the export's first day
const DAY = 86_400_000;

/** A Slack channel export of about `bytes`, one file per day; returns the number of messages and pinned ones. */
function slackExport(dir, bytes) {
  const channel = join(dir, 'incident');
  mkdirSync(channel, { recursive: true });
  writeFileSync(join(dir, 'users.json'), JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: `U${i}`, name: `user${i}` }))));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify([{ id: 'C1', name: 'incident' }]));
  const days = 365;
  const perDay = Math.max(1, Math.round(bytes / 330 / days));
  let messages = 0;
  let pinned = 0;
  for (let d = 0; d < days; d++) {
    const list = [];
    for (let i = 0; i < perDay; i++) {
      const ts = (START + d * DAY + Math.floor((i * DAY) / perDay)) / 1000;
      const m = { type: 'message', user: `U${Math.floor(rand() * 50)}`, text: `${sentence()} <@U${Math.floor(rand() * 50)}>`, ts: `${ts.toFixed(0)}.${String(i).padStart(6, '0')}` };
      if (rand() < 0.1 && list.length) m.thread_ts = list[list.length - 1].ts;
      if (rand() < 0.005) {
        m.reactions = [{ name: 'pushpin', users: [m.user], count: 1 }];
        pinned++;
      }
      list.push(m);
      messages++;
    }
    writeFileSync(join(channel, `${new Date(START + d * DAY).toISOString().slice(0, 10)}.json`), JSON.stringify(list, null, 1));
  }
  return { messages, pinned };
}

/** A JSON Lines file of about `bytes`; 1 line in 1,000 starts with "failover drill". */
function jsonLines(file, bytes) {
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  let chunk = '';
  while (written < bytes) {
    const at = new Date(START + lines * 30_000).toISOString();
    const line = `${JSON.stringify({ time: at, text: `${lines % 1000 === 0 ? 'failover drill: ' : ''}${sentence()}` })}\n`;
    chunk += line;
    written += line.length;
    lines++;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return lines;
}

function sizeOf(path) {
  const r = spawnSync('du', ['-sb', path], { encoding: 'utf8' });
  return Number(r.stdout.split('\t')[0]) || statSync(path).size;
}

const DOC = `---
title: Synthetic incident
date: 2024-01-01
severity: SEV-3
status: draft
authors: [bench]
started: 2024-01-01T00:00:00Z
timezone: UTC
---

# Synthetic incident

## Timeline

- 00:00 — Incident started (postmortem start)
`;

function run(dir, args) {
  const hook = join(dir, 'rss-hook.cjs');
  writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number(/PEAK_RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  if (r.status !== 0) throw new Error(`postmortem ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds, rss, summary: r.stdout.trim().split('\n').at(-1) };
}

const rows = [];
const base = mkdtempSync(join(tmpdir(), 'postmortem-bench-timeline-'));
try {
  for (const mb of [MB / 10, MB]) {
    const dir = join(base, `${mb}mb`);
    mkdirSync(dir);
    const bytes = mb * 1024 * 1024;
    const slack = join(dir, 'slack');
    const { messages, pinned } = slackExport(slack, bytes);
    const jsonl = join(dir, 'events.jsonl');
    const lines = jsonLines(jsonl, bytes);
    for (const [name, source, extra, count] of [
      ['Slack export, --reaction pushpin', slack, ['--reaction', 'pushpin'], `${messages} messages, ${pinned} pinned`],
      ['JSON Lines, --match "^failover drill"', jsonl, ['--match', '^failover drill'], `${lines} lines`],
    ]) {
      writeFileSync(join(dir, 'doc.md'), DOC);
      const first = run(dir, ['timeline', 'import', source, '--into', 'doc.md', ...extra]);
      const again = run(dir, ['timeline', 'import', source, '--into', 'doc.md', ...extra]);
      rows.push({ name, size: `${(sizeOf(source) / 1024 / 1024).toFixed(1)} MB (${count})`, first, again });
    }
  }
} finally {
  if (!keep) rmSync(base, { recursive: true, force: true });
  else process.stderr.write(`kept ${base}\n`);
}

console.log(`timeline import, node ${process.version}; peak RSS of the CLI process (maxRSS)`);
console.log('| source | size | import: time, peak RSS | re-import (nothing added): time, peak RSS |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) {
  const f = (x) => `${x.seconds.toFixed(1)} s, ${x.rss.toFixed(0)} MB`;
  console.log(`| ${r.name} | ${r.size} | ${f(r.first)} | ${f(r.again)} |`);
}
for (const r of rows) console.log(`  ${r.name}: ${r.first.summary} / ${r.again.summary}`);
