/** `postmortem actions`: every action item of every postmortem, so that none is forgotten. */
import { Chalk } from 'chalk';
import { DateTime } from 'luxon';
import { openRepository, parseDateOption, table, warnSkipped } from '../repo.js';
import type { GlobalOptions } from '../cli.js';

export interface ActionsOptions extends GlobalOptions {
  open?: boolean;
  overdue?: boolean;
  owner?: string;
  json?: boolean;
  failOnOverdue?: boolean;
  today?: string;
}

export interface ActionRow {
  path: string;
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  done: boolean;
  overdue: boolean;
}

export async function run(opts: ActionsOptions): Promise<number> {
  const today = parseDateOption(opts.today, '--today') ?? DateTime.now().toISODate()!;
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const owner = opts.owner?.replace(/^@/, '').toLowerCase();
  const rows: ActionRow[] = [];
  for (const doc of repo.docs) {
    for (const a of doc.actionItems) {
      const done = a.done === true;
      // A due date without a year ("--03-15") cannot be compared; it is never overdue.
      const overdue = !done && a.due !== null && /^\d{4}/.test(a.due) && a.due < today;
      rows.push({ path: doc.path, line: a.line, text: a.text, owner: a.owner, due: a.due, done, overdue });
    }
  }
  const shown = rows
    .filter((r) => !opts.open || !r.done)
    .filter((r) => !opts.overdue || r.overdue)
    .filter((r) => owner === undefined || (r.owner ?? '').replace(/^@/, '').toLowerCase() === owner)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.path.localeCompare(b.path) || a.line - b.line);
  const overdueCount = shown.filter((r) => r.overdue).length;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else if (shown.length === 0) {
    process.stdout.write('No action items match.\n');
  } else {
    const color = opts.color !== false && !process.env.NO_COLOR && Boolean(process.stdout.isTTY || process.env.FORCE_COLOR);
    const c = new Chalk({ level: color ? 1 : 0 });
    const body = table(
      ['STATUS', 'DUE', 'OWNER', 'ACTION', 'WHERE'],
      shown.map((r) => [r.done ? 'done' : r.overdue ? 'OVERDUE' : 'open', r.due ?? '-', r.owner ?? '-', r.text.length > 60 ? `${r.text.slice(0, 59)}…` : r.text, `${r.path}:${r.line}`]),
    ).split('\n');
    const lines = body.map((l, i) => (i > 0 && shown[i - 1]!.overdue ? c.red.bold(l) : i === 0 ? c.dim(l) : l));
    const open = shown.filter((r) => !r.done).length;
    lines.push('', `${shown.length} action item${shown.length === 1 ? '' : 's'}: ${open} open, ${overdueCount} overdue (as of ${today})`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return opts.failOnOverdue && overdueCount > 0 ? 1 : 0;
}
