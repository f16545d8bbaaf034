/** Events from every source of an import: read, filtered (--since, --until, --match), in time order, each once. */
import { UserError } from '../errors.js';
import { Problems, type TimelineEvent } from './event.js';
import { canonical } from './insert.js';
import { inRange, type SourceOptions } from './sources/common.js';
import { resolveSource, SOURCE_KINDS, type SourceKind } from './sources/index.js';

/** More entries than this in one import would bury the timeline (and the document's size limit). */
export const MAX_EVENTS = 5000;
/** Text longer than this is not matched against --match (the engine is linear; this bounds the work per event). */
const MAX_MATCH_CHARS = 64 * 1024;

export interface CollectOptions extends SourceOptions {
  source?: string;
  match?: string;
}

export function sourceKind(value: string | undefined): SourceKind | undefined {
  if (value === undefined) return undefined;
  if (!(SOURCE_KINDS as readonly string[]).includes(value)) throw new UserError(`--source must be one of ${SOURCE_KINDS.join(', ')}, not "${value}"`);
  return value as SourceKind;
}

/** A --match pattern, compiled with RE2 semantics (linear time: no pattern can stall on a long line). */
export async function compileMatch(pattern: string | undefined): Promise<((text: string) => boolean) | undefined> {
  if (pattern === undefined) return undefined;
  const { RE2JS } = await import('re2js');
  let re: InstanceType<typeof RE2JS>;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    throw new UserError(`--match: not a regular expression RE2 accepts: ${(error as Error).message.split('\n')[0]}`);
  }
  return (text: string) => re.matcher(text.length > MAX_MATCH_CHARS ? text.slice(0, MAX_MATCH_CHARS) : text).find();
}

/** The text an event is written with: its words, then its origin. */
export function entryText(event: TimelineEvent): string {
  return `${event.text} (${event.origin})`;
}

export async function collectEvents(specs: string[], options: CollectOptions): Promise<TimelineEvent[]> {
  const problems = new Problems();
  const forced = sourceKind(options.source);
  const matches = await compileMatch(options.match);
  const sources = specs.map((spec) => resolveSource(spec, forced, options, problems));
  if (sources.filter((s) => s.spec === '-').length > 1) throw new UserError('standard input (-) can be read only once');
  const out: TimelineEvent[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for await (const event of source.read()) {
      if (!inRange(event, options)) continue;
      if (matches && !matches(entryText(event))) continue;
      const key = `${Math.floor(event.at / 60_000)}|${canonical(entryText(event))}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(event);
      if (out.length > MAX_EVENTS) {
        problems.check();
        throw new UserError(`more than ${MAX_EVENTS} events to import: narrow them with --since, --until, --match${source.kind === 'slack' ? ' or --reaction' : ''}; nothing was changed`);
      }
    }
  }
  problems.check();
  // Stable: events of the same instant keep the order of their sources.
  return out.sort((a, b) => a.at - b.at);
}
