/** `postmortem inspect FILE [--json]`: the model of one document, as every command sees it. */
import { modelToJson } from '../document/json.js';
import { UserError } from '../errors.js';
import { frontMatterProblem } from '../lint/rules/frontmatter-syntax.js';
import { readText, STDIN } from '../files.js';
import { openProject, readPostmortem } from '../project.js';
import type { GlobalOptions } from '../cli.js';

export interface InspectOptions extends GlobalOptions {
  json?: boolean;
  template?: string;
}

export async function run(file: string, opts: InspectOptions): Promise<number> {
  const cwd = process.cwd();
  const project = await openProject(cwd, opts.config);
  let text: string;
  try {
    text = readText(file, cwd);
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const name = opts.template ?? project.config.template;
  const shown = file === STDIN ? '<stdin>' : file;
  const { doc, template } = readPostmortem(text, shown, project, project.templates.get(name));
  const problem = frontMatterProblem(doc.frontMatter, template); // in lint's words
  const model = modelToJson(doc);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(`${shown}: ${doc.title ?? '(no title)'}`);
  out.push(`  template: ${doc.template ?? `(none; ${name} assumed)`}   words: ${doc.words}   front matter: ${doc.frontMatter.kind ?? 'none'}${problem ? ` (${doc.frontMatter.error!.line}:${doc.frontMatter.error!.column}: ${problem})` : ''}`);
  const inc = doc.incident;
  const configZone = project.config.path ? `the config's timezone, ${project.config.path}` : "the config's timezone";
  const zoneFrom: Record<string, string> = {
    written: 'written with the times',
    'front-matter': 'front matter',
    document: 'stated in the text',
    timeline: 'stated for the timeline',
    config: `assumed: ${configZone}`,
  };
  const dateFrom: Record<string, string> = { start: 'the start', 'front-matter': 'front matter', summary: 'the summary', title: 'the title' };
  out.push(
    `  incident: ${inc.start ?? '?'} → ${inc.end ?? '?'}${inc.durationMinutes !== null ? ` (${inc.durationMinutes} min)` : ''}   zone: ${inc.timezone ?? 'unknown'}${inc.zoneSource ? ` (${zoneFrom[inc.zoneSource]})` : ''}   from: ${inc.source ?? '-'}`,
  );
  if (inc.date) out.push(`  date: ${inc.date} (from ${dateFrom[inc.dateSource ?? ''] ?? '-'})`);
  const assumed = doc.timeline.filter((e) => e.zoneSource === 'config').length;
  if (assumed > 0) out.push(`  note: ${assumed} timeline entr${assumed === 1 ? 'y has' : 'ies have'} no zone of their own; read in ${project.config.timezone} (${configZone})`);
  out.push('  sections:');
  for (const s of doc.sections) out.push(`    ${String(s.line).padStart(4)}  ${s.ids.join(', ').padEnd(24)} ${s.heading}${s.style === 'atx' || s.style === 'setext' ? '' : `  (${s.style})`}`);
  out.push(`  timeline: ${doc.timeline.length} entries, ${doc.timeline.filter((e) => e.time).length} timed`);
  for (const e of doc.timeline) out.push(`    ${String(e.line).padStart(4)}  ${(e.time ?? '-').padEnd(26)} ${e.text.slice(0, 60)}${e.rolledOver ? '  (next day)' : ''}`);
  out.push(`  action items: ${doc.actionItems.length}`);
  for (const a of doc.actionItems) {
    out.push(`    ${String(a.line).padStart(4)}  [${a.status === 'done' ? 'x' : a.status === 'wontdo' ? '-' : ' '}] ${a.priority ? `${a.priority} ` : ''}${a.text.slice(0, 50)}${a.owner ? `  owner ${a.owner}` : ''}${a.due ? `  due ${a.due}` : ''}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
