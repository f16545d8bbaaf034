/**
 * A Slack channel export: the folder of per-day files (`2024-03-01.json`, each an array of messages with `ts`,
 * `user`, `text`) that Slack's export writes for a channel, with `users.json` beside it or one level up for names.
 * Files are read one at a time, so memory follows the largest day, not the export. Thread replies are messages
 * of the day they were posted; they are kept, marked "in thread".
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { DateTime } from 'luxon';
import { oneLine, type Problems, type TimelineEvent } from '../event.js';
import { readJson, type SourceOptions } from './common.js';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Events of no interest on a timeline: joins, leaves, topic and name changes. */
const SKIPPED_SUBTYPES = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'channel_archive', 'channel_unarchive', 'group_join', 'group_leave']);

/** Whether `dir` looks like a Slack export: a channel folder of day files, or the top folder of an export. */
export function isSlackExport(dir: string): boolean {
  try {
    if (readdirSync(dir).some((f) => DAY_FILE.test(f))) return true;
    return existsSync(join(dir, 'channels.json')) || existsSync(join(dir, 'users.json'));
  } catch {
    return false;
  }
}

interface SlackMessage {
  type?: string;
  subtype?: string;
  ts?: unknown;
  thread_ts?: string;
  user?: string;
  username?: string;
  bot_id?: string;
  text?: unknown;
  hidden?: boolean;
  user_profile?: { name?: string; display_name?: string; real_name?: string };
  reactions?: Array<{ name?: string }>;
  attachments?: Array<{ fallback?: string; text?: string }>;
}

function userNames(file: string, shown: string, problems: Problems): Map<string, string> {
  const names = new Map<string, string>();
  const data = readJson(file, shown, problems);
  if (data === undefined) return names;
  if (!Array.isArray(data)) {
    problems.add(shown, 'expected an array of users');
    return names;
  }
  for (const u of data as Array<Record<string, unknown>>) {
    if (!u || typeof u !== 'object' || typeof u.id !== 'string') continue;
    const profile = (u.profile ?? {}) as Record<string, unknown>;
    const name = [u.name, profile.display_name, u.real_name, profile.real_name].find((n) => typeof n === 'string' && n.trim());
    if (typeof name === 'string') names.set(u.id, name.trim());
  }
  return names;
}

/** Slack's markup as a reader sees it: mentions by name, links as "label (url)", entities decoded. */
export function slackText(text: string, names: Map<string, string>): string {
  const out = text.replace(/<([^<>\n]{1,2000})>/g, (_, inner: string) => {
    const [target, label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return `@${label ?? names.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      if (label) return label;
      const word = target.slice(1).split('^')[0]!;
      return ['here', 'channel', 'everyone'].includes(word) ? `@${word}` : word;
    }
    const url = target.replace(/^mailto:/, '');
    return label && label !== url ? `${label} (${url})` : url;
  });
  return oneLine(out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** The day files to read, in order; those wholly outside since/until (with a day's margin for zones) skipped. */
function dayFiles(dir: string, options: SourceOptions): string[] {
  const lo = options.since !== undefined ? DateTime.fromMillis(options.since, { zone: 'utc' }).minus({ days: 1 }).toISODate()! : undefined;
  const hi = options.until !== undefined ? DateTime.fromMillis(options.until, { zone: 'utc' }).plus({ days: 1 }).toISODate()! : undefined;
  return readdirSync(dir)
    .filter((f) => {
      const m = DAY_FILE.exec(f);
      return m && (!lo || m[1]! >= lo) && (!hi || m[1]! <= hi);
    })
    .sort();
}

export async function* readSlack(path: string, options: SourceOptions, problems: Problems): AsyncGenerator<TimelineEvent> {
  let dir = path;
  const shown = (file: string): string => relative(options.cwd, file) || file;
  if (!readdirSync(dir).some((f) => DAY_FILE.test(f))) {
    // The top folder of an export: one folder per channel.
    const channels = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());
    if (!options.channel && channels.length === 1) options = { ...options, channel: channels[0]! };
    if (!options.channel) {
      problems.add(shown(dir), channels.length ? `a Slack export with several channels (${channels.slice(0, 5).join(', ')}${channels.length > 5 ? ', …' : ''}): name one with --channel NAME, or give the channel's folder` : 'no per-day files (YYYY-MM-DD.json) in this folder');
      return;
    }
    const name = options.channel!.replace(/^#/, '');
    if (!channels.includes(name)) {
      problems.add(shown(dir), `no channel "${name}" in this export (channels: ${channels.slice(0, 10).join(', ') || 'none'})`);
      return;
    }
    dir = join(dir, name);
  }
  const usersFile = [join(dir, 'users.json'), join(dirname(dir), 'users.json')].find((f) => existsSync(f));
  const names = usersFile ? userNames(usersFile, shown(usersFile), problems) : new Map<string, string>();
  const reaction = options.reaction?.replace(/^:|:$/g, '');
  const channel = basename(dir);
  for (const file of dayFiles(dir, options)) {
    const full = join(dir, file);
    const data = readJson(full, shown(full), problems);
    if (data === undefined) continue;
    if (!Array.isArray(data)) {
      problems.add(shown(full), 'expected an array of messages, as in a Slack export');
      continue;
    }
    for (let i = 0; i < data.length; i++) {
      const m = data[i] as SlackMessage;
      const where = `${shown(full)}: message ${i + 1}`;
      if (!m || typeof m !== 'object') {
        problems.add(where, 'not a message object');
        continue;
      }
      if (m.subtype && SKIPPED_SUBTYPES.has(m.subtype)) continue;
      if (m.hidden) continue;
      if (reaction && !(m.reactions ?? []).some((r) => r && typeof r.name === 'string' && r.name.split('::')[0] === reaction)) continue;
      const ts = typeof m.ts === 'string' ? Number(m.ts) : typeof m.ts === 'number' ? m.ts : NaN;
      if (!Number.isFinite(ts) || ts <= 0) {
        problems.add(where, m.ts === undefined ? 'no "ts"' : `cannot read the time "ts": ${JSON.stringify(m.ts)}`);
        continue;
      }
      let raw = typeof m.text === 'string' ? m.text : '';
      if (!raw.trim()) raw = m.attachments?.map((a) => a?.fallback ?? a?.text ?? '').find((t) => t.trim()) ?? '';
      const text = slackText(raw, names);
      if (!text) continue;
      const who =
        (m.user ? names.get(m.user) : undefined) ?? m.user_profile?.name ?? m.user_profile?.display_name ?? m.username ?? m.user ?? m.bot_id ?? 'unknown';
      const thread = m.thread_ts && m.thread_ts !== m.ts ? ', in thread' : '';
      yield { at: Math.floor(ts * 1000), text, origin: `slack: @${who.replace(/^@/, '')}${thread}`, where: `${where} (#${channel})` };
    }
  }
}
