/**
 * The questions a template asks, in the order `new` asks them: its fields (the time zone moved before the first
 * date-time, which needs it), then its sections. One list, so that the interview, its opening line ("12
 * questions"), the draft's position and `--resume` all count the same way.
 */
import type { Template, TemplateField, TemplateSection } from '../template/template.js';

export type FieldQuestion = { kind: 'field'; id: string; field: TemplateField };
export type SectionQuestion = { kind: 'prose' | 'timeline' | 'actions'; id: string; section: TemplateSection };
export type Question = FieldQuestion | SectionQuestion;

export function questionsFor(template: Template): Question[] {
  const out: Question[] = [];
  const tz = template.fields.find((f) => f.type === 'timezone');
  const firstTime = template.fields.findIndex((f) => f.type === 'datetime');
  template.fields.forEach((field, i) => {
    if (field === tz && firstTime >= 0 && firstTime < i) return; // asked before the first date-time
    if (i === firstTime && tz && template.fields.indexOf(tz) > i) out.push({ kind: 'field', id: tz.key, field: tz });
    out.push({ kind: 'field', id: field.key, field });
  });
  for (const section of template.sections) out.push({ kind: section.kind, id: section.id, section });
  return out;
}

/** The hint shown after a field's question. */
export const FIELD_HINTS: Partial<Record<TemplateField['type'], string>> = {
  datetime: '09:05, 9:05 AM, 2023-03-01 09:05 or now',
  date: 'YYYY-MM-DD or today',
  list: 'comma-separated',
  percent: '0 to 100',
  timezone: 'IANA name, e.g. Europe/Paris',
};

/** The question as shown: "When did the impact start? (09:05, 9:05 AM, … or now)". */
export function fieldMessage(field: TemplateField): string {
  const hint = FIELD_HINTS[field.type];
  return `${field.prompt}${hint ? ` (${hint})` : ''}${field.required ? '' : ' [optional]'}`;
}

/** A short name for a question, for the review screen and messages. */
export function questionLabel(q: Question): string {
  return q.kind === 'field' ? q.field.key : q.section.heading;
}
