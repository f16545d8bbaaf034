#!/usr/bin/env node
// npm run bench: start-up, then lint at scale against remark-cli, markdownlint-cli2 and a parse-only floor,
// measured side by side in one run. A script, not a timed test.
//   node scripts/bench.mjs [--runs N] [--repeat N] [--sizes 1000,10000] [--startup-only]
//   --runs: start-up samples (median); --repeat: rounds of the lint comparison (median)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { ensureCorpus } from './corpus.mjs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'postmortem.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const example = join(root, 'examples', '2023-03-01-login-service-down-after-a-migration-locked-the-users-table.md');

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) };
}

/** One run of a command, in ms. */
function timeOnce(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** From spawning `postmortem new` in a pseudo-terminal (util-linux `script`) to the first question on screen. */
const promptDir = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
function timeToFirstPrompt() {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `${process.execPath} ${bin} new --dir out`, '/dev/null'], { cwd: promptDir, env: { ...process.env, CI: '', NO_COLOR: '1' } });
    let seen = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no prompt; saw: ${seen}`)); }, 20_000);
    child.stdout.on('data', (d) => {
      seen += d.toString();
      if (seen.includes('What should this incident be called?')) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
    child.on('error', reject);
  });
}

const fmt = (s) => `${s.median.toFixed(0).padStart(6)} ms  (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
// In rounds (each command once per round, in turn), two warm-up rounds first: the machine's speed drifts, and a
// drift should move every command alike.
const startup = {
  'node -e 0': () => timeOnce(['-e', '0']),
  'postmortem --version': () => timeOnce([bin, '--version']),
  'postmortem lint <one file>': () => timeOnce([bin, 'lint', example]),
  'postmortem new → first prompt': timeToFirstPrompt,
};
const startupSamples = Object.fromEntries(Object.keys(startup).map((k) => [k, []]));
for (let round = 0; round < RUNS + 2; round++) {
  for (const [name, run] of Object.entries(startup)) {
    const ms = await run();
    if (round >= 2) startupSamples[name].push(ms);
  }
}
rmSync(promptDir, { recursive: true, force: true });
const rows = Object.entries(startupSamples).map(([name, samples]) => [name, stats(samples)]);
const base = rows[0][1];
console.log(`start-up, median of ${RUNS} rounds (node ${process.version}, ${process.platform} ${process.arch})`);
for (const [name, s] of rows) console.log(`  ${name.padEnd(32)}${fmt(s)}   ${(s.median / base.median).toFixed(2)}x node -e 0`);

// ---------------------------------------------------------------------------------------------------------------
// Lint at scale

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1000, 10000];
if (process.argv.includes('--startup-only')) process.exit(0);
const nm = join(root, 'node_modules', '.bin');

/**
 * Wall time and peak memory of one command, with GNU time. `check` looks at the output: a tool that failed fast
 * (a plugin not found, no file matched) must not pass for a fast one.
 */
function measure(cmd, args, check, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 30 });
  const lines = r.stderr.trim().split('\n');
  const [seconds, kb] = lines.at(-1).split(' ').map(Number);
  const output = r.stdout + lines.slice(0, -1).join('\n');
  if (!Number.isFinite(seconds) || (r.status !== 0 && r.status !== 1) || !check(output)) {
    throw new Error(`${cmd} ${args.join(' ')} did not do its job (exit ${r.status}):\n${output.slice(-1500)}`);
  }
  return { seconds, mb: kb / 1024 };
}

