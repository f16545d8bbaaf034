#!/usr/bin/env node
// npm run bench: start-up; a table of hostile ~100 KB files against an ordinary one; then lint at scale against
// one-thread peers (markdownlint-cli2, remark-cli) and a parse floor, measured side by side in one run. A script,
// never a timed test. The peers live in bench/package.json and are installed there on first use.
//   node scripts/bench.mjs [--runs N] [--repeat N] [--files 1000,10000] [--only startup,hostile,speed]
//   --runs: start-up rounds (median); --repeat: rounds of each comparison (median); --files (or --sizes): corpus
//   sizes; --limit: seconds before a stalled peer is stopped (hostile table). A quick smoke run:
//   node scripts/bench.mjs --runs 3 --repeat 1 --files 200 --limit 5
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { ensureCorpus, postmortem } from './corpus.mjs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'postmortem.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ONLY = (arg('--only', process.argv.includes('--startup-only') ? 'startup' : 'startup,hostile,speed')).split(',');
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
if (!ONLY.includes('startup')) for (const k of Object.keys(startup)) delete startup[k];
const startupSamples = Object.fromEntries(Object.keys(startup).map((k) => [k, []]));
for (let round = 0; round < RUNS + 2; round++) {
  for (const [name, run] of Object.entries(startup)) {
    const ms = await run();
    if (round >= 2) startupSamples[name].push(ms);
  }
}
rmSync(promptDir, { recursive: true, force: true });
const rows = Object.entries(startupSamples).map(([name, samples]) => [name, stats(samples)]);
const base = rows[0]?.[1];
if (base) {
  // The ratio is also taken round by round (each command against the `node -e 0` of its own round), whose median
  // holds when the machine's speed changes between rounds, as it does here from minute to minute.
  const baseSamples = Object.values(startupSamples)[0];
  const paired = (samples) => stats(samples.map((ms, i) => ms / baseSamples[i])).median;
  console.log(`start-up, median of ${RUNS} rounds (node ${process.version}, ${process.platform} ${process.arch})`);
  for (const [name, s] of rows) {
    console.log(`  ${name.padEnd(32)}${fmt(s)}   ${(s.median / base.median).toFixed(2)}x node -e 0 (round by round: ${paired(startupSamples[name]).toFixed(2)}x)`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The peers, in their own package (bench/package.json), installed on first use.

const benchDir = join(root, 'bench');
const nm = join(benchDir, 'node_modules', '.bin');
if (ONLY.some((o) => o === 'hostile' || o === 'speed') && !existsSync(join(nm, 'markdownlint-cli2'))) {
  console.log('\ninstalling the tools compared with (npm install --prefix bench) ...');
  const r = spawnSync('npm', ['install', '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install --prefix bench failed');
}

const REPEAT = Number(arg('--repeat', '3'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Wall time and peak memory of one command, with GNU time. `check` looks at the output: a tool that failed fast
 * (a plugin not found, no file matched) must not pass for a fast one. `limit` (seconds) stops a command that stalls.
 */
function measure(cmd, args, check, { limit = 0, cwd = root } = {}) {
  // A stalled peer is stopped by `timeout` around the peer itself (not around /usr/bin/time, whose child would go on
  // running, and take a core from every measurement after it).
  const timed = limit ? ['timeout', '-s', 'KILL', String(limit), cmd, ...args] : [cmd, ...args];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...timed], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30, ...(limit ? { timeout: (limit + 30) * 1000, killSignal: 'SIGKILL' } : {}) });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL' || (limit && (r.status === 137 || r.status === 124))) return { seconds: Infinity, mb: NaN, stalled: true };
  const lines = r.stderr.trim().split('\n');
  const [seconds, kb] = lines.at(-1).split(' ').map(Number);
  const output = r.stdout + lines.slice(0, -1).join('\n');
  if (!Number.isFinite(seconds) || (r.status !== 0 && r.status !== 1) || !check(output)) {
    throw new Error(`${cmd} ${args.join(' ')} did not do its job (exit ${r.status}):\n${output.slice(-1500)}`);
  }
  return { seconds, mb: kb / 1024 };
}
const time = (s) => (s === Infinity ? 'stalled' : `${s.toFixed(2)} s`);

// ---------------------------------------------------------------------------------------------------------------
// Hostile files: each shape issue 11 names, ~100 KB (or as deep as said), against an ordinary 100 KB postmortem.

if (ONLY.includes('hostile')) {
  const dir = join(root, '.bench', 'hostile');
  mkdirSync(dir, { recursive: true });
  const K = 100_000;
  const fill = (unit) => unit.repeat(Math.ceil(K / unit.length)).slice(0, K);
  // An ordinary postmortem made long the way real ones grow: a long timeline.
  const base = postmortem(3);
  const extra = [];
  for (let i = 0; base.length + extra.join('\n').length < K; i++) {
    const words = postmortem(i + 10).split('\n').find((l) => l.startsWith('- ') && l.includes(' — '));
    extra.push(`- ${String(9 + Math.floor(i / 60) % 14).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — ${words.split(' — ')[1]}`);
  }
  const ordinary = base.replace('## Timeline\n\n', `## Timeline\n\n${extra.join('\n')}\n`);
  const shapes = {
    'ordinary postmortem (100 KB)': ordinary,
    '"- 9:00" + 100 KB of spaces': `# T\n\n- 9:00${' '.repeat(K)}x\n`,
    '"Impact:" + spaces + U+2028': `# T\n\nImpact:${' '.repeat(K)}\u2028\n`,
    '"eyJ-" repeated': `# T\n\n${fill('eyJ-')}\n`,
    '"a." repeated + "://"': `# T\n\n${fill('a.')}://\n`,
    '"*a" x 50,000': `# T\n\n${'*a'.repeat(50_000)}\n`,
    '"x <!--" repeated': `# T\n\n${fill('x <!--')}\n`,
    '5,000 nested list markers': `# T\n\n${'- '.repeat(5000)}09:00 x\n`,
    '5,000 nested quotes': `# T\n\n${'> '.repeat(5000)}09:00 x\n`,
    '1 MB single line': `# T\n\n${'word '.repeat(200_000)}\n`,
    '100,000-column table row': `# T\n\n|${'a|'.repeat(100_000)}\n|${'-|'.repeat(100_000)}\n`,
  };
  const LIMIT = Number(arg('--limit', '120'));
  const rowsH = [];
  for (const [name, text] of Object.entries(shapes)) {
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.md`);
    writeFileSync(file, text);
    const ours = [];
    for (let r = 0; r < REPEAT; r++) ours.push(measure(process.execPath, [bin, 'lint', file, '--format', 'json', '--timeout', String(LIMIT)], (o) => o.includes('"files"')).seconds);
    const peer = measure(join(nm, 'markdownlint-cli2'), [file], () => true, { limit: LIMIT }).seconds;
    rowsH.push({ name, kb: Buffer.byteLength(text) / 1024, ours: median(ours), peer });
  }
  const ord = rowsH[0].ours;
  console.log(`\nhostile files: postmortem lint <file> (wall time of the whole command, start-up included; median of ${REPEAT}), markdownlint-cli2 once (stopped after ${LIMIT} s)`);
  console.log(`  ${'file'.padEnd(34)}${'size'.padStart(9)}${'postmortem'.padStart(12)}${'x ordinary'.padStart(12)}  ${'markdownlint-cli2'.padStart(17)}`);
  for (const r of rowsH) {
    const ratio = r.ours / ord;
    console.log(`  ${r.name.padEnd(34)}${`${r.kb.toFixed(0)} KB`.padStart(9)}${time(r.ours).padStart(12)}${`${ratio.toFixed(2)}x`.padStart(12)}  ${time(r.peer).padStart(17)}${r === rowsH[0] ? '' : ratio <= 3 ? '' : '  NOT within 3x'}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lint at scale, like for like: one thread against one-thread peers and the floor; all cores apart.

if (!ONLY.includes('speed')) process.exit(0);
const SIZES = (arg('--files', arg('--sizes', '1000,10000'))).split(',').map(Number);
const table = [];
const roundRatios = new Map();
for (const n of SIZES) {
  const dir = ensureCorpus(join(root, '.bench', `c${n}`), n);
  const linted = (o) => o.includes(`${n} files checked`);
  const commands = {
    'postmortem lint --jobs 1': [process.execPath, [bin, 'lint', dir, '--jobs', '1'], linted],
    'parse floor (micromark events, 1 thread)': [process.execPath, [join(root, 'scripts', 'floor.mjs'), dir], (o) => o.includes(`parsed ${n} files`)],
    'markdownlint-cli2 (1 thread)': [join(nm, 'markdownlint-cli2'), [`${dir}/**/*.md`], (o) => o.includes(`Linting: ${n} file(s)`)],
    'postmortem lint (all cores)': [process.execPath, [bin, 'lint', dir], linted],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let round = 0; round < REPEAT; round++) {
    for (const [name, [cmd, args, check]] of Object.entries(commands)) samples[name].push(measure(cmd, args, check));
  }
  const rows = Object.fromEntries(
    Object.entries(samples).map(([name, runs]) => [name, { seconds: median(runs.map((r) => r.seconds)), mb: median(runs.map((r) => r.mb)) }]),
  );
  // The machine's speed drifts between rounds: each round's own ratios (the commands ran one after another) too.
  const perRound = (a, b) => median(samples[a].map((r, i) => r.seconds / samples[b][i].seconds));
  roundRatios.set(n, {
    floor: perRound('postmortem lint --jobs 1', 'parse floor (micromark events, 1 thread)'),
    mdl: perRound('postmortem lint --jobs 1', 'markdownlint-cli2 (1 thread)'),
    all: perRound('postmortem lint (all cores)', 'markdownlint-cli2 (1 thread)'),
  });
  rows['remark-cli + frontmatter + lint-recommended (1 thread, once)'] = measure(
    join(nm, 'remark'),
    [dir, '--use', 'remark-frontmatter', '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout', '--frail'],
    (o) => !/Cannot process file|Cannot find/.test(o) && /\d+ warnings?/.test(o),
    { cwd: benchDir },
  );
  const cacheDir = mkdtempSync(join(tmpdir(), 'postmortem-cache-'));
  measure(process.execPath, [bin, 'lint', dir, '--cache-location', cacheDir], linted);
  rows['postmortem lint --cache (unchanged re-run)'] = measure(process.execPath, [bin, 'lint', dir, '--cache-location', cacheDir], linted);
  rmSync(cacheDir, { recursive: true, force: true });
  table.push({ n, rows });
}

const ONE = 'postmortem lint --jobs 1';
for (const { n, rows } of table) {
  console.log(`\nlint ${n.toLocaleString('en')} synthetic postmortems (2–12 KB, median ~4 KB), median of ${REPEAT} rounds unless said`);
  console.log(`  ${'tool'.padEnd(60)}${'wall'.padStart(9)}${'ms/file'.padStart(9)}${'peak MB'.padStart(9)}  --jobs 1 is`);
  for (const [name, r] of Object.entries(rows)) {
    const ratio = name === ONE ? '' : `${(rows[ONE].seconds / r.seconds).toFixed(2)}x this`;
    console.log(`  ${name.padEnd(60)}${`${r.seconds.toFixed(1)} s`.padStart(9)}${((r.seconds * 1000) / n).toFixed(2).padStart(9)}${r.mb.toFixed(0).padStart(9)}  ${ratio}`);
  }
}
const big = table.at(-1);
const small = table[0];
if (big) {
  const r = big.rows;
  const check = (label, value, target) => console.log(`  ${label.padEnd(58)}${value.toFixed(2).padStart(6)}  (target ≤ ${target}) ${value <= target ? 'met' : 'NOT met'}`);
  console.log(`\ntargets (${big.n.toLocaleString('en')} files unless said)`);
  const rr = roundRatios.get(big.n);
  check('one thread / markdownlint-cli2', r[ONE].seconds / r['markdownlint-cli2 (1 thread)'].seconds, 0.5);
  check('  round by round (median of each round\'s ratio)', rr.mdl, 0.5);
  check('one thread / parse floor', r[ONE].seconds / r['parse floor (micromark events, 1 thread)'].seconds, 1.2);
  check('  round by round', rr.floor, 1.2);
  check('all cores / markdownlint-cli2', r['postmortem lint (all cores)'].seconds / r['markdownlint-cli2 (1 thread)'].seconds, 0.35);
  check('  round by round', rr.all, 0.35);
  if (big !== small) {
    check(`peak memory (one thread), ${big.n} files / ${small.n} files`, r[ONE].mb / small.rows[ONE].mb, 1.5);
    check(`time per file (one thread), ${big.n} / ${small.n} (linear = 1)`, r[ONE].seconds / big.n / (small.rows[ONE].seconds / small.n), 1.2);
  }
  check('cached re-run / uncached run (one thread)', r['postmortem lint --cache (unchanged re-run)'].seconds / r[ONE].seconds, 0.1);
  if (base) {
    const s = Object.fromEntries(rows.map(([name, st]) => [name, st.median / base.median]));
    check('postmortem --version / node -e 0', s['postmortem --version'], 1.3);
    check('postmortem lint <one file> / node -e 0', s['postmortem lint <one file>'], 2.0);
  }
}
