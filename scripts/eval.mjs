#!/usr/bin/env node
// Evaluation against ../shared/corpus (real postmortems written by other people; never copied into this repo).
// Prints section-detection precision/recall/F1 against labels.json, timed timeline entries found, and failures.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostmortem } from '../dist/document/parse.js';
import { lintDocument } from '../dist/lint/engine.js';
import { loadTemplates } from '../dist/template/load.js';
import { convert, lostSentences } from '../dist/import/convert.js';

// The document's shape; timeline-time is counted apart: an entry without a time keeps having none (never invented).
const STRUCTURAL = ['frontmatter-syntax', 'section-required', 'section-empty', 'heading-style'];

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(process.env.POSTMORTEM_CORPUS ?? join(here, '..', '..', 'shared', 'corpus'));
const verbose = process.argv.includes('--verbose');
if (!existsSync(join(corpus, 'labels.json'))) {
  console.log(`eval: no corpus at ${corpus} (set POSTMORTEM_CORPUS); nothing to measure.`);
  process.exit(0);
}
const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8'));
const IDS = ['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'action-items'];
const templates = await loadTemplates({ cwd: here });
const template = templates.get('default');

let imported = 0, importClean = 0, importLost = 0, importUntimed = 0, untimedEntries = 0;
const importRows = [];
let tp = 0, fp = 0, fn = 0, timedLabel = 0, timedFound = 0, timedOver = 0, entriesLabel = 0, entriesFound = 0;
const failures = [];
const rows = [];
for (const [id, label] of Object.entries(labels)) {
  const file = join(corpus, `${id}.md`);
  let doc;
  try {
    const text = readFileSync(file, 'utf8');
    doc = parsePostmortem(text, file);
    lintDocument(doc, template, {});
  } catch (error) {
    failures.push(`${id}: ${error?.stack ?? error}`);
    continue;
  }
  // Import: structural lint errors of the result, and sentences lost.
  try {
    const result = convert(doc, template);
    const after = parsePostmortem(result.text, file, { sectionAliases: template.aliases });
    const errors = lintDocument(after, template, {}).filter((m) => m.severity === 'error');
    const structural = errors.filter((m) => STRUCTURAL.includes(m.ruleId));
    const untimed = errors.filter((m) => m.ruleId === 'timeline-time').length;
    if (untimed) importUntimed++;
    untimedEntries += untimed;
    const lost = lostSentences(doc, result.text);
    imported++;
    if (structural.length === 0) importClean++;
    if (lost.length > 0) importLost++;
    if (structural.length || lost.length || (verbose && untimed)) {
      importRows.push(`${id}: ${structural.map((m) => `${m.ruleId}@${m.line}`).join(' ') || 'no structural errors'}${lost.length ? `; lost ${lost.length}: "${lost[0].slice(0, 60)}"` : ''}`);
    }
  } catch (error) {
    failures.push(`${id} (import): ${error?.stack ?? error}`);
  }
  const found = new Set(doc.sections.flatMap((s) => s.ids).filter((x) => IDS.includes(x)));
  const expected = new Set(Object.keys(label.sections).filter((x) => IDS.includes(x)));
  const missed = [...expected].filter((x) => !found.has(x));
  const extra = [...found].filter((x) => !expected.has(x));
  tp += expected.size - missed.length;
  fn += missed.length;
  fp += extra.length;
  const timed = doc.timeline.filter((e) => e.time !== null).length;
  timedLabel += label.timeline_timed;
  timedFound += Math.min(timed, label.timeline_timed);
  timedOver += Math.max(0, timed - label.timeline_timed);
  entriesLabel += label.timeline_entries;
  entriesFound += Math.min(doc.timeline.length, label.timeline_entries);
  if (verbose || missed.length || extra.length || timed !== label.timeline_timed) {
    rows.push(`${id}: missed [${missed}] extra [${extra}] timed ${timed}/${label.timeline_timed} entries ${doc.timeline.length}/${label.timeline_entries}`);
  }
}
const precision = tp / (tp + fp);
const recall = tp / (tp + fn);
const f1 = (2 * precision * recall) / (precision + recall);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`documents:            ${Object.keys(labels).length}`);
console.log(`sections:             precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`timed entries found:  ${timedFound}/${timedLabel} (${pct(timedFound / timedLabel)}), ${timedOver} more than labelled`);
console.log(`timeline entries:     ${entriesFound}/${entriesLabel} (${pct(entriesFound / entriesLabel)})`);
console.log(`import:               ${importClean}/${imported} with no structural lint errors (${STRUCTURAL.join(', ')})`);
console.log(`                      ${imported - importLost}/${imported} lost no sentence`);
console.log(`                      ${importUntimed}/${imported} keep timeline entries that have no time in the original (${untimedEntries} entries; times are never invented)`);
console.log(`failures:             ${failures.length}`);
for (const f of failures) console.log(`  ${f}`);
if (importRows.length) {
  console.log('\nimport (documents with structural errors or lost sentences):');
  for (const r of importRows) console.log(`  ${r}`);
}
if (rows.length) {
  console.log('\nper document (differences only; --verbose for all):');
  for (const r of rows) console.log(`  ${r}`);
}
