// Deterministic synthetic postmortems in our templates' shape, 2 to 12 KB (median about 4 KB), for npm run bench.
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the a database service cache request deploy rollback alert engineer on-call latency error queue disk memory ' +
  'connection timeout config region customer traffic load balancer replica migration lock index certificate token retry ' +
  'backlog dashboard metric threshold page incident mitigation restart capacity node cluster network packet storage').split(' ');
const SERVICES = ['auth-api', 'checkout', 'search', 'webhooks', 'billing', 'users-db', 'session-cache', 'ingest'];

function sentence(rand, min = 8, max = 22) {
  const n = min + Math.floor(rand() * (max - min));
  const w = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
}

function paragraph(rand, sentences) {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

export function postmortem(i) {
  const rand = prng(i + 1);
  // Size: log-normal around 4 KB, clamped to 2..12 KB.
  const u = Math.max(1e-9, rand());
  const v = rand();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const target = Math.min(12_000, Math.max(2_000, Math.round(4_000 * Math.exp(0.45 * normal))));
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2020 + (Math.floor(i / 336) % 5);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const startH = 6 + Math.floor(rand() * 10);
  const durationMin = 20 + Math.floor(rand() * 200);
  const endTotal = startH * 60 + durationMin;
  const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const service = SERVICES[i % SERVICES.length];
  const parts = [
    '---',
    'template: default',
    `title: ${service} incident ${i}`,
    `date: ${date}`,
    `severity: SEV-${1 + (i % 5)}`,
    'status: final',
    `authors: [engineer${i % 37}]`,
    `services: [${service}]`,
    `started: ${date}T${hhmm(startH * 60)}:00Z`,
    `resolved: ${date}T${hhmm(Math.min(endTotal, 23 * 60 + 59))}:00Z`,
    'timezone: UTC',
    `users_affected: ${i % 100}`,
    '---',
    '',
    `# ${service} incident ${i}`,
    '',
    '## Issue summary',
    '',
    paragraph(rand, 3),
    '',
    '## Timeline',
    '',
  ];
  const entries = 5 + Math.floor(rand() * 8);
  const span = Math.min(endTotal, 23 * 60 + 59) - startH * 60;
  for (let e = 0; e < entries; e++) parts.push(`- ${hhmm(startH * 60 + Math.floor((span * e) / (entries - 1)))} — ${sentence(rand, 6, 16)}`);
  parts.push('', '## Root cause and resolution', '');
  const head = parts.join('\n');
  const body = [paragraph(rand, 2), ''];
  let size = head.length + body[0].length;
  while (size < target - 600) {
    const p = paragraph(rand, 3 + Math.floor(rand() * 3));
    body.push(p, '');
    size += p.length + 2;
  }
  const actions = ['## Corrective and preventative measures', ''];
  for (let a = 0; a < 3; a++) actions.push(`- [${a === 0 ? 'x' : ' '}] ${sentence(rand, 5, 12)} (owner: @engineer${(i + a) % 37}, due: ${year}-12-${String(10 + a).padStart(2, '0')})`);
  return `${head}\n${body.join('\n')}\n${actions.join('\n')}\n`;
}

/** Write `count` documents into `dir` (once; reused when already there). */
export function ensureCorpus(dir, count) {
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `${String(i).padStart(5, '0')}.md`), postmortem(i));
  return dir;
}
