#!/usr/bin/env node
// Evaluation against ../shared/corpus (real postmortems written by other people; never copied into this repo).
//
// The corpus is split into two fixed halves by id (sorted; even positions = "tune", odd = "held out"). Work on the
// reader looks at the tune half only; the held-out half says how it does on documents it was not tuned on. Both are
// printed, with the whole. Per half: section detection (precision, recall, F1 against labels.json), timed timeline
// entries found at the labelled line (entries.json), entries invented, the incident window (start and end) found
// where the summary states one and invented where it does not, failures, and how `import` does.
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
const verbose = process.argv.includes('--verbose');
const only = process.argv.includes('--tune') ? 'tune' : process.argv.includes('--held-out') ? 'held out' : null;
if (!existsSync(join(corpus, 'labels.json'))) {
  console.log(`eval: no corpus at ${corpus} (set POSTMORTEM_CORPUS); nothing to measure.`);
  process.exit(0);
}
const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8'));
const entryLabels = existsSync(join(corpus, 'entries.json')) ? JSON.parse(readFileSync(join(corpus, 'entries.json'), 'utf8')) : null;
const templates = await loadTemplates({ cwd: here });
const template = templates.get('default');

const ids = Object.keys(labels).sort();
const halves = { tune: ids.filter((_, i) => i % 2 === 0), 'held out': ids.filter((_, i) => i % 2 === 1) };

function evaluate(docIds) {
  const m = { docs: docIds.length, tp: 0, fp: 0, fn: 0, timedLabel: 0, timedFound: 0, timedAtLine: 0, invented: 0, windowStated: 0, windowFound: 0, windowInvented: 0, imported: 0, importClean: 0, importLost: 0, failures: [], rows: [], importRows: [] };
  for (const id of docIds) {
    const label = labels[id];
    const file = join(corpus, `${id}.md`);
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

    const window = doc.incident.start !== null && doc.incident.end !== null;
    if (label.has_start_end) {
      m.windowStated++;
      if (window) m.windowFound++;
    } else if (window) m.windowInvented++;

    if (verbose || missed.length || extra.length || atLine !== label.timeline_timed || invented || window !== label.has_start_end) {
      m.rows.push(`${id}: missed [${missed}] extra [${extra}] timed at line ${atLine}/${label.timeline_timed}${invented ? `, ${invented} invented` : ''}; window ${window ? 'found' : 'none'}${label.has_start_end ? ' (stated)' : ' (not stated)'}`);
    }
  }
  return m;
}

const ratio = (a, b) => (b === 0 ? '  -  ' : (a / b).toFixed(3));
function report(name, m) {
  const precision = m.tp / (m.tp + m.fp);
  const recall = m.tp / (m.tp + m.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return [
    name.padEnd(10),
    String(m.docs).padStart(4),
    `${precision.toFixed(3)} ${recall.toFixed(3)} ${f1.toFixed(3)}`,
    `${ratio(m.timedAtLine, m.timedLabel)} (${m.timedAtLine}/${m.timedLabel})`.padEnd(20),
    String(m.invented).padStart(8),
    `${ratio(m.windowFound, m.windowStated)} (${m.windowFound}/${m.windowStated})`.padEnd(18),
    String(m.windowInvented).padStart(8),
    String(m.failures.length).padStart(8),
    `${m.importClean}/${m.imported}, ${m.imported - m.importLost}/${m.imported}`,
  ].join('  ');
}

console.log(`corpus: ${corpus} (${ids.length} documents; halves by sorted id, even positions = tune)`);
console.log(`entries matched ${entryLabels ? 'by line (entries.json)' : 'by count (no entries.json)'}\n`);
console.log('half        docs  sections P R F1      timed entries at line  invented  window found        invented  failures  import clean, nothing lost');
const results = {};
for (const [name, list] of Object.entries(halves)) results[name] = evaluate(list);
results.all = evaluate(ids);
for (const [name, m] of Object.entries(results)) console.log(report(name, m));
const detail = only ? results[only] : results.all;
for (const f of detail.failures) console.log(`  failure: ${f}`);
if (detail.importRows.length) {
  console.log('\nimport (documents with structural errors or lost sentences):');
  for (const r of detail.importRows) console.log(`  ${r}`);
}
if (detail.rows.length) {
  console.log(`\nper document${only ? ` (${only} half)` : ''} (differences only; --verbose for all):`);
  for (const r of detail.rows) console.log(`  ${r}`);
}
