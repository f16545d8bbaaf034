#!/usr/bin/env node
// npm run bench (after scripts/bench.mjs): `postmortem report` over generated repositories, against the issue's
// target of 1,000 postmortems in under 10 s (on 2 cores). A script, not a timed test.
//   node scripts/bench-report.mjs [--count 1000] [--rounds 3] [--jobs N]
// (--jobs is passed to the report: --jobs 1 measures one thread, to see how the work scales on the cores.)
// The documents are the three examples/ postmortems, copied with their dates spread over four years and their
// severity and services varied, so that every chart and every page has real content. Wall time of the whole
// command (start-up, reading, charts, pages, writing), median of the rounds; CPU time and peak memory from
// /usr/bin/time when it is there.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'postmortem.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('--count', 1000);
const ROUNDS = arg('--rounds', 3);
const JOBS = arg('--jobs', undefined);
const TARGET_MS = 10_000;

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-2', 'SEV-3', 'SEV-3', 'SEV-3'];
const SERVICES = ['auth-api', 'users-db', 'checkout', 'session-cache', 'webhooks-eu', 'search', 'billing', 'cdn'];

const dir = mkdtempSync(join(tmpdir(), 'postmortem-bench-report-'));
mkdirSync(join(dir, 'pm'));
writeFileSync(join(dir, '.postmortemrc.yaml'), 'dir: pm\ntimezone: UTC\nactions:\n  slo: { P1: 28d, P2: 56d, default: 90d }\n');
const day0 = Date.parse('2021-01-01T00:00:00Z');
for (let i = 0; i < COUNT; i++) {
  const src = examples[i % examples.length];
  const oldDate = /^date: (\d{4}-\d{2}-\d{2})/m.exec(src)[1];
  const date = new Date(day0 + Math.floor((i * 1461) / COUNT) * 86_400_000).toISOString().slice(0, 10);
  const text = src
    .replaceAll(oldDate, date)
    .replace(/^title: (.*)$/m, `title: $1 (${i + 1})`)
    .replace(/^severity: .*$/m, `severity: ${SEVERITIES[i % SEVERITIES.length]}`)
    .replace(/^services: .*$/m, `services: [${SERVICES[i % SERVICES.length]}, ${SERVICES[(i * 3 + 1) % SERVICES.length]}]`);
  writeFileSync(join(dir, 'pm', `${date}-incident-${String(i + 1).padStart(5, '0')}.md`), text);
}

const hasTime = spawnSync('sh', ['-c', 'command -v /usr/bin/time'], { encoding: 'utf8' }).stdout.trim() !== '';
const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
const samples = [];
const cpuSamples = [];
let peakKb = 0;
for (let r = 0; r < ROUNDS; r++) {
  const args = [bin, 'report', '--out', 'site', '--today', '2025-01-15', ...(JOBS ? ['--jobs', String(JOBS)] : [])];
  const t0 = process.hrtime.bigint();
  const run = hasTime ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { cwd: dir, encoding: 'utf8' }) : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`postmortem report exited ${run.status}: ${run.stderr}`);
  if (hasTime) {
    const [user, sys, kb] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    cpuSamples.push((user + sys) * 1000);
    peakKb = Math.max(peakKb, kb || 0);
  }
  samples.push(ms);
}
const pages = readdirSync(join(dir, 'site', 'p')).length;
if (process.env.KEEP) console.log(dir); else rmSync(dir, { recursive: true, force: true });
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(`postmortem report: ${COUNT} postmortems → ${pages} pages + overview, ${cpus().length} cores${JOBS ? `, --jobs ${JOBS}` : ''}, Node ${process.version}; load average before: ${loadBefore}`);
console.log(`  wall time: median ${(median / 1000).toFixed(2)} s of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} (min ${(samples[0] / 1000).toFixed(2)} s, max ${(samples.at(-1) / 1000).toFixed(2)} s)${peakKb ? `; peak memory ${(peakKb / 1024).toFixed(0)} MB` : ''}`);
if (cpuSamples.length) console.log(`  CPU time (user + system): median ${(cpuSamples[Math.floor(cpuSamples.length / 2)] / 1000).toFixed(2)} s`);
console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (above the ${cpus().length} cores, other processes took CPU time: the wall time is then an upper bound)`);
if (COUNT === 1000) console.log(`  target: under ${TARGET_MS / 1000} s for 1,000 postmortems: ${median < TARGET_MS ? 'met' : 'NOT met'}`);
