/**
 * `postmortem start "TITLE"`: open a draft postmortem now, during the incident. The file is written at once
 * (atomically, never over another), so that `timeline add` can follow from any terminal and nothing depends on
 * this process staying alive. Prints the path.
 */
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import type { GlobalOptions } from '../cli.js';
import { isIanaZone } from '../document/time.js';
import { UserError } from '../errors.js';
import { parseAnswers, parseDateTime, type Answers } from '../new/answers.js';
import { renderDocument } from '../new/render.js';
import { fileNameFor, writeNewDocument } from '../new/write.js';
import { openProject } from '../project.js';
import { shown } from '../timeline/document.js';

export interface StartOptions extends GlobalOptions {
  template?: string;
  timezone?: string;
  started?: string;
  severity?: string;
  author?: string[];
  dir?: string;
  dryRun?: boolean;
}

/** The first entry of the timeline a draft starts with. */
export const FIRST_ENTRY = 'Incident started (postmortem start)';

export async function run(title: string, opts: StartOptions): Promise<number> {
  const { config, templates } = await openProject(process.cwd(), opts.config);
  if (!title.trim()) throw new UserError('give the incident a title: postmortem start "Checkout errors after deploy"');
  const template = templates.get(opts.template ?? config.template);
  const zone = opts.timezone ?? config.timezone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  if (!isIanaZone(zone)) throw new UserError(`--timezone "${zone}": expected an IANA time-zone name such as Europe/Berlin or UTC`);
  const when = parseDateTime(opts.started ?? 'now', { zone, now: DateTime.now() });
  if (!when.ok) throw new UserError(`--started "${opts.started}": ${when.error}`);
  const started = DateTime.fromISO(when.value, { setZone: true }).setZone(zone);

  const has = (key: string, type?: string): string | undefined => template.fields.find((f) => f.key === key || (type && f.type === type))?.key;
  const raw: { fields: Record<string, unknown>; sections: Record<string, unknown> } = { fields: {}, sections: {} };
  const set = (key: string | undefined, value: unknown): void => {
    if (key && value !== undefined) raw.fields[key] = value;
  };
  set(has('title'), title.trim());
  set(has('timezone', 'timezone'), zone);
  set(has('date', 'date'), started.toISODate());
  set(has('started'), started.toISO({ suppressMilliseconds: true, suppressSeconds: true }));
  set(has('status'), 'draft');
  set(has('severity'), opts.severity);
  set(has('authors'), opts.author);
  const timeline = template.sections.find((s) => s.kind === 'timeline');
  if (timeline) raw.sections[timeline.id] = [{ time: started.toISO({ suppressMilliseconds: true }), text: FIRST_ENTRY }];
  const answers: Answers = { fields: {}, sections: {} };
  const flag = (key: string): string => (key === 'authors' ? '--author' : `--${key}`);
  parseAnswers(template, answers, raw, flag, zone);
  for (const f of template.fields) if (answers.fields[f.key] === undefined && f.default !== undefined) answers.fields[f.key] = f.default;

  const text = renderDocument(template, answers, { placeholders: true });
  if (opts.dryRun) {
    process.stdout.write(text);
    return 0;
  }
  const dir = opts.dir ? resolve(opts.dir) : resolve(config.root, config.dir);
  const written = writeNewDocument(dir, fileNameFor(started.toISODate()!, title), text);
  process.stdout.write(`${shown(written)}\n`);
  // Into the postmortems directory: its index page (if it has one) lists the draft, so `index --check` stays green.
  // Said on stderr: stdout is the path alone, for scripts.
  if (dir === resolve(config.root, config.dir)) {
    const indexed = await (await import('./index-page.js')).refreshIndex(opts);
    if (indexed) process.stderr.write(`${indexed}\n`);
  }
  return 0;
}
