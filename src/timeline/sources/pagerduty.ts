/**
 * PagerDuty incident log entries: the JSON of its REST API's `GET /incidents/{id}/log_entries` (an object with a
 * `log_entries` array, one page per file), or the array alone. Each entry has `created_at`, `type`
 * ("trigger_log_entry", "acknowledge_log_entry"…) and `summary`.
 */
import { relative } from 'node:path';
import { oneLine, parseSourceTime, type Problems, type TimelineEvent } from '../event.js';
import { readJson, type SourceOptions } from './common.js';

/** Whether parsed JSON has the shape of PagerDuty log entries. */
export function isPagerDuty(data: unknown): boolean {
  const list = entriesOf(data);
  return Array.isArray(list) && (list.length === 0 || list.some((e) => e && typeof e === 'object' && typeof (e as Record<string, unknown>).type === 'string' && /_log_entry$/.test((e as Record<string, string>).type!)));
}

function entriesOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as Record<string, unknown>).log_entries)) return (data as Record<string, unknown[]>).log_entries;
  return undefined;
}

export async function* readPagerDuty(path: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  const shown = relative(options.cwd, path) || path;
  const data = readJson(path, shown, problems);
  if (data === undefined) return;
  const list = entriesOf(data);
  if (!list) {
    problems.add(shown, 'expected PagerDuty log entries: an object with a "log_entries" array, or an array of entries');
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as Record<string, unknown>;
    const where = `${shown}: log entry ${i + 1}`;
    if (!e || typeof e !== 'object') {
      problems.add(where, 'not an object');
      continue;
    }
    if (e.created_at === undefined) {
      problems.add(where, 'no "created_at"');
      continue;
    }
    const t = parseSourceTime(e.created_at, options.zone);
    if (!t.ok) {
      problems.add(where, t.error);
      continue;
    }
    const type = typeof e.type === 'string' ? e.type.replace(/_log_entry(_reference)?$/, '') : 'event';
    const text = oneLine(typeof e.summary === 'string' ? e.summary : '');
    if (!text) {
      problems.add(where, 'no "summary"');
      continue;
    }
    yield { at: t.at, text, origin: `pagerduty: ${type}`, where };
  }
}
