/**
 * Answers to a template's questions, from flags, an answers file, a draft or the interview: parsed and checked
 * here, the same way whatever their source, so that what `new` writes passes `lint`.
 */
import { crossesMidnight } from '../document/timeline.js';
import { DateTime } from 'luxon';
import { parseActionLine } from '../document/actions.js';
import { findPlaceholder } from '../document/placeholder.js';
import { findTimes, isIanaZone, parseIsoDateTime } from '../document/time.js';
import { UserError } from '../errors.js';
import type { Template, TemplateField, TemplateSection } from '../template/template.js';

export interface TimelineAnswer {
  /** ISO 8601 with offset. */
  time: string;
  text: string;
}

export interface ActionAnswer {
  item: string;
  owner?: string;
  due?: string;
  type?: string;
  bug?: string;
  done?: boolean;
}

/** Field keys → values; section ids → text, or lists for timeline and actions sections. */
export interface Answers {
  fields: Record<string, unknown>;
  sections: Record<string, string | TimelineAnswer[] | ActionAnswer[]>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

export interface AnswerContext {
  /** IANA zone for times written without one. */
  zone: string;
  /** YYYY-MM-DD for times written without a date. */
  date?: string;
  /** The incident's start as answered (field key and instant): a date-less time after it may be the next day. */
  start?: { key: string; iso: string };
  now: DateTime;
}

/** The zone and date that date-less, zone-less times take, from the answers so far. */
export function contextFor(template: Template, answers: Answers, fallbackZone: string, now = DateTime.now()): AnswerContext {
  const tzField = template.fields.find((f) => f.type === 'timezone');
  const zone = (tzField && typeof answers.fields[tzField.key] === 'string' ? (answers.fields[tzField.key] as string) : undefined) ?? fallbackZone;
  const dateField = template.fields.find((f) => f.type === 'date');
  let date = dateField ? (answers.fields[dateField.key] as string | undefined) : undefined;
  const start = template.fields.find((f) => f.type === 'datetime' && answers.fields[f.key]);
  if (!date && start) date = DateTime.fromISO(String(answers.fields[start.key]), { setZone: true }).toISODate() ?? undefined;
  return { zone, ...(date ? { date } : {}), ...(start ? { start: { key: start.key, iso: String(answers.fields[start.key]) } } : {}), now };
}

/**
 * A date-time as people type it: "now", "09:05", "9:05 AM", "2023-03-01 09:05", "2023-03-01T09:05:00-05:00".
 * Without a date it takes the incident's; without a zone, the document's.
 */
export function parseDateTime(input: string, ctx: AnswerContext, field?: string): Result<string> {
  const text = input.trim();
  const zone = ctx.zone;
  if (/^now$/i.test(text)) return ok(ctx.now.setZone(zone).startOf('minute').toISO({ suppressMilliseconds: true })!);
  const iso = parseIsoDateTime(text, true);
  if (iso) return ok(iso.toISO({ suppressMilliseconds: true })!);
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)$/.exec(text);
  if (local) {
    const dt = DateTime.fromISO(`${local[1]}T${local[2]!.padStart(5, '0')}`, { zone });
    if (dt.isValid) return ok(dt.toISO({ suppressMilliseconds: true })!);
  }
  const times = findTimes(text);
  const t = times[0];
  if (t && times.length === 1 && t.index === 0 && t.length >= text.length - 1) {
    const date = t.date?.year !== undefined ? t.date : ctx.date ? parseDateParts(ctx.date) : undefined;
    if (!date) return fail('Give the date too, e.g. "2023-03-01 09:05", or answer the date question first');
    let dt = DateTime.fromObject(
      { year: date.year, month: date.month, day: date.day, hour: t.hour, minute: t.minute, second: t.second },
      { zone: t.zone ?? zone },
    );
    // Written without a date after an evening start ("00:10" after 21:10): the next day, as the reader takes it.
    if (dt.isValid && t.date === undefined && ctx.start && field !== ctx.start.key) {
      const s = DateTime.fromISO(ctx.start.iso, { setZone: true }).setZone(dt.zone);
      if (s.isValid && dt < s && s.toISODate() === dt.toISODate() && crossesMidnight(s.hour * 60 + s.minute, dt.hour * 60 + dt.minute)) dt = dt.plus({ days: 1 });
    }
    if (dt.isValid) return ok(dt.setZone(zone).toISO({ suppressMilliseconds: true })!);
  }
  return fail('Expected a time such as "09:05", "9:05 AM", "2023-03-01 09:05" or "now"');
}

function parseDateParts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function parseDate(input: string, ctx: AnswerContext): Result<string> {
  const text = input.trim();
  if (/^(today|now)$/i.test(text)) return ok(ctx.now.setZone(ctx.zone).toISODate()!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid) return ok(text);
  return fail('Expected a date as YYYY-MM-DD, e.g. 2023-03-01, or "today"');
}

