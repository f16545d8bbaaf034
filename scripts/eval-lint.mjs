#!/usr/bin/env node
// npm run eval:lint — how well lint finds defects, and how often it cries wolf.
//
// 1. Defects injected one at a time into clean postmortems we wrote (examples/ and test/fixtures/eval/): per kind,
//    how often lint reports it at all, at the line where it was injected, and how many messages it gives for it.
// 2. False alarms: messages on the clean documents (must be none), and the errors and warnings on ../shared/corpus
//    (real postmortems by other people, read from there and never copied here), counted per rule for judging.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostmortem } from '../dist/document/parse.js';
import { lintDocument } from '../dist/lint/engine.js';
import { loadTemplates } from '../dist/template/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const verbose = process.argv.includes('--verbose');
const templates = await loadTemplates({ cwd: root });

/** As `postmortem lint` reads a document: with the template it names (an unknown one is reported). */
function lint(text, path = 'doc.md') {
  const name = /^template:\s*(\S+)/m.exec(text)?.[1];
  const known = name && templates.has(name);
  const template = templates.get(known ? name : 'default');
  const settings = name && !known ? { templateProblem: { name, available: templates.list().map((t) => t.name) } } : {};
  return lintDocument(parsePostmortem(text, path, { sectionAliases: template.aliases }), template, settings);
}

const cleanFiles = [
  ...readdirSync(join(root, 'examples')).filter((f) => /^\d{4}-.*\.md$/.test(f)).map((f) => join(root, 'examples', f)),
  ...readdirSync(join(root, 'test', 'fixtures', 'eval')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'test', 'fixtures', 'eval', f)),
];
const clean = cleanFiles.map((path) => ({ path, text: readFileSync(path, 'utf8') }));

