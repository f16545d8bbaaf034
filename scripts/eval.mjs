#!/usr/bin/env node
// Evaluation against ../shared/corpus (real postmortems written by other people; never copied into this repo), and
// against test/fixtures/reader/ (postmortems WE wrote, in the many shapes teams use, labelled by hand).
//
// The corpus is split into two fixed halves by id (sorted; even positions = "tune", odd = "held out"). Work on the
// reader looks at the tune half only; the held-out half says how it does on documents it was not tuned on. Both are
// printed, with the whole. Per half: section detection (precision, recall, F1 against labels.json), timed timeline
// entries found at the labelled line (entries.json), entries invented, the incident window (start and end) found
// where the summary states one and invented where it does not, failures, and how `import` does.
//
// The own set ("own, ours") is a third row: written by us and tuned on, so its figures say what the reader reads,
// not how it generalizes (the held-out half says that). It counts action items, and its labels give the window
// itself ("window": {start, end}, ISO 8601 with offset): a window counts as correct when its start and end are
// those instants, to the minute. has_start_end follows the corpus's convention: the summary (or the opening lines,
// header fields, front matter) states the start and the end; a range only in the impact section or the timeline
// is no stated window (the label's window_note says where one stands). A corpus label with a window is checked too.
//   --tune       the tune row and the own set, with the tune half's misses (the held-out half is not shown)
//   --own        the own set only, with its misses (needs no corpus)
//   --json       the rows as JSON (with --own: what test/reader-eval.test.ts checks)
//   --verbose    every document, not only those with differences
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostmortem } from '../dist/document/parse.js';
import { lintDocument } from '../dist/lint/engine.js';
import { loadTemplates } from '../dist/template/load.js';
import { convert, lostSentences } from '../dist/import/convert.js';

// The document's shape; timeline-time is counted apart: an entry without a time keeps having none (never invented).
const STRUCTURAL = ['frontmatter-syntax', 'section-required', 'section-empty', 'heading-style'];
const IDS = ['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'action-items'];

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(process.env.POSTMORTEM_CORPUS ?? join(here, '..', '..', 'shared', 'corpus'));
const ownDir = join(here, '..', 'test', 'fixtures', 'reader');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');
const ownOnly = process.argv.includes('--own');
const only = ownOnly ? 'own' : process.argv.includes('--tune') ? 'tune' : process.argv.includes('--held-out') ? 'held out' : null;
const templates = await loadTemplates({ cwd: here });
const template = templates.get('default');

function readSet(dir) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const entries = existsSync(join(dir, 'entries.json')) ? JSON.parse(readFileSync(join(dir, 'entries.json'), 'utf8')) : null;
  return { dir, labels, entries };
}

const own = readSet(ownDir);
const haveCorpus = !ownOnly && existsSync(join(corpus, 'labels.json'));
const set = haveCorpus ? readSet(corpus) : null;
const ids = set ? Object.keys(set.labels).sort() : [];
const halves = { tune: ids.filter((_, i) => i % 2 === 0), 'held out': ids.filter((_, i) => i % 2 === 1) };