/** Parse one field's answer (a string from a prompt or flag, or a value from an answers file). */
export function parseField(field: TemplateField, raw: unknown, ctx: AnswerContext): Result<unknown> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim()) || (Array.isArray(raw) && raw.length === 0)) {
    return field.required ? fail(`"${field.key}" is required`) : ok(undefined);
  }
  const text = Array.isArray(raw) ? raw.join(', ') : String(raw);
  switch (field.type) {
    case 'string':
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return fail('Expected text');
      const value = String(raw).trim();
      if (field.type === 'string' && /[\r\n]/.test(value)) return fail('Expected a single line');
      return ok(value);
    }
    case 'enum': {
      const choice = field.choices!.find((c) => c.toLowerCase() === text.trim().toLowerCase());
      return choice ? ok(choice) : fail(`Expected one of ${field.choices!.join(', ')}`);
    }
    case 'list': {
      const items = (Array.isArray(raw) ? raw.map(String) : text.split(',')).map((s) => s.trim()).filter(Boolean);
      if (items.some((s) => /[\r\n]/.test(s))) return fail('Expected single-line names');
      return items.length ? ok(items) : field.required ? fail(`"${field.key}" is required`) : ok(undefined);
    }
    case 'number': {
      const n = Number(text.trim());
      return Number.isFinite(n) ? ok(n) : fail('Expected a number');
    }
    case 'percent': {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(?:%\s*)?$/.exec(text);
      const n = m ? Number(m[1]) : NaN;
      return Number.isFinite(n) && n >= 0 && n <= 100 ? ok(n) : fail('Expected a percentage from 0 to 100');
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      if (/^(y|yes|true)$/i.test(text.trim())) return ok(true);
      if (/^(n|no|false)$/i.test(text.trim())) return ok(false);
      return fail('Expected yes or no');
    }
    case 'date':
      return parseDate(text, ctx);
    case 'datetime':
      return parseDateTime(text, ctx, field.key);
    case 'timezone':
      return isIanaZone(text.trim()) ? ok(text.trim()) : fail('Expected an IANA time-zone name such as America/New_York, Europe/Paris or UTC');
  }
}

function countWords(text: string): number {
  return (text.match(/\S+/g) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A prose answer's own checks (checks across answers are the lint rules': see check.ts). */
export function checkProse(section: TemplateSection, text: string): Result<string> {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (!value) return section.required ? fail(`"${section.heading}" is required`) : ok('');
  if (countWords(value) === 0) return fail('Write at least one word');
  const placeholder = findPlaceholder(value);
  if (placeholder) return fail(`Write what happened instead of the placeholder "${placeholder}"`);
  const words = countWords(value);
  if (section.words?.min !== undefined && words < section.words.min) return fail(`Write at least ${section.words.min} words (now ${words})`);
  if (section.words?.max !== undefined && words > section.words.max) return fail(`Write at most ${section.words.max} words (now ${words})`);
  return ok(value);
}

/** A timeline entry as typed: "09:05 What happened", or { time, text }. */
export function parseTimelineEntry(raw: unknown, ctx: AnswerContext): Result<TimelineAnswer> {
  let time: string;
  let text: string;
  if (typeof raw === 'string') {
    const t = findTimes(raw)[0];
    const lead = t ? raw.slice(0, t.index) : raw;
    if (!t || lead.trim()) return fail(`Expected "TIME what happened", e.g. "09:05 Alert fired", not "${raw}"`);
    time = raw.slice(0, t.index + t.length);
    text = raw.slice(t.index + t.length).replace(/^\s*[-—–:|]?\s*/, '');
  } else if (raw && typeof raw === 'object' && 'time' in raw) {
    const r = raw as Record<string, unknown>;
    time = String(r.time ?? '');
    text = String(r.text ?? r.event ?? '');
  } else {
    return fail('Expected a timeline entry: "09:05 what happened" or { time, text }');
  }
  const when = parseDateTime(time, ctx);
  if (!when.ok) return when;
  const what = text.replace(/\s+/g, ' ').trim();
  if (countWords(what) === 0) return fail('Say what happened at that time, in words');
  const placeholder = findPlaceholder(what);
  if (placeholder) return fail(`Write what happened instead of the placeholder "${placeholder}"`);
  return ok({ time: when.value, text: what });
}

const OWNER_OK = /^[^\S\r\n]*[^\s,()][^,()\r\n]*$/;

export function checkOwner(owner: string): Result<string> {
  const value = owner.trim();
  return OWNER_OK.test(value) ? ok(value) : fail('An owner is a name or @handle, without commas or parentheses');
}

/** An action item as typed: "Task (owner: @x, due: 2023-03-15)", or { item, owner, due, type, bug }. */
export function parseAction(raw: unknown, template: Template, ctx: AnswerContext): Result<ActionAnswer> {
  let a: ActionAnswer;
  if (typeof raw === 'string') {
    const parsed = parseActionLine(raw);
    a = { item: parsed.item };
    if (parsed.owner) a.owner = parsed.owner;
    if (parsed.due) a.due = parsed.due;
    if (parsed.done) a.done = true;
  } else if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    a = { item: String(r.item ?? r.task ?? r.text ?? '') };
    for (const k of ['owner', 'due', 'type', 'bug'] as const) if (r[k] !== undefined && r[k] !== null && String(r[k]).trim()) a[k] = String(r[k]).trim();
    if (r.done === true) a.done = true;
  } else {
    return fail('Expected an action item: "Task (owner: @name, due: YYYY-MM-DD)" or { item, owner, due }');
  }
  a.item = a.item.replace(/\s+/g, ' ').trim();
  if (countWords(a.item) === 0) return fail('Describe the task in words');
  const placeholder = findPlaceholder(a.item);
  if (placeholder) return fail(`Describe the task instead of the placeholder "${placeholder}"`);
  if (a.owner !== undefined) {
    const o = checkOwner(a.owner);
    if (!o.ok) return o;
    a.owner = o.value;
  } else if (template.lint.actions.owner) {
    return fail(`Name an owner for "${a.item}"`);
  }
  if (a.due !== undefined) {
    const d = parseDate(a.due, ctx);
    if (!d.ok) return d;
    a.due = d.value;
  } else if (template.lint.actions.due && !a.done) {
    return fail(`Give a due date for "${a.item}"`);
  }
  for (const k of ['type', 'bug'] as const) {
    if (a[k] !== undefined && !OWNER_OK.test(a[k]!)) return fail(`The ${k} cannot contain commas or parentheses`);
  }
  return ok(a);
}