// ---------------------------------------------------------------------------------------------------------------
// Helpers for injections: each returns { text, lines: [expected line numbers] } or null when it does not apply.
const linesOf = (text) => text.split('\n');
const lineIndex = (text, re) => linesOf(text).findIndex((l) => re.test(l));
function replaceLine(text, index, line) {
  const ls = linesOf(text);
  ls[index] = line;
  return ls.join('\n');
}
function fieldLine(text, key) {
  const i = lineIndex(text, new RegExp(`^${key}:`));
  return i < 0 ? null : i;
}
/** Timeline bullets "- HH:MM …" or "- H:MM AM …": indexes of lines, in order. */
function timelineLines(text) {
  const ls = linesOf(text);
  const start = ls.findIndex((l) => /^#{2,3} .*timeline/i.test(l));
  if (start < 0) return [];
  const out = [];
  for (let i = start + 1; i < ls.length && !/^#{1,3} /.test(ls[i]); i++) if (/^\s*[-*] (?:\*\*)?\d{1,2}:\d{2}/.test(ls[i])) out.push(i);
  return out;
}
const middle = (arr) => arr[Math.floor(arr.length / 2)];
function summaryLine(text) {
  const ls = linesOf(text);
  const h = ls.findIndex((l) => /^## (?:Issue summary|Summary|Overview)/i.test(l));
  if (h < 0) return null;
  for (let i = h + 1; i < ls.length; i++) if (ls[i].trim() && !ls[i].startsWith('#')) return i;
  return null;
}
function shiftIso(value, minutes) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return `${d.toISOString().slice(0, 19)}${m[5]}`;
}

const KINDS = {
  'impossible date (2023-02-30)': (t) => {
    const i = fieldLine(t, 'date');
    return i === null ? null : { text: replaceLine(t, i, `date: ${linesOf(t)[i].slice(6, 10)}-02-30`), lines: [i + 1] };
  },
  'date five days from started': (t) => {
    const i = fieldLine(t, 'date');
    if (i === null) return null;
    const d = new Date(`${linesOf(t)[i].slice(6, 16)}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 5);
    return { text: replaceLine(t, i, `date: ${d.toISOString().slice(0, 10)}`), lines: [i + 1] };
  },
  'impossible date-time (25:99)': (t) => {
    const i = fieldLine(t, 'detected') ?? fieldLine(t, 'started');
    return i === null ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/T\d{2}:\d{2}/, 'T25:99')), lines: [i + 1] };
  },
  'resolved before started': (t) => {
    const s = fieldLine(t, 'started');
    const r = fieldLine(t, 'resolved');
    if (s === null || r === null) return null;
    const v = shiftIso(linesOf(t)[s].slice(9), -60);
    return v && { text: replaceLine(t, r, `resolved: ${v}`), lines: [r + 1] };
  },
  'mitigated before detected': (t) => {
    const d = fieldLine(t, 'detected');
    const m = fieldLine(t, 'mitigated');
    if (d === null || m === null) return null;
    const v = shiftIso(linesOf(t)[d].slice(10), -5);
    return v && { text: replaceLine(t, m, `mitigated: ${v}`), lines: [m + 1] };
  },
  'date-time without offset': (t) => {
    const i = fieldLine(t, 'started');
    return i === null ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/T(\d{2}:\d{2}):\d{2}(?:Z|[+-]\d{2}:\d{2})$/, ' $1')), lines: [i + 1] };
  },
  'choice misspelt (sev1)': (t) => {
    const i = fieldLine(t, 'severity');
    return i === null ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/SEV-(\d)/, 'sev$1')), lines: [i + 1] };
  },
  'required field missing (severity)': (t) => {
    const i = fieldLine(t, 'severity');
    if (i === null) return null;
    const ls = linesOf(t);
    ls.splice(i, 1);
    return { text: ls.join('\n'), lines: [1] };
  },
  'YAML: unclosed list': (t) => {
    const i = fieldLine(t, 'authors');
    return i === null ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/\]\s*$/, '')), lines: [i + 1] };
  },
  'YAML: ": " in a value': (t) => {
    const i = fieldLine(t, 'title');
    return i === null ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/^title: (\S+) /, 'title: $1: ')), lines: [i + 1] };
  },
  'YAML: key twice': (t) => {
    const i = fieldLine(t, 'status');
    if (i === null) return null;
    const ls = linesOf(t);
    ls.splice(i + 1, 0, 'status: draft');
    return { text: ls.join('\n'), lines: [i + 2] };
  },
  'front matter not closed': (t) => {
    const ls = linesOf(t);
    const end = ls.indexOf('---', 1);
    if (end < 0) return null;
    ls.splice(end, 1);
    return { text: ls.join('\n'), lines: [1] };
  },
  'timeline typo 09:40 -> 19:40': (t) => {
    const tl = timelineLines(t);
    if (tl.length < 4) return null;
    const i = tl.slice(1, -1).find((n) => /^\s*[-*] 0\d:\d{2}\b/.test(linesOf(t)[n]) && !/[AP]M/i.test(linesOf(t)[n]));
    if (i === undefined) return null;
    return { text: replaceLine(t, i, linesOf(t)[i].replace(/0(\d):/, '1$1:')), lines: [i + 1] };
  },
  'timeline typo 09:40 -> 9:40pm': (t) => {
    const tl = timelineLines(t);
    const i = tl.slice(1, -1).find((n) => /^\s*[-*] 0\d:\d{2}\b/.test(linesOf(t)[n]) && !/[AP]M/i.test(linesOf(t)[n]));
    if (i === undefined) return null;
    return { text: replaceLine(t, i, linesOf(t)[i].replace(/0(\d):(\d{2})/, '$1:$2pm')), lines: [i + 1] };
  },
  'timeline: a middle entry 10 hours late': (t) => {
    const tl = timelineLines(t).slice(1, -1);
    const i = tl.find((n) => {
      const m = /^\s*[-*] (?:\*\*)?(\d{1,2}):\d{2}(?!\s?[AP]M)/i.exec(linesOf(t)[n]);
      return m && Number(m[1]) + 10 <= 23;
    });
    if (i === undefined) return null;
    return { text: replaceLine(t, i, linesOf(t)[i].replace(/(\d{1,2}):(\d{2})/, (_, h, m) => `${String(Number(h) + 10).padStart(2, '0')}:${m}`)), lines: [i + 1] };
  },
  'timeline: a middle entry an hour early': (t) => {
    const tl = timelineLines(t).slice(1, -1);
    const i = tl[Math.floor(tl.length / 2)];
    if (i === undefined) return null;
    const m = /(\d{1,2}):(\d{2})/.exec(linesOf(t)[i]);
    if (!m || Number(m[1]) === 0 || Number(m[1]) === 12) return null;
    return { text: replaceLine(t, i, linesOf(t)[i].replace(/(\d{1,2}):(\d{2})/, (_, h, mm) => `${String(Number(h) - 1).padStart(h.length, '0')}:${mm}`)), lines: [i + 1] };
  },
  'timeline: two entries swapped': (t) => {
    const tl = timelineLines(t);
    if (tl.length < 4) return null;
    const a = middle(tl);
    const b = tl[tl.indexOf(a) + 1];
    if (b === undefined || b !== a + 1) return null;
    const ls = linesOf(t);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return { text: ls.join('\n'), lines: [a + 1, b + 1] };
  },
  'timeline: 25:99': (t) => {
    const i = middle(timelineLines(t));
    return i === undefined ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/\d{1,2}:\d{2}(?:\s?[AP]M)?/i, '25:99')), lines: [i + 1] };
  },
  'timeline: entry without a time': (t) => {
    const i = middle(timelineLines(t));
    return i === undefined ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/\d{1,2}:\d{2}(?:\s?[AP]M)?(?:\s*(?:UTC|Z))?\s*(?:—|-|:)?\s*/i, 'Later: ')), lines: [i + 1] };
  },
  'stated duration contradicts the window': (t) => {
    const i = summaryLine(t);
    return i === null ? null : { text: replaceLine(t, i, `The outage lasted 7 minutes. ${linesOf(t)[i]}`), lines: [i + 1] };
  },
  'action item: no owner, no due date': (t) => {
    const i = lineIndex(t, /^- \[ \] .*\(owner: [^)]*\)\s*$/);
    return i < 0 ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/\s*\(owner: [^)]*\)\s*$/, '')), lines: [i + 1] };
  },
  'action item: due 2023-13-45': (t) => {
    const i = lineIndex(t, /^- \[ \] .*due: \d{4}-\d{2}-\d{2}/);
    return i < 0 ? null : { text: replaceLine(t, i, linesOf(t)[i].replace(/due: \d{4}-\d{2}-\d{2}/, 'due: 2023-13-45')), lines: [i + 1] };
  },
  'action items as plain bullets': (t) => {
    const i = lineIndex(t, /^- \[ \] /);
    return i < 0 ? null : { text: replaceLine(t, i, linesOf(t)[i].replace('- [ ] ', '- ')), lines: [i + 1] };
  },
  'heading written as a bold line': (t) => {
    const i = lineIndex(t, /^## Timeline/);
    return i < 0 ? null : { text: replaceLine(t, i, '**Timeline:**'), lines: [i + 1] };
  },
  'heading written as "Label:"': (t) => {
    const i = lineIndex(t, /^## Root cause/);
    return i < 0 ? null : { text: replaceLine(t, i, `${linesOf(t)[i].slice(3)}:`), lines: [i + 1] };
  },
  'required section missing (summary)': (t) => {
    const i = lineIndex(t, /^## (?:Issue summary|Summary)\b/i); // required by the templates of our documents
    if (i < 0) return null;
    const ls = linesOf(t);
    let j = i + 1;
    while (j < ls.length && !/^## /.test(ls[j])) j++;
    ls.splice(i, j - i);
    return { text: ls.join('\n'), lines: [1] };
  },
  'section left empty': (t) => {
    const i = lineIndex(t, /^## Root cause/);
    if (i < 0) return null;
    const ls = linesOf(t);
    let j = i + 1;
    while (j < ls.length && !/^## /.test(ls[j])) j++;
    ls.splice(i + 1, j - i - 1, '');
    return { text: ls.join('\n'), lines: [i + 1] };
  },
  'placeholder left in (TODO)': (t) => {
    const i = lineIndex(t, /^## Root cause/);
    return i < 0 ? null : { text: replaceLine(t, i + 2, `TODO: confirm with the database team. ${linesOf(t)[i + 2]}`), lines: [i + 3] };
  },
  'secret pasted (password in a URL)': (t) => {
    const i = lineIndex(t, /^## Root cause/);
    return i < 0 ? null : { text: replaceLine(t, i + 2, `${linesOf(t)[i + 2]} The job used postgres://app:Zq7vLx2mWp9r@db.internal/app.`), lines: [i + 3] };
  },
  'blame ("human error")': (t) => {
    const i = lineIndex(t, /^## Root cause/);
    return i < 0 ? null : { text: replaceLine(t, i + 2, `It was human error. ${linesOf(t)[i + 2]}`), lines: [i + 3] };
  },
  'unknown template named': (t) => {
    const i = fieldLine(t, 'template');
    return i === null ? null : { text: replaceLine(t, i, 'template: defualt'), lines: [i + 1] };
  },
};

// ---------------------------------------------------------------------------------------------------------------
const key = (m) => `${m.ruleId} ${m.message}`;
const cleanAlarms = [];
const baseline = new Map();
for (const doc of clean) {
  const ms = lint(doc.text, doc.path);
  baseline.set(doc.path, new Set(ms.map(key)));
  for (const m of ms) cleanAlarms.push(`${doc.path.slice(root.length + 1)}:${m.line}: ${m.severity}: ${m.message} [${m.ruleId}]`);
}

const rows = [];
const misses = [];
let totalN = 0, totalFound = 0, totalAt = 0, totalMsgs = 0;
for (const [kind, inject] of Object.entries(KINDS)) {
  let n = 0, found = 0, at = 0, msgs = 0;
  for (const doc of clean) {
    const inj = inject(doc.text);
    if (!inj || inj.text === doc.text) continue;
    n++;
    const before = baseline.get(doc.path);
    const fresh = lint(inj.text, doc.path).filter((m) => !before.has(key(m)));
    if (fresh.length > 0) found++;
    if (fresh.some((m) => inj.lines.includes(m.line))) at++;
    else misses.push(`${kind} in ${doc.path.slice(root.length + 1)} (line ${inj.lines.join(' or ')}): ${fresh.map((m) => `${m.line}: ${m.message} [${m.ruleId}]`).join(' | ') || 'nothing reported'}`);
    msgs += fresh.length;
    if (verbose && fresh.length > 1) misses.push(`  (${fresh.length} messages) ${kind} in ${doc.path.slice(root.length + 1)}: ${fresh.map((m) => `${m.line} [${m.ruleId}]`).join(', ')}`);
  }
  totalN += n;
  totalFound += found;
  totalAt += at;
  totalMsgs += msgs;
  rows.push([kind, n, found, at, msgs]);
}

const ratio = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));
const w = Math.max(...rows.map((r) => r[0].length), 10);
console.log(`Injected defects, one at a time, into ${clean.length} clean postmortems of ours (${clean.map((d) => d.path.slice(root.length + 1)).join(', ')})\n`);
console.log(`${'defect'.padEnd(w)}  docs  found  at line  messages/defect`);
for (const [kind, n, found, at, msgs] of rows) {
  console.log(`${kind.padEnd(w)}  ${String(n).padStart(4)}  ${ratio(found, n).padStart(5)}  ${ratio(at, n).padStart(7)}  ${ratio(msgs, n).padStart(15)}`);
}
console.log(`${'all'.padEnd(w)}  ${String(totalN).padStart(4)}  ${ratio(totalFound, totalN).padStart(5)}  ${ratio(totalAt, totalN).padStart(7)}  ${ratio(totalMsgs, totalN).padStart(15)}`);
console.log(`\nfalse alarms on the clean documents: ${cleanAlarms.length}`);
for (const a of cleanAlarms) console.log(`  ${a}`);
if (misses.length) {
  console.log('\nnot found at the injected line:');
  for (const m of misses) console.log(`  ${m}`);
}

// ---------------------------------------------------------------------------------------------------------------
// ../shared/corpus from the repository (from a worktree under wt/, one level further up).
const corpus = resolve(
  process.env.POSTMORTEM_CORPUS ?? [join(root, '..', 'shared', 'corpus'), join(root, '..', '..', 'shared', 'corpus')].find((p) => existsSync(p)) ?? join(root, '..', 'shared', 'corpus'),
);
if (!existsSync(corpus)) {
  console.log(`\ncorpus: none at ${corpus} (set POSTMORTEM_CORPUS)`);
} else {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').sort(); // README.md describes the corpus
  const byRule = new Map();
  const detail = [];
  let docs = 0;
  for (const f of files) {
    const text = readFileSync(join(corpus, f), 'utf8');
    docs++;
    for (const m of lint(text, f)) {
      const r = byRule.get(m.ruleId) ?? { error: 0, warning: 0, docs: new Set() };
      r[m.severity]++;
      r.docs.add(f);
      byRule.set(m.ruleId, r);
      detail.push(`${f}:${m.line}:${m.column}: ${m.severity}: ${m.message} [${m.ruleId}]`);
    }
  }
  console.log(`\ncorpus: ${docs} documents by other people (${corpus}), default template unless one is named; messages per rule:`);
  console.log(`${'rule'.padEnd(22)}  errors  warnings  documents`);
  for (const [id, r] of [...byRule.entries()].sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning))) {
    console.log(`${id.padEnd(22)}  ${String(r.error).padStart(6)}  ${String(r.warning).padStart(8)}  ${String(r.docs.size).padStart(9)}`);
  }
  if (process.argv.includes('--corpus-messages')) for (const d of detail) console.log(`  ${d}`);
}