function evaluate({ dir, labels, entries: entryLabels }, docIds) {
  const m = { docs: docIds.length, tp: 0, fp: 0, fn: 0, timedLabel: 0, timedFound: 0, timedAtLine: 0, invented: 0, windowStated: 0, windowFound: 0, windowInvented: 0, windowValued: 0, windowCorrect: 0, actionsLabel: 0, actionsFound: 0, imported: 0, importClean: 0, importLost: 0, failures: [], rows: [], importRows: [] };
  for (const id of docIds) {
    const label = labels[id];
    const file = join(dir, `${id}.md`);
    let doc;
    try {
      doc = parsePostmortem(readFileSync(file, 'utf8'), file);
      lintDocument(doc, template, {});
    } catch (error) {
      m.failures.push(`${id}: ${error?.stack ?? error}`);
      continue;
    }
    try {
      const result = convert(doc, template);
      const after = parsePostmortem(result.text, file, { sectionAliases: template.aliases });
      // A section the original lacks is added with the template's guidance in a comment: section-empty reports it,
      // to be written. That is what import should do, not a structural fault of the import.
      const added = result.missing.map((msg) => /^no "(.+)" section/.exec(msg)?.[1]).filter(Boolean);
      const structural = lintDocument(after, template, {}).filter(
        (x) => x.severity === 'error' && STRUCTURAL.includes(x.ruleId) && !(x.ruleId === 'section-empty' && added.some((h) => x.message.includes(`"${h}"`))),
      );
      const lost = lostSentences(doc, result.text);
      m.imported++;
      if (structural.length === 0) m.importClean++;
      if (lost.length > 0) m.importLost++;
      if (structural.length || lost.length) {
        m.importRows.push(`${id}: ${structural.map((x) => `${x.ruleId}@${x.line}`).join(' ') || 'no structural errors'}${lost.length ? `; lost ${lost.length}: "${lost[0].slice(0, 60)}"` : ''}`);
      }
    } catch (error) {
      m.failures.push(`${id} (import): ${error?.stack ?? error}`);
    }
    const found = new Set(doc.sections.flatMap((s) => s.ids).filter((x) => IDS.includes(x)));
    const expected = new Set(Object.keys(label.sections).filter((x) => IDS.includes(x)));
    const missed = [...expected].filter((x) => !found.has(x));
    const extra = [...found].filter((x) => !expected.has(x));
    m.tp += expected.size - missed.length;
    m.fn += missed.length;
    m.fp += extra.length;

    const timed = doc.timeline.filter((e) => e.time !== null);
    m.timedLabel += label.timeline_timed;
    m.timedFound += Math.min(timed.length, label.timeline_timed);
    let atLine = timed.length;
    let invented = Math.max(0, timed.length - label.timeline_timed);
    if (entryLabels?.[id]) {
      // An entry counts only where a timed entry begins at the labelled line (collapsed paragraphs: up to their count).
      const perLine = new Map();
      for (const e of timed) perLine.set(e.line, (perLine.get(e.line) ?? 0) + 1);
      const want = new Map();
      for (const e of entryLabels[id].timed) want.set(e.line, (want.get(e.line) ?? 0) + 1);
      for (const c of entryLabels[id].collapsed) want.set(c.line, (want.get(c.line) ?? 0) + c.count);
      atLine = 0;
      invented = 0;
      for (const [line, n] of want) atLine += Math.min(n, perLine.get(line) ?? 0);
      for (const [line, n] of perLine) invented += Math.max(0, n - (want.get(line) ?? 0));
    }
    m.timedAtLine += Math.min(atLine, label.timeline_timed);
    m.invented += invented;

    // Whether the document states a window (has_start_end) and, where the label gives it, whether the reader's is it.
    const window = doc.incident.start !== null && doc.incident.end !== null;
    const windowLabelled = label.has_start_end !== undefined;
    let windowWrong = false;
    if (label.has_start_end) {
      m.windowStated++;
      if (window) m.windowFound++;
      if (label.window) {
        m.windowValued++;
        const ok = window && sameMinute(doc.incident.start, label.window.start) && sameMinute(doc.incident.end, label.window.end);
        if (ok) m.windowCorrect++;
        else windowWrong = window;
      }
    } else if (windowLabelled && window) m.windowInvented++;
    const actionsOk = label.action_items === undefined || doc.actionItems.length === label.action_items;
    if (label.action_items !== undefined) {
      m.actionsLabel += label.action_items;
      m.actionsFound += Math.min(doc.actionItems.length, label.action_items);
    }

    if (verbose || missed.length || extra.length || atLine !== label.timeline_timed || invented || (windowLabelled && window !== label.has_start_end) || windowWrong || !actionsOk) {
      const read = window ? ` ${doc.incident.start} .. ${doc.incident.end}` : '';
      const wrong = windowWrong ? ` (labelled ${label.window.start} .. ${label.window.end})` : '';
      const windowText = windowLabelled ? `; window ${window ? `found${label.window ? read : ''}` : 'none'}${label.has_start_end ? ' (stated)' : ' (not stated)'}${wrong}` : '';
      const actionsText = label.action_items !== undefined ? `; action items ${doc.actionItems.length}/${label.action_items}` : '';
      m.rows.push(`${id}: missed [${missed}] extra [${extra}] timed at line ${atLine}/${label.timeline_timed}${invented ? `, ${invented} invented` : ''}${windowText}${actionsText}`);
    }
  }
  return m;
}

/**
 * Whether the reader's start or end (ISO text: with an offset, local, or a time of day) is the labelled instant to
 * the minute. A label without an offset is compared as local date-time text; a reading without a date or an offset
 * where the label has them is not the labelled instant.
 */
