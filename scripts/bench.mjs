#!/usr/bin/env node
// npm run bench: start-up times, measured side by side in one run. A script, not a timed test.
//   node scripts/bench.mjs [--runs N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

function timeCommand(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs
  }
  return stats(samples);
}

/** From spawning `postmortem new` in a pseudo-terminal (util-linux `script`) to the first question on screen. */
function timeToFirstPrompt() {
  const cwd = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
  const once = () =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const child = spawn('script', ['-qfec', `${process.execPath} ${bin} new --dir out`, '/dev/null'], { cwd, env: { ...process.env, CI: '', NO_COLOR: '1' } });
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
  return (async () => {
    const samples = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const ms = await once();
      if (i >= 2) samples.push(ms);
    }
    return stats(samples);
  })();
}

const fmt = (s) => `${s.median.toFixed(0).padStart(6)} ms  (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
const base = timeCommand(['-e', '0']);
const rows = [
  ['node -e 0', base],
  ['postmortem --version', timeCommand([bin, '--version'])],
  ['postmortem lint <one file>', timeCommand([bin, 'lint', example])],
  ['postmortem new → first prompt', await timeToFirstPrompt()],
];
console.log(`start-up, median of ${RUNS} runs (node ${process.version}, ${process.platform} ${process.arch})`);
for (const [name, s] of rows) console.log(`  ${name.padEnd(32)}${fmt(s)}   ${(s.median / base.median).toFixed(2)}x node -e 0`);
