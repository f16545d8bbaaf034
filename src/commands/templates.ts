/** `postmortem templates [show NAME]`: the templates available here, and where each comes from. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { UserError } from '../errors.js';
import { openProject } from '../project.js';
import type { GlobalOptions } from '../cli.js';


export async function list(opts: GlobalOptions & { json?: boolean }): Promise<number> {
  const { cwd, config, templates } = await openProject(process.cwd(), opts.config);
  const rows: Array<{ name: string; origin: string; path: string; description: string; default: boolean; error?: string }> = [];
  for (const entry of templates.list()) {
    const row = { name: entry.name, origin: entry.origin, path: entry.origin === 'built-in' ? `templates/${entry.name}.md` : relative(cwd, entry.path), description: '', default: entry.name === config.template };
    try {
      row.description = templates.get(entry.name).description;
      rows.push(row);
    } catch (error) {
      rows.push({ ...row, error: (error as Error).message });
    }
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const width = Math.max(...rows.map((r) => r.name.length)) + 2;
    for (const r of rows) {
      process.stdout.write(`${(r.name + (r.default ? '*' : '')).padEnd(width)}${r.origin.padEnd(10)}${r.error ? `BROKEN: ${r.error}` : r.description}\n`);
    }
    process.stdout.write('\n* the default (config "template"); project templates live in .postmortem/templates/\n');
  }
  const broken = rows.filter((r) => r.error);
  for (const b of broken) process.stderr.write(`postmortem: ${b.error}\n`);
  return broken.length ? 2 : 0;
}

export async function show(name: string, opts: GlobalOptions): Promise<number> {
  const { templates } = await openProject(process.cwd(), opts.config);
  const template = templates.get(name); // checks it, so a broken template is exit 2 with file:line
  try {
    process.stdout.write(readFileSync(template.path, 'utf8'));
  } catch (error) {
    throw new UserError(`cannot read ${template.path}: ${(error as Error).message}`);
  }
  return 0;
}