/** What is required and still missing: field keys and section ids. */
export function missingAnswers(template: Template, answers: Answers): Array<{ kind: 'field' | 'section'; key: string }> {
  const out: Array<{ kind: 'field' | 'section'; key: string }> = [];
  for (const f of template.fields) {
    const v = answers.fields[f.key];
    if (f.required && (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) && f.default === undefined) {
      out.push({ kind: 'field', key: f.key });
    }
  }
  for (const s of template.sections) {
    const v = answers.sections[s.id];
    if (s.required && (v === undefined || v === '' || (Array.isArray(v) && v.length === 0))) out.push({ kind: 'section', key: s.id });
  }
  return out;
}

/**
 * Parse raw answers (from a file, flags or a draft) into `answers`, dates and zones first so that times can use
 * them. Throws UserError naming the answer (`where`) and the problem.
 */
export function parseAnswers(template: Template, answers: Answers, raw: { fields: Record<string, unknown>; sections: Record<string, unknown> }, where: (key: string, kind: 'field' | 'section') => string, fallbackZone: string): void {
  const order = [...template.fields].sort((a, b) => rank(a.type) - rank(b.type));
  for (const f of order) {
    if (!(f.key in raw.fields)) continue;
    const r = parseField(f, raw.fields[f.key], contextFor(template, answers, fallbackZone));
    if (!r.ok) throw new UserError(`${where(f.key, 'field')}: ${r.error}`);
    if (r.value !== undefined) answers.fields[f.key] = r.value;
  }
  for (const s of template.sections) {
    if (!(s.id in raw.sections)) continue;
    const value = raw.sections[s.id];
    const ctx = contextFor(template, answers, fallbackZone);
    if (s.kind === 'prose') {
      if (typeof value !== 'string') throw new UserError(`${where(s.id, 'section')}: expected text`);
      const r = checkProse(s, value);
      if (!r.ok) throw new UserError(`${where(s.id, 'section')}: ${r.error}`);
      if (r.value) answers.sections[s.id] = r.value;
    } else {
      const list = Array.isArray(value) ? value : [value];
      const parsed = list.map((item, i) => {
        const r = s.kind === 'timeline' ? parseTimelineEntry(item, ctx) : parseAction(item, template, ctx);
        if (!r.ok) throw new UserError(`${where(s.id, 'section')} (item ${i + 1}): ${r.error}`);
        return r.value;
      });
      if (parsed.length) answers.sections[s.id] = parsed as never;
    }
  }
}

function rank(type: string): number {
  return type === 'timezone' ? 0 : type === 'date' ? 1 : type === 'datetime' ? 2 : 3;
}


/** How a time was read, for the author to see: "2023-03-01 09:00 EST (-05:00)". */
export function describeTime(iso: string, zone?: string): string {
  let dt = DateTime.fromISO(iso, { setZone: true });
  if (zone) dt = dt.setZone(zone);
  if (!dt.isValid) return iso;
  return `${dt.toFormat(dt.second ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm')} ${dt.toFormat('ZZZZ')} (${dt.toFormat('ZZ')})`;
}

/** Whether an answer is there (an empty string or list is no answer). */
export function answered(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}