// The machine's speed drifts by tens of percent over minutes: the tools compared closely are measured in rounds
// (each round runs each once, in turn) and their medians are compared. remark-cli, far from its target and slow,
// runs once.
const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const table = [];
for (const n of SIZES) {
  const dir = ensureCorpus(join(root, '.bench', `c${n}`), n);
  const linted = (o) => o.includes(`${n} files checked`);
  const commands = {
    'postmortem lint': [process.execPath, [bin, 'lint', dir], linted],
    'postmortem lint (1 thread)': [process.execPath, [bin, 'lint', dir, '--jobs', '1'], linted],
    'parse floor (micromark, 1 thread)': [process.execPath, [join(root, 'scripts', 'floor.mjs'), dir], (o) => o.includes(`parsed ${n} files`)],
    'markdownlint-cli2': [join(nm, 'markdownlint-cli2'), [`${dir}/**/*.md`], (o) => o.includes(`Linting: ${n} file(s)`)],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let round = 0; round < REPEAT; round++) {
    for (const [name, [cmd, args, check]] of Object.entries(commands)) samples[name].push(measure(cmd, args, check));
  }
  const rows = Object.fromEntries(
    Object.entries(samples).map(([name, runs]) => [name, { seconds: median(runs.map((r) => r.seconds)), mb: median(runs.map((r) => r.mb)) }]),
  );
  rows['remark-cli + frontmatter + lint-recommended (once)'] = measure(
    join(nm, 'remark'),
    [dir, '--use', 'remark-frontmatter', '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout', '--frail'],
    (o) => !/Cannot process file|Cannot find/.test(o) && /\d+ warnings?/.test(o),
  );
  const cacheDir = mkdtempSync(join(tmpdir(), 'postmortem-cache-'));
  measure(process.execPath, [bin, 'lint', dir, '--cache-location', cacheDir], linted);
  rows['postmortem lint --cache (unchanged re-run)'] = measure(process.execPath, [bin, 'lint', dir, '--cache-location', cacheDir], linted);
  rmSync(cacheDir, { recursive: true, force: true });
  table.push({ n, rows });
}

const ours = (n) => table.find((t) => t.n === n).rows['postmortem lint'];
for (const { n, rows } of table) {
  console.log(`\nlint ${n.toLocaleString('en')} synthetic postmortems (2–12 KB, median ~4 KB), median of ${REPEAT} rounds unless said`);
  console.log(`  ${'tool'.padEnd(52)}${'wall'.padStart(9)}${'ms/file'.padStart(9)}${'peak MB'.padStart(9)}  postmortem lint is`);
  for (const [name, r] of Object.entries(rows)) {
    const ratio = name === 'postmortem lint' ? '' : `${(ours(n).seconds / r.seconds).toFixed(2)}x this`;
    console.log(`  ${name.padEnd(52)}${`${r.seconds.toFixed(1)} s`.padStart(9)}${((r.seconds * 1000) / n).toFixed(2).padStart(9)}${r.mb.toFixed(0).padStart(9)}  ${ratio}`);
  }
}
const big = table.at(-1);
const small = table[0];
if (big && small && big !== small) {
  const r = big.rows;
  const check = (label, value, target) => console.log(`  ${label.padEnd(58)}${value.toFixed(2).padStart(6)}  (target ≤ ${target}) ${value <= target ? 'met' : 'NOT met'}`);
  console.log(`\ntargets (${big.n.toLocaleString('en')} files unless said)`);
  check('postmortem lint / remark-cli', r['postmortem lint'].seconds / r['remark-cli + frontmatter + lint-recommended (once)'].seconds, 0.5);
  check('postmortem lint / markdownlint-cli2', r['postmortem lint'].seconds / r['markdownlint-cli2'].seconds, 0.5);
  check('postmortem lint / parse floor', r['postmortem lint'].seconds / r['parse floor (micromark, 1 thread)'].seconds, 1.1);
  check(`peak memory, ${big.n} files / ${small.n} files`, r['postmortem lint'].mb / small.rows['postmortem lint'].mb, 1.5);
  check('cached re-run / uncached run', r['postmortem lint --cache (unchanged re-run)'].seconds / r['postmortem lint'].seconds, 0.1);
  check(`time per file, ${big.n} / ${small.n} (linear = 1)`, r['postmortem lint'].seconds / big.n / (small.rows['postmortem lint'].seconds / small.n), 1.2);
  const s = Object.fromEntries(rows.map(([name, st]) => [name, st.median / base.median]));
  check('postmortem --version / node -e 0', s['postmortem --version'], 1.3);
  check('postmortem lint <one file> / node -e 0', s['postmortem lint <one file>'], 2.5);
}
