/** The interview in a terminal, with @inquirer/prompts. Loaded only when `new` has questions to ask a person. */
import { confirm, input, select } from '@inquirer/prompts';
import type { Template, TemplateField, TemplateSection } from '../template/template.js';
import {
  checkOwner,
  checkProse,
  contextFor,
  parseDate,
  parseDateTime,
  parseField,
  type ActionAnswer,
  type Answers,
  type TimelineAnswer,
} from './answers.js';

export interface InterviewOptions {
  template: Template;
  answers: Answers;
  /** Zone for times typed without one, until the document's own is answered. */
  fallbackZone: string;
  /** Called after every answer, to keep a draft. */
  onAnswer: () => void;
  /** Only these (field keys or section ids); default: everything not yet answered. */
  only?: Set<string>;
  output?: NodeJS.WritableStream;
}

const HINTS: Partial<Record<TemplateField['type'], string>> = {
  datetime: '09:05, 9:05 AM, 2023-03-01 09:05 or now',
  date: 'YYYY-MM-DD or today',
  list: 'comma-separated',
  percent: '0 to 100',
  timezone: 'IANA name, e.g. Europe/Paris',
};

function answered(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

async function askField(field: TemplateField, o: InterviewOptions): Promise<void> {
  const ctx = () => contextFor(o.template, o.answers, o.fallbackZone);
  const hint = HINTS[field.type];
  const message = `${field.prompt}${hint ? ` (${hint})` : ''}${field.required ? '' : ' [optional]'}`;
  let value: unknown;
  if (field.type === 'enum') {
    value = await select({
      message,
      choices: field.choices!.map((c) => ({ value: c, name: c })),
      ...(field.default !== undefined ? { default: String(field.default) } : {}),
    });
  } else if (field.type === 'boolean') {
    value = await confirm({ message, ...(typeof field.default === 'boolean' ? { default: field.default } : {}) });
  } else {
    const fallback = field.type === 'timezone' ? o.fallbackZone : field.default !== undefined ? String(field.default) : undefined;
    const text = await input({
      message,
      ...(fallback !== undefined ? { default: fallback } : {}),
      validate: (v) => {
        const r = parseField(field, v, ctx());
        return r.ok ? true : r.error;
      },
    });
    const r = parseField(field, text, ctx());
    value = r.ok ? r.value : undefined;
  }
  if (value !== undefined) o.answers.fields[field.key] = value;
  o.onAnswer();
}

async function askProse(section: TemplateSection, o: InterviewOptions): Promise<void> {
  const out = o.output ?? process.stdout;
  for (;;) {
    out.write(`\n${section.heading}: ${section.prompt}\n  One paragraph per line; an empty line ends the section.\n`);
    const lines: string[] = [];
    for (;;) {
      const line = await input({
        message: `${section.heading} ›`,
        validate: (v) => (v.trim() || lines.length > 0 || !section.required ? true : `"${section.heading}" is required`),
      });
      if (!line.trim()) break;
      lines.push(line.trim());
    }
    const r = checkProse(section, lines.join('\n\n'), o.answers);
    if (r.ok) {
      if (r.value) o.answers.sections[section.id] = r.value;
      o.onAnswer();
      return;
    }
    out.write(`  ✖ ${r.error}. Please write it again.\n`);
  }
}

async function askTimeline(section: TemplateSection, o: InterviewOptions): Promise<void> {
  const out = o.output ?? process.stdout;
  out.write(`\n${section.heading}: ${section.prompt}\n  Times take the incident's date and zone unless you give them.\n`);
  const entries = (o.answers.sections[section.id] as TimelineAnswer[] | undefined) ?? [];
  for (;;) {
    const ctx = contextFor(o.template, o.answers, o.fallbackZone);
    const time = await input({
      message: `Time of the next event (${HINTS.datetime}; empty to finish)`,
      validate: (v) => {
        if (!v.trim()) return entries.length > 0 || !section.required ? true : 'The timeline needs at least one event';
        const r = parseDateTime(v, ctx);
        return r.ok ? true : r.error;
      },
    });
    if (!time.trim()) break;
    const when = parseDateTime(time, ctx);
    if (!when.ok) continue;
    const text = await input({ message: `What happened at ${time.trim()}?`, validate: (v) => (v.trim() ? true : 'Say what happened') });
    entries.push({ time: when.value, text: text.replace(/\s+/g, ' ').trim() });
    o.answers.sections[section.id] = entries;
    o.onAnswer();
  }
}

async function askActions(section: TemplateSection, o: InterviewOptions): Promise<void> {
  const out = o.output ?? process.stdout;
  out.write(`\n${section.heading}: ${section.prompt}\n`);
  const items = (o.answers.sections[section.id] as ActionAnswer[] | undefined) ?? [];
  const lint = o.template.lint.actions;
  for (;;) {
    const item = await input({
      message: 'Action item (empty to finish)',
      validate: (v) => (v.trim() || items.length > 0 || !section.required ? true : 'Add at least one action item'),
    });
    if (!item.trim()) break;
    const a: ActionAnswer = { item: item.replace(/\s+/g, ' ').trim() };
    const owner = await input({
      message: `Owner${lint.owner ? '' : ' [optional]'}`,
      validate: (v) => (!v.trim() ? (lint.owner ? 'Name an owner' : true) : checkOwner(v).ok || (checkOwner(v) as { error: string }).error),
    });
    if (owner.trim()) a.owner = owner.trim();
    const ctx = contextFor(o.template, o.answers, o.fallbackZone);
    const due = await input({
      message: `Due date (${HINTS.date})${lint.due ? '' : ' [optional]'}`,
      validate: (v) => {
        if (!v.trim()) return lint.due ? 'Give a due date' : true;
        const r = parseDate(v, ctx);
        return r.ok ? true : r.error;
      },
    });
    if (due.trim()) {
      const r = parseDate(due, ctx);
      if (r.ok) a.due = r.value;
    }
    for (const col of ['type', 'bug'] as const) {
      if (!section.columns.includes(col)) continue;
      const v = await input({ message: col === 'type' ? 'Type (mitigate, prevent, process…) [optional]' : 'Tracking bug or ticket [optional]' });
      if (v.trim()) a[col] = v.trim().replace(/[,()]/g, ' ');
    }
    items.push(a);
    o.answers.sections[section.id] = items;
    o.onAnswer();
  }
}

/** Ask everything not yet answered (or only `o.only`), in the template's order. */
export async function interview(o: InterviewOptions): Promise<void> {
  const asked = new Set<string>();
  const want = (key: string, value: unknown): boolean => !asked.has(key) && (o.only ? o.only.has(key) : !answered(value));
  const ask = async (field: TemplateField): Promise<void> => {
    asked.add(field.key);
    await askField(field, o);
  };
  const tz = o.template.fields.find((f) => f.type === 'timezone');
  for (const field of o.template.fields) {
    if (!want(field.key, o.answers.fields[field.key])) continue;
    // Times need their zone: ask for it before the first date-time.
    if (field.type === 'datetime' && tz && want(tz.key, o.answers.fields[tz.key])) await ask(tz);
    await ask(field);
  }
  for (const section of o.template.sections) {
    if (!want(section.id, o.answers.sections[section.id])) continue;
    if (section.kind === 'timeline') await askTimeline(section, o);
    else if (section.kind === 'actions') await askActions(section, o);
    else await askProse(section, o);
  }
}
