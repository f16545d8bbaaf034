/** `postmortem actions`: every action item of every postmortem, so that none is forgotten. */
import { Chalk } from 'chalk';
import { DateTime } from 'luxon';
import { daysBetween, dueDate } from '../document/action-lifecycle.js';
import type { Postmortem } from '../document/model.js';
import { UserError } from '../errors.js';
import { openRepository, parseDateOption, summarize, table, warnSkipped } from '../repo.js';
import type { GlobalOptions } from '../cli.js';

export interface ActionsOptions extends GlobalOptions {
  open?: boolean;
  overdue?: boolean;
  owner?: string;
  priority?: string;
  status?: string;
  json?: boolean;
  failOnOverdue?: boolean;
  today?: string;
}

export interface ActionRow {
  path: string;
  line: number;
  text: string;
  owner: string | null;
  /** As written, else from the config's SLO for the item's priority (dueSource says which). */
  due: string | null;
  dueSource: 'written' | 'slo' | null;
  /** Kept for scripts written against earlier versions: status === "done". */
  done: boolean;
  status: 'open' | 'done' | 'wontdo';
  priority: string | null;
  ticket: string | null;
  /** The postmortem's date: when the item was written down. */
  date: string | null;
  /** Days from the postmortem's date to today; null when the document has no date (or is dated after today). */
  ageDays: number | null;
  overdue: boolean;
}

/** Every action item of these documents, its due date completed from the SLO, compared with `today`. */
export function actionRows(docs: Postmortem[], today: string, slo: Record<string, number> | undefined): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const doc of docs) {
    const date = summarize(doc).date;
    for (const a of doc.actionItems) {
      const { due, source } = dueDate(a, date, slo);
      const age = daysBetween(date, today);
      // A due date without a year ("--03-15") cannot be compared; it is never overdue.
      const overdue = a.status === 'open' && due !== null && /^\d{4}/.test(due) && due < today;
      rows.push({
        path: doc.path,
        line: a.line,
        text: a.text,
        owner: a.owner,
        due,
        dueSource: source,
        done: a.status === 'done',
        status: a.status,
        priority: a.priority,
        ticket: a.ticket,
        date,
        ageDays: age !== null && age >= 0 ? age : null,
        overdue,
      });
    }
  }
  return rows;
}

const STATUSES = ['open', 'done', 'wontdo'];

export async function run(opts: ActionsOptions): Promise<number> {
  const today = parseDateOption(opts.today, '--today') ?? DateTime.now().toISODate()!;
  if (opts.status !== undefined && !STATUSES.includes(opts.status)) throw new UserError(`--status expects open, done or wontdo, not "${opts.status}"`);
  const priority = opts.priority?.toUpperCase();
  if (priority !== undefined && !/^P[0-4]$/.test(priority)) throw new UserError(`--priority expects P0 to P4, not "${opts.priority}"`);
  const repo = await openRepository(opts.config ? { config: opts.config } : {});
  warnSkipped(repo);
  const owner = opts.owner?.replace(/^@/, '').toLowerCase();
  const rows = actionRows(repo.docs, today, repo.config.actions?.slo);
  const shown = rows
    .filter((r) => !opts.open || r.status === 'open')
    .filter((r) => opts.status === undefined || r.status === opts.status)
    .filter((r) => !opts.overdue || r.overdue)
    .filter((r) => priority === undefined || r.priority === priority)
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
    const status = (r: ActionRow): string => (r.status === 'open' ? (r.overdue ? 'OVERDUE' : 'open') : r.status === 'done' ? 'done' : "won't do");
    const body = table(
      ['STATUS', 'PRI', 'DUE', 'AGE', 'OWNER', 'TICKET', 'ACTION', 'WHERE'],
      shown.map((r) => [
        status(r),
        r.priority ?? '-',
        r.due === null ? '-' : r.dueSource === 'slo' ? `${r.due}*` : r.due,
        r.ageDays === null ? '-' : `${r.ageDays}d`,
        r.owner ?? '-',
        r.ticket ?? '-',
        r.text.length > 50 ? `${r.text.slice(0, 49)}…` : r.text,
        `${r.path}:${r.line}`,
      ]),
    ).split('\n');
    const lines = body.map((l, i) => (i > 0 && shown[i - 1]!.overdue ? c.red.bold(l) : i === 0 ? c.dim(l) : l));
    const count = (s: ActionRow['status']): number => shown.filter((r) => r.status === s).length;
    lines.push('', `${shown.length} action item${shown.length === 1 ? '' : 's'}: ${count('open')} open, ${overdueCount} overdue, ${count('done')} done, ${count('wontdo')} won't do (as of ${today})`);
    if (shown.some((r) => r.dueSource === 'slo')) lines.push('* due date from the SLO for its priority (actions.slo in the config)');
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return opts.failOnOverdue && overdueCount > 0 ? 1 : 0;
}