function sameMinute(read, labelled) {
  if (typeof read !== 'string' || typeof labelled !== 'string') return false;
  const hasOffset = (t) => /(?:Z|[+-]\d{2}:?\d{2})$/.test(t);
  if (hasOffset(labelled) !== hasOffset(read)) return false;
  if (!hasOffset(labelled)) return read.slice(0, 16) === labelled.slice(0, 16);
  const a = Date.parse(read);
  const b = Date.parse(labelled);
  return Number.isFinite(a) && Number.isFinite(b) && Math.floor(a / 60_000) === Math.floor(b / 60_000);
}

const ratio = (a, b) => (b === 0 ? '  -  ' : (a / b).toFixed(3));
function figures(m) {
  const precision = m.tp / (m.tp + m.fp);
  const recall = m.tp / (m.tp + m.fn);
  return {
    docs: m.docs,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    timedAtLine: m.timedAtLine,
    timedLabel: m.timedLabel,
    invented: m.invented,
    windowFound: m.windowFound,
    windowStated: m.windowStated,
    windowInvented: m.windowInvented,
    windowCorrect: m.windowCorrect,
    windowValued: m.windowValued,
    actionsFound: m.actionsFound,
    actionsLabel: m.actionsLabel,
    failures: m.failures.length,
    importClean: m.importClean,
    importLost: m.importLost,
    imported: m.imported,
  };
}
function report(name, m) {
  const f = figures(m);
  return [
    name.padEnd(10),
    String(m.docs).padStart(4),
    `${f.precision.toFixed(3)} ${f.recall.toFixed(3)} ${f.f1.toFixed(3)}`,
    `${ratio(m.timedAtLine, m.timedLabel)} (${m.timedAtLine}/${m.timedLabel})`.padEnd(20),
    String(m.invented).padStart(8),
    (m.windowStated || m.windowInvented ? `${ratio(m.windowFound, m.windowStated)} (${m.windowFound}/${m.windowStated})` : '(not labelled)').padEnd(18),
    (m.windowStated || m.windowInvented ? String(m.windowInvented) : '-').padStart(8),
    (m.windowValued ? `${m.windowCorrect}/${m.windowValued}` : '-').padStart(13),
    String(m.failures.length).padStart(8),
    `${m.importClean}/${m.imported}, ${m.imported - m.importLost}/${m.imported}`.padEnd(26),
    m.actionsLabel ? `${ratio(m.actionsFound, m.actionsLabel)} (${m.actionsFound}/${m.actionsLabel})` : '',
  ].join('  ');
}

const results = {};
if (set) {
  results.tune = evaluate(set, halves.tune);
  if (only !== 'tune') {
    results['held out'] = evaluate(set, halves['held out']);
    results.all = evaluate(set, ids);
  }
}
const ownIds = Object.keys(own.labels).sort();
results.own = evaluate(own, ownIds);

if (asJson) {
  console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, m]) => [k, { ...figures(m), rows: m.rows, failureText: m.failures }])), null, 1));
  process.exit(0);
}
if (set) console.log(`corpus: ${corpus} (${ids.length} documents; halves by sorted id, even positions = tune)`);
else if (!ownOnly) console.log(`eval: no corpus at ${corpus} (set POSTMORTEM_CORPUS); the own set only.`);
console.log(`own set: ${ownDir} (${ownIds.length} postmortems written by us, labelled by hand; we tune on it: not a generalization measure)`);
if (set) console.log(`entries matched ${set.entries ? 'by line (entries.json)' : 'by count (no entries.json)'}`);
console.log('\nhalf        docs  sections P R F1      timed entries at line  invented  window found        invented  window correct  failures  import clean, nothing lost  action items');
for (const [name, m] of Object.entries(results)) console.log(report(name === 'own' ? 'own, ours' : name, m));
// Without the corpus (--tune or --held-out given all the same) the own set's misses are listed.
const shown = results[only ?? 'all'] ? (only ?? 'all') : 'own';
const detail = results[shown];
for (const f of detail.failures) console.log(`  failure: ${f}`);
if (detail.importRows.length) {
  console.log('\nimport (documents with structural errors or lost sentences):');
  for (const r of detail.importRows) console.log(`  ${r}`);
}
if (detail.rows.length) {
  console.log(`\nper document${shown === 'all' ? '' : ` (${shown === 'own' ? 'own set' : `${shown} half`})`} (differences only; --verbose for all):`);
  for (const r of detail.rows) console.log(`  ${r}`);
}
